// The planner: picks modules (with any missing prerequisites as a bundle) greedily by expected weighted gap
// closed per minute under the time budget, with diminishing returns, then orders and schedules them.

import type { Content, Format, RecommendationRequest } from './types.js';
import { formatBit, indexContent, phaseBit, roleBit, type ContentIndex } from './content-index.js';
import { gainFactor, gainFactorCeilingsInto } from './gain.js';
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
  const { roleMask, phaseMask, formatMask, brokenPrereqs } = ix;
  for (let m = 0; m < out.length; m++) {
    out[m] = roleMask[m]! & rb && phaseMask[m]! & pb && formatMask[m]! & fb && !brokenPrereqs[m] ? 1 : 0;
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
 * every per-call array is reset or written before it is read).
 */
interface Workspace {
  /** Per (module, area) entry, as ContentIndex.modArea: levelCode × areas + area, for looking up areaBound. */
  readonly entryRow: Int32Array;
  /** Per entry: baseGain × relevance (0 when the module has no gain; NaN when its gain is not a number). */
  readonly entryGain: Float64Array;
  /** 1 when the module has prerequisites (its bundle may have more than one member). */
  readonly hasPrereqs: Uint8Array;
  /** 1 when the module's areas are distinct (no area listed twice). */
  readonly simple: Uint8Array;
  /** CSR over modules: the modules whose prerequisite closure contains m. */
  readonly dependantOffset: Int32Array;
  readonly dependants: Int32Array;

  readonly eligible: Uint8Array;
  readonly done: Uint8Array;
  readonly pulledInBy: Int32Array;
  /**
   * The candidates' max-heap, ordered by key descending then module index ascending, and each module's place in
   * it (-1 when out). A key is an upper bound on the module's bundle's ratio, or its exact ratio (exact = 1).
   */
  readonly heap: Int32Array;
  readonly heapPos: Int32Array;
  readonly key: Float64Array;
  readonly exact: Uint8Array;
  /** The last upper bound computed for m's bundle (+Infinity once one of its members is taken). */
  readonly bound: Float64Array;
  /** The pick count when key[m] was computed, and the bundle's minutes and area mask (ownAreaMask bits) then. */
  readonly keyEpoch: Int32Array;
  readonly keyMinutes: Float64Array;
  readonly keyMask: Uint32Array;
  /** Areas changed by each pick (bitmask), indexed by pick count. */
  readonly changedAt: Int32Array;
  /** Modules whose keys are exact, to be checked after each pick. */
  readonly exactList: Int32Array;
  /** 1 for a candidate set aside because its bundle does not fit, until the bundle loses a member. */
  readonly parked: Uint8Array;
  /** Members of the bundle being scored; the last slot holds their count. */
  readonly members: Int32Array;
  readonly cur: Float64Array;
  readonly gapNow: Float64Array;
  readonly scratch: Float64Array;
  readonly touched: Int32Array;
  readonly mark: Uint8Array;
  /** Per level and area: importance × gap slope ceiling × gain factor ceiling, at the current confidence. */
  readonly areaBound: Float64Array;
  readonly areaDirty: Uint8Array;
  /** Recorded by take, along the selection order: gain and value per (module, area) entry, value per module. */
  readonly takenGain: Float64Array;
  readonly takenValue: Float64Array;
  readonly stepValue: Float64Array;
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
  const simple = new Uint8Array(M);
  for (let m = 0; m < M; m++) {
    const g0 = ix.baseGain[m]!;
    for (let k = ix.modOffset[m]!; k < ix.modOffset[m + 1]!; k++) {
      entryRow[k] = ix.levelCode[m]! * A + ix.modArea[k]!;
      entryGain[k] = g0 > 0 ? g0 * ix.modRelevance[k]! : g0 <= 0 ? 0 : NaN;
    }
    hasPrereqs[m] = ix.closureOffset[m + 1]! > ix.closureOffset[m]! ? 1 : 0;
    const areas = ix.modArea.subarray(ix.modOffset[m]!, ix.modOffset[m + 1]!);
    simple[m] = new Set(areas).size === areas.length ? 1 : 0;
  }
  const dependants = invert(M, M, ix.closureOffset, ix.closure);
  w = {
    entryRow,
    entryGain,
    hasPrereqs,
    simple,
    dependantOffset: dependants.offset,
    dependants: dependants.items,
    eligible: new Uint8Array(M),
    done: new Uint8Array(M),
    pulledInBy: new Int32Array(M),
    heap: new Int32Array(M),
    heapPos: new Int32Array(M),
    key: new Float64Array(M),
    exact: new Uint8Array(M),
    bound: new Float64Array(M),
    keyEpoch: new Int32Array(M),
    keyMinutes: new Float64Array(M),
    keyMask: new Uint32Array(M),
    changedAt: new Int32Array(M + 1),
    exactList: new Int32Array(M),
    parked: new Uint8Array(M),
    members: new Int32Array(M + 1),
    cur: new Float64Array(A),
    gapNow: new Float64Array(A),
    scratch: new Float64Array(A),
    touched: new Int32Array(A),
    mark: new Uint8Array(A),
    areaBound: new Float64Array(3 * A),
    areaDirty: new Uint8Array(A),
    takenGain: new Float64Array(E),
    takenValue: new Float64Array(E),
    stepValue: new Float64Array(M),
    state: new Float64Array(A),
  };
  workspaces.set(ix, w);
  return w;
}

