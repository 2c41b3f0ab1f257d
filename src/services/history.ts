// A member of staff's own history, as they see it: every pathway they were given (re-derived from its stored inputs),
// their module progress, their latest self-assessment and the sessions they booked.
import { listAssessments, type Assessment } from '../repos/assessments.js';
import { bookingsOf } from '../repos/local-catalogues.js';
import { allPathways, type StoredPathway } from '../repos/pathways.js';
import { listProgress, type Progress } from '../repos/progress.js';
import type { Deps } from './deps.js';
import { rederiver } from './pathway-derive.js';

/** Every pathway of the person, oldest first. */
export function pathwayHistory(deps: Deps, staffId: string): Promise<StoredPathway[]> {
  return allPathways(deps.database.db, staffId, rederiver(deps));
}

/** The person's module progress (started and completed). */
export function progressOf(deps: Deps, staffId: string): Promise<Progress[]> {
  return listProgress(deps.database.db, staffId);
}

/** The person's latest self-assessment, if any. */
export async function latestAssessment(deps: Deps, staffId: string): Promise<Assessment | undefined> {
  return (await listAssessments(deps.database.db, staffId, { limit: 1 })).data[0];
}

/** Ids of the sessions the person has booked. */
export async function bookedSessionIds(deps: Deps, staffId: string): Promise<Set<string>> {
  return new Set((await bookingsOf(deps.database.db, staffId)).map((b) => b.sessionId));
}
