// Which module an xAPI activity IRI names. A shipped module is the last segment of any IRI (an LMS's own address
// for it is fine); an organisation's own module is named by its address on this service,
// `<base URL>/v1/orgs/<orgId>/modules/<moduleId>`, so two settings' modules with the same id never mix.
import type { Deps } from './deps.js';

/** The activity IRI of an organisation's own module: its API address under the service's base URL. */
export function ownModuleActivityId(deps: Deps, orgId: string, moduleId: string): string {
  return `${deps.origin}/v1/orgs/${encodeURIComponent(orgId)}/modules/${encodeURIComponent(moduleId)}`;
}

/** The module id at the end of an activity id: `https://…/modules/slcn-foundations`, `urn:…:slcn-foundations` or the id. */
export function moduleIdOf(activityId: string): string {
  const tail = activityId.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return tail.split(/[/:]/).pop() ?? tail;
}

/** The organisation and module an IRI names when it is an own module's address on this host; else null. */
function ownAddress(activityId: string, host: string): { orgId: string; moduleId: string } | null {
  let url: URL;
  try {
    url = new URL(activityId);
  } catch {
    return null;
  }
  const m = /^\/v1\/orgs\/([^/]+)\/modules\/([^/]+)\/?$/.exec(url.pathname);
  if (url.host !== host || !m || url.search || url.hash) return null;
  return { orgId: decodeURIComponent(m[1]!), moduleId: decodeURIComponent(m[2]!) };
}

/** What a person's catalogue holds: shipped ids, and the own modules of each organisation in their chain. */
export interface ActorModules {
  readonly shipped: ReadonlySet<string>;
  /** Organisation id → its active own module ids, for the person's setting and trust. */
  readonly own: ReadonlyMap<string, ReadonlySet<string>>;
}

export type ResolvedActivity = { ok: true; moduleId: string } | { ok: false; message: string };

/**
 * The module an activity names for a person, or why not: a shipped module by its last segment; an own module only
 * by its address on this service (`host` is the request's), and only one of the person's setting or trust.
 */
export function resolveActivity(activityId: string, host: string, modules: ActorModules, example: (orgId: string, moduleId: string) => string): ResolvedActivity {
  const own = ownAddress(activityId, host);
  if (own) {
    if (modules.own.get(own.orgId)?.has(own.moduleId)) return { ok: true, moduleId: own.moduleId };
    return { ok: false, message: `No own module "${own.moduleId}" of organisation ${own.orgId} is in this person’s catalogue.` };
  }
  const moduleId = moduleIdOf(activityId);
  if (modules.shipped.has(moduleId)) return { ok: true, moduleId };
  const owner = [...modules.own].find(([, ids]) => ids.has(moduleId))?.[0];
  if (owner) return { ok: false, message: `"${moduleId}" is an own module: identify it by its address, ${example(owner, moduleId)}.` };
  return { ok: false, message: `No module "${moduleId}" in the catalogue.` };
}
