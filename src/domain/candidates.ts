// The greedy's candidates (planner.ts): each candidate module with its bundle (the module and any prerequisites not
// yet taken), an upper bound on what the bundle closes per minute, and its ratio once scored. Each round the planner
// asks for the best bundle; only bundles whose bound could still win are scored.

import { bundleLayout, type BundleLayout, type ContentIndex, type Contribution } from './content-index.js';
import type { Progress } from './planner.js';

/** A bundle that closes less than this per minute is not worth a step: planning stops. */
const MIN_RATIO = 1e-9;

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
 * The candidates and their bundles. Bundles are built on first need; one taken, or that no longer fits, is null (the
 * budget only shrinks). The first round ranks every candidate by an upper bound on its ratio, highest first. A
 * bundle's bound never rises while it keeps its members (confidence only rises, and the ceilings only fall), so a
 * round walks the ranking only until a ranked bound falls below the best ratio found: nothing after it can win. A
 * bundle that loses a member to a pick is built again and its bound may be higher, so it leaves the ranking for
 * `unranked`, which every round checks in full.
 */
export class Candidates {
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
