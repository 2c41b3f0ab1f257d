// A setting's (or trust's) own catalogue layered over the shipped one: its modules with their evidence, and its
// live sessions for any module. Each layer is an immutable numbered version; the merged catalogue's version names
// every layer ("2.0.0+set_X.3"), so a recommendation's provenance is enough to rebuild it byte for byte. Pure.

import type { Content, Module, ModuleEvidence, ModuleSession } from './types.js';

/** A module an organisation added, with the evidence it rests on (strength 0..5, expected impact 0..1). */
export interface LocalModule extends Module {
  readonly evidence: { readonly strength: number; readonly expectedImpact: number; readonly sources: readonly string[] };
  /** Retired modules stay in later versions (for history and old pathways) but are never recommended. */
  readonly status: 'active' | 'retired';
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A live session an organisation runs, of its own module or a shipped one. */
export interface LocalSession extends ModuleSession {
  readonly moduleId: string;
  readonly status: 'scheduled' | 'cancelled';
  /** The session plan it came from, if a leader accepted one. */
  readonly planId?: string | undefined;
}

export interface LocalCatalogueBody {
  readonly modules: readonly LocalModule[];
  readonly sessions: readonly LocalSession[];
}

/** One organisation's catalogue at one version (version 0: nothing added yet). */
export interface LocalLayer {
  readonly orgId: string;
  readonly version: number;
  readonly body: LocalCatalogueBody;
}

export const EMPTY_LOCAL: LocalCatalogueBody = { modules: [], sessions: [] };

/** "2.0.0+trs_A.2+set_B.5": the shipped version then each non-empty layer, outermost (trust) first. */
export function localCatalogueVersion(baseVersion: string, layers: readonly LocalLayer[]): string {
  return baseVersion + layers.filter((l) => l.version > 0).map((l) => `+${l.orgId}.${l.version}`).join('');
}

/** Splits a catalogue version into the shipped version and its layers; null when a layer part is malformed. */
export function parseCatalogueVersion(version: string): { base: string; layers: { orgId: string; version: number }[] } | null {
  const [base, ...parts] = version.split('+');
  const layers: { orgId: string; version: number }[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z0-9_-]+)\.([1-9][0-9]{0,8})$/.exec(part);
    if (!m) return null;
    layers.push({ orgId: m[1]!, version: Number(m[2]) });
  }
  return { base: base ?? '', layers };
}

function toModule(m: LocalModule): Module {
  const { evidence: _e, status: _s, createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
}

/** Sessions in force for a module: scheduled ones, by start then id. */
export function sessionsFor(layers: readonly LocalLayer[], moduleId: string): LocalSession[] {
  return layers
    .flatMap((l) => l.body.sessions)
    .filter((s) => s.moduleId === moduleId && s.status === 'scheduled')
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * The shipped content with the layers' active modules appended (an id the shipped catalogue already has is
 * skipped) and their evidence added, and every module's scheduled sessions from the layers on its `sessions`; the
 * catalogue version names the layers. Returns `base` itself when no layer
 * adds anything, so shipped-only callers share the engine's caches.
 */
export function withLocalCatalogue(base: Content, layers: readonly LocalLayer[]): Content {
  const live = layers.filter((l) => l.version > 0);
  if (live.length === 0) return base;
  const withSessions = (m: Module): Module => {
    const extra = sessionsFor(live, m.id).map(({ moduleId: _m, status: _s, planId: _p, ...session }) => session);
    return extra.length ? { ...m, sessions: [...(m.sessions ?? []), ...extra] } : m;
  };
  const known = new Set(base.catalogue.modules.map((m) => m.id));
  const added: Module[] = [];
  const evidence: Record<string, ModuleEvidence> = { ...base.evidence.modules };
  for (const layer of live) {
    for (const m of layer.body.modules) {
      if (m.status !== 'active' || known.has(m.id)) continue;
      known.add(m.id);
      added.push(withSessions(toModule(m)));
      evidence[m.id] = {
        strength: m.evidence.strength,
        strengthSource: `Rated by ${m.provider} when the module was added`,
        expectedImpact: m.evidence.expectedImpact,
        impactSource: `Rated by ${m.provider} when the module was added`,
        sources: m.evidence.sources,
      };
    }
  }
  return {
    ...base,
    catalogue: { ...base.catalogue, version: localCatalogueVersion(base.catalogue.version, live), modules: [...base.catalogue.modules.map(withSessions), ...added] },
    evidence: { ...base.evidence, modules: evidence },
  };
}

/** Every module a layer has ever listed (active or retired), for showing titles of old steps. */
export function allLocalModules(layers: readonly LocalLayer[]): LocalModule[] {
  return layers.flatMap((l) => l.body.modules);
}
