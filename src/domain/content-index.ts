// Lookup tables built once per Content object (cached in a WeakMap): area/item/module indexes, role, phase
// and format bitmasks, sparse module×area relevance, item loadings and each module's prerequisite closure.

import { FORMATS, PHASES, ROLES } from './types.js';
import type { Content, Format, Module, ModuleEvidence, NeedsArea, Phase, QuestionItem, Role } from './types.js';
import { LEVEL_CODE, strengthFactor } from './gain.js';

export interface ContentIndex {
  readonly content: Content;
  readonly areas: readonly NeedsArea[];
  readonly areaIndex: ReadonlyMap<string, number>;
  readonly items: readonly QuestionItem[];
  readonly itemIndex: ReadonlyMap<string, number>;
  /** CSR over items: loadings of item i are itemOffset[i]..itemOffset[i+1]. */
  readonly itemOffset: Int32Array;
  readonly itemArea: Int32Array;
  readonly itemLoading: Float64Array;
  readonly modules: readonly Module[];
  readonly moduleIndex: ReadonlyMap<string, number>;
  readonly minutes: Float64Array;
  readonly levelCode: Uint8Array;
  readonly roleMask: Uint8Array;
  readonly phaseMask: Uint8Array;
  readonly formatMask: Uint8Array;
  /** CSR over modules: areas of module m are modOffset[m]..modOffset[m+1] (relevance in 0..1). */
  readonly modOffset: Int32Array;
  readonly modArea: Int32Array;
  readonly modRelevance: Float64Array;
  /** Area with the highest relevance for each module (-1 when it has none). */
  readonly primaryArea: Int32Array;
  /** expectedImpact × strength factor: gain on a fully relevant area at perfect level fit. */
  readonly baseGain: Float64Array;
  readonly evidence: readonly (ModuleEvidence | undefined)[];
  /** CSR over modules: all transitive prerequisites, each after its own prerequisites. */
  readonly closureOffset: Int32Array;
  readonly closure: Int32Array;
  /** 1 when a prerequisite is unknown or part of a cycle: such a module can never be recommended. */
  readonly brokenPrereqs: Uint8Array;
  /**
   * Bitmask of the areas a module touches (bit 31 when it touches none); all bits set when there are more than
   * 31 areas. The planner re-scores a bundle only when an area its members touch changed.
   */
  readonly ownAreaMask: Uint32Array;
  /** Lower-case-initial area names for use mid-sentence ("Autism" → "autism"; acronyms kept). */
  readonly areaNamesInSentence: readonly string[];
}

const cache = new WeakMap<Content, ContentIndex>();

export const roleBit = (r: Role): number => 1 << ROLES.indexOf(r);
export const phaseBit = (p: Phase): number => 1 << PHASES.indexOf(p);
export const formatBit = (f: Format): number => 1 << FORMATS.indexOf(f);

/** The index for `content`, built on first use and cached for the lifetime of the object. */
export function indexContent(content: Content): ContentIndex {
  const hit = cache.get(content);
  if (hit) return hit;
  const built = build(content);
  cache.set(content, built);
  return built;
}

