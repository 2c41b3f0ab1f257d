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

/** Scratch arrays reused across calls for one content (planning is synchronous, so never shared mid-call). */
interface Workspace {
  readonly eligible: Uint8Array;
  readonly done: Uint8Array;
  /** 1 while a module can still be chosen: eligible, not done, prerequisites suitable, fits the budget alone. */
  readonly live: Uint8Array;
  /** 1 when key[m] is m's exact ratio in the current state; otherwise key[m] is an upper bound on it. */
  readonly exact: Uint8Array;
  readonly key: Float64Array;
  /** The last upper bound computed for m, and 1 when it was computed in the current state. */
  readonly bound: Float64Array;
  readonly fresh: Uint8Array;
  /** Minutes of m's bundle (m plus its prerequisites not yet taken) when key[m] was computed. */
  readonly keyMinutes: Float64Array;
  /** Areas (bitmask, see ContentIndex.ownAreaMask) the bundle's members touched when key[m] was computed. */
  readonly keyMask: Uint32Array;
  /** Members of the bundle being scored; members[M] holds their count. */
  readonly members: Int32Array;
  readonly memberBound: Float64Array;
  readonly memberUsed: Uint8Array;
  readonly pulledInBy: Int32Array;
  /** Modules still in the running (any order). */
  readonly cand: Int32Array;
  readonly cur: Float64Array;
  readonly gapNow: Float64Array;
  readonly scratch: Float64Array;
  readonly touched: Int32Array;
  readonly mark: Uint8Array;
  /** Per level and area: importance × gap slope ceiling × gain factor ceiling at the current confidence. */
  readonly areaBound: Float64Array;
  readonly areaDirty: Uint8Array;
  readonly state: Float64Array;
}

const workspaces = new WeakMap<ContentIndex, Workspace>();

