// Helpers the evidence-set routes share: the JSON views of a stored set, finding a draft (404/409 problems), and
// the security and error responses every panel route documents.
import type { Context } from 'hono';
import { getEvidenceSet, type EvidenceSetRecord } from '../../../repos/evidence-sets.js';
import type { AppEnv } from '../../env.js';
import { authErrors, commonErrors, problemDoc, ProblemError } from '../../problem.js';

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
export async function findSet(c: Context<AppEnv>, id: string): Promise<EvidenceSetRecord> {
  const record = await getEvidenceSet(c.get('database'), id);
  if (!record) throw new ProblemError('not-found', `There is no evidence set '${id}'.`);
  return record;
}

/** The draft `id`, or 404 when unknown and 409 naming its status when it is no longer a draft. */
export async function findDraft(c: Context<AppEnv>, id: string, doing: string): Promise<EvidenceSetRecord> {
  const record = await findSet(c, id);
  if (record.status !== 'draft') throw notDraft(id, record.status, doing);
  return record;
}

export function notDraft(id: string, status: string, doing: string): ProblemError {
  return new ProblemError('conflict', `Evidence set '${id}' is ${status}, not a draft: cannot ${doing}. Create a new draft from the current set.`, [
    { path: 'id', message: `evidence set is ${status}` },
  ]);
}

/** Error responses for panel and admin routes. */
export const adminDoc = {
  responses: { ...commonErrors, ...authErrors, 404: problemDoc('No evidence set with this id') },
} as const;

export const conflictDoc = { 409: problemDoc('The evidence set is not a draft (or the draft is stale)') } as const;
