// The planner: picks modules (with any missing prerequisites as a bundle) greedily by expected weighted gap
// closed per minute under the time budget, with diminishing returns, then orders and schedules them.

import type { Content, Format, RecommendationRequest } from './types.js';
import { formatBit, indexContent, phaseBit, roleBit, type ContentIndex } from './content-index.js';
import { gainFactor, gainFactorCeiling } from './gain.js';
import { confidenceGap, confidenceGapSlopeCeiling } from './need.js';
import type { Profile } from './profile.js';
import { orderSelection } from './order.js';

export interface PlannedStep {
  /** Module index in catalogue order. */
  readonly module: number;
  readonly format: Format;
  readonly minutes: number;
  /** 1-based week: 1 + floor(minutes of earlier steps / weeklyMinutes). */
  readonly week: number;
  /** Expected rise in internal confidence (0..1) per area, along the final order, largest first. */
  readonly gains: readonly StepGain[];
  /** Weighted gap closed (need units, 0..1 per area summed) along the final order. */
  readonly value: number;
  /** Module index of the bundle's head when this step was pulled in as a prerequisite, else -1. */
  readonly pulledInBy: number;
}

export interface StepGain {
  readonly area: number;
  /** Expected rise in internal confidence, 0..1. */
  readonly gain: number;
  /** importance × (gap before − gap after): this area's share of the step's value. */
  readonly value: number;
}

export interface Plan {
  readonly steps: readonly PlannedStep[];
  readonly totalMinutes: number;
}

/**
 * 1 for each module the request may receive: suits role and phase, offers one of the request's formats, and
 * has no unknown or cyclic prerequisites. Completion is not considered here.
 */
export function eligibleModules(content: Content, request: RecommendationRequest): Uint8Array {
  const ix = indexContent(content);
  return fillEligible(ix, request, new Uint8Array(ix.modules.length));
}

function fillEligible(ix: ContentIndex, request: RecommendationRequest, out: Uint8Array): Uint8Array {
  const rb = roleBit(request.role);
  const pb = phaseBit(request.phase);
  let fb = 0;
  for (const f of request.formats) fb |= formatBit(f);
  for (let m = 0; m < out.length; m++) {
    out[m] = ix.roleMask[m]! & rb && ix.phaseMask[m]! & pb && ix.formatMask[m]! & fb && !ix.brokenPrereqs[m] ? 1 : 0;
  }
  return out;
}

/** First of the request's formats (in request order) that module `m` offers. */
export function stepFormat(ix: ContentIndex, m: number, formats: readonly Format[]): Format {
  for (const f of formats) if (ix.formatMask[m]! & formatBit(f)) return f;
  return ix.modules[m]!.formats[0] ?? 'online';
}

/**
 * Per-content tables and scratch arrays reused across calls (planning is synchronous, so never shared mid-call;
 * every per-call array is reset before use).
 */
interface Workspace {
  /** Per (module, area) entry, as ContentIndex.modArea: levelCode × areas + area, for looking up areaBound. */
  readonly entryRow: Int32Array;
  /** Per entry: baseGain × relevance (0 when the module has no gain; NaN when its gain is not a number). */
  readonly entryGain: Float64Array;
  /** 1 when the module has prerequisites (its bundle may have more than one member). */
  readonly hasPrereqs: Uint8Array;
  /** CSR over modules: the modules whose prerequisite closure contains m. */
  readonly dependantOffset: Int32Array;
  readonly dependants: Int32Array;

  readonly eligible: Uint8Array;
  readonly done: Uint8Array;
  /** 1 when key[m] is m's exact ratio in the current state; otherwise key[m] is an upper bound on it. */
  readonly exact: Uint8Array;
  readonly key: Float64Array;
  /** Minutes of m's bundle (m plus its prerequisites not yet taken) when key[m] was computed. */
  readonly keyMinutes: Float64Array;
  /** Areas (bitmask, see ContentIndex.ownAreaMask) the bundle's members touch, as of key[m]. */
  readonly keyMask: Uint32Array;
  /** Modules still in the running, and the bounded ones that may beat a round's best (any order). */
  readonly cand: Int32Array;
  readonly open: Int32Array;
  /** Members of the bundle being scored; the last slot holds their count. */
  readonly members: Int32Array;
  readonly pulledInBy: Int32Array;
  readonly cur: Float64Array;
  readonly gapNow: Float64Array;
  readonly scratch: Float64Array;
  readonly touched: Int32Array;
  readonly mark: Uint8Array;
  /** Per level and area: importance × gap slope ceiling × gain factor ceiling, at the current confidence. */
  readonly areaBound: Float64Array;
  readonly areaDirty: Uint8Array;
  readonly state: Float64Array;
}

