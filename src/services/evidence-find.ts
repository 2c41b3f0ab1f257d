// Evidence sets as the API shows them (full and list views), and finding a set or a draft (404/409 problems).
import { getEvidenceSet, listEvidenceSets, type EvidenceSetRecord } from '../repos/evidence-sets.js';
import { listJudgements, type JudgementRecord } from '../repos/judgements.js';
import { ProblemError } from './problems.js';
import type { Deps } from './deps.js';

/** A stored set as the API shows it: the evidence-set body with its status and dates beside it. */
export function recordView(r: EvidenceSetRecord) {
  return {
    ...r.body,
    status: r.status,
    basedOn: r.basedOn,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
    supersededAt: r.supersededAt,
    ...(r.aggregation ? { aggregation: r.aggregation } : {}),
  };
}

/** The list view: identity, status, dates and provenance, without the weights. */
export function summaryView(r: EvidenceSetRecord) {
  const { id, version, provenance } = r.body;
  return { id, version, status: r.status, basedOn: r.basedOn, createdAt: r.createdAt, publishedAt: r.publishedAt, supersededAt: r.supersededAt, provenance };
}

/** The set `id`, or a 404 problem. */
export async function findSet(deps: Deps, id: string): Promise<EvidenceSetRecord> {
  const record = await getEvidenceSet(deps.database, id);
  if (!record) throw new ProblemError('not-found', `There is no evidence set '${id}'.`);
  return record;
}

/** The draft `id`, or 404 when unknown and 409 naming its status when it is no longer a draft. */
export async function findDraft(deps: Deps, id: string, doing: string): Promise<EvidenceSetRecord> {
  const record = await findSet(deps, id);
  if (record.status !== 'draft') throw notDraft(id, record.status, doing);
  return record;
}

export function notDraft(id: string, status: string, doing: string): ProblemError {
  return new ProblemError('conflict', `Evidence set '${id}' is ${status}, not a draft: cannot ${doing}. Create a new draft from the current set.`, [
    { path: 'id', message: `evidence set is ${status}` },
  ]);
}

/** The set `id` in any status, or null. */
export function evidenceSetById(deps: Deps, id: string): Promise<EvidenceSetRecord | null> {
  return getEvidenceSet(deps.database, id);
}

/** The newest `limit` sets of every status (drafts, published, superseded), newest first. */
export async function latestEvidenceSets(deps: Deps, limit: number): Promise<readonly EvidenceSetRecord[]> {
  return (await listEvidenceSets(deps.database, { statuses: ['draft', 'published', 'superseded'], limit })).data;
}

/** The judgements stored for set `id`, one per expert. */
export function judgementsOf(deps: Deps, id: string): Promise<JudgementRecord[]> {
  return listJudgements(deps.database, id);
}
