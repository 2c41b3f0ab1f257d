// A signed-in person's stored pathway: save the journey's answers as an assessment and record a check-in after a
// step (both through services/staff-progress.ts, as the API does), and turn a stored assessment back into journey
// answers for a re-take. No HTML.
import type { Context } from 'hono';
import { PHASES, ROLES, type Content, type Phase, type Role } from '../../../domain/types.js';
import type { Staff } from '../../../repos/staff.js';
import { staffById } from '../../../services/staff.js';
import { decodeJourney, toRequest, type JourneyState } from '../../../web/journey/state.js';
import type { AppEnv } from '../../env.js';
import { evidenceInForce } from '../../../services/evidence-cache.js';
import { catalogueForCaller } from '../../caller-catalogue.js';
import { checkIn, recordProgress, takeAssessment } from '../../../services/staff-progress.js';
import { serviceDeps } from '../../service-deps.js';

type C = Context<AppEnv>;

/** The signed-in person's staff record, or null for accounts without one. */
export async function staffOf(c: C, staffId: string | null): Promise<Staff | null> {
  return staffId ? staffById(serviceDeps(c), staffId) : null;
}

/** The content with the evidence set in force, plus the signed-in person's setting's and trust's own modules. */
export async function engineContent(c: C): Promise<Content> {
  return (await catalogueForCaller(c, (await evidenceInForce(serviceDeps(c))).content)).content;
}

/**
 * Saves a complete journey as a new assessment with its recommended pathway, through the service the API uses
 * (modules done already, and those a leader assigned, are planned around).
 */
export async function saveAssessment(c: C, staff: Staff, state: JourneyState): Promise<void> {
  const content = await engineContent(c);
  // The role and phase the person chose are kept (their plan is for the job they do); the staff record fills only
  // what the journey lacks. Leaders' coverage still groups by the staff record, and the pathway page says so.
  const chosen: JourneyState = {
    ...state,
    role: state.role ?? ((ROLES as readonly string[]).includes(staff.jobRole) ? (staff.jobRole as Role) : undefined),
    phase: state.phase ?? ((PHASES as readonly string[]).includes(staff.phase) ? (staff.phase as Phase) : undefined),
  };
  const request = toRequest(content, chosen);
  const answers = {
    role: request.role,
    phase: request.phase,
    responses: request.responses,
    weeklyMinutes: request.weeklyMinutes,
    timeBudgetMinutes: request.timeBudgetMinutes,
    formats: request.formats,
  };
  await takeAssessment(serviceDeps(c), content, staff, { request, answers });
}

/**
 * Marks `moduleId` done with optional re-ratings (area id → 1..5): with a stored pathway, a check-in through the
 * service the API uses (re-planned, with progress, check-in, pathway and observations in one write); before a first
 * assessment (an assigned module) the progress alone.
 */
export async function recordCheckIn(c: C, staff: Staff, moduleId: string, ratings: Record<string, number>): Promise<void> {
  const done = await checkIn(serviceDeps(c), await engineContent(c), staff, { moduleId, ratings });
  if (done.ok) return;
  const recorded = done.reason === 'not-assessed' ? await recordProgress(serviceDeps(c), staff, { moduleId, status: 'completed' }, 'self') : done;
  if (!recorded.ok) throw new Error(`check-in of ${moduleId}: ${recorded.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
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
