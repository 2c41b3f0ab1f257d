// Summary statistics for the simulation: mean with a t-based 95% confidence interval, normalised entropy.

const T975: Record<number, number> = { 1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228, 12: 2.179, 15: 2.131, 20: 2.086, 30: 2.042 };

/** Two-sided 97.5% quantile of Student's t with `df` degrees of freedom (table, nearest lower df; 1.96 beyond 30). */
export function t975(df: number): number {
  if (df >= 60) return 1.96;
  const keys = Object.keys(T975).map(Number).filter((k) => k <= df);
  return keys.length ? T975[Math.max(...keys)]! : T975[1]!;
}

export interface Summary {
  readonly mean: number;
  /** Half-width of the 95% CI of the mean (NaN with fewer than two values). */
  readonly half: number;
  readonly n: number;
}

export function summarise(xs: readonly number[]): Summary {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { mean, half: NaN, n };
  const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, half: t975(n - 1) * Math.sqrt(v / n), n };
}

export function fmt(s: Summary, digits = 3): string {
  return Number.isNaN(s.half) ? s.mean.toFixed(digits) : `${s.mean.toFixed(digits)} ± ${s.half.toFixed(digits)}`;
}