const workspaces = new WeakMap<ContentIndex, Workspace>();

function workspace(ix: ContentIndex): Workspace {
  let w = workspaces.get(ix);
  if (w) return w;
  const M = ix.modules.length;
  const A = ix.areas.length;
  const E = ix.modArea.length;
  const entryRow = new Int32Array(E);
  const entryGain = new Float64Array(E);
  const hasPrereqs = new Uint8Array(M);
  for (let m = 0; m < M; m++) {
    const g0 = ix.baseGain[m]!;
    for (let k = ix.modOffset[m]!; k < ix.modOffset[m + 1]!; k++) {
      entryRow[k] = ix.levelCode[m]! * A + ix.modArea[k]!;
      entryGain[k] = g0 > 0 ? g0 * ix.modRelevance[k]! : g0 <= 0 ? 0 : NaN;
    }
    hasPrereqs[m] = ix.closureOffset[m + 1]! > ix.closureOffset[m]! ? 1 : 0;
  }
  const dependantOffset = new Int32Array(M + 1);
  for (let k = 0; k < ix.closure.length; k++) dependantOffset[ix.closure[k]! + 1]!++;
  for (let m = 0; m < M; m++) dependantOffset[m + 1]! += dependantOffset[m]!;
  const dependants = new Int32Array(ix.closure.length);
  const next = dependantOffset.slice(0, M);
  for (let m = 0; m < M; m++) {
    for (let k = ix.closureOffset[m]!; k < ix.closureOffset[m + 1]!; k++) dependants[next[ix.closure[k]!]!++] = m;
  }
  w = {
    entryRow,
    entryGain,
    hasPrereqs,
    dependantOffset,
    dependants,
    eligible: new Uint8Array(M),
    done: new Uint8Array(M),
    exact: new Uint8Array(M),
    key: new Float64Array(M),
    keyMinutes: new Float64Array(M),
    keyMask: new Uint32Array(M),
    cand: new Int32Array(M),
    open: new Int32Array(M),
    members: new Int32Array(M + 1),
    pulledInBy: new Int32Array(M),
    cur: new Float64Array(A),
    gapNow: new Float64Array(A),
    scratch: new Float64Array(A),
    touched: new Int32Array(A),
    mark: new Uint8Array(A),
    areaBound: new Float64Array(3 * A),
    areaDirty: new Uint8Array(A),
    state: new Float64Array(A),
  };
  workspaces.set(ix, w);
  return w;
}

/** Ratios at or below this are not worth a step: planning stops when nothing better is left. */
const MIN_RATIO = 1e-9;

/**
 * Choose, order and schedule a pathway. Greedy: each round takes the module (plus its not-yet-taken
 * prerequisites, all of which must be eligible) with the highest Σ_a importance_a·(gap_a before − gap_a after)
 * per minute that fits the remaining budget (ties to the lowest catalogue index); gains shift the area means, so
 * later modules on the same area are usually worth less. Invariants: total minutes ≤ timeBudgetMinutes; no
 * completed module; no duplicates; every prerequisite before its dependant or completed; every step eligible.
 *
 * The greedy is exact but lazy: a round evaluates exactly only the bundles whose upper bound could beat the best
 * ratio found so far, highest bound first. Each candidate's key is its exact ratio while nothing it depends on
 * has changed, otherwise an upper bound (see bundleBound). A stale exact ratio is never used as a bound: the
 * objective is not diminishing-returns everywhere (an intermediate or advanced module fits better as confidence
 * rises, and a bundle gets cheaper when a prerequisite is taken), so whenever a pick changes an area that a
 * bundle's members touch, or takes one of its members, the bundle is re-bounded from the current state. Taking
 * a prerequisite changes its own areas (modules without areas share one bit of their own), which catches the
 * bundles that depend on it; they are also marked explicitly.
 */
