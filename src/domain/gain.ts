// The engine's model of what a module does: expected rise in internal confidence (0..1) on an area =
// expectedImpact × strength factor × relevance × level fit × headroom factor (KSS-style: gains shrink as the gap closes).

import type { Level } from './types.js';

export const LEVEL_CODE: Readonly<Record<Level, number>> = { foundation: 0, intermediate: 1, advanced: 2 };
/** How many level codes there are: they run 0..LEVELS − 1. */
export const LEVELS = Object.keys(LEVEL_CODE).length;

/**
 * Evidence-strength factor in 0.4..1: strength 0 (no evidence) keeps 40% of the panel's expected impact,
 * strength 5 keeps all of it. Strength is clamped to 0..5.
 */
export function strengthFactor(strength: number): number {
  const s = strength < 0 ? 0 : strength > 5 ? 5 : strength;
  return 0.4 + 0.12 * s;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * How well a module's level suits someone at internal confidence `c` (0..1), in 0.2..1.
 * Foundation suits low confidence and fades above ~0.6; advanced needs ~0.45+; intermediate peaks at 0.5.
 */
export function levelFitExact(levelCode: number, c: number): number {
  if (levelCode === 0) return 0.2 + 0.8 * logistic((0.6 - c) / 0.1);
  if (levelCode === 2) return 0.2 + 0.8 * logistic((c - 0.45) / 0.1);
  const d = (c - 0.5) / 0.3;
  return 0.2 + 0.8 * Math.exp(-d * d);
}

/** Confidence at which expectedImpact is calibrated: the headroom factor is 1 there. */
export const HEADROOM_REFERENCE = 0.5;

/**
 * Headroom factor in 0..2: (1 − c) / (1 − HEADROOM_REFERENCE), clamped. A module closes a share of the remaining
 * headroom, so a second module on an area already raised gains less (diminishing returns).
 */
export function headroomFactor(c: number): number {
  const h = (1 - c) / (1 - HEADROOM_REFERENCE);
  return h < 0 ? 0 : h > 2 ? 2 : h;
}

// Tabulated level fit, and level fit × headroom, on c in [-0.5, 1.5]: the planner evaluates them a few thousand
// times per pathway, and a table lookup costs a fraction of the exponentials.
const FIT_LO = -0.5;
const FIT_STEPS = 1024; // per unit of confidence
const FIT_N = 2 * FIT_STEPS + 1;
function table(f: (levelCode: number, c: number) => number): Float64Array {
  const t = new Float64Array(LEVELS * FIT_N);
  for (let l = 0; l < LEVELS; l++) for (let i = 0; i < FIT_N; i++) t[l * FIT_N + i] = f(l, FIT_LO + i / FIT_STEPS);
  return t;
}
const FIT_TABLE = table(levelFitExact);
const GAIN_TABLE = table((l, c) => levelFitExact(l, c) * headroomFactor(c));

function lookup(t: Float64Array, levelCode: number, c: number): number {
  let p = (c - FIT_LO) * FIT_STEPS;
  if (p < 0) p = 0;
  else if (p > FIT_N - 1.000001) p = FIT_N - 1.000001;
  const i = Math.floor(p);
  const o = levelCode * FIT_N + i;
  const a = t[o]!;
  return a + (t[o + 1]! - a) * (p - i);
}

// Suffix maxima of the gain table: CEILING_TABLE[i] is the largest of GAIN_TABLE[i..] within a level.
const CEILING_TABLE = (() => {
  const t = new Float64Array(GAIN_TABLE.length);
  for (let l = 0; l < LEVELS; l++) {
    let max = 0;
    for (let i = FIT_N - 1; i >= 0; i--) t[l * FIT_N + i] = max = Math.max(max, GAIN_TABLE[l * FIT_N + i]!);
  }
  return t;
})();

/** levelFitExact by table lookup (error < 1e-5); `levelCode` 0 foundation, 1 intermediate, 2 advanced. */
export function levelFit(levelCode: number, c: number): number {
  return lookup(FIT_TABLE, levelCode, c);
}

/**
 * levelFit × headroomFactor at confidence c (table lookup): multiply by expectedImpact × strength factor ×
 * relevance to get the expected rise in confidence (0..1) from one module.
 */
export function gainFactor(levelCode: number, c: number): number {
  return lookup(GAIN_TABLE, levelCode, c);
}

/**
 * The largest gainFactor(levelCode, c') for any c' ≥ c: confidence only rises as a plan goes on, so this bounds
 * what one unit of a module's gain can be at this confidence or any later one (the planner's upper bounds).
 * The table interpolates linearly, so the largest value right of c is c's own or a later table point's.
 */
export function gainFactorCeiling(levelCode: number, c: number): number {
  const p = Math.min(Math.max((c - FIT_LO) * FIT_STEPS, 0), FIT_N - 1);
  const next = Math.min(Math.floor(p) + 1, FIT_N - 1);
  return Math.max(gainFactor(levelCode, c), CEILING_TABLE[levelCode * FIT_N + next]!);
}
