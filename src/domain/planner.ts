// The planner: an exact greedy. Each round it takes the module (with any prerequisites not yet taken, as one
// bundle) that closes the most weighted confidence gap per minute and still fits the time budget, until nothing
// that fits closes any gap. Then it orders the selection, largest gaps first (order.ts), and schedules it.

import type { Content, Format, RecommendationRequest } from './types.js';
import { bundleLayout, indexContent, type BundleLayout, type ContentIndex, type Contribution, type IndexedModule } from './content-index.js';
import { candidateModules, eligibility, stepFormat } from './eligibility.js';
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

/** Level codes run 0..LEVELS − 1 (foundation, intermediate, advanced: gain.ts LEVEL_CODE). */
const LEVELS = 3;

/** A bundle that closes less than this per minute is not worth a step: planning stops. */
const MIN_RATIO = 1e-9;

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
class Progress {
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

/** Bounds carry this relative margin, so rounding can never let a bound fall below the ratio it bounds. */
const BOUND_MARGIN = 1 + 1e-9;

/**
 * A candidate's bundle: members (prerequisites first) and minutes; its areas in the order the members first touch
 * them, each with the members' contributions in order. Once scored it keeps one term per area (the weighted gap
 * it closes there) and the ratio they sum to in that order, as of `scoredAt`; when a pick has since moved some
 * of its areas, scoring again re-scores only those terms, which gives the same number, to the bit, as scoring
 * the whole bundle again.
 */
class Bundle {
  readonly areas: readonly number[];
  readonly contributions: readonly (readonly Contribution[])[];
  readonly terms: number[] = [];
  ratio = -Infinity;
  scoredAt = -1;
  /** An upper bound on the ratio, now and after any later pick, worked out at `boundAt` (+Infinity before). */
  upper = Infinity;
  boundAt = -1;

  constructor(
    readonly members: readonly number[],
    readonly minutes: number,
    layout: BundleLayout,
  ) {
    this.areas = layout.areas;
    this.contributions = layout.contributions;
  }

  /** True when the ratio is scored and no area of the bundle has moved since. */
  isCurrent(progress: Progress): boolean {
    return this.scoredAt >= 0 && this.unmovedSince(this.scoredAt, progress);
  }

  private unmovedSince(version: number, progress: Progress): boolean {
    for (const area of this.areas) if (progress.movedAt[area]! > version) return false;
    return true;
  }

  /**
   * Whether the ratio could reach `ratio`, by an upper bound on it. A bound stays a bound after later picks
   * (it only loosens), so it is worked out again only when it is not already below `ratio` and an area moved.
   */
  mayReach(ratio: number, progress: Progress): boolean {
    if (this.upper < ratio) return false;
    if (this.boundAt >= 0 && this.unmovedSince(this.boundAt, progress)) return true;
    return this.bound(progress) >= ratio;
  }

  /** Work out the bound afresh, as of now (NaN inputs give +Infinity: always score). */
  bound(progress: Progress): number {
    let value = 0;
    for (let i = 0; i < this.areas.length; i++) value += progress.mostCloses(this.areas[i]!, this.contributions[i]!);
    const upper = (value * BOUND_MARGIN) / Math.max(1, this.minutes);
    this.upper = Number.isNaN(upper) ? Infinity : upper;
    this.boundAt = progress.version;
    return this.upper;
  }

  /** Score the ratio as of now: value per minute, re-scoring the terms on areas that moved (NaN counts as worthless). */
  score(progress: Progress): number {
    for (let i = 0; i < this.areas.length; i++) {
      const area = this.areas[i]!;
      if (this.scoredAt < 0 || progress.movedAt[area]! > this.scoredAt) this.terms[i] = progress.closes(area, this.contributions[i]!);
    }
    this.scoredAt = progress.version;
    let value = 0;
    for (const t of this.terms) value += t;
    const ratio = value / Math.max(1, this.minutes);
    return (this.ratio = Number.isNaN(ratio) ? -Infinity : ratio);
  }
}

/**
 * Choose, order and schedule a pathway. Greedy: each round takes the bundle (a module plus its prerequisites not
 * yet taken, all eligible) with the highest Σ_a weight_a·(gap_a before − gap_a after) per minute that fits the
 * remaining budget (ties to the lowest catalogue index). Gains raise the expected confidence, so later modules
 * on the same area are usually worth less. Invariants: total minutes ≤ timeBudgetMinutes; no completed module;
 * no duplicates; every prerequisite before its dependant or completed; every step eligible.
 *
 * The greedy is exact but lazy (Candidates): a bundle is scored only when an upper bound on its ratio says it
 * could still win the round, and a pick re-scores only the terms on the areas it moved.
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

/**
 * The candidates and their bundles. Bundles are built on first need; one taken, or that no longer fits, is null (the
 * budget only shrinks). The first round ranks every candidate by an upper bound on its ratio, highest first. A
 * bundle's bound never rises while it keeps its members (confidence only rises, and the ceilings only fall), so a
 * round walks the ranking only until a ranked bound falls below the best ratio found: nothing after it can win. A
 * bundle that loses a member to a pick is built again and its bound may be higher, so it leaves the ranking for
 * `unranked`, which every round checks in full.
 */
class Candidates {
  private readonly bundles: (Bundle | null | undefined)[]; // filled (no holes): reading a hole is slow
  /** Candidates by the bound they had when ranked (rankedBound), highest first; built in the first round. */
  private ranking: readonly number[] | undefined;
  private readonly rankedBound: number[];
  private readonly unranked = new Set<number>();