function build(content: Content): ContentIndex {
  const areas = content.taxonomy.areas;
  const areaIndex = new Map(areas.map((a, i) => [a.id, i] as const));
  const items = content.questionnaire.items;
  const itemIndex = new Map<string, number>();
  items.forEach((it, i) => itemIndex.set(it.id, i));
  const itemOffset = new Int32Array(items.length + 1);
  const iArea: number[] = [];
  const iLoad: number[] = [];
  items.forEach((it, i) => {
    for (const l of it.areas) {
      const a = areaIndex.get(l.areaId);
      if (a === undefined || !(l.loading > 0)) continue;
      iArea.push(a);
      iLoad.push(Math.min(1, l.loading));
    }
    itemOffset[i + 1] = iArea.length;
  });

  const modules = content.catalogue.modules;
  const M = modules.length;
  const moduleIndex = new Map<string, number>();
  modules.forEach((m, i) => moduleIndex.set(m.id, i));
  const minutes = new Float64Array(M);
  const levelCode = new Uint8Array(M);
  const roleMask = new Uint8Array(M);
  const phaseMask = new Uint8Array(M);
  const formatMask = new Uint8Array(M);
  const modOffset = new Int32Array(M + 1);
  const primaryArea = new Int32Array(M).fill(-1);
  const baseGain = new Float64Array(M);
  const evidence: (ModuleEvidence | undefined)[] = [];
  const mArea: number[] = [];
  const mRel: number[] = [];
  modules.forEach((m, i) => {
    minutes[i] = m.minutes;
    levelCode[i] = LEVEL_CODE[m.level] ?? 1;
    roleMask[i] = m.roles.reduce((acc, r) => acc | roleBit(r), 0);
    phaseMask[i] = m.phases.reduce((acc, p) => acc | phaseBit(p), 0);
    formatMask[i] = m.formats.reduce((acc, f) => acc | formatBit(f), 0);
    let best = -1;
    let bestRel = 0;
    for (const ma of m.areas) {
      const a = areaIndex.get(ma.areaId);
      if (a === undefined || !(ma.relevance > 0)) continue;
      mArea.push(a);
      mRel.push(Math.min(1, ma.relevance));
      if (ma.relevance > bestRel) {
        bestRel = ma.relevance;
        best = a;
      }
    }
    modOffset[i + 1] = mArea.length;
    primaryArea[i] = best;
    const ev = content.evidence.modules[m.id];
    evidence.push(ev);
    baseGain[i] = ev ? Math.max(0, ev.expectedImpact) * strengthFactor(ev.strength) : 0;
  });

  const { closureOffset, closure, brokenPrereqs } = prerequisiteClosures(modules, moduleIndex);
  const ownAreaMask = new Uint32Array(M);
  for (let m = 0; m < M; m++) {
    let mask = modOffset[m + 1]! > modOffset[m]! ? 0 : 1 << 31;
    for (let k = modOffset[m]!; k < modOffset[m + 1]!; k++) mask |= 1 << mArea[k]!;
    ownAreaMask[m] = areas.length > 31 ? 0xffffffff : mask >>> 0;
  }
  return {
    content,
    areas,
    areaIndex,
    items,
    itemIndex,
    itemOffset,
    itemArea: Int32Array.from(iArea),
    itemLoading: Float64Array.from(iLoad),
    modules,
    moduleIndex,
    minutes,
    levelCode,
    roleMask,
    phaseMask,
    formatMask,
    modOffset,
    modArea: Int32Array.from(mArea),
    modRelevance: Float64Array.from(mRel),
    primaryArea,
    baseGain,
    evidence,
    closureOffset,
    closure,
    brokenPrereqs,
    ownAreaMask,
    areaNamesInSentence: areas.map((a) => inSentence(a.name)),
  };
}

/** "Speech, language and communication" → "speech, language and communication"; keeps acronyms like "ADHD". */
export function inSentence(name: string): string {
  const first = name.split(/[\s,]/)[0] ?? '';
  if (first.length > 1 && first === first.toUpperCase()) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Depth-first post-order gives, for each module, its ancestors with every prerequisite before its dependants. */
function prerequisiteClosures(modules: readonly Module[], moduleIndex: ReadonlyMap<string, number>) {
  const M = modules.length;
  const brokenPrereqs = new Uint8Array(M);
  const closureOffset = new Int32Array(M + 1);
  const flat: number[] = [];
  for (let m = 0; m < M; m++) {
    const order: number[] = [];
    const state = new Uint8Array(M); // 0 unseen, 1 on stack, 2 done
    let broken = false;
    const visit = (i: number): void => {
      state[i] = 1;
      for (const pid of modules[i]!.prerequisites) {
        const p = moduleIndex.get(pid);
        if (p === undefined || p === m || state[p] === 1) {
          broken = true;
          continue;
        }
        if (state[p] === 0) visit(p);
      }
      state[i] = 2;
      if (i !== m) order.push(i);
    };
    visit(m);
    if (broken) brokenPrereqs[m] = 1;
    flat.push(...order);
    closureOffset[m + 1] = flat.length;
  }
  // A module that needs a broken module is broken too.
  let changed = true;
  while (changed) {
    changed = false;
    for (let m = 0; m < M; m++) {
      if (brokenPrereqs[m]) continue;
      for (let k = closureOffset[m]!; k < closureOffset[m + 1]!; k++) {
        if (brokenPrereqs[flat[k]!]) {
          brokenPrereqs[m] = 1;
          changed = true;
          break;
        }
      }
    }
  }
  return { closureOffset, closure: Int32Array.from(flat), brokenPrereqs };
}