export function planPathway(
  content: Content,
  request: RecommendationRequest,
  profile: Profile,
  importance: Float64Array,
): Plan {
  const ix = indexContent(content);
  const M = ix.modules.length;
  const A = ix.areas.length;
  const w = workspace(ix);
  const { done, exact, key, keyMinutes, keyMask, pulledInBy, cand, open, cur, gapNow, areaBound, areaDirty } = w;
  const { entryRow, entryGain, hasPrereqs } = w;
  const { minutes, closureOffset, closure, ownAreaMask, modOffset } = ix;
  const eligible = fillEligible(ix, request, w.eligible);
  for (let m = 0; m < M; m++) {
    done[m] = 0;
    pulledInBy[m] = -1;
  }
  for (const id of request.completedModuleIds) {
    const m = ix.moduleIndex.get(id);
    if (m !== undefined) done[m] = 1;
  }
  const sd = profile.sd;
  const mean = profile.mean;
  for (let a = 0; a < A; a++) {
    cur[a] = mean[a]!;
    gapNow[a] = confidenceGap(cur[a]!, sd[a]!);
    areaDirty[a] = 1;
  }
  // Candidates: eligible, not done, every prerequisite done or eligible (done only grows, and only by taking
  // eligible modules, so a blocked module stays blocked). All are keyed in the first round.
  let nc = 0;
  for (let m = 0; m < M; m++) {
    if (!eligible[m] || done[m]) continue;
    let ok = true;
    for (let k = closureOffset[m]!; k < closureOffset[m + 1]!; k++) {
      const p = closure[k]!;
      if (!done[p] && !eligible[p]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    cand[nc++] = m;
    keyMask[m] = 0xffffffff;
  }

  let remaining = Math.max(0, request.timeBudgetMinutes);
  const selected: number[] = [];
  let changed = -1; // areas changed by the last pick, as a bitmask (all, before the first round)
  for (;;) {
    // Refresh the per-area bound factors where confidence moved.
    for (let a = 0; a < A; a++) {
      if (!areaDirty[a]) continue;
      areaDirty[a] = 0;
      const imp = importance[a]!;
      const c = cur[a]!;
      const slope = imp <= 0 ? 0 : imp * confidenceGapSlopeCeiling(c, sd[a]!);
      for (let l = 0; l < 3; l++) areaBound[l * A + a] = imp <= 0 ? 0 : slope * gainFactorCeiling(l, c);
    }
    // Drop candidates that are taken or no longer fit alone (remaining only shrinks); re-bound those whose
    // members' areas changed; find the best exact ratio among those that fit; list the bounded ones that could
    // beat MIN_RATIO.
    let best = -1;
    let bestRatio = 0;
    let no = 0;
    let j = 0;
    for (let i = 0; i < nc; i++) {
      const m = cand[i]!;
      const own = minutes[m]!;
      if (done[m] || own > remaining) continue;
      cand[j++] = m;
      let k: number;
      if (keyMask[m]! & changed) {
        exact[m] = 0;
        if (hasPrereqs[m]) k = key[m] = bundleBound(ix, w, m);
        else {
          // A single module (the common case), inline: Σ entry gain × area factor per minute.
          let u = 0;
          for (let e = modOffset[m]!, end = modOffset[m + 1]!; e < end; e++) u += entryGain[e]! * areaBound[entryRow[e]!]!;
          u /= own > 1 ? own : 1;
          k = key[m] = u === u ? u * (1 + 1e-9) + 1e-12 : Infinity;
          keyMinutes[m] = own;
          keyMask[m] = ownAreaMask[m]!;
        }
      } else k = key[m]!;
      if (keyMinutes[m]! > remaining) continue;
      if (exact[m]) {
        if (k > bestRatio || (k === bestRatio && best >= 0 && m < best)) {
          bestRatio = k;
          best = m;
        }
      } else if (k > MIN_RATIO) open[no++] = m;
    }
    nc = j;
    // Evaluate the highest bound that could still beat the best, until none can.
    for (;;) {
      let top = -1;
      let topKey = 0;
      j = 0;
      for (let i = 0; i < no; i++) {
        const m = open[i]!;
        if (exact[m]) continue;
        const k = key[m]!;
        if (best >= 0 && (k < bestRatio || (k === bestRatio && m > best))) continue;
        open[j++] = m;
        if (top < 0 || k > topKey || (k === topKey && m < top)) {
          top = m;
          topKey = k;
        }
      }
      no = j;
      if (top < 0) break;
      const r = evaluate(ix, w, top, importance, sd);
      if (r > bestRatio || (r === bestRatio && best >= 0 && top < best)) {
        bestRatio = r;
        best = top;
      }
    }
    if (best < 0 || bestRatio <= MIN_RATIO) break;
    changed = 0;
    for (let k = closureOffset[best]!; k < closureOffset[best + 1]!; k++) {
      const p = closure[k]!;
      if (done[p]) continue;
      take(ix, w, p, importance, sd);
      changed |= ownAreaMask[p]!;
      remaining -= minutes[p]!;
      selected.push(p);
      pulledInBy[p] = best;
    }
    take(ix, w, best, importance, sd);
    changed |= ownAreaMask[best]!;
    remaining -= minutes[best]!;
    selected.push(best);
  }

  const ordered = orderSelection(ix, selected);
  // Report gains and value along the final order, from the starting profile.
  const state = w.state;
  state.set(mean);
  const weekly = request.weeklyMinutes > 0 ? request.weeklyMinutes : Infinity;
  let cum = 0;
  const steps: PlannedStep[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const m = ordered[i]!;
    const gains: StepGain[] = [];
    const value = applyGains(ix, m, state, importance, gains, sd);
    sortGains(gains);
    const week = 1 + Math.floor(cum / weekly);
    cum += minutes[m]!;
    steps.push({ module: m, format: stepFormat(ix, m, request.formats), minutes: minutes[m]!, week, gains, value, pulledInBy: pulledInBy[m]! });
  }
  return { steps, totalMinutes: cum };
}

/** Sort by gain descending, then area ascending (a stable insertion sort: steps have a handful of areas). */
function sortGains(gains: StepGain[]): void {
  for (let i = 1; i < gains.length; i++) {
    const x = gains[i]!;
    let j = i - 1;
    while (j >= 0) {
      const y = gains[j]!;
      if (!(x.gain - y.gain > 0 || (!(x.gain - y.gain < 0) && y.area - x.area > 0))) break;
      gains[j + 1] = y;
      j--;
    }
    gains[j + 1] = x;
  }
}

/** Take module q: raise the area means by its expected gains; its dependants' bundles lose a member. */
function take(ix: ContentIndex, w: Workspace, q: number, importance: Float64Array, sd: Float64Array): void {
  const { cur, gapNow, areaDirty, dependantOffset, dependants, keyMask } = w;
  w.done[q] = 1;
  for (let k = dependantOffset[q]!; k < dependantOffset[q + 1]!; k++) keyMask[dependants[k]!] = 0xffffffff;
  applyGains(ix, q, cur, importance, null);
  for (let k = ix.modOffset[q]!; k < ix.modOffset[q + 1]!; k++) {
    const a = ix.modArea[k]!;
    gapNow[a] = confidenceGap(cur[a]!, sd[a]!);
    areaDirty[a] = 1;
  }
}

/** Put bundle m's members (prerequisites not yet taken, in closure order, then m) in w.members; returns their minutes. */
function gather(ix: ContentIndex, w: Workspace, m: number): number {
  const { members, done } = w;
  const { minutes, closure } = ix;
  let mins = minutes[m]!;
  let n = 0;
  for (let k = ix.closureOffset[m]!, end = ix.closureOffset[m + 1]!; k < end; k++) {
    const p = closure[k]!;
    if (done[p]) continue;
    members[n++] = p;
    mins += minutes[p]!;
  }
  members[n++] = m;
  members[members.length - 1] = n;
  return mins;
}

/**
 * An upper bound on bundle m's ratio now and in every later state of this call with the same members (later
 * states only raise confidence): gains only raise confidence, and from confidence c on area a a member can close
 * at most importance_a × (gap slope ceiling from c) × baseGain × relevance × (gain factor ceiling from c), both
 * ceilings being non-increasing in c. Inflated a little for rounding; +Infinity when inputs are not finite
 * (then the bundle is always evaluated). Records the bundle's minutes and area mask.
 */
function bundleBound(ix: ContentIndex, w: Workspace, m: number): number {
  const { members, entryRow, entryGain, areaBound } = w;
  const { ownAreaMask, modOffset } = ix;
  const mins = gather(ix, w, m);
  const n = members[members.length - 1]!;
  let mask = 0;
  let u = 0;
  for (let j = 0; j < n; j++) {
    const q = members[j]!;
    mask |= ownAreaMask[q]!;
    for (let e = modOffset[q]!, end = modOffset[q + 1]!; e < end; e++) u += entryGain[e]! * areaBound[entryRow[e]!]!;
  }
  u /= mins > 1 ? mins : 1;
  w.keyMinutes[m] = mins;
  w.keyMask[m] = mask;
  return u === u ? u * (1 + 1e-9) + 1e-12 : Infinity;
}

/**
 * Exact ratio of bundle m in the current state: apply its members in order to a scratch shift, then score the
 * change in weighted gap per minute. Records it as m's key.
 */
function evaluate(ix: ContentIndex, w: Workspace, m: number, importance: Float64Array, sd: Float64Array): number {
  const { members, cur, gapNow, scratch, touched, mark } = w;
  const { modOffset, modArea, modRelevance, baseGain, levelCode, ownAreaMask } = ix;
  const mins = gather(ix, w, m);
  const n = members[members.length - 1]!;
  let mask = 0;
  let nt = 0;
  for (let j = 0; j < n; j++) {
    const q = members[j]!;
    mask |= ownAreaMask[q]!;
    const g0 = baseGain[q]!;
    if (g0 <= 0) continue;
    const lv = levelCode[q]!;
    for (let k = modOffset[q]!, end = modOffset[q + 1]!; k < end; k++) {
      const a = modArea[k]!;
      if (importance[a]! <= 0) continue;
      scratch[a]! += g0 * modRelevance[k]! * gainFactor(lv, cur[a]! + scratch[a]!);
      if (!mark[a]) {
        mark[a] = 1;
        touched[nt++] = a;
      }
    }
  }
  let value = 0;
  for (let t = 0; t < nt; t++) {
    const a = touched[t]!;
    value += importance[a]! * (gapNow[a]! - confidenceGap(cur[a]! + scratch[a]!, sd[a]!));
    scratch[a] = 0;
    mark[a] = 0;
  }
  const ratio = value / (mins > 1 ? mins : 1);
  w.key[m] = ratio;
  w.keyMinutes[m] = mins;
  w.keyMask[m] = mask;
  w.exact[m] = 1;
  return ratio;
}

/**
 * Apply module q's expected gains to `state` in place (level fit and headroom at the current state). When `out` is
 * given, pushes per-area gains and returns the weighted gap closed (needs `sd`); otherwise returns 0.
 */
export function applyGains(
  ix: ContentIndex,
  q: number,
  state: Float64Array,
  importance: Float64Array,
  out: StepGain[] | null,
  sd?: Float64Array,
): number {
  const g0 = ix.baseGain[q]!;
  const lv = ix.levelCode[q]!;
  let value = 0;
  for (let k = ix.modOffset[q]!; k < ix.modOffset[q + 1]!; k++) {
    const a = ix.modArea[k]!;
    const before = state[a]!;
    const g = g0 * ix.modRelevance[k]! * gainFactor(lv, before);
    state[a] = before + g;
    if (out && sd) {
      const v = importance[a]! * (confidenceGap(before, sd[a]!) - confidenceGap(before + g, sd[a]!));
      if (g > 0) out.push({ area: a, gain: g, value: v });
      value += v;
    }
  }
  return value;
}
