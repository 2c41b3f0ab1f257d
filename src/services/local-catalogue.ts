// Writing an organisation's own catalogue: every change is checked against the merged catalogue its staff would
// plan with (the same cross-file rules as shipped content) and stored as the next immutable version.
import type { CompiledQuery } from 'kysely';
import { checkReferences } from '../content/rules.js';
import { withLocalCatalogue, type LocalCatalogueBody, type LocalLayer } from '../domain/local-catalogue.js';
import type { Content } from '../domain/types.js';
import { isUniqueViolation } from '../repos/database.js';
import { newVersionQuery } from '../repos/local-catalogues.js';
import type { Org } from '../repos/orgs.js';
import { latestLayersOf, orgChain } from './local-content.js';
import { ProblemError, type FieldError } from './problems.js';
import type { Deps } from './deps.js';

/** Limits that keep one organisation's catalogue (stored whole at every version) small. */
export const MAX_LOCAL_MODULES = 200;
export const MAX_LOCAL_SESSIONS = 500;

export interface Editing {
  readonly org: Org;
  /** The org's chain of layers (trust first); `own` is the org's own. */
  readonly chain: readonly LocalLayer[];
  readonly own: LocalLayer;
}

/** The org's current layer and the chain it sits in. */
export async function editing(deps: Deps, org: Org): Promise<Editing> {
  const database = deps.database;
  const chain = await latestLayersOf(database, await orgChain(database, org.id));
  const own = chain.find((l) => l.orgId === org.id) ?? { orgId: org.id, version: 0, body: { modules: [], sessions: [] } };
  return { org, chain, own };
}

/** The merged content staff of the org would plan with if its own layer were `body`. */
export function candidateContent(base: Content, e: Editing, body: LocalCatalogueBody): Content {
  const layers = e.chain.map((l) => (l.orgId === e.org.id ? { ...l, version: l.version + 1, body } : l));
  if (!layers.some((l) => l.orgId === e.org.id)) layers.push({ orgId: e.org.id, version: 1, body });
  return withLocalCatalogue(base, layers);
}

/**
 * Cross-file problems of module `moduleId` in `content` (unknown areas, sub-tags or prerequisites, prerequisite
 * cycles or availability, home phases), with paths relative to the module.
 */
export function moduleProblems(content: Content, moduleId: string): FieldError[] {
  const index = content.catalogue.modules.findIndex((m) => m.id === moduleId);
  const prefix = `modules[${index}]`;
  const names = { taxonomy: 'needs areas', questionnaire: 'questionnaire', catalogue: 'the catalogue', evidence: 'evidence' };
  return checkReferences(content, names)
    .filter((p) => p.file === names.catalogue && (p.path === prefix || p.path.startsWith(`${prefix}.`)))
    .map((p) => ({ path: p.path === prefix ? '(body)' : p.path.slice(prefix.length + 1), message: p.message }));
}

/** 422 naming each field when there are problems. */
export function assertNoProblems(problems: readonly FieldError[], detail: string): void {
  if (problems.length) throw new ProblemError('validation', detail, problems);
}

/**
 * Stores `body` as the org's next version (by `actor`, a user id or null) with any other writes, in one atomic write. 409 when another change
 * was stored first (the caller can re-read and try again). Answers with the new layer.
 */
export async function writeNext(deps: Deps, e: Editing, body: LocalCatalogueBody, actor: string | null, also: readonly CompiledQuery[] = []): Promise<LocalLayer> {
  if (body.modules.length > MAX_LOCAL_MODULES) throw new ProblemError('validation', `An organisation can have at most ${MAX_LOCAL_MODULES} own modules.`, [{ path: '(body)', message: 'too many modules' }]);
  if (body.sessions.length > MAX_LOCAL_SESSIONS) throw new ProblemError('validation', `An organisation can have at most ${MAX_LOCAL_SESSIONS} sessions.`, [{ path: '(body)', message: 'too many sessions' }]);
  const database = deps.database;
  const layer: LocalLayer = { orgId: e.org.id, version: e.own.version + 1, body };
  try {
    await database.atomic([newVersionQuery(database.db, layer, actor, deps.now()), ...also]);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ProblemError('conflict', 'The catalogue changed while this change was being made; read it again and retry.');
    throw err;
  }
  return layer;
}
