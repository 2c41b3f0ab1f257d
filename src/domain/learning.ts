// Population learning: observed confidence changes after modules refine each module's effect, starting from
// the panel's expectedImpact as a prior (Bayesian ridge solved with ml-matrix), and feed back an EvidenceSet.

import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import type { Content, EffectObservation, EvidenceSet, ModuleEvidence } from './types.js';
import { indexContent } from './content-index.js';
import { LEVEL_CODE, headroomFactor, levelFit, strengthFactor } from './gain.js';
import { canonicalJson, sha256Text } from './hash.js';
import { round } from './numeric.js';
import type { Rng } from './rng.js';

export interface LearnOptions {
  /** Weight of the panel's expectedImpact, in pseudo-observations of a fully relevant, well-fitted module. Default 5. */
  readonly priorStrength?: number;
  /** Prior guess of the noise sd of one before→after change (0..1 scale). Default 0.15. */
  readonly noisePriorSd?: number;
  /** Weight of noisePriorSd in pseudo-observations. Default 10. */
  readonly noisePriorWeight?: number;
  /**
   * Prior weight (pseudo-observations) holding the shared drift at 0. Default 1e6, i.e. fixed at 0: when everyone
   * re-rates only after a module (no control group) drift and the average effect are not separately identifiable,
   * and a free drift soaks up real effects. Pass a small weight when control re-ratings exist.
   */
  readonly driftStrength?: number;
  /** Prior weight (pseudo-observations) holding the before-level slope at 0. Default 1e6 (fixed at 0), as for drift. */
  readonly slopeStrength?: number;
}

export interface ModuleEffectEstimate {
  readonly moduleId: string;
  /** The panel's expectedImpact (0..1 rise on a fully relevant area at the right level). */
  readonly prior: number;
  /** Posterior mean on the same scale. */
  readonly learned: number;
  /** Observations of this module. */
  readonly n: number;
  /** Posterior sd of `learned`. */
  readonly sd: number;
}

export interface LearnedEffects {
  /** One entry per catalogue module, in catalogue order. */
  readonly modules: readonly ModuleEffectEstimate[];
  /** Shared change after any module, whatever it is (re-rating drift); 0 unless driftStrength is small. */
  readonly drift: number;
  /** Shared change per unit of (before − 0.5); 0 unless slopeStrength is small. */
  readonly slope: number;
  readonly noiseSd: number;
  readonly observations: number;
}

/**
 * Fit after − before = drift + slope·(before − 0.5) + θ_m·relevance·levelFit·headroom·strengthFactor(m) + ε over all
 * observations, with θ_m ~ N(expectedImpact_m, σ²/priorStrength) and priors (mean 0) on drift and slope. `before` is
 * the engine's posterior mean before the module (E[confidence | what was known]), so noisy self-reports do not
 * produce regression to the mean.
 * Solves the ridge normal equations (XᵀX + Λ)β = Xᵀy + Λβ₀ by Cholesky; sd_m = σ̂·√[(XᵀX+Λ)⁻¹]_mm with
 * σ̂² = (RSS + prior penalty + w·s₀²)/(n + w). Modules with no observations keep learned = prior.
 * Observations of unknown modules, or with non-finite numbers, are ignored.
 */
export function learnModuleEffects(
  content: Content,
  observations: readonly EffectObservation[],
  options: LearnOptions = {},
): LearnedEffects {
  const ix = indexContent(content);
  const M = ix.modules.length;
  const s0 = options.noisePriorSd ?? 0.15;
  const w0 = options.noisePriorWeight ?? 10;
  const { prior, strength } = panelPriors(ix);
  const rows = usableRows(ix, observations, strength);
  const eq = normalEquations(M, rows);
  const lambda = priorPrecision(M + 2, options);
  const { beta, inv } = solveRidge(eq, lambda, prior);

  let rss = 0;
  for (const r of rows) {
    const e = r.y - beta[0]! - beta[1]! * r.c - beta[2 + r.m]! * r.x;
    rss += e * e;
  }
  let penalty = 0;
  for (let j = 0; j < M + 2; j++) penalty += lambda[j]! * (beta[j]! - prior[j]!) ** 2;
  const sigma2 = (rss + penalty + w0 * s0 * s0) / (rows.length + w0);

  const modules = ix.modules.map((mod, m) => ({
    moduleId: mod.id,
    prior: prior[2 + m]!,
    learned: beta[2 + m]!,
    n: eq.count[m]!,
    sd: Math.sqrt(sigma2 * inv.get(2 + m, 2 + m)),
  }));
  return { modules, drift: beta[0]!, slope: beta[1]!, noiseSd: Math.sqrt(sigma2), observations: rows.length };
}

/** One usable observation: module index, regressor x, centred confidence before c, observed rise y. */
interface Row {
  readonly m: number;
  readonly x: number;
  readonly c: number;
  readonly y: number;
}

/** The panel's effects as the prior mean of each coefficient (0 drift, 1 slope, 2+m module m), and strength factors. */
function panelPriors(ix: ReturnType<typeof indexContent>): { prior: Float64Array; strength: Float64Array } {
  const M = ix.modules.length;
  const prior = new Float64Array(M + 2);
  const strength = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    const ev = ix.evidence[m];
    prior[2 + m] = ev ? Math.max(0, ev.expectedImpact) : 0;
    strength[m] = ev ? strengthFactor(ev.strength) : strengthFactor(0);
  }
  return { prior, strength };
}