  constructor(
    private readonly ix: ContentIndex,
    private readonly done: readonly boolean[],
    private readonly isCandidate: readonly boolean[],
  ) {
    this.bundles = ix.entries.map(() => undefined);
    this.rankedBound = new Array<number>(ix.entries.length).fill(0);
  }

  /** Members of m's bundle (prerequisites not yet taken, then m). */
  members(m: number): readonly number[] {
    return this.bundles[m]!.members;
  }

  /** Module q is taken: its bundle goes, and candidates that needed it are built again when next looked at. */
  taken(q: number): void {
    this.bundles[q] = null;
    for (const m of this.ix.dependants[q]!) {
      if (!this.isCandidate[m] || this.done[m]) continue;
      this.bundles[m] = undefined;
      this.unranked.add(m);
    }
  }

  /**
   * The candidate whose bundle fits and closes the most per minute (ties to the lowest index), if any is worth more
   * than MIN_RATIO: the same winner as scoring every bundle, scoring only those whose bound reaches the best so far.
   */
  best(progress: Progress, remaining: number): number | undefined {
    const ranking = (this.ranking ??= this.rank(progress, remaining));
    const round = { best: undefined as number | undefined, ratio: MIN_RATIO };
    for (const m of this.unranked) this.consider(m, round, progress, remaining);
    for (const module of ranking) {
      if (this.rankedBound[module]! < round.ratio) break;
      if (!this.unranked.has(module)) this.consider(module, round, progress, remaining);
    }
    return round.best;
  }

  /** Every candidate that fits, by its bound now: highest first, ties to the lowest index. */
  private rank(progress: Progress, remaining: number): number[] {
    const ranking: number[] = [];
    for (let m = 0; m < this.isCandidate.length; m++) {
      const bundle = this.isCandidate[m] ? this.bundleOf(m, remaining) : null;
      if (!bundle) continue;
      this.rankedBound[m] = bundle.bound(progress);
      ranking.push(m);
    }
    return sortByBound(ranking, this.rankedBound);
  }

  /** Score candidate m if its bound reaches the round's best, and make it the best if it beats it. */
  private consider(m: number, round: { best: number | undefined; ratio: number }, progress: Progress, remaining: number): void {
    const bundle = this.bundleOf(m, remaining);
    if (!bundle) return;
    if (!bundle.isCurrent(progress)) {
      if (!bundle.mayReach(round.ratio, progress)) return;
      bundle.score(progress);
    }
    if (beats(bundle.ratio, m, round.ratio, round.best)) {
      round.best = m;
      round.ratio = bundle.ratio;
    }
  }

  /** Candidate m's bundle now (members not yet taken), built if need be; null when taken or it does not fit. */
  private bundleOf(m: number, remaining: number): Bundle | null {
    let bundle = this.bundles[m];
    if (bundle === undefined) {
      const { prerequisites, withPrerequisites } = this.ix.entries[m]!;
      const partial = prerequisites.some((p) => this.done[p]);
      const members = partial ? withPrerequisites.filter((q) => !this.done[q]) : withPrerequisites;
      let minutes = 0;
      for (const q of members) minutes += this.ix.entries[q]!.minutes;
      bundle = this.bundles[m] = new Bundle(members, minutes, partial ? bundleLayout(this.ix.entries, members) : this.ix.fullBundles[m]!);
    }
    if (bundle && bundle.minutes > remaining) bundle = this.bundles[m] = null;
    return bundle;
  }
}

/**
 * Sorts the ranking (candidates) in place, highest bound first, ties to the lowest index. An insertion sort: a ranking
 * holds a few dozen candidates, and at that size it takes under half the time of Array.prototype.sort with a comparator.
 */
function sortByBound(ranking: number[], bound: readonly number[]): number[] {
  for (let i = 1, j; i < ranking.length; i++) {
    const m = ranking[i]!;
    for (j = i - 1; j >= 0 && ranksBelow(ranking[j]!, m, bound); j--) ranking[j + 1] = ranking[j]!;
    ranking[j + 1] = m;
  }
  return ranking;
}

/** Whether candidate x comes after y in the ranking: a lower bound, or the same bound at a higher index. */
const ranksBelow = (x: number, y: number, bound: readonly number[]): boolean => bound[x]! < bound[y]! || (bound[x] === bound[y] && x > y);

/** Whether candidate m with `ratio` wins over the best so far: a higher ratio, or the same one at a lower index. */
function beats(ratio: number, m: number, bestRatio: number, best: number | undefined): boolean {
  return ratio > bestRatio || (ratio === bestRatio && best !== undefined && m < best);
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
function risingGains(all: readonly StepGain[]): StepGain[] {
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
