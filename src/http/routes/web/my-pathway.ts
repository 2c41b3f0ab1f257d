// A signed-in person's stored pathway: save an assessment (with its pathway), record a check-in after a step and
// re-plan (planning around completed and leader-assigned modules), and turn a stored assessment back into journey
// answers for a re-take. Repos, domain and pathway-view only, no HTML.
import type { Context } from 'hono';
import { checkIn } from '../../../domain/checkin.js';
import { recommend } from '../../../domain/recommend.js';
import { PHASES, ROLES, type Content, type Phase, type Role } from '../../../domain/types.js';
import { newAssessment } from '../../../repos/assessments.js';
import { newCheckIn, observationQueries } from '../../../repos/checkins.js';
import { newPathway } from '../../../repos/pathways.js';
import { recordProgressQuery } from '../../../repos/progress.js';
import { getStaff, type Staff } from '../../../repos/staff.js';
import { decodeJourney, toRequest, type JourneyState } from '../../../web/journey/state.js';
import type { AppEnv } from '../../env.js';
import { evidenceInForce } from '../../evidence-cache.js';
import { planAround, planningState } from '../../pathway-view.js';

type C = Context<AppEnv>;

/** The signed-in person's staff record, or null for accounts without one. */
export async function staffOf(c: C, staffId: string | null): Promise<Staff | null> {
  return staffId ? getStaff(c.get('database').db, staffId) : null;
}

/** The content with the evidence set in force (the published set in the database). */
export async function engineContent(c: C): Promise<Content> {
  return (await evidenceInForce(c)).content;
}

/**
 * Saves a complete journey as a new assessment with its recommended pathway. Modules already done, and those a
 * leader assigned (shown first), are planned around; the assigned modules' minutes come out of the time budget.
 */
export async function saveAssessment(c: C, staff: Staff, state: JourneyState): Promise<void> {
  const { db } = c.get('database');
  const content = await engineContent(c);
  const now = c.get('clock')();
  const around = planAround(content, await planningState(c, staff));
  // As the API does: role and phase come from the staff record (what leaders' coverage groups by) when valid.
  const fromRecord: JourneyState = {
    ...state,
    role: (ROLES as readonly string[]).includes(staff.jobRole) ? (staff.jobRole as Role) : state.role,
    phase: (PHASES as readonly string[]).includes(staff.phase) ? (staff.phase as Phase) : state.phase,
  };
  const base = toRequest(content, fromRecord, around.ids);
  const request = { ...base, timeBudgetMinutes: Math.max(0, base.timeBudgetMinutes - around.assignedMinutes) };
  const response = recommend(content, request);
  const answers = {
    role: request.role,
    phase: request.phase,
    responses: request.responses,
    weeklyMinutes: request.weeklyMinutes,
    timeBudgetMinutes: base.timeBudgetMinutes,
    formats: request.formats,
  };
  const assessment = newAssessment(db, staff.id, answers, now);
  const pathway = newPathway(db, { staffId: staff.id, assessmentId: assessment.id, cause: 'assessment', request, response }, now);
  await c.get('database').atomic([assessment.query, pathway.query]);
}

/**
 * Marks `moduleId` done with optional re-ratings (area id → 1..5). With a stored pathway it re-plans through the
 * engine's check-in and stores the progress, the check-in, the new pathway and the de-identified observations in
 * one atomic write; before a first assessment (an assigned module) it records the progress alone.
 */
export async function recordCheckIn(c: C, staff: Staff, moduleId: string, ratings: Record<string, number>): Promise<void> {
  const database = c.get('database');
  const content = await engineContent(c);
  const now = c.get('clock')();
  const done = recordProgressQuery(database.db, staff.id, moduleId, 'completed', 'self', now);
  const state = await planningState(c, staff);
  if (!state.latest) return database.atomic([done]);
  const request = { ...state.latest.request, completedModuleIds: planAround(content, state, moduleId).ids };
  const result = checkIn(content, request, state.latest.response, { moduleId, ratings });
  const pathway = newPathway(database.db, { staffId: staff.id, assessmentId: state.latest.assessmentId, cause: 'checkin', request: result.request, response: result.response }, now);
  const stored = newCheckIn(database.db, { staffId: staff.id, moduleId, ratings, pathwayId: pathway.id }, now);
  await database.atomic([done, pathway.query, stored.query, ...observationQueries(database.db, result.observations, now)]);
}

/** Journey answers rebuilt from a stored assessment, so a re-take starts from the last answers (bad values dropped). */
export function journeyFromAssessment(answers: Record<string, unknown>): JourneyState {
  const a: Record<string, number> = {};
  if (Array.isArray(answers.responses)) {
    for (const r of answers.responses as { itemId?: unknown; value?: unknown }[]) {
      if (typeof r?.itemId === 'string') a[r.itemId] = r.value === null ? 0 : Number(r.value);
    }
  }
  return decodeJourney(JSON.stringify({ r: answers.role, p: answers.phase, a, w: answers.weeklyMinutes, b: answers.timeBudgetMinutes, f: answers.formats }));
}
