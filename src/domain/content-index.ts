// Lookups built once per Content object (cached in a WeakMap): areas, items and modules by id, each item's
// loadings, and for each module its areas, level, base gain and prerequisite closure, by index.

import type { Content, Format, Module, ModuleEvidence, NeedsArea, Phase, QuestionItem, Role } from './types.js';
import { LEVEL_CODE, strengthFactor } from './gain.js';

/** One area an item speaks about. */
export interface IndexedLoading {
  readonly area: number;
  /** 0..1 */
  readonly loading: number;
  /** True for the item's main area (its highest loading, the first listed on a tie). */
  readonly main: boolean;
}

/** One area a module addresses. */
export interface IndexedRelevance {
  readonly area: number;
  /** 0..1 */
  readonly relevance: number;
}

/** What the engine needs to know about one module, by index. */
export interface IndexedModule {
  readonly module: Module;
  readonly minutes: number;
  /** 0 foundation, 1 intermediate, 2 advanced. */
  readonly levelCode: number;
  readonly areas: readonly IndexedRelevance[];
  /** Area with the highest relevance (-1 when it has none). */
  readonly primaryArea: number;
  readonly evidence: ModuleEvidence | undefined;
  /** expectedImpact × strength factor: the gain on a fully relevant area at the right level and confidence 0.5. */
  readonly baseGain: number;
  /** All transitive prerequisites, each after its own prerequisites. */
  readonly prerequisites: readonly number[];
  /** The module's full bundle: its prerequisites (as above), then the module itself. */
  readonly withPrerequisites: readonly number[];
  /** True when a prerequisite is unknown or part of a cycle: such a module can never be recommended. */
  readonly broken: boolean;
  /** The distinct areas the module and its prerequisites address: what its bundle's value can depend on. */
  readonly reach: readonly number[];
  /** True when no area is listed twice among the module's own areas. */
  readonly distinctAreas: boolean;
}

/** One module's relevance to one area, as a bundle of modules applies it. */
export interface Contribution {
  readonly module: number;
  readonly relevance: number;
}

/** The areas a list of modules touches, in the order they are first touched, with each area's contributions in module order. */
export interface BundleLayout {
  readonly areas: readonly number[];
  readonly contributions: readonly (readonly Contribution[])[];
}

/** The layout of `members` (module indexes, in the order they are taken). */
export function bundleLayout(entries: readonly Pick<IndexedModule, 'areas'>[], members: readonly number[]): BundleLayout {
  const areas: number[] = [];
  const contributions: Contribution[][] = [];
  for (const module of members) {
    for (const { area, relevance } of entries[module]!.areas) {
      let i = areas.indexOf(area);
      if (i < 0) i = areas.push(area) - 1;
      (contributions[i] ??= []).push({ module, relevance });
    }
  }
  return { areas, contributions };
}

export interface ContentIndex {
  readonly content: Content;
  readonly areas: readonly NeedsArea[];
  readonly areaIndex: ReadonlyMap<string, number>;
  readonly items: readonly QuestionItem[];
  readonly itemIndex: ReadonlyMap<string, number>;
  /** Per item: the areas it loads on. */
  readonly itemLoadings: readonly (readonly IndexedLoading[])[];
  readonly modules: readonly Module[];
  readonly moduleIndex: ReadonlyMap<string, number>;
  /** Per module (catalogue order). */
  readonly entries: readonly IndexedModule[];
  /** Per module: its evidence in the evidence set (undefined when it has none). */
  readonly evidence: readonly (ModuleEvidence | undefined)[];
  /** Per area: the modules that address it. */
  readonly modulesByArea: readonly (readonly number[])[];
  /** Per area: the modules whose reach (own areas or their prerequisites' areas) includes it. */
  readonly reachedBy: readonly (readonly number[])[];
  /** Per module: the modules that list it among their transitive prerequisites. */
  readonly dependants: readonly (readonly number[])[];
  /** Per module: the layout of its full bundle (its prerequisites, then itself). */
  readonly fullBundles: readonly BundleLayout[];
  /** Area names for use mid-sentence ("Autism" → "autism"; acronyms kept). */
  readonly areaNamesInSentence: readonly string[];
}

const cache = new WeakMap<Content, ContentIndex>();

/** The index for `content`, built on first use and cached for the lifetime of the object. */
export function indexContent(content: Content): ContentIndex {
  let ix = cache.get(content);
  if (!ix) cache.set(content, (ix = build(content)));
  return ix;
}

