// Loads what a person's pathway view needs (latest plan, assignments, progress) and merges it; also the module
// ids the engine must plan around (done already, or assigned and shown first).
import { assignedModuleOrder, mergeAssigned, type AssignedWork, type MergedPathway } from '../domain/merge-assigned.js';
import type { Content } from '../domain/types.js';
import { FORMATS } from '../domain/types.js';
import { assignmentsFor } from '../repos/assignments.js';
import { latestPathway, type StoredPathway } from '../repos/pathways.js';
import { listProgress } from '../repos/progress.js';
import type { Staff } from '../repos/staff.js';
import { rederiver } from './pathway-derive.js';
import { withRecomputedPlan } from './recomputed-pathway.js';
import { DEFAULT_WEEKLY_MINUTES } from '../http/schemas/recommendation.js';
import type { Deps } from './deps.js';

export interface PlanningState {
  readonly latest: StoredPathway | null;
  readonly work: AssignedWork[];
  readonly completed: Set<string>;
  readonly started: Set<string>;
}

/** The person's latest pathway, the assignments that apply to them and their progress. */
export async function planningState(deps: Deps, staff: Staff): Promise<PlanningState> {
  const db = deps.database.db;
  const [stored, assignments, progress] = await Promise.all([latestPathway(db, staff.id, rederiver(deps)), assignmentsFor(db, staff), listProgress(db, staff.id)]);
  return {
    latest: await withRecomputedPlan(deps, stored),
    work: assignments.map((a) => ({ assignmentId: a.id, kind: a.kind, moduleIds: a.moduleIds, dueDate: a.dueDate, assignedBy: a.assignedBy?.name ?? null })),
    completed: new Set(progress.filter((p) => p.status === 'completed').map((p) => p.moduleId)),
    started: new Set(progress.filter((p) => p.status === 'started').map((p) => p.moduleId)),
  };
}

/**
 * Modules the engine should treat as taken: those completed and those assigned (shown before the personalised
 * steps, so prerequisites still come first). `except` is left out (a module being checked in now).
 */
export function planAround(content: Content, state: PlanningState, except?: string): { ids: string[]; assignedMinutes: number } {
  const assigned = assignedModuleOrder(content, state.work, state.completed);
  const minutes = new Map(content.catalogue.modules.map((m) => [m.id, m.minutes]));
  const ids = new Set([...state.completed, ...assigned.map((a) => a.moduleId)]);
  if (except) ids.delete(except);
  return { ids: [...ids].sort(), assignedMinutes: assigned.reduce((s, a) => s + (minutes.get(a.moduleId) ?? 0), 0) };
}

export type MyPathway = MergedPathway & {
  readonly assessed: boolean;
  readonly pathwayId: string | null;
  readonly updatedAt: string | null;
  readonly profile: StoredPathway['response']['profile'] | null;
  readonly provenance: StoredPathway['response']['provenance'] | null;
};

/** The pathway as the person sees it. */
export function myPathway(content: Content, state: PlanningState): MyPathway {
  const req = state.latest?.request;
  const merged = mergeAssigned(content, {
    personalised: state.latest?.response ?? null,
    assignments: state.work,
    completed: state.completed,
    started: state.started,
    formats: req?.formats ?? FORMATS,
    weeklyMinutes: req?.weeklyMinutes ?? DEFAULT_WEEKLY_MINUTES,
  });
  return {
    ...merged,
    assessed: state.latest !== null,
    pathwayId: state.latest?.id ?? null,
    updatedAt: state.latest?.createdAt ?? null,
    profile: state.latest?.response.profile ?? null,
    provenance: state.latest?.response.provenance ?? null,
  };
}
