// The planner: an exact greedy. Each round it takes the module (with any prerequisites not yet taken, as one
// bundle) that closes the most weighted confidence gap per minute and still fits the time budget, until nothing
// that fits closes any gap. Then it orders the selection, largest gaps first (order.ts), and schedules it.

import type { Content, Format, RecommendationRequest } from './types.js';
import { bundleLayout, indexContent, suits, type BundleLayout, type ContentIndex, type Contribution, type IndexedModule } from './content-index.js';
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
 * True for each module the request may receive: suits role, phase and one of the formats, and has no unknown
 * or cyclic prerequisites. Completion is not considered here.
 */
export function eligibleModules(content: Content, request: RecommendationRequest): boolean[] {
  return indexContent(content).entries.map((e) => !e.broken && suits(e.module, request.role, request.phase, request.formats));
}

/** First of the request's formats (in request order) that module `m` offers. */
export function stepFormat(ix: ContentIndex, m: number, formats: readonly Format[]): Format {
  const offered = ix.modules[m]!.formats;
  return formats.find((f) => offered.includes(f)) ?? offered[0] ?? 'online';
}

/** Where the plan stands: the expected confidence per area after the modules taken so far, and its gap. */
class Progress {
  readonly mean: number[];
  readonly gap: number[];

  constructor(
    private readonly ix: ContentIndex,
    private readonly sd: readonly number[],
    private readonly weight: readonly number[],
    start: readonly number[],
  ) {
    this.mean = [...start];
    this.gap = start.map((m, a) => confidenceGap(m, sd[a]!));
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

  /** Take module q: move its areas by their expected gains and return what it closed per area. */
  take(q: number): StepGain[] {
    const entry = this.ix.entries[q]!;
    return entry.areas.map(({ area, relevance }) => {
      const gain = expectedGain(entry, relevance, this.mean[area]!);
      this.mean[area]! += gain;
      const gap = confidenceGap(this.mean[area]!, this.sd[area]!);
      const value = this.weight[area]! * (this.gap[area]! - gap);
      this.gap[area] = gap;
      return { area, gain, value };
    });
  }
}

/**
 * A candidate's bundle in the current state: members (prerequisites first) and minutes; its areas in the order the
 * members first touch them, each with the members' contributions in order and the weighted gap it closes (`terms`).
 * The value is the sum of the terms in that order, so re-scoring only the terms on areas a pick moved gives the
 * same number, to the bit, as scoring the whole bundle again.
 */
class Bundle {
  readonly areas: readonly number[];
  readonly contributions: readonly (readonly Contribution[])[];
  readonly terms: number[];
  ratio = -Infinity;

  constructor(
    readonly members: readonly number[],
    readonly minutes: number,
    layout: BundleLayout,
    progress: Progress,
  ) {
    this.areas = layout.areas;
    this.contributions = layout.contributions;
    this.terms = layout.areas.map((area, i) => progress.closes(area, layout.contributions[i]!));
    this.sumUp();
  }

  /** Re-score the term on `area` (if the bundle reaches it) after the plan moved it. */
  rescore(area: number, progress: Progress): void {
    const i = this.areas.indexOf(area);
    if (i >= 0) this.terms[i] = progress.closes(area, this.contributions[i]!);
  }

