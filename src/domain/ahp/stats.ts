// Weighted summary statistics for panel answers: mean, median, quartiles, SD, range and a Delphi-style
// agreement share. Weights are relative (normalised here); zero-weight answers are left out entirely.

export interface FieldSummary {
  /** The value adopted: `mean` or `median`, whichever the caller chose. */
  readonly value: number;
  /** Weighted arithmetic mean. */
  readonly mean: number;
  /** Weighted median (see `weightedQuantile`). */
  readonly median: number;
  /** Weighted population standard deviation about the mean (0 when everyone agrees). */
  readonly sd: number;
  readonly q1: number;
  readonly q3: number;
  readonly iqr: number;
  readonly min: number;
  readonly max: number;
  /** Answers counted (weight > 0). */
  readonly n: number;
}

export type Centre = 'mean' | 'median';

interface Weighted {
  readonly x: number;
  readonly w: number;
}

function prepare(values: readonly number[], weights?: readonly number[]): Weighted[] {
  const pairs = values.map((x, i) => ({ x, w: weights ? weights[i]! : 1 })).filter((p) => p.w > 0);
  const total = pairs.reduce((s, p) => s + p.w, 0);
  return pairs.map((p) => ({ x: p.x, w: p.w / total })).sort((p, q) => p.x - q.x);
}

/**
 * Weighted quantile, p in 0..1: answer k (sorted) sits at the midpoint of its cumulative weight, and values
 * between midpoints are interpolated linearly. With equal weights this is Hazen's rule (R type 5), so the median
 * of an even count is the mean of the two middle answers. NaN when nothing has weight.
 */
export function weightedQuantile(values: readonly number[], p: number, weights?: readonly number[]): number {
  const pts = prepare(values, weights);
  if (pts.length === 0) return NaN;
  let cumulative = 0;
  const at = pts.map((q) => {
    const mid = cumulative + q.w / 2;
    cumulative += q.w;
    return mid;
  });
  if (p <= at[0]!) return pts[0]!.x;
  for (let k = 0; k < pts.length - 1; k++) {
    if (p <= at[k + 1]!) {
      const t = (p - at[k]!) / (at[k + 1]! - at[k]!);
      return pts[k]!.x + t * (pts[k + 1]!.x - pts[k]!.x);
    }
  }
  return pts[pts.length - 1]!.x;
}

/** Weighted summary of one field's answers; `null` when no answer has positive weight. */
export function summarise(values: readonly number[], weights?: readonly number[], centre: Centre = 'mean'): FieldSummary | null {
  const pts = prepare(values, weights);
  if (pts.length === 0) return null;
  const mean = pts.reduce((s, p) => s + p.w * p.x, 0);
  const sd = Math.sqrt(pts.reduce((s, p) => s + p.w * (p.x - mean) ** 2, 0));
  const median = weightedQuantile(values, 0.5, weights);
  const q1 = weightedQuantile(values, 0.25, weights);
  const q3 = weightedQuantile(values, 0.75, weights);
  return {
    value: centre === 'mean' ? mean : median,
    mean,
    median,
    sd,
    q1,
    q3,
    iqr: q3 - q1,
    min: pts[0]!.x,
    max: pts[pts.length - 1]!.x,
    n: pts.length,
  };
}

export interface Agreement {
  /** Share of experts (each counts once) whose answer is within `within` of the median, 0..1. */
  readonly share: number;
  readonly within: number;
  readonly median: number;
  readonly n: number;
  /** The consensus threshold reported against (Diamond et al. 2014 found a median of 75% across Delphi studies). */
  readonly threshold: number;
  /** share >= threshold. Reported, never enforced. */
  readonly meetsThreshold: boolean;
}

/** Delphi-style percent agreement: share of answers with |x - median| <= within (inclusive). */
export function agreement(values: readonly number[], median: number, within = 1, threshold = 0.75): Agreement {
  const n = values.length;
  const close = values.filter((x) => Math.abs(x - median) <= within + 1e-12).length;
  const share = n === 0 ? 0 : close / n;
  return { share, within, median, n, threshold, meetsThreshold: n > 0 && share >= threshold };
}