/** Observations of known modules with finite numbers, as regression rows. */
function usableRows(ix: ReturnType<typeof indexContent>, observations: readonly EffectObservation[], strength: Float64Array): Row[] {
  const rows: Row[] = [];
  for (const o of observations) {
    const m = ix.moduleIndex.get(o.moduleId);
    const x = o.relevance * o.levelFit * o.headroom * (m === undefined ? 0 : strength[m]!);
    const y = o.after - o.before;
    const c = o.before - 0.5;
    if (m === undefined || !Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(c)) continue;
    rows.push({ m, x, c, y });
  }
  return rows;
}

/** XᵀX (row-major P×P, arrow-shaped and symmetric), Xᵀy and the count of rows per module. */
function normalEquations(M: number, rows: readonly Row[]): { A: Float64Array; b: Float64Array; count: Int32Array } {
  const P = M + 2;
  const A = new Float64Array(P * P);
  const b = new Float64Array(P);
  const count = new Int32Array(M);
  for (const { m, x, c, y } of rows) {
    count[m]!++;
    const j = 2 + m;
    A[0]! += 1;
    A[1]! += c;
    A[P + 1]! += c * c;
    A[j]! += x;
    A[P + j]! += c * x;
    A[j * P + j]! += x * x;
    b[0]! += y;
    b[1]! += c * y;
    b[j]! += x * y;
  }
  for (let j = 2; j < P; j++) {
    A[j * P] = A[j]!;
    A[j * P + 1] = A[P + j]!;
  }
  A[P] = A[1]!;
  return { A, b, count };
}

/** Prior precision per coefficient: drift and slope nearly free, each module `priorStrength` pseudo-observations. */
function priorPrecision(P: number, options: LearnOptions): Float64Array {
  const lambda = new Float64Array(P).fill(options.priorStrength ?? 5);
  lambda[0] = options.driftStrength ?? 1e6;
  lambda[1] = options.slopeStrength ?? 1e6;
  return lambda;
}

/** Solves (XᵀX + Λ)β = Xᵀy + Λβ₀ by Cholesky; also returns (XᵀX + Λ)⁻¹ for the standard errors. */
function solveRidge(eq: { A: Float64Array; b: Float64Array }, lambda: Float64Array, prior: Float64Array): { beta: number[]; inv: Matrix } {
  const P = lambda.length;
  const A = Float64Array.from(eq.A);
  const b = Float64Array.from(eq.b);
  for (let j = 0; j < P; j++) {
    A[j * P + j]! += lambda[j]!;
    b[j]! += lambda[j]! * prior[j]!;
  }
  const chol = new CholeskyDecomposition(Matrix.from1DArray(P, P, A));
  if (!chol.isPositiveDefinite()) throw new Error('learning: normal equations are not positive definite');
  const beta = chol.solve(Matrix.columnVector(Array.from(b))).getColumn(0);
  return { beta, inv: chol.solve(Matrix.eye(P, P)) };
}

/**
 * An observation in the learning model's terms: relevance from the catalogue, level fit and headroom at the
 * estimated confidence `before` (0..1). Relevance 0 if the module does not list the area.
 */
export function effectObservation(content: Content, moduleId: string, areaId: string, before: number, after: number): EffectObservation {
  const mod = content.catalogue.modules.find((m) => m.id === moduleId);
  const relevance = mod?.areas.find((a) => a.areaId === areaId)?.relevance ?? 0;
  const fit = mod ? levelFit(LEVEL_CODE[mod.level], before) : 0;
  return { moduleId, areaId, relevance, levelFit: fit, headroom: headroomFactor(before), before, after };
}

/**
 * The evidence set with each module's expectedImpact replaced by its learned effect (clamped ≥ 0, 4 decimals);
 * strength and sources unchanged. The id gains "+learned.<12 hex>" from a hash of the learned values, so
 * recommendations record which learning produced them.
 */
export function adjustEvidence(evidence: EvidenceSet, learned: LearnedEffects): EvidenceSet {
  return withImpacts(evidence, learned, 'learned', (e) => e.learned);
}

/**
 * Thompson sampling: the evidence set with each module's expectedImpact drawn from its posterior
 * N(learned, sd²) (clamped ≥ 0). For exploring while learning; deterministic for a given rng state.
 */
export function sampleEvidence(evidence: EvidenceSet, learned: LearnedEffects, rng: Rng): EvidenceSet {
  return withImpacts(evidence, learned, 'sampled', (e) => e.learned + e.sd * rng.normal());
}

function withImpacts(
  evidence: EvidenceSet,
  learned: LearnedEffects,
  tag: string,
  pick: (e: ModuleEffectEstimate) => number,
): EvidenceSet {
  const modules: Record<string, ModuleEvidence> = { ...evidence.modules };
  const values: [string, number, number][] = [];
  for (const e of learned.modules) {
    const ev = evidence.modules[e.moduleId];
    if (!ev) continue;
    const impact = round(Math.max(0, pick(e)));
    values.push([e.moduleId, impact, e.n]);
    modules[e.moduleId] = {
      ...ev,
      expectedImpact: impact,
      impactSource: `Population learning (${e.n} observations; panel prior ${round(e.prior)}). ${ev.impactSource}`,
    };
  }
  const digest = sha256Text(canonicalJson(values)).slice(0, 12);
  return { ...evidence, id: `${evidence.id}+${tag}.${digest}`, modules };
}
