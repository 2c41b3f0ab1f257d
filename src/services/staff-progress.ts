// A person's self-assessments, check-ins and module progress, for the API (/v1/me/..., /v1/staff/{id}/progress) and
// the signed-in web pages alike: planning around done and assigned modules, and storing each change in one write.
import { checkIn as replan } from '../domain/checkin.js';
import { recommend, validateCheckInRefs } from '../domain/recommend.js';
import type { CheckIn, Content, RecommendationRequest } from '../domain/types.js';
import { webhookEvent } from '../integrations/webhook-events.js';
import { newAssessment } from '../repos/assessments.js';
import { newCheckIn, observationQueries } from '../repos/checkins.js';
import { newPathway } from '../repos/pathways.js';
import { getProgress, recordProgressQuery, type Progress } from '../repos/progress.js';
import type { Staff } from '../repos/staff.js';
import { catalogueForOrg } from './local-content.js';
import { planAround, planningState, type PlanningState } from './pathway-view.js';
import { succeed, type Failure, type Outcome } from './outcome.js';
import type { Deps } from './deps.js';

export interface AssessmentInput {
  /** The engine request from the person's answers, its ids known; completed modules and the budget are set here. */
  readonly request: RecommendationRequest;
  /** The answers as stored with the assessment. */
  readonly answers: Readonly<Record<string, unknown>>;
  /** Modules the person says they did elsewhere: recorded as completed (self-reported). */
  readonly alsoCompleted?: readonly string[] | undefined;
}

export interface Recorded {
  readonly id: string;
  readonly createdAt: string;
}

/**
 * Stores a self-assessment with its recommended pathway. Modules done already, and those a leader assigned (shown
 * first), are planned around; the assigned modules' minutes come out of the time budget. Answers with the stored
 * assessment and the person's planning state with the new pathway as their latest.
 */
export async function takeAssessment(deps: Deps, content: Content, staff: Staff, input: AssessmentInput): Promise<{ assessment: Recorded; state: PlanningState }> {
  const database = deps.database;
  const now = deps.now();
  const state = await planningState(deps, staff);
  const selfReported = (input.alsoCompleted ?? []).filter((id) => !state.completed.has(id));
  for (const id of selfReported) state.completed.add(id);
  const known = new Set(content.catalogue.modules.map((m) => m.id));
  const around = planAround(content, state);
  const request = {
    ...input.request,
    completedModuleIds: around.ids.filter((id) => known.has(id)),
    timeBudgetMinutes: Math.max(0, input.request.timeBudgetMinutes - around.assignedMinutes),
  };
  const response = recommend(content, request);
  const assessment = newAssessment(database.db, staff.id, input.answers, now);
  const pathway = newPathway(database.db, { staffId: staff.id, assessmentId: assessment.id, cause: 'assessment', request, response }, now);
  await database.atomic([
    assessment.query,
    ...pathway.queries,
    ...selfReported.map((id) => recordProgressQuery(database.db, staff.id, id, 'completed', 'self', now)),
    webhookEvent(database.db, staff.settingId, 'assessment.completed', { staffId: staff.id, assessmentId: assessment.id }, now),
    webhookEvent(database.db, staff.settingId, 'pathway.updated', { staffId: staff.id, pathwayId: pathway.id, cause: 'assessment' }, now),
  ]);
  const latest = { id: pathway.id, staffId: staff.id, assessmentId: assessment.id, cause: 'assessment' as const, request, response, createdAt: now.toISOString() };
  return { assessment: { id: assessment.id, createdAt: now.toISOString() }, state: { ...state, latest } };
}

/**
 * A check-in after module `moduleId` with re-ratings (area id → 1..5): marks the module completed, re-plans the
 * rest of the stored pathway through the engine's check-in, and stores the progress, the check-in, the new pathway
 * and the de-identified observations in one write. Fails on unknown ids, and before a first assessment (there is
 * no pathway to re-plan). `channel` says where the re-ratings came from (web or API check-in, or an xAPI result).
 * Answers with the stored check-in and the planning state after it.
 */