/** Inverts a CSR relation rows → columns (rows 0..rows-1, values 0..cols-1) into columns → rows, deduplicated. */
function invert(rows: number, cols: number, offset: Int32Array, values: Int32Array): { offset: Int32Array; items: Int32Array } {
  const lists: number[][] = Array.from({ length: cols }, () => []);
  for (let r = 0; r < rows; r++) {
    for (let k = offset[r]!; k < offset[r + 1]!; k++) {
      const list = lists[values[k]!]!;
      if (list[list.length - 1] !== r) list.push(r);
    }
  }
  const out = new Int32Array(cols + 1);
  for (let c = 0; c < cols; c++) out[c + 1] = out[c]! + lists[c]!.length;
  return { offset: out, items: Int32Array.from(lists.flat()) };
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
 * The greedy is exact but lazy. The candidates sit in a max-heap whose keys are upper bounds on their bundles'
 * ratios (see unitBound) or exact ratios. Each round pops from the top: a bound that a pick has made stale is
 * recomputed, a fresh bound is replaced by the exact ratio, and the first exact ratio on top (that fits) wins,
 * since every other key is at least the ratio it stands for. An exact ratio is never kept once a pick changes an
 * area its bundle touches, because the objective is not diminishing-returns everywhere: an intermediate or
 * advanced module fits better as confidence rises, and a bundle gets cheaper when a prerequisite is taken. So
 * after each pick such keys fall back to the bundle's last bound, and the bundles that lost a member (the
 * dependants of each module taken) to +Infinity, until recomputed.
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
  const { done, pulledInBy, heap, heapPos, key, exact, bound, keyEpoch, keyMinutes, keyMask, changedAt, exactList } = w;
  const { parked, cur, gapNow, dependantOffset, dependants, hasPrereqs, entryGain, entryRow, areaBound } = w;
  const { minutes, closureOffset, closure, ownAreaMask, modOffset } = ix;
  const eligible = fillEligible(ix, request, w.eligible);
  for (let m = 0; m < M; m++) {
    done[m] = 0;
    pulledInBy[m] = -1;
    heapPos[m] = -1;
    exact[m] = 0;
    parked[m] = 0;
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
  }
  refreshAreaBounds(w, importance, sd, true);
  let remaining = Math.max(0, request.timeBudgetMinutes);
  // Candidates: eligible, not done, every prerequisite done or eligible (done only grows, and only by taking
  // eligible modules, so a blocked module stays blocked), fitting the budget alone; bounded, then heaped.
  let n = 0;
  let longest = 0; // minutes of the longest candidate
  for (let m = 0; m < M; m++) {
    if (!eligible[m] || done[m] || minutes[m]! > remaining) continue;
    let ok = true;
    for (let k = closureOffset[m]!; k < closureOffset[m + 1]!; k++) {
      const p = closure[k]!;
      if (!done[p] && !eligible[p]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (hasPrereqs[m]) rebound(ix, w, m, 0);
    else {
      // rebound(ix, w, m, 0), inline for a single module (the common case).
      const own = minutes[m]!;
      let u = 0;
      for (let e = modOffset[m]!, end = modOffset[m + 1]!; e < end; e++) u += entryGain[e]! * areaBound[entryRow[e]!]!;
      u /= own > 1 ? own : 1;
      const k = u === u ? u * (1 + 1e-9) + 1e-12 : Infinity;
      key[m] = k;
      bound[m] = k;
      keyEpoch[m] = 0;
      keyMinutes[m] = own;
      keyMask[m] = ownAreaMask[m]!;
    }
    if (minutes[m]! > longest) longest = minutes[m]!;
    heap[n] = m;
    heapPos[m] = n++;
  }
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(w, i, n);

  const selected: number[] = [];
  let epoch = 0; // picks so far
  let nExact = 0;
  for (;;) {
    // Pop until an exact ratio that fits is on top (or nothing left is worth a step).
    let best = -1;
    while (n > 0) {
      const m = heap[0]!;
      if (!(key[m]! > MIN_RATIO)) break; // every other key is at most this
      if (done[m] || minutes[m]! > remaining) {
        n = removeTop(w, n); // never again: remaining only shrinks
        continue;
      }
      if (!exact[m]) {
        // A bound: recompute it if a pick since has changed an area its bundle touches, else evaluate exactly.
        let since = 0;
        for (let e = keyEpoch[m]! + 1; e <= epoch; e++) since |= changedAt[e]!;
        if (keyMask[m]! & since) rebound(ix, w, m, epoch);
        else if (keyMinutes[m]! <= remaining) {
          const r = evaluate(ix, w, m, importance, sd);
          key[m] = r === r ? r : -Infinity; // a ratio that is not a number is never chosen
          exactList[nExact++] = m;
        }
      }
      if (keyMinutes[m]! > remaining) {
        // The bundle does not fit until it loses a member (remaining only shrinks): set it aside till then.
        n = removeTop(w, n);
        exact[m] = 0;
        parked[m] = 1;
        continue;
      }
      siftDown(w, 0, n);
      // An exact ratio still on top wins: every other key is at least the ratio it stands for.
      if (exact[m] && heap[0] === m) {
        best = m;
        break;
      }
    }
    if (best < 0 || !(key[best]! > MIN_RATIO)) break;
    n = removeTop(w, n);
    epoch++;
    let changed = 0;
    const first = selected.length;
    for (let k = closureOffset[best]!; k < closureOffset[best + 1]!; k++) {
      const p = closure[k]!;
      if (done[p]) continue;
      if (heapPos[p]! >= 0) n = removeAt(w, heapPos[p]!, n);
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
    changedAt[epoch] = changed;
    refreshAreaBounds(w, importance, sd, false);
    // Drop candidates that no longer fit alone (remaining only shrinks) in one pass, re-heaping if any went.
    if (remaining < longest) {
      let kept = 0;
      for (let i = 0; i < n; i++) {
        const m = heap[i]!;
        if (minutes[m]! > remaining) heapPos[m] = -1;
        else {
          heap[kept] = m;
          heapPos[m] = kept++;
        }
      }
      if (kept < n) {
        n = kept;
        for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(w, i, n);
      }
    }
    // Bundles that lost a member: their bounds no longer hold, so they go back on top until recomputed.
    for (let i = first; i < selected.length; i++) {
      const q = selected[i]!;
      for (let k = dependantOffset[q]!; k < dependantOffset[q + 1]!; k++) {
        const d = dependants[k]!;
        if (done[d]) continue;
        bound[d] = Infinity;
        exact[d] = 0;
        key[d] = Infinity;
        if (heapPos[d]! >= 0) siftUp(w, heapPos[d]!);
        else if (parked[d]) {
          parked[d] = 0;
          heap[n] = d;
          heapPos[d] = n;
          siftUp(w, n++);
        }
      }
    }
    // Exact ratios of bundles touching a changed area fall back to their last bound (never below the old ratio).
    let j = 0;
    for (let i = 0; i < nExact; i++) {
      const m = exactList[i]!;
      if (!exact[m] || heapPos[m]! < 0) {
        exact[m] = 0;
        continue;
      }
      if (keyMask[m]! & changed) {
        exact[m] = 0;
        key[m] = bound[m]!;
        siftUp(w, heapPos[m]!);
      } else exactList[j++] = m;
    }
    nExact = j;
  }

  const ordered = orderSelection(ix, selected);
  // Report gains and value along the final order, from the starting profile. take() recorded them along the
  // selection order, from the same start; reuse those when the order is the same, else replay.
  let same = ordered.length === selected.length;
  for (let i = 0; same && i < ordered.length; i++) same = ordered[i] === selected[i];
  const state = w.state;
  if (!same) state.set(mean);
  const { takenGain, takenValue, stepValue } = w;
  const weekly = request.weeklyMinutes > 0 ? request.weeklyMinutes : Infinity;
  const formats = request.formats;
  const formatBits = formats.map(formatBit);
  let cum = 0;
  const steps: PlannedStep[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const m = ordered[i]!;
    const gains: StepGain[] = [];
    let value: number;
    if (same) {
      for (let e = modOffset[m]!; e < modOffset[m + 1]!; e++) {
        const g = takenGain[e]!;
        if (g > 0) gains.push({ area: ix.modArea[e]!, gain: g, value: takenValue[e]! });
      }
      value = stepValue[m]!;
    } else value = applyGains(ix, m, state, importance, gains, sd);
    sortGains(gains);
    const week = 1 + Math.floor(cum / weekly);
    cum += minutes[m]!;
    // stepFormat(ix, m, formats), with the formats' bits worked out once.
    let format: Format | undefined;
    for (let f = 0; f < formats.length; f++) {
      if (ix.formatMask[m]! & formatBits[f]!) {
        format = formats[f]!;
        break;
      }
    }
    format ??= ix.modules[m]!.formats[0] ?? 'online';
    steps.push({ module: m, format, minutes: minutes[m]!, week, gains, value, pulledInBy: pulledInBy[m]! });
  }
  return { steps, totalMinutes: cum };
}

/** Recompute the per-area bound factors for areas whose confidence moved (all when `all`). */
function refreshAreaBounds(w: Workspace, importance: Float64Array, sd: Float64Array, all: boolean): void {
  const { areaDirty, areaBound, cur } = w;
  const A = areaDirty.length;
  for (let a = 0; a < A; a++) {
    if (!all && !areaDirty[a]) continue;
    areaDirty[a] = 0;
    const imp = importance[a]!;
    if (imp <= 0) {
      areaBound[a] = areaBound[A + a] = areaBound[2 * A + a] = 0;
      continue;
    }
    const c = cur[a]!;
    gainFactorCeilingsInto(c, imp * confidenceGapSlopeCeiling(c, sd[a]!), areaBound, a, A);
  }
}

// The heap is ordered by key descending, then module index ascending.

function siftDown(w: Workspace, i: number, n: number): void {
  const { heap, heapPos, key } = w;
  const x = heap[i]!;
  const kx = key[x]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    let y = heap[c]!;
    let ky = key[y]!;
    if (c + 1 < n) {
      const z = heap[c + 1]!;
      const kz = key[z]!;
      if (kz > ky || (kz === ky && z < y)) {
        c++;
        y = z;
        ky = kz;
      }
    }
    if (kx > ky || (kx === ky && x < y)) break;
    heap[i] = y;
    heapPos[y] = i;
    i = c;
  }
  heap[i] = x;
  heapPos[x] = i;
}

function siftUp(w: Workspace, i: number): void {
  const { heap, heapPos, key } = w;
  const x = heap[i]!;
  const kx = key[x]!;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const y = heap[p]!;
    const ky = key[y]!;
    if (!(kx > ky || (kx === ky && x < y))) break;
    heap[i] = y;
    heapPos[y] = i;
    i = p;
  }
  heap[i] = x;
  heapPos[x] = i;
}

