// The planner: picks modules (with any missing prerequisites as a bundle) greedily by expected weighted gap
// closed per minute under the time budget, with diminishing returns, then orders and schedules them.

import type { Content, Format, RecommendationRequest } from './types.js';
import { formatBit, indexContent, phaseBit, roleBit, type ContentIndex } from './content-index.js';
import { gainFactor } from './gain.js';
import { confidenceGap } from './need.js';
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
  readonly blocked: Uint8Array;
  readonly valid: Uint8Array;
  readonly members: Int32Array;
  readonly pulledInBy: Int32Array;
  readonly cachedRatio: Float64Array;
  readonly cachedMinutes: Float64Array;
  readonly cachedMask: Uint32Array;
  readonly cur: Float64Array;
  readonly gapNow: Float64Array;
  readonly scratch: Float64Array;
  readonly touched: Int32Array;
  readonly mark: Uint8Array;
}

const workspaces = new WeakMap<ContentIndex, Workspace>();

function workspace(ix: ContentIndex): Workspace {
  let w = workspaces.get(ix);
  const M = ix.modules.length;
  const A = ix.areas.length;
  if (!w) {
    w = {
      eligible: new Uint8Array(M),
      done: new Uint8Array(M),
      blocked: new Uint8Array(M),
      valid: new Uint8Array(M),
      members: new Int32Array(M + 1),
      pulledInBy: new Int32Array(M),
      cachedRatio: new Float64Array(M),
      cachedMinutes: new Float64Array(M),
      cachedMask: new Uint32Array(M),
      cur: new Float64Array(A),
      gapNow: new Float64Array(A),
      scratch: new Float64Array(A),
      touched: new Int32Array(A),
      mark: new Uint8Array(A),
    };
    workspaces.set(ix, w);
  }
  w.done.fill(0);
  w.blocked.fill(0);
  w.valid.fill(0);
  w.pulledInBy.fill(-1);
  return w;
}

/**
 * Choose, order and schedule a pathway. Greedy: each round takes the module (plus its not-yet-taken
 * prerequisites, all of which must be eligible) with the highest Σ_a importance_a·(gap_a before − gap_a after)
 * per minute that fits the remaining budget; gains shift the area means, so later modules on the same area are
 * worth less. Invariants: total minutes ≤ timeBudgetMinutes; no completed module; no duplicates; every
 * prerequisite before its dependant or completed; every step eligible.
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
  const { done, blocked, valid, members, pulledInBy, cachedRatio, cachedMinutes, cachedMask, cur, gapNow, scratch, touched, mark } = w;
  const eligible = fillEligible(ix, request, w.eligible);
  for (const id of request.completedModuleIds) {
    const m = ix.moduleIndex.get(id);
    if (m !== undefined) done[m] = 1;
  }
  const sd = profile.sd;
  cur.set(profile.mean);
  for (let a = 0; a < A; a++) gapNow[a] = confidenceGap(cur[a]!, sd[a]!);
  let remaining = Math.max(0, request.timeBudgetMinutes);
  const selected: number[] = [];
  const { minutes, closureOffset, closure, modOffset, modArea, modRelevance, baseGain, levelCode, ownAreaMask } = ix;
  // Bundle scores are cached and recomputed only when an area their current members touch changed (a member
  // being taken changes its own areas, so membership changes are caught too).
  let changed = 0;
  for (;;) {
    let best = -1;
    let bestRatio = 0;
    for (let m = 0; m < M; m++) {
      if (done[m] || !eligible[m] || blocked[m] || minutes[m]! > remaining) continue;
      if (valid[m] && (cachedMask[m]! & changed) === 0) {
        if (cachedMinutes[m]! <= remaining && cachedRatio[m]! > bestRatio) {
          bestRatio = cachedRatio[m]!;
          best = m;
        }
        continue;
      }
      let mins = minutes[m]!;
      let n = 0;
      for (let k = closureOffset[m]!; k < closureOffset[m + 1]!; k++) {
        const p = closure[k]!;
        if (done[p]) continue;
        if (!eligible[p]) {
          blocked[m] = 1;
          break;
        }
        members[n++] = p;
        mins += minutes[p]!;
      }
      if (blocked[m]) continue;
      members[n++] = m;
      // Apply members in order to a scratch shift, then score the change in weighted gap.
      let mask = 0;
      let nt = 0;
      for (let j = 0; j < n; j++) {
        const q = members[j]!;
        mask |= ownAreaMask[q]!;
        const g0 = baseGain[q]!;
        if (g0 <= 0) continue;
        const lv = levelCode[q]!;
        for (let k = modOffset[q]!; k < modOffset[q + 1]!; k++) {
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
      cachedRatio[m] = ratio;
      cachedMinutes[m] = mins;
      cachedMask[m] = mask;
      valid[m] = 1;
      if (mins <= remaining && ratio > bestRatio) {
        bestRatio = ratio;
        best = m;
      }
    }
    changed = 0;
    if (best < 0 || bestRatio <= 1e-9) break;
    for (let k = closureOffset[best]!; k < closureOffset[best + 1]!; k++) {
      const p = closure[k]!;
      if (done[p]) continue;
      take(p);
      pulledInBy[p] = best;
    }
    take(best);
  }

  function take(q: number): void {
    done[q] = 1;
    changed |= ownAreaMask[q]!;
    remaining -= minutes[q]!;
    selected.push(q);
    applyGains(ix, q, cur, importance, null);
    for (let k = modOffset[q]!; k < modOffset[q + 1]!; k++) {
      const a = modArea[k]!;
      gapNow[a] = confidenceGap(cur[a]!, sd[a]!);
    }
  }

  const ordered = orderSelection(ix, selected);
  // Report gains and value along the final order, from the starting profile.
  const state = profile.mean.slice();
  const weekly = request.weeklyMinutes > 0 ? request.weeklyMinutes : Infinity;
  let cum = 0;
  const steps: PlannedStep[] = ordered.map((m) => {
    const gains: StepGain[] = [];
    const value = applyGains(ix, m, state, importance, gains, sd);
    gains.sort((x, y) => y.gain - x.gain || x.area - y.area);
    const week = 1 + Math.floor(cum / weekly);
    cum += minutes[m]!;
    return { module: m, format: stepFormat(ix, m, request.formats), minutes: minutes[m]!, week, gains, value, pulledInBy: pulledInBy[m]! };
  });
  return { steps, totalMinutes: cum };
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
