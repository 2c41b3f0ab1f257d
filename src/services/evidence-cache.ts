// Which evidence set the engine uses: seeds the shipped set into an empty database on first use (Node and Workers
// alike), then one indexed lookup per request; published bodies are immutable, so their engine Content is cached by id.
import type { Content, EvidenceSet } from '../domain/types.js';
import type { Database } from '../repos/database.js';
import { currentEvidenceSetId, getEvidenceSet, seedShippedEvidenceSet, type EvidenceSetRecord } from '../repos/evidence-sets.js';
import { ProblemError } from './problems.js';
import type { Deps } from './deps.js';

export interface EvidenceInUse {
  readonly record: EvidenceSetRecord;
  /** The request's content with `evidence` replaced by this set: what recommend() receives. */
  readonly content: Content;
}

const MAX_CACHED_SETS = 16;
// Keyed by database, so tests (or isolates) with different databases never share a set id's body.
const cache = new WeakMap<Database, Map<string, { base: Content; entry: EvidenceInUse }>>();

/** The content for `record`'s body, cached when the set is no longer a draft (its body can no longer change). */
function contentFor(database: Database, base: Content, record: EvidenceSetRecord): EvidenceInUse {
  const byId = cache.get(database) ?? new Map();
  cache.set(database, byId);
  const hit = byId.get(record.id);
  if (hit && hit.base === base) return { record, content: hit.entry.content };
  const entry = { record, content: withEvidence(base, record.body) };
  if (record.status !== 'draft') {
    if (byId.size >= MAX_CACHED_SETS) byId.delete(byId.keys().next().value!);
    byId.set(record.id, { base, entry });
  }
  return entry;
}

function withEvidence(base: Content, evidence: EvidenceSet): Content {
  return base.evidence.id === evidence.id && JSON.stringify(base.evidence) === JSON.stringify(evidence) ? base : { ...base, evidence };
}

/** Fetches a set by id: from the cache for published and superseded sets, else from the database. */
async function load(database: Database, base: Content, id: string): Promise<EvidenceInUse | null> {
  const hit = cache.get(database)?.get(id);
  if (hit && hit.base === base) return hit.entry;
  const record = await getEvidenceSet(database, id);
  return record ? contentFor(database, base, record) : null;
}

/**
 * How long a process (or Workers isolate) trusts the id of the set in force without asking the database again.
 * A publish through this process forgets it at once; a publish elsewhere (the CLI, another isolate) is seen
 * within this many milliseconds.
 */
export const CURRENT_ID_TTL_MS = 1000;
const currentIds = new WeakMap<Database, { id: string; until: number }>();

/** Drops the remembered id of the set in force, so the next request reads it from the database. */
export function forgetEvidenceInForce(database: Database): void {
  currentIds.delete(database);
}

async function currentId(database: Database): Promise<string | null> {
  const now = performance.now();
  const hit = currentIds.get(database);
  if (hit && hit.until > now) return hit.id;
  const id = await currentEvidenceSetId(database);
  if (id !== null) currentIds.set(database, { id, until: now + CURRENT_ID_TTL_MS });
  return id;
}

/** The published set in force; seeds the shipped set when the database has none yet. 503 if none is published. */
export async function evidenceInForce(deps: Deps): Promise<EvidenceInUse> {
  const database = deps.database;
  const base = deps.content;
  let id = await currentId(database);
  if (id === null) {
    await seedShippedEvidenceSet(database, base.evidence, deps.now().toISOString());
    id = await currentEvidenceSetId(database);
  }
  const found = id === null ? null : await load(database, base, id);
  if (!found) throw new ProblemError('unavailable', 'No evidence set is published yet; an administrator needs to publish one.');
  // Stable per set while cached (drafts are never cached, and a superseded set never becomes current again).
  return found;
}

/**
 * A published or superseded set by id, for replay and diff (drafts are not answered here: they never stamp a
 * recommendation). Seeds first so the shipped set's id resolves on a fresh database. Null when unknown.
 */
export async function issuedEvidence(deps: Deps, id: string): Promise<EvidenceInUse | null> {
  await evidenceInForce(deps);
  const found = await load(deps.database, deps.content, id);
  return found && found.record.status !== 'draft' ? found : null;
}
