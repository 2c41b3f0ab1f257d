// Publishing a complete evidence set (a weightings file kept outside the panel workflow, `npm run evidence --
// publish`): it must carry a new id and a version above every stored one; it then becomes the set in force and the
// old one is superseded, in one write, and the remembered set in force is forgotten as after a panel publish.
import type { EvidenceSet } from '../domain/types.js';
import { currentEvidenceSetId, getEvidenceSet, insertEvidenceSetQuery, maxEvidenceVersion, supersedeCurrentQuery } from '../repos/evidence-sets.js';
import type { Deps } from './deps.js';
import { forgetEvidenceInForce } from './evidence-cache.js';

export type PublishedFile =
  | { readonly ok: true; readonly already: true }
  | { readonly ok: true; readonly already: false; readonly superseded: string | null }
  | { readonly ok: false; readonly reason: 'id-taken'; readonly status: string; readonly version: number }
  | { readonly ok: false; readonly reason: 'version-not-above'; readonly latest: number };

/** Publishes `evidence` (validated against the content already) as the new set in force. */
export async function publishEvidenceSet(deps: Deps, evidence: EvidenceSet): Promise<PublishedFile> {
  const database = deps.database;
  const existing = await getEvidenceSet(database, evidence.id);
  if (existing) {
    if (existing.status === 'published' && JSON.stringify(existing.body) === JSON.stringify(evidence)) return { ok: true, already: true };
    return { ok: false, reason: 'id-taken', status: existing.status, version: existing.version };
  }
  const latest = await maxEvidenceVersion(database);
  if (evidence.version <= latest) return { ok: false, reason: 'version-not-above', latest };
  const previous = await currentEvidenceSetId(database);
  const now = deps.now().toISOString();
  try {
    await database.atomic([supersedeCurrentQuery(database, now), insertEvidenceSetQuery(database, { body: evidence, status: 'published', basedOn: previous, now })]);
  } finally {
    forgetEvidenceInForce(database);
  }
  return { ok: true, already: false, superseded: previous };
}
