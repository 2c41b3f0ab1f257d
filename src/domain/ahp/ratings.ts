// Panel aggregation of module ratings: evidence strength (0..5), expected impact (0..1) and per-area relevance
// (0..1), each summarised with its dispersion, plus Delphi-style agreement on strength (reported, not enforced).

import { agreement, summarise, type Agreement, type Centre, type FieldSummary } from './stats.js';
import type { Checked, Problem } from './types.js';

/** One expert's rating of one module; omitted fields mean "not rated" (not zero). */
export interface ModuleRating {
  readonly expertId: string;
  readonly moduleId: string;
  /** 0..5, in the spirit of EEF padlocks (as ModuleEvidence.strength). */
  readonly strength?: number;
  /** 0..1: expected rise in internal confidence on a fully relevant area (as ModuleEvidence.expectedImpact). */
  readonly expectedImpact?: number;
  /** Per area id, 0..1 (as ModuleArea.relevance in the catalogue). */
  readonly relevance?: Readonly<Record<string, number>>;
}

export interface RatingOptions {
  /** Relative weight per expert id, >= 0; default every expert 1. When given, every rating's expert needs one. */
  readonly weights?: Readonly<Record<string, number>>;
  /**
   * Which summary becomes `value`. Default 'mean' (weighted): it uses every expert's weight, moves smoothly
   * between Delphi rounds (a median on a 0..5 scale jumps a whole point when one expert shifts) and feeds the
   * engine's continuous multipliers. The median and IQR are always reported beside it.
   */
  readonly centre?: Centre;
  /** Agreement band for strength: within +/- this many points of the median. Default 1. */
  readonly agreementWithin?: number;
  /** Share reported against for agreement. Default 0.75 (Diamond et al. 2014, median Delphi threshold). */
  readonly agreementThreshold?: number;
}

export interface ModuleRatingAggregate {
  readonly moduleId: string;
  readonly strength: FieldSummary | null;
  readonly strengthAgreement: Agreement | null;
  readonly expectedImpact: FieldSummary | null;
  /** Per area id (sorted), only areas someone rated. */
  readonly relevance: Readonly<Record<string, FieldSummary>>;
}

function rangeProblem(path: string, x: number | undefined, max: number, problems: Problem[]): void {
  if (x === undefined) return;
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > max) {
    problems.push({ path, message: `must be a number from 0 to ${max}, got ${String(x)}` });
  }
}

function check(ratings: readonly ModuleRating[], weights?: Readonly<Record<string, number>>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  ratings.forEach((r, k) => {
    const path = `ratings[${k}]`;
    if (!r.expertId) problems.push({ path: `${path}.expertId`, message: 'expert id is required' });
    if (!r.moduleId) problems.push({ path: `${path}.moduleId`, message: 'module id is required' });
    const key = JSON.stringify([r.expertId, r.moduleId]);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ path, message: `expert '${r.expertId}' already rated module '${r.moduleId}' in ratings[${earlier}]` });
    } else seen.set(key, k);
    if (weights) {
      const w = weights[r.expertId];
      if (w === undefined) problems.push({ path: `${path}.expertId`, message: `no weight given for expert '${r.expertId}'` });
      else if (!Number.isFinite(w) || w < 0) problems.push({ path: `weights.${r.expertId}`, message: `weight must be a finite number >= 0, got ${w}` });
    }
    rangeProblem(`${path}.strength`, r.strength, 5, problems);
    rangeProblem(`${path}.expectedImpact`, r.expectedImpact, 1, problems);
    for (const [areaId, x] of Object.entries(r.relevance ?? {})) rangeProblem(`${path}.relevance.${areaId}`, x, 1, problems);
  });
  return problems;
}

/**
 * Aggregate module ratings across experts, per module (sorted by id) and per field: the weighted mean or median
 * (`centre`) with SD, quartiles, IQR, range and n; for strength, the share of experts within +/-1 of the median.
 * Zero-weight experts are left out of every figure. Deterministic: the same ratings in the same order give the same figures.
 */
export function aggregateModuleRatings(
  ratings: readonly ModuleRating[],
  options: RatingOptions = {},
): Checked<{ readonly modules: readonly ModuleRatingAggregate[] }> {
  const problems = check(ratings, options.weights);
  if (problems.length > 0) return { ok: false, problems };
  const centre = options.centre ?? 'mean';
  const weightOf = (r: ModuleRating): number => options.weights?.[r.expertId] ?? 1;
  const byModule = new Map<string, ModuleRating[]>();
  for (const r of ratings) byModule.set(r.moduleId, [...(byModule.get(r.moduleId) ?? []), r]);

  const field = (rs: readonly ModuleRating[], get: (r: ModuleRating) => number | undefined): FieldSummary | null => {
    const rated = rs.filter((r) => get(r) !== undefined);
    return summarise(rated.map((r) => get(r)!), rated.map(weightOf), centre);
  };

  const modules = [...byModule.keys()].sort().map((moduleId): ModuleRatingAggregate => {
    const rs = byModule.get(moduleId)!;
    const strength = field(rs, (r) => r.strength);
    const counted = rs.filter((r) => r.strength !== undefined && weightOf(r) > 0).map((r) => r.strength!);
    const areaIds = [...new Set(rs.flatMap((r) => Object.keys(r.relevance ?? {})))].sort();
    const relevance: Record<string, FieldSummary> = {};
    for (const areaId of areaIds) {
      const s = field(rs, (r) => r.relevance?.[areaId]);
      if (s) relevance[areaId] = s;
    }
    return {
      moduleId,
      strength,
      strengthAgreement: strength
        ? agreement(counted, strength.median, options.agreementWithin ?? 1, options.agreementThreshold ?? 0.75)
        : null,
      expectedImpact: field(rs, (r) => r.expectedImpact),
      relevance,
    };
  });
  return { ok: true, modules };
}
