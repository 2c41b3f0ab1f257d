// Adds where each step is taken (provider, link, live sessions, materials, cost) to pathway steps, from the catalogue
// the recommendation was made with. Additive fields only; the engine's own fields are untouched and keep their order.
import type { Content, Module, ModuleSession } from '../domain/types.js';

export interface StepAccess {
  readonly provider?: string;
  readonly url?: string;
  readonly sessions?: readonly ModuleSession[];
  readonly materials?: readonly string[];
  readonly cost?: 'free' | 'paid';
  readonly illustrative?: string;
}

const moduleMaps = new WeakMap<Content, Map<string, Module>>();

function moduleMap(content: Content): Map<string, Module> {
  let m = moduleMaps.get(content);
  if (!m) {
    m = new Map(content.catalogue.modules.map((x) => [x.id, x]));
    moduleMaps.set(content, m);
  }
  return m;
}

const session = (s: ModuleSession): ModuleSession => {
  const out: { -readonly [K in keyof ModuleSession]: ModuleSession[K] } = { id: s.id, start: s.start, end: s.end, capacity: s.capacity };
  if (s.place !== undefined) out.place = s.place;
  if (s.onlineUrl !== undefined) out.onlineUrl = s.onlineUrl;
  if (s.facilitator !== undefined) out.facilitator = s.facilitator;
  return out;
};

/** Where module `moduleId` is taken, from the catalogue in use (its sessions include an organisation's own). */
export function accessFor(content: Content, moduleId: string): StepAccess {
  const m = moduleMap(content).get(moduleId);
  const out: { -readonly [K in keyof StepAccess]: StepAccess[K] } = {};
  if (!m) return out;
  if (m.provider !== undefined) out.provider = m.provider;
  if (m.url !== undefined) out.url = m.url;
  const sessions = (m.sessions ?? []).map(session);
  if (sessions.length) out.sessions = sessions;
  if (m.materials !== undefined) out.materials = [...m.materials];
  if (m.cost !== undefined) out.cost = m.cost;
  if (m.illustrative !== undefined) out.illustrative = m.illustrative;
  return out;
}

/**
 * `steps` with each step's access fields appended after its own fields. Object.assign onto a fresh object, not
 * `{ ...s, ...access }`: V8 gives a copy made by spreading a second object into a spread copy a new hidden class on
 * every call, so each request made 13 or so new shapes, and building and serialising the steps cost about twice as
 * much. The keys, their order and the values are the same either way.
 */
export function withStepAccess<S extends { readonly moduleId: string }>(content: Content, steps: readonly S[]): (S & StepAccess)[] {
  return steps.map((s) => Object.assign({}, s, accessFor(content, s.moduleId)));
}

/** A recommendation response with access fields on every step (same key order otherwise). */
export function recommendationWithAccess<R extends { readonly pathway: { readonly steps: readonly { readonly moduleId: string }[]; readonly totalMinutes: number } }>(
  content: Content,
  response: R,
): R {
  return { ...response, pathway: { ...response.pathway, steps: withStepAccess(content, response.pathway.steps) } };
}

/** A person's pathway view with access fields on every remaining step. */
export function pathwayWithAccess<V extends { readonly steps: readonly { readonly moduleId: string }[] }>(catalogue: { readonly content: Content }, view: V): V {
  return { ...view, steps: withStepAccess(catalogue.content, view.steps) };
}