export async function checkIn(
  deps: Deps,
  content: Content,
  staff: Staff,
  input: CheckIn,
  channel: 'checkin' | 'xapi' = 'checkin',
): Promise<Outcome<{ checkIn: Recorded & { moduleId: string }; state: PlanningState }, Failure<'unknown-ids' | 'not-assessed'>>> {
  const problems = validateCheckInRefs(content, input);
  if (problems.length) return { ok: false, reason: 'unknown-ids', problems: problems.map((p) => ({ kind: 'validation', path: p.path, message: p.message })) };
  const state = await planningState(deps, staff);
  if (!state.latest) return { ok: false, reason: 'not-assessed', problems: [{ kind: 'conflict', path: 'moduleId', message: 'no pathway to re-plan yet' }] };
  const database = deps.database;
  const now = deps.now();
  // Plan around what is done or assigned now (the module itself joins through the check-in).
  const request = { ...state.latest.request, completedModuleIds: planAround(content, state, input.moduleId).ids };
  const result = replan(content, request, state.latest.response, input);
  const pathway = newPathway(database.db, { staffId: staff.id, assessmentId: state.latest.assessmentId, cause: 'checkin', request: result.request, response: result.response, derivation: result.derivation }, now);
  const stored = newCheckIn(database.db, { staffId: staff.id, moduleId: input.moduleId, ratings: { ...input.ratings }, pathwayId: pathway.id }, now);
  await database.atomic([
    recordProgressQuery(database.db, staff.id, input.moduleId, 'completed', 'self', now),
    ...pathway.queries,
    stored.query,
    ...observationQueries(database.db, { staffId: staff.id, moduleId: input.moduleId, channel }, result.observations, now),
    webhookEvent(database.db, staff.settingId, 'module.completed', { staffId: staff.id, moduleId: input.moduleId, checkInId: stored.id }, now),
    webhookEvent(database.db, staff.settingId, 'pathway.updated', { staffId: staff.id, pathwayId: pathway.id, cause: 'checkin' }, now),
  ]);
  state.completed.add(input.moduleId);
  state.started.delete(input.moduleId);
  const latest = { id: pathway.id, staffId: staff.id, assessmentId: state.latest.assessmentId, cause: 'checkin' as const, request: result.request, response: result.response, createdAt: now.toISOString() };
  return succeed({ checkIn: { id: stored.id, moduleId: input.moduleId, createdAt: now.toISOString() }, state: { ...state, latest } });
}

/** Records a start or completion of a catalogue module for a person (`source`: self, leader, api); answers with the stored progress. */
export async function recordProgress(
  deps: Deps,
  staff: Staff,
  input: { readonly moduleId: string; readonly status: 'started' | 'completed' },
  source: string,
): Promise<Outcome<Progress, Failure<'unknown-module'>>> {
  const { content } = await catalogueForOrg(deps, deps.content, staff.settingId); // shipped plus the setting's own
  if (!content.catalogue.modules.some((m) => m.id === input.moduleId)) {
    return { ok: false, reason: 'unknown-module', problems: [{ kind: 'validation', path: 'moduleId', message: `Unknown module (catalogue ${content.catalogue.version}).` }] };
  }
  const database = deps.database;
  const now = deps.now();
  const before = input.status === 'completed' ? await getProgress(database.db, staff.id, input.moduleId) : null;
  const newlyCompleted = input.status === 'completed' && before?.status !== 'completed';
  await database.atomic([
    recordProgressQuery(database.db, staff.id, input.moduleId, input.status, source, now),
    ...(newlyCompleted ? [webhookEvent(database.db, staff.settingId, 'module.completed', { staffId: staff.id, moduleId: input.moduleId, source }, now)] : []),
  ]);
  return succeed((await getProgress(database.db, staff.id, input.moduleId))!);
}
