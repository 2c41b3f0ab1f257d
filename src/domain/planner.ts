// The planner: an exact greedy. Each round it takes the module (with any prerequisites not yet taken, as one
// bundle) that closes the most weighted confidence gap per minute and still fits the time budget, until nothing
// that fits closes any gap. Then it orders the selection, largest gaps first (order.ts), and schedules it.

import type { Content, Format, RecommendationRequest } from './types.js';
import { indexContent, type ContentIndex, type Contribution, type IndexedModule } from './content-index.js';
import { candidateModules, eligibility, stepFormat } from './eligibility.js';
import { gainFactor, gainFactorCeiling, LEVELS } from './gain.js';
import { confidenceGap, confidenceGapSlopeCeiling } from './need.js';
import type { Profile } from './profile.js';
import { orderSelection } from './order.js';
import { Candidates } from './candidates.js';

export interface PlannedStep {
  /** Module index in catalogue order. */
  readonly module: number;
  readonly format: Format;
  readonly minutes: number;
  /** 1-based week: 1 + floor(minutes of earlier steps / weeklyMinutes). */
  readonly week: number;
  /** Expected rise in confidence per area, along the final order, largest first. */
  readonly gains: readonly StepGain[];
  /** Weighted gap closed (the sum of the gains' values), along the final order. */
  readonly value: number;
  /** Module index of the module that pulled this one in as a prerequisite, else -1. */
  readonly pulledInBy: number;
}

export interface StepGain {
  readonly area: number;
  /** Expected rise in internal confidence, 0..1. */
  readonly gain: number;
  /** weight × (gap before − gap after): this area's share of the step's value. */
  readonly value: number;
}

export interface Plan {
  readonly steps: readonly PlannedStep[];
  readonly totalMinutes: number;
}

/**
 * The engine's model of one module for one person: the expected rise in confidence on an area at confidence c is
 * baseGain × relevance × level fit at c × headroom at c (see gain.ts).
 */
export function expectedGain(entry: IndexedModule, relevance: number, c: number): number {
  return entry.baseGain * relevance * gainFactor(entry.levelCode, c);
}

/**
 * Where the plan stands: the expected confidence per area after the modules taken so far, its gap, and when each
 * area last moved (`version` counts the modules taken).
 */
export class Progress {
  readonly mean: number[];
  readonly gap: number[];
  readonly movedAt: number[];
  version = 0;
  /**
   * ceiling[LEVELS × area + level code]: the most one unit of gain (baseGain × relevance) can close on the area from
   * now on, worked out when first asked for after the area last moved (until then `ceilingKnown` is false for it).
   */
  private readonly ceiling: number[];
  private readonly ceilingKnown: boolean[];

  constructor(
    private readonly ix: ContentIndex,
    private readonly sd: readonly number[],
    private readonly weight: readonly number[],
    start: readonly number[],
  ) {
    this.mean = [...start];
    this.gap = start.map((m, a) => confidenceGap(m, sd[a]!));
    this.movedAt = start.map(() => 0);
    this.ceiling = new Array<number>(LEVELS * start.length).fill(0);
    this.ceilingKnown = start.map(() => false);
  }

  /**
   * Weighted gap a bundle would close on `area` from here: its members' gains on the area applied in turn (later
   * members build on earlier ones), weight × (gap now − gap after).
   */
  closes(area: number, contributions: readonly Contribution[]): number {
    let trial = this.mean[area]!;
    for (const { module, relevance } of contributions) trial += expectedGain(this.ix.entries[module]!, relevance, trial);
    return this.weight[area]! * (this.gap[area]! - confidenceGap(trial, this.sd[area]!));
  }

  /**
   * An upper bound on closes(area, contributions), now and after any later pick: each member's gain is at most
   * baseGain × relevance × the largest gain factor at this confidence or above, and the gap falls at most at its
   * steepest slope from here up (both only shrink as confidence rises).
   */
  mostCloses(area: number, contributions: readonly Contribution[]): number {
    if (!this.ceilingKnown[area]) this.setCeilings(area);
    let bound = 0;
    for (const { module, relevance } of contributions) {
      const entry = this.ix.entries[module]!;
      bound += entry.baseGain * relevance * this.ceiling[LEVELS * area + entry.levelCode]!;
    }
    return bound;
  }

  private setCeilings(area: number): void {
    const c = this.mean[area]!;
    const slope = this.weight[area]! * confidenceGapSlopeCeiling(c, this.sd[area]!);
    for (let level = 0; level < LEVELS; level++) this.ceiling[LEVELS * area + level] = slope * gainFactorCeiling(level, c);
    this.ceilingKnown[area] = true;
  }