  /** Value per minute from the terms (NaN counts as worthless). */
  sumUp(): void {
    let value = 0;
    for (const t of this.terms) value += t;
    const ratio = value / Math.max(1, this.minutes);
    this.ratio = Number.isNaN(ratio) ? -Infinity : ratio;
  }
}

/**
 * Choose, order and schedule a pathway. Greedy: each round takes the bundle (a module plus its prerequisites not
 * yet taken, all eligible) with the highest Σ_a weight_a·(gap_a before − gap_a after) per minute that fits the
 * remaining budget (ties to the lowest catalogue index). Gains raise the expected confidence, so later modules
 * on the same area are usually worth less. Invariants: total minutes ≤ timeBudgetMinutes; no completed module;
 * no duplicates; every prerequisite before its dependant or completed; every step eligible.
 *
 * A bundle's value is a sum of one term per area it touches, and a term depends only on that area's expected
 * confidence. So after a pick only the terms on the areas it moved are scored again (and bundles that lost a
 * member to it are built again): the result is the same as scoring every bundle every round.
 */
export function planPathway(content: Content, request: RecommendationRequest, profile: Profile, weight: readonly number[]): Plan {
  const ix = indexContent(content);
  const eligible = eligibleModules(content, request);
  const done = ix.entries.map(() => false);
  for (const id of request.completedModuleIds) if (ix.moduleIndex.has(id)) done[ix.moduleIndex.get(id)!] = true;
  const progress = new Progress(ix, profile.sd, weight, profile.estimate);
  // The order follows what the person said (the shown profile), weighted: their largest stated gaps come first.
  const statedNeed = profile.mean.map((m, a) => weight[a]! * confidenceGap(m, profile.sd[a]!));
  let candidates: number[] = [];
  ix.entries.forEach((e, m) => {
    if (eligible[m] && !done[m] && e.prerequisites.every((p) => done[p] || eligible[p])) candidates.push(m);
  });
  const bundles: (Bundle | null | undefined)[] = [];
  const selected: number[] = [];
  const pulledInBy = new Map<number, number>();
  let remaining = Math.max(0, request.timeBudgetMinutes);
  for (;;) {
    const best = bestBundle(ix, candidates, bundles, done, progress, remaining);
    if (best === undefined) break;
    const { members } = bundles[best]!;
    for (const q of members) {
      progress.take(q);
      done[q] = true;
      selected.push(q);
      remaining -= ix.entries[q]!.minutes;
      if (q !== best) pulledInBy.set(q, best);
    }
    candidates = candidates.filter((m) => !done[m]);
    rescoreAfterPick(ix, members, bundles, progress, remaining);
  }
  return schedule(ix, request, profile, weight, orderSelection(ix, selected, statedNeed), pulledInBy);
}

/**
 * The candidate whose bundle fits and closes the most per minute (ties to the lowest index), if any is worth it.
 * Bundles are built on first need; one that does not fit is recorded as null (the budget only shrinks) until it
 * loses a member.
 */
function bestBundle(
  ix: ContentIndex,
  candidates: readonly number[],
  bundles: (Bundle | null | undefined)[],
  done: readonly boolean[],
  progress: Progress,
  remaining: number,
): number | undefined {
  let best: number | undefined;
  let bestRatio = MIN_RATIO;
  for (const m of candidates) {
    if (ix.entries[m]!.minutes > remaining) continue;
    if (bundles[m] === undefined) bundles[m] = bundleOf(ix, m, done, progress, remaining);
    const bundle = bundles[m];
    if (bundle && bundle.minutes <= remaining && bundle.ratio > bestRatio) {
      best = m;
      bestRatio = bundle.ratio;
    }
  }
  return best;
}

/** Candidate m's bundle now (members not yet taken), or null when it does not fit the minutes left. */
function bundleOf(ix: ContentIndex, m: number, done: readonly boolean[], progress: Progress, remaining: number): Bundle | null {
  const { prerequisites, withPrerequisites } = ix.entries[m]!;
  const partial = prerequisites.some((p) => done[p]);
  const members = partial ? withPrerequisites.filter((q) => !done[q]) : withPrerequisites;
  let minutes = 0;
  for (const q of members) minutes += ix.entries[q]!.minutes;
  if (minutes > remaining) return null;
  return new Bundle(members, minutes, partial ? bundleLayout(ix.entries, members) : ix.fullBundles[m]!, progress);
}

/**
 * After a pick: the taken modules' bundles are dropped, bundles that lost a member to it are forgotten (built again
 * when next needed), bundles that no longer fit are dropped, and the others that reach an area it moved re-score that area's term and sum up again.
 */
function rescoreAfterPick(ix: ContentIndex, taken: readonly number[], bundles: (Bundle | null | undefined)[], progress: Progress, remaining: number): void {
  for (const q of taken) {
    bundles[q] = null;
    for (const m of ix.dependants[q]!) bundles[m] = undefined;
  }
  const moved: number[] = [];
  for (const q of taken) for (const { area } of ix.entries[q]!.areas) if (!moved.includes(area)) moved.push(area);
  for (const area of moved) {
    for (const m of ix.reachedBy[area]!) {
      const bundle = bundles[m];
      if (!bundle) continue;
      if (bundle.minutes > remaining) bundles[m] = null;
      else {
        bundle.rescore(area, progress);
        bundle.sumUp();
      }
    }
  }
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
    const all = progress.take(m);
    const gains = all.filter((g) => g.gain > 0).sort((x, y) => y.gain - x.gain || x.area - y.area);
    const week = 1 + Math.floor(elapsed / weekly);
    const minutes = ix.entries[m]!.minutes;
    elapsed += minutes;
    const value = all.reduce((sum, g) => sum + g.value, 0);
    return { module: m, format: stepFormat(ix, m, request.formats), minutes, week, gains, value, pulledInBy: pulledInBy.get(m) ?? -1 };
  });
  return { steps, totalMinutes: elapsed };
}
