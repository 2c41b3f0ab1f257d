// The planner: an exact greedy. Each round it takes the module (with any prerequisites not yet taken, as one
// bundle) that closes the most weighted confidence gap per minute and still fits the time budget, until nothing
// that fits closes any gap. Then it orders the selection, largest gaps first (order.ts), and schedules it.

import type { Content, Format, RecommendationRequest } from './types.js';
import { indexContent, suits, type ContentIndex, type IndexedModule } from './content-index.js';
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
  /** Scratch for valueOfMany: the bundle's expected confidence per area it moved (NaN elsewhere), and those areas. */
  private readonly trial: Float64Array;
  private readonly moved: number[] = [];

  constructor(
    private readonly ix: ContentIndex,
    private readonly sd: readonly number[],
    private readonly weight: readonly number[],
    start: readonly number[],
  ) {
    this.mean = [...start];
    this.gap = start.map((m, a) => confidenceGap(m, sd[a]!));
    this.trial = new Float64Array(start.length).fill(NaN);
  }

  /** Weighted gap the modules would close, taken in order from here (nothing changes). */
  valueOf(members: readonly number[]): number {
    const single = members.length === 1 && this.ix.entries[members[0]!]!.distinctAreas;
    return single ? this.valueOfOne(members[0]!) : this.valueOfMany(members);
  }

  /** valueOf for one module whose areas are distinct: the same sums without tracking moved areas. */
  private valueOfOne(q: number): number {
    const entry = this.ix.entries[q]!;
    let value = 0;
    for (const { area, relevance } of entry.areas) {
      const mean = this.mean[area]!;
      value += this.weight[area]! * (this.gap[area]! - confidenceGap(mean + expectedGain(entry, relevance, mean), this.sd[area]!));
    }
    return value;
  }

  /** valueOf for a bundle: later members build on the earlier members' gains (trial means, reset afterwards). */
  private valueOfMany(members: readonly number[]): number {
    const { trial, moved } = this;
    for (const q of members) {
      const entry = this.ix.entries[q]!;
      for (const { area, relevance } of entry.areas) {
        if (Number.isNaN(trial[area]!)) {
          trial[area] = this.mean[area]!;
          moved.push(area);
        }
        trial[area]! += expectedGain(entry, relevance, trial[area]!);
      }
    }
    let value = 0;
    for (const area of moved) {
      value += this.weight[area]! * (this.gap[area]! - confidenceGap(trial[area]!, this.sd[area]!));
      trial[area] = NaN;
    }
    moved.length = 0;
    return value;
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

/** A candidate's bundle in the current state: members (prerequisites first), minutes and value per minute. */
interface Bundle {
  readonly members: readonly number[];
  readonly minutes: number;
  readonly ratio: number;
}

/**
 * Choose, order and schedule a pathway. Greedy: each round takes the bundle (a module plus its prerequisites not
 * yet taken, all eligible) with the highest Σ_a weight_a·(gap_a before − gap_a after) per minute that fits the
 * remaining budget (ties to the lowest catalogue index). Gains raise the expected confidence, so later modules
 * on the same area are usually worth less. Invariants: total minutes ≤ timeBudgetMinutes; no completed module;
 * no duplicates; every prerequisite before its dependant or completed; every step eligible.
 *
 * A bundle's value depends only on its members and on the areas they touch, so after a pick only the bundles
 * that share an area with it, or lost a member to it, are scored again: the result is the same as scoring
 * every bundle every round.
 */
export function planPathway(content: Content, request: RecommendationRequest, profile: Profile, weight: readonly number[]): Plan {
  const ix = indexContent(content);
  const eligible = eligibleModules(content, request);
  const done = new Set(request.completedModuleIds.map((id) => ix.moduleIndex.get(id)).filter((m) => m !== undefined));
  const progress = new Progress(ix, profile.sd, weight, profile.estimate);
  // The order follows what the person said (the shown profile), weighted: their largest stated gaps come first.
  const statedNeed = profile.mean.map((m, a) => weight[a]! * confidenceGap(m, profile.sd[a]!));
  let candidates = ix.entries.flatMap((e, m) => (eligible[m] && !done.has(m) && e.prerequisites.every((p) => done.has(p) || eligible[p]) ? [m] : []));
  const bundles: (Bundle | undefined)[] = [];
  const selected: number[] = [];
  const pulledInBy = new Map<number, number>();
  let remaining = Math.max(0, request.timeBudgetMinutes);
  for (;;) {
    const best = bestBundle(ix, candidates, bundles, done, progress, remaining);
    if (best === undefined) break;
    const { members } = bundles[best]!;
    for (const q of members) {
      progress.take(q);
      done.add(q);
      selected.push(q);
      remaining -= ix.entries[q]!.minutes;
      if (q !== best) pulledInBy.set(q, best);
    }
    candidates = candidates.filter((m) => !done.has(m));
    forgetAffectedBundles(ix, members, bundles);
  }
  return schedule(ix, request, profile, weight, orderSelection(ix, selected, statedNeed), pulledInBy);
}

/** The candidate whose bundle fits and closes the most per minute (ties to the lowest index), if any is worth it. */
function bestBundle(
  ix: ContentIndex,
  candidates: readonly number[],
  bundles: (Bundle | undefined)[],
  done: ReadonlySet<number>,
  progress: Progress,
  remaining: number,
): number | undefined {
  let best: number | undefined;
  let bestRatio = MIN_RATIO;
  for (const m of candidates) {
    if (ix.entries[m]!.minutes > remaining) continue;
    const bundle = (bundles[m] ??= bundleOf(ix, m, done, progress, remaining));
    if (bundle.minutes <= remaining && bundle.ratio > bestRatio) {
      best = m;
      bestRatio = bundle.ratio;
    }
  }
  return best;
}

/**
 * Candidate m's bundle now. One that does not fit the minutes left is not valued: the budget only shrinks, and
 * its bundle is built again only when it loses a member or an area it reaches moves.
 */
function bundleOf(ix: ContentIndex, m: number, done: ReadonlySet<number>, progress: Progress, remaining: number): Bundle {
  const { prerequisites, withPrerequisites } = ix.entries[m]!;
  const members = prerequisites.some((p) => done.has(p)) ? withPrerequisites.filter((q) => !done.has(q)) : withPrerequisites;
  let minutes = 0;
  for (const q of members) minutes += ix.entries[q]!.minutes;
  if (minutes > remaining) return { members, minutes, ratio: -Infinity };
  const ratio = progress.valueOf(members) / Math.max(1, minutes);
  return { members, minutes, ratio: Number.isNaN(ratio) ? -Infinity : ratio };
}

/** Forget the bundles that lost a member to the pick, or reach an area the pick moved: they are scored again. */
function forgetAffectedBundles(ix: ContentIndex, taken: readonly number[], bundles: (Bundle | undefined)[]): void {
  for (const q of taken) {
    for (const m of ix.dependants[q]!) bundles[m] = undefined;
    for (const { area } of ix.entries[q]!.areas) for (const m of ix.reachedBy[area]!) bundles[m] = undefined;
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