function workspace(ix: ContentIndex): Workspace {
  let w = workspaces.get(ix);
  if (!w) {
    const M = ix.modules.length;
    const A = ix.areas.length;
    w = {
      eligible: new Uint8Array(M),
      done: new Uint8Array(M),
      live: new Uint8Array(M),
      exact: new Uint8Array(M),
      key: new Float64Array(M),
      bound: new Float64Array(M),
      fresh: new Uint8Array(M),
      keyMinutes: new Float64Array(M),
      keyMask: new Uint32Array(M),
      members: new Int32Array(M + 1),
      memberBound: new Float64Array(M + 1),
      memberUsed: new Uint8Array(M + 1),
      pulledInBy: new Int32Array(M),
      cand: new Int32Array(M),
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
  }
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
 * The greedy is exact but lazy. Each candidate keeps a key that is either its exact ratio in the current state
 * or a proven upper bound on it (see bundleBound); a round pops candidates in key order, evaluating bounded ones
 * exactly, until the best exact ratio found beats every remaining key. Stale ratios are NOT used as bounds: the
 * objective is not diminishing-returns everywhere (an intermediate or advanced module fits better as confidence
 * rises, and a bundle gets cheaper when a prerequisite is taken). So when a pick changes an area that a bundle's
 * members touch, the bundle's key falls back to a fresh upper bound; taking a prerequisite changes that
 * prerequisite's own areas (modules without areas share a bit of their own), so its dependants are caught too.
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
  const { done, live, exact, key, bound, fresh, keyMinutes, keyMask, pulledInBy, cand, cur, gapNow, areaBound, areaDirty } = w;
  const { minutes, closureOffset, closure, ownAreaMask } = ix;
  const eligible = fillEligible(ix, request, w.eligible);
  for (let m = 0; m < M; m++) {
    done[m] = 0;
    exact[m] = 0;
    keyMask[m] = 0xffffffff; // every candidate is keyed in the first round
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
  // eligible modules, so a blocked module stays blocked).
  for (let m = 0; m < M; m++) {
    let ok = eligible[m] === 1 && done[m] === 0;
    for (let k = closureOffset[m]!; ok && k < closureOffset[m + 1]!; k++) {
      const p = closure[k]!;
      if (!done[p] && !eligible[p]) ok = false;
    }
    live[m] = ok ? 1 : 0;
  }

  let nc = 0;
  for (let m = 0; m < M; m++) if (live[m]) cand[nc++] = m;
  let remaining = Math.max(0, request.timeBudgetMinutes);
  const selected: number[] = [];
  let changed = 0xffffffff; // areas changed by the last pick (all, before the first round)
  for (let first = true; ; first = false) {
    // Refresh the per-area bound factors where confidence moved.
    for (let a = 0; a < A; a++) {
      if (!areaDirty[a]) continue;
      areaDirty[a] = 0;
      const imp = importance[a]!;
      const c = cur[a]!;
      const slope = confidenceGapSlopeCeiling(c, sd[a]!);
      for (let l = 0; l < 3; l++) areaBound[l * A + a] = imp <= 0 ? 0 : imp * slope * gainFactorCeiling(l, c);
    }
    // Drop candidates that are taken or no longer fit alone; re-key those whose members' areas changed; find
    // the best exact ratio among the rest that fit.
    let best = -1;
    let bestRatio = 0;
    let j = 0;
    for (let i = 0; i < nc; i++) {
      const m = cand[i]!;
      if (done[m] || minutes[m]! > remaining) continue; // remaining only shrinks
      cand[j++] = m;
      if (keyMask[m]! & changed) {
        exact[m] = 0;
        if (first || closureOffset[m]! !== closureOffset[m + 1]!) key[m] = bundleBound(ix, w, m);
        else {
          // No prerequisites, so the minutes cannot have changed: fall back to the last bound (still valid, as
          // bounds only shrink when confidence rises) and refresh it only if it comes to the top.
          key[m] = bound[m]!;
          fresh[m] = 0;
        }
      } else if (exact[m] && keyMinutes[m]! <= remaining) {
        const r = key[m]!;
        if (r > bestRatio || (r === bestRatio && best >= 0 && m < best)) {
          bestRatio = r;
          best = m;
        }
      }
    }
    nc = j;
    // Evaluate bounded candidates, highest bound first, while one could still beat the best.
    for (;;) {
      let top = -1;
      let topKey = 0;
      for (let i = 0; i < nc; i++) {
        const m = cand[i]!;
        if (exact[m] || keyMinutes[m]! > remaining) continue;
        const k = key[m]!;
        if (top < 0 ? k > MIN_RATIO : k > topKey || (k === topKey && m < top)) {
          top = m;
          topKey = k;
        }
      }
      if (top < 0 || (best >= 0 && (topKey < bestRatio || (topKey === bestRatio && top > best)))) break;
      if (!fresh[top]) {
        key[top] = bundleBound(ix, w, top);
        continue;
      }
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
    if (gains.length > 1) gains.sort(byGainDesc);
    const week = 1 + Math.floor(cum / weekly);
    cum += minutes[m]!;
    steps.push({ module: m, format: stepFormat(ix, m, request.formats), minutes: minutes[m]!, week, gains, value, pulledInBy: pulledInBy[m]! });
  }
  return { steps, totalMinutes: cum };
}

function byGainDesc(x: StepGain, y: StepGain): number {
  return y.gain - x.gain || x.area - y.area;
}

/** Take module q: raise the area means by its expected gains. */
function take(ix: ContentIndex, w: Workspace, q: number, importance: Float64Array, sd: Float64Array): void {
  const { cur, gapNow, areaDirty } = w;
  w.done[q] = 1;
  w.live[q] = 0;
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
 * An upper bound on bundle m's ratio now and in every later state of this call (later states only raise
 * confidence and only drop members); also records the bundle's minutes and area mask. Member q closes at most
 * Σ_a importance_a × (gap slope ceiling from cur_a) × baseGain_q × relevance × (gain factor ceiling from cur_a);
 * the ratio of any subset containing m is at most the best such subset's Σ bound / Σ minutes. Inflated a little
 * for rounding. +Infinity when inputs are not finite (such a bundle is always evaluated).
 */
function bundleBound(ix: ContentIndex, w: Workspace, m: number): number {
  const { members, memberBound, memberUsed, areaBound } = w;
  const { minutes, modOffset, modArea, modRelevance, baseGain, levelCode, ownAreaMask } = ix;
  const A = ix.areas.length;
  const c0 = ix.closureOffset[m]!;
  const mins = c0 === ix.closureOffset[m + 1]! ? minutes[m]! : gather(ix, w, m);
  const n = c0 === ix.closureOffset[m + 1]! ? 1 : members[members.length - 1]!;
  let mask = 0;
  let bound: number;
  if (n === 1) {
    mask = ownAreaMask[m]!;
    const g0 = baseGain[m]!;
    let u = 0;
    if (g0 > 0) {
      const row = levelCode[m]! * A;
      for (let k = modOffset[m]!, end = modOffset[m + 1]!; k < end; k++) u += modRelevance[k]! * areaBound[row + modArea[k]!]!;
      u *= g0;
    }
    bound = u / (mins > 1 ? mins : 1);
  } else {
    let allAtLeastOne = true;
    for (let j = 0; j < n; j++) {
      const q = members[j]!;
      mask |= ownAreaMask[q]!;
      const g0 = baseGain[q]!;
      let u = 0;
      if (g0 > 0) {
        const row = levelCode[q]! * A;
        for (let k = modOffset[q]!, end = modOffset[q + 1]!; k < end; k++) u += modRelevance[k]! * areaBound[row + modArea[k]!]!;
        u *= g0;
      }
      memberBound[j] = u;
      memberUsed[j] = 0;
      if (!(minutes[q]! >= 1)) allAtLeastOne = false;
    }
    if (!allAtLeastOne) bound = Infinity;
    else {
      // Best ratio over subsets containing m: add the others by their own ratio while that raises the total's.
      let num = memberBound[n - 1]!;
      let den = minutes[m]!;
      for (;;) {
        let pick = -1;
        let pickRatio = -Infinity;
        for (let j = 0; j < n - 1; j++) {
          if (memberUsed[j]) continue;
          const r = memberBound[j]! / minutes[members[j]!]!;
          if (r > pickRatio) {
            pickRatio = r;
            pick = j;
          }
        }
        if (pick < 0 || !(pickRatio > num / den)) break;
        memberUsed[pick] = 1;
        num += memberBound[pick]!;
        den += minutes[members[pick]!]!;
      }
      bound = num / den;
    }
  }
  w.keyMinutes[m] = mins;
  w.keyMask[m] = mask;
  w.fresh[m] = 1;
  return (w.bound[m] = bound === bound ? bound * (1 + 1e-9) + 1e-12 : Infinity);
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