function build(content: Content): ContentIndex {
  const areas = content.taxonomy.areas;
  const areaIndex = new Map(areas.map((a, i) => [a.id, i] as const));
  const items = content.questionnaire.items;
  const modules = content.catalogue.modules;
  const moduleIndex = new Map<string, number>();
  modules.forEach((m, i) => moduleIndex.set(m.id, i));
  const closures = prerequisiteClosures(modules, moduleIndex);
  const entries = modules.map((m, i): IndexedModule => {
    const relevances = m.areas.flatMap((ma) => {
      const area = areaIndex.get(ma.areaId);
      return area !== undefined && ma.relevance > 0 ? [{ area, relevance: Math.min(1, ma.relevance) }] : [];
    });
    const evidence = content.evidence.modules[m.id];
    return {
      module: m,
      minutes: m.minutes,
      levelCode: LEVEL_CODE[m.level] ?? 1,
      areas: relevances,
      primaryArea: mostRelevant(relevances),
      evidence,
      baseGain: evidence ? Math.max(0, evidence.expectedImpact) * strengthFactor(evidence.strength) : 0,
      prerequisites: closures.closure[i]!,
      withPrerequisites: [...closures.closure[i]!, i],
      broken: closures.broken[i]!,
      reach: [],
      distinctAreas: new Set(relevances.map((r) => r.area)).size === relevances.length,
    };
  });
  for (const e of entries) {
    const areasOf = (x: IndexedModule) => x.areas.map((r) => r.area);
    (e.reach as number[]).push(...new Set([...areasOf(e), ...e.prerequisites.flatMap((p) => areasOf(entries[p]!))]));
  }
  return {
    content,
    areas,
    areaIndex,
    items,
    itemIndex: new Map(items.map((it, i) => [it.id, i] as const)),
    itemLoadings: items.map((it) => itemLoadings(it, areaIndex)),
    modules,
    moduleIndex,
    entries,
    evidence: entries.map((e) => e.evidence),
    modulesByArea: areas.map((_, a) => entries.flatMap((e, m) => (e.areas.some((r) => r.area === a) ? [m] : []))),
    reachedBy: areas.map((_, a) => entries.flatMap((e, m) => (e.reach.includes(a) ? [m] : []))),
    dependants: entries.map((_, p) => entries.flatMap((e, m) => (e.prerequisites.includes(p) ? [m] : []))),
    fullBundles: entries.map((e) => bundleLayout(entries, e.withPrerequisites)),
    areaNamesInSentence: areas.map((a) => inSentence(a.name)),
  };
}

function mostRelevant(relevances: readonly IndexedRelevance[]): number {
  let best: IndexedRelevance | undefined;
  for (const r of relevances) if (!best || r.relevance > best.relevance) best = r;
  return best ? best.area : -1;
}

function itemLoadings(item: QuestionItem, areaIndex: ReadonlyMap<string, number>): IndexedLoading[] {
  const known = item.areas.filter((l) => areaIndex.has(l.areaId) && l.loading > 0);
  const top = known.reduce((best, l) => (best === undefined || l.loading > best.loading ? l : best), known[0]);
  return known.map((l) => ({ area: areaIndex.get(l.areaId)!, loading: Math.min(1, l.loading), main: l === top }));
}

/** Whether module `m` suits the role and phase and offers one of the formats. */
export function suits(m: Module, role: Role, phase: Phase, formats: readonly Format[]): boolean {
  return m.roles.includes(role) && m.phases.includes(phase) && formats.some((f) => m.formats.includes(f));
}

/** "Speech, language and communication" → "speech, language and communication"; keeps acronyms like "ADHD". */
export function inSentence(name: string): string {
  const first = name.split(/[\s,]/)[0] ?? '';
  if (first.length > 1 && first === first.toUpperCase()) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * For each module, its transitive prerequisites in depth-first post-order (each after its own prerequisites),
 * and whether any is unknown, cyclic or itself broken.
 */
function prerequisiteClosures(modules: readonly Module[], moduleIndex: ReadonlyMap<string, number>) {
  const closure: number[][] = [];
  const broken: boolean[] = [];
  modules.forEach((_, m) => {
    const order: number[] = [];
    const state = new Map<number, 'open' | 'done'>();
    let bad = false;
    const visit = (i: number): void => {
      state.set(i, 'open');
      for (const id of modules[i]!.prerequisites) {
        const p = moduleIndex.get(id);
        if (p === undefined || p === m || state.get(p) === 'open') bad = true;
        else if (!state.has(p)) visit(p);
      }
      state.set(i, 'done');
      if (i !== m) order.push(i);
    };
    visit(m);
    closure.push(order);
    broken.push(bad);
  });
  // A module that needs a broken module is broken too.
  for (let changed = true; changed; ) {
    changed = false;
    closure.forEach((pre, m) => {
      if (!broken[m] && pre.some((p) => broken[p])) broken[m] = changed = true;
    });
  }
  return { closure, broken };
}

/**
 * Added for exploration (explore.ts): the index of `content`, whose catalogue and taxonomy are those of `base`'s
 * content and whose evidence differs only in module figures, sharing every table of `base` except the per-module
 * evidence and gains (built in microseconds instead of a full build). Cached for `content` like indexContent.
 */
export function indexWithModuleEvidence(content: Content, base: ContentIndex): ContentIndex {
  const hit = cache.get(content);
  if (hit) return hit;
  const evidence = base.modules.map((m) => content.evidence.modules[m.id]);
  const entries = base.entries.map((e, i) => {
    const ev = evidence[i];
    return { ...e, evidence: ev, baseGain: ev ? Math.max(0, ev.expectedImpact) * strengthFactor(ev.strength) : 0 };
  });
  const built: ContentIndex = { ...base, content, evidence, entries };
  cache.set(content, built);
  return built;
}