/** Remove the top of a heap of n; returns the new size. */
function removeTop(w: Workspace, n: number): number {
  return removeAt(w, 0, n);
}

/** Remove heap[i] from a heap of n; returns the new size. */
function removeAt(w: Workspace, i: number, n: number): number {
  const { heap, heapPos } = w;
  heapPos[heap[i]!] = -1;
  n--;
  if (i < n) {
    const x = heap[n]!;
    heap[i] = x;
    heapPos[x] = i;
    siftDown(w, i, n);
    if (heap[i] === x) siftUp(w, i);
  }
  return n;
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

/**
 * Take module q: raise the area means by its expected gains (as applyGains does), recording each area's gain and
 * value.
 */
function take(ix: ContentIndex, w: Workspace, q: number, importance: Float64Array, sd: Float64Array): void {
  const { cur, gapNow, areaDirty, takenGain, takenValue } = w;
  w.done[q] = 1;
  const g0 = ix.baseGain[q]!;
  const lv = ix.levelCode[q]!;
  let value = 0;
  for (let k = ix.modOffset[q]!; k < ix.modOffset[q + 1]!; k++) {
    const a = ix.modArea[k]!;
    const before = cur[a]!;
    const g = g0 * ix.modRelevance[k]! * gainFactor(lv, before);
    cur[a] = before + g;
    const gap = confidenceGap(before + g, sd[a]!);
    const v = importance[a]! * (gapNow[a]! - gap); // gapNow[a] = confidenceGap(before, sd[a])
    gapNow[a] = gap;
    takenGain[k] = g;
    takenValue[k] = v;
    value += v;
    areaDirty[a] = 1;
  }
  w.stepValue[q] = value;
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
 * Module q's unit bound: Σ over its areas of baseGain × relevance × areaBound, an upper bound on the weighted gap
 * it can close now or later in this call. Gains only raise confidence, and from confidence c on an area a module
 * closes at most importance × (gap slope ceiling from c) × its gain at the gain factor ceiling from c; both
 * ceilings only fall as c rises. Members' unit bounds add up to a bound for a bundle, as each member's gain is
 * bounded separately.
 */
function unitBound(ix: ContentIndex, w: Workspace, q: number): number {
  const { entryGain, entryRow, areaBound } = w;
  let u = 0;
  for (let e = ix.modOffset[q]!, end = ix.modOffset[q + 1]!; e < end; e++) u += entryGain[e]! * areaBound[entryRow[e]!]!;
  return u;
}

/**
 * Bound bundle m afresh (at pick count `epoch`): the sum of its members' unit bounds per minute, an upper bound on
 * its ratio now and in every later state of this call with the same members; inflated a little for rounding,
 * +Infinity when inputs are not finite (then the bundle is always evaluated). Sets m's key, bound, epoch,
 * minutes and area mask.
 */
function rebound(ix: ContentIndex, w: Workspace, m: number, epoch: number): void {
  let mins: number;
  let mask: number;
  let u: number;
  if (!w.hasPrereqs[m]) {
    mins = ix.minutes[m]!;
    mask = ix.ownAreaMask[m]!;
    u = unitBound(ix, w, m);
  } else {
    const { members } = w;
    mins = gather(ix, w, m);
    const n = members[members.length - 1]!;
    mask = 0;
    u = 0;
    for (let j = 0; j < n; j++) {
      const q = members[j]!;
      mask |= ix.ownAreaMask[q]!;
      u += unitBound(ix, w, q);
    }
  }
  u /= mins > 1 ? mins : 1;
  const k = u === u ? u * (1 + 1e-9) + 1e-12 : Infinity;
  w.key[m] = k;
  w.bound[m] = k;
  w.exact[m] = 0;
  w.keyEpoch[m] = epoch;
  w.keyMinutes[m] = mins;
  w.keyMask[m] = mask;
}

/**
 * Exact ratio of bundle m in the current state: apply its members in order to a scratch shift, then score the
 * change in weighted gap per minute. Marks m's key exact and records the bundle's minutes (the caller stores the
 * ratio).
 */
function evaluate(ix: ContentIndex, w: Workspace, m: number, importance: Float64Array, sd: Float64Array): number {
  const { members, cur, gapNow, scratch, touched, mark } = w;
  const { modOffset, modArea, modRelevance, baseGain, levelCode } = ix;
  w.exact[m] = 1;
  if (w.simple[m] && !w.hasPrereqs[m]) {
    // A single module whose areas are distinct: the same sums, in the same order, without the scratch shift.
    const g0 = baseGain[m]!;
    const own = ix.minutes[m]!;
    let value = 0;
    if (!(g0 <= 0)) {
      const lv = levelCode[m]!;
      for (let k = modOffset[m]!, end = modOffset[m + 1]!; k < end; k++) {
        const a = modArea[k]!;
        if (importance[a]! <= 0) continue;
        const c = cur[a]!;
        value += importance[a]! * (gapNow[a]! - confidenceGap(c + (0 + g0 * modRelevance[k]! * gainFactor(lv, c)), sd[a]!));
      }
    }
    w.keyMinutes[m] = own;
    return value / (own > 1 ? own : 1);
  }
  const mins = gather(ix, w, m);
  w.keyMinutes[m] = mins;
  const n = members[members.length - 1]!;
  let nt = 0;
  for (let j = 0; j < n; j++) {
    const q = members[j]!;
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
  return value / (mins > 1 ? mins : 1);
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