  /** Take module q: move its areas by their expected gains; `closed`, if given, gets what it closed per area. */
  take(q: number, closed?: StepGain[]): void {
    const entry = this.ix.entries[q]!;
    this.version++;
    for (const { area, relevance } of entry.areas) {
      const gain = expectedGain(entry, relevance, this.mean[area]!);
      this.mean[area]! += gain;
      const gap = confidenceGap(this.mean[area]!, this.sd[area]!);
      closed?.push({ area, gain, value: this.weight[area]! * (this.gap[area]! - gap) });
      this.gap[area] = gap;
      this.movedAt[area] = this.version;
      this.ceilingKnown[area] = false;
    }
  }
}

/**
 * Choose, order and schedule a pathway. Greedy: each round takes the bundle (a module plus its prerequisites not
 * yet taken, all eligible) with the highest Σ_a weight_a·(gap_a before − gap_a after) per minute that fits the
 * remaining budget (ties to the lowest catalogue index). Gains raise the expected confidence, so later modules
 * on the same area are usually worth less. Invariants: total minutes ≤ timeBudgetMinutes; no completed module;
 * no duplicates; every prerequisite before its dependant or completed; every step eligible.
 *
 * The greedy is exact but lazy (Candidates, in candidates.ts): a bundle is scored only when an upper bound on its
 * ratio says it could still win the round, and a pick re-scores only the terms on the areas it moved.
 */
export function planPathway(content: Content, request: RecommendationRequest, profile: Profile, weight: readonly number[]): Plan {
  const ix = indexContent(content);
  const { eligible, reachable } = eligibility(content, request);
  const done = ix.entries.map(() => false);
  let anyDone = false;
  for (const id of request.completedModuleIds) if (ix.moduleIndex.has(id)) done[ix.moduleIndex.get(id)!] = anyDone = true;
  const progress = new Progress(ix, profile.sd, weight, profile.estimate);
  // The order follows what the person said (the shown profile), weighted: their largest stated gaps come first.
  const statedNeed = profile.mean.map((m, a) => weight[a]! * confidenceGap(m, profile.sd[a]!));
  const isCandidate = anyDone ? candidateModules(ix, eligible, done) : reachable;
  const candidates = new Candidates(ix, done, isCandidate);
  const selected: number[] = [];
  const pulledInBy = new Map<number, number>();
  let remaining = Math.max(0, request.timeBudgetMinutes);
  for (;;) {
    const best = candidates.best(progress, remaining);
    if (best === undefined) break;
    for (const q of candidates.members(best)) {
      progress.take(q);
      done[q] = true;
      selected.push(q);
      remaining -= ix.entries[q]!.minutes;
      if (q !== best) pulledInBy.set(q, best);
      candidates.taken(q);
    }
  }
  return schedule(ix, request, profile, weight, orderSelection(ix, selected, statedNeed), pulledInBy);
}

/** Steps along the final order, with gains and values replayed from the starting profile, scheduled into weeks. */
function schedule(
  ix: ContentIndex,
  request: RecommendationRequest,
  profile: Profile,
  weight: readonly number[],
  ordered: readonly number[],
  pulledInBy: ReadonlyMap<number, number>,
): Plan {
  const progress = new Progress(ix, profile.sd, weight, profile.estimate);
  const weekly = request.weeklyMinutes > 0 ? request.weeklyMinutes : Infinity;
  let elapsed = 0;
  const steps = ordered.map((m): PlannedStep => {
    const all: StepGain[] = [];
    progress.take(m, all);
    const gains = risingGains(all);
    const week = 1 + Math.floor(elapsed / weekly);
    const minutes = ix.entries[m]!.minutes;
    elapsed += minutes;
    const value = all.reduce((sum, g) => sum + g.value, 0);
    return { module: m, format: stepFormat(ix, m, request.formats), minutes, week, gains, value, pulledInBy: pulledInBy.get(m) ?? -1 };
  });
  return { steps, totalMinutes: elapsed };
}

/**
 * The gains that raise confidence, largest first (ties to the lower area index; a stable sort), by insertion: a step
 * has a handful, and at that size Array.prototype.sort with a comparator costs more than the sorting.
 */
export function risingGains(all: readonly StepGain[]): StepGain[] {
  const gains: StepGain[] = [];
  for (const g of all) {
    if (!(g.gain > 0)) continue;
    let j = gains.length;
    gains.push(g);
    for (; j > 0 && (gains[j - 1]!.gain < g.gain || (gains[j - 1]!.gain === g.gain && gains[j - 1]!.area > g.area)); j--) gains[j] = gains[j - 1]!;
    gains[j] = g;
  }
  return gains;
}
