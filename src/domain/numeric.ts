// Small numeric helpers shared by the engine: rounding for stable output, the normal distribution and
// expected shortfall below a threshold (tabulated so the planner's hot loop never calls exp or erf).

/** Round to `places` decimals (default 4); never returns -0, so JSON output is byte-for-byte stable. */
export function round(x: number, places = 4): number {
  const f = places === 4 ? 1e4 : 10 ** places;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

/**
 * String(round(x, 1)) (e.g. 3.5 → "3.5", 4 → "4", -0.04 → "0"), written from whole tenths: a double's shortest
 * decimal costs several times as much to find as two integers' digits, and explanations write a few per step.
 */
export function oneDecimal(x: number): string {
  const tenths = Math.round(x * 10);
  if (!Number.isSafeInteger(tenths)) return String(round(x, 1));
  const whole = Math.trunc(tenths / 10);
  const tenth = Math.abs(tenths - 10 * whole);
  if (tenth === 0) return String(whole === 0 ? 0 : whole);
  return `${tenths < 0 && whole === 0 ? '-' : ''}${whole}.${tenth}`;
}

/** Clamp `x` into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Standard normal distribution function Φ(z); absolute error below 1.5e-7 (Numerical Recipes erfc). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

// h(z) = z·Φ(z) + φ(z) = E[max(0, z − Z)] for Z ~ N(0,1), tabulated on [-Z_MAX, Z_MAX].
const Z_MAX = 8;
const STEPS_PER_UNIT = 256;
const H_TABLE = (() => {
  const n = 2 * Z_MAX * STEPS_PER_UNIT + 1;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = -Z_MAX + i / STEPS_PER_UNIT;
    t[i] = z * normalCdf(z) + normalPdf(z);
  }
  return t;
})();

// Per table cell, the steepest slope of the interpolated h at or left of it (h is convex, so this is the cell's
// own slope; the running maximum keeps it an upper bound whatever the rounding).
const SLOPE_CEILING = (() => {
  const t = new Float64Array(H_TABLE.length - 1);
  let max = 0;
  for (let i = 0; i < t.length; i++) t[i] = max = Math.max(max, (H_TABLE[i + 1]! - H_TABLE[i]!) * STEPS_PER_UNIT);
  return t;
})();

/** E[max(0, z − Z)] for a standard normal Z, by linear interpolation in a table (error < 1e-6). */
export function shortfallUnit(z: number): number {
  if (z <= -Z_MAX) return 0;
  if (z >= Z_MAX) return z;
  const p = (z + Z_MAX) * STEPS_PER_UNIT;
  const i = Math.floor(p);
  const f = p - i;
  const a = H_TABLE[i]!;
  return a + (H_TABLE[i + 1]! - a) * f;
}

/**
 * Expected shortfall E[max(0, target − c)] for c ~ N(mean, sd²), all on the internal 0..1 confidence scale.
 * Invariants: ≥ max(0, target − mean); decreasing in mean; increasing in sd. sd ≤ 1e-9 gives max(0, target − mean).
 */
export function expectedShortfall(mean: number, sd: number, target: number): number {
  if (sd <= 1e-9) return target > mean ? target - mean : 0;
  return sd * shortfallUnit((target - mean) / sd);
}

/**
 * The fastest that expectedShortfall(mean', sd, target) can fall per unit rise of mean', for any mean' ≥ mean:
 * an upper bound the planner multiplies by a rise to bound how much of a gap it can close (about 0..1).
 */
export function shortfallSlopeCeiling(mean: number, sd: number, target: number): number {
  if (sd <= 1e-9) return target > mean ? 1 : 0;
  const z = (target - mean) / sd;
  if (z <= -Z_MAX) return 0;
  if (z >= Z_MAX) return Math.max(1, SLOPE_CEILING[SLOPE_CEILING.length - 1]!);
  return SLOPE_CEILING[Math.floor((z + Z_MAX) * STEPS_PER_UNIT)]!;
}
