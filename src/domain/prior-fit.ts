// Fitting the role priors, and so the strength of shrinkage, from the self-assessments the service holds.
//
// The profile model (profile.ts): a person's own answer on an area is x = θ + ε, where θ (their confidence) varies
// between people of a role with mean μ and sd τ (the role's prior), and ε is the answer's noise with variance
// σ² / w (w: the answered items' total loading on the area). The prior then counts as k₀ = σ² / τ² answers of full
// loading (priorWeight). Both sds are fitted here by the method of moments (empirical Bayes):
//
// - σ from retests: two assessments by the same person close together with no module completed between them
//   measure the same θ twice, so E[(x₁ − x₂)²] = σ² (1/w₁ + 1/w₂). Any real change between the two counts as noise,
//   so this errs toward more shrinkage, never less.
// - μ and τ per role: the answers' mean is μ; their variance across people and areas is τ² + σ² · mean(1/w), so
//   τ² = variance − σ² · mean(1/w). Answers are first moved by the panel's phase shift, which the fit keeps.
//
// Below MIN_PEOPLE people (or MIN_RETESTS retest pairs) a figure keeps the panel's value, and says so.

import type { ConfidencePrior, EvidenceSet, Phase, Role } from './types.js';

/** Fewest people of a role (with at least one own answer) before their prior is fitted. */
export const MIN_PEOPLE = 30;
/** Fewest retest pairs (area answers given twice) before the answer noise is fitted. */
export const MIN_RETESTS = 30;
/** The smallest fitted prior sd: below it the data cannot tell people apart from noise. */
export const MIN_PRIOR_SD = 0.05;

/** One own answer on an area (0..1) and the answered items' total loading on it. */
export interface AreaAnswer {
  readonly value: number;
  readonly weight: number;
}

/** One person's latest assessment: their role, phase and own answers (one per area they answered). */
export interface AssessedPerson {
  readonly role: Role;
  readonly phase: Phase;
  readonly answers: readonly AreaAnswer[];
}

/** The same area answered in two assessments with no module completed between them. */
export interface RetestPair {
  readonly first: AreaAnswer;
  readonly second: AreaAnswer;
}

export interface FittedRole {
  readonly people: number;
  readonly answers: number;
  /** The prior to use: fitted when `fitted`, else the panel's. */
  readonly prior: ConfidencePrior;
  readonly panel: ConfidencePrior;
  readonly fitted: boolean;
  /** The resulting shrinkage strength k₀ = σ² / τ² (prior counted as answers of full loading). */
  readonly k0: number;
}

export interface PriorFit {
  /** Answer noise sd σ of one answer of full loading: fitted when `noiseFitted`, else the current figure. */
  readonly itemNoiseSd: number;
  readonly noiseFitted: boolean;
  readonly retestPairs: number;
  readonly byRole: Readonly<Partial<Record<Role, FittedRole>>>;
}

/** σ from retest pairs: √(Σ (x₁ − x₂)² / Σ (1/w₁ + 1/w₂)), or `current` with too few pairs. */
export function fitNoise(pairs: readonly RetestPair[], current: number): { sd: number; fitted: boolean } {
  if (pairs.length < MIN_RETESTS) return { sd: current, fitted: false };
  let squares = 0;
  let spread = 0;
  for (const { first, second } of pairs) {
    squares += (first.value - second.value) ** 2;
    spread += 1 / first.weight + 1 / second.weight;
  }
  return { sd: Math.sqrt(squares / spread), fitted: true };
}

/** μ and τ for one role's answers (already moved by the phase shift), given the answer noise σ. */
export function fitRolePrior(answers: readonly AreaAnswer[], noiseSd: number): ConfidencePrior {
  const n = answers.length;
  const mean = answers.reduce((s, a) => s + a.value, 0) / n;
  const variance = answers.reduce((s, a) => s + (a.value - mean) ** 2, 0) / (n - 1);
  const noise = (noiseSd ** 2 * answers.reduce((s, a) => s + 1 / a.weight, 0)) / n;
  const sd = Math.sqrt(Math.max(MIN_PRIOR_SD ** 2, variance - noise));
  return { mean, sd };
}

/** Fit σ, then each role's prior, against the panel's set (its phase shifts, its priors where data is thin). */
export function fitPriors(evidence: EvidenceSet, people: readonly AssessedPerson[], pairs: readonly RetestPair[], currentNoiseSd: number): PriorFit {
  const noise = fitNoise(pairs, currentNoiseSd);
  const byRole: Partial<Record<Role, FittedRole>> = {};
  for (const role of new Set(people.map((p) => p.role))) {
    const group = people.filter((p) => p.role === role && p.answers.length > 0);
    const shifted = group.flatMap((p) => {
      const shift = evidence.priors.byPhase?.[p.phase]?.meanShift ?? 0;
      return p.answers.map((a) => ({ value: a.value - shift, weight: a.weight }));
    });
    const panel = evidence.priors.byRole[role] ?? evidence.priors.default;
    const fitted = group.length >= MIN_PEOPLE;
    const prior = fitted ? fitRolePrior(shifted, noise.sd) : panel;
    byRole[role] = { people: group.length, answers: shifted.length, prior, panel, fitted, k0: (noise.sd / prior.sd) ** 2 };
  }
  return { itemNoiseSd: noise.sd, noiseFitted: noise.fitted, retestPairs: pairs.length, byRole };
}

/** The panel's set with the fitted priors (and answer noise) in place; phase shifts and everything else kept. */
export function withFittedPriors(evidence: EvidenceSet, fit: PriorFit): EvidenceSet {
  const byRole = { ...evidence.priors.byRole };
  for (const [role, f] of Object.entries(fit.byRole) as [Role, FittedRole][]) if (f.fitted) byRole[role] = round(f.prior);
  return {
    ...evidence,
    priors: {
      ...evidence.priors,
      byRole,
      ...(fit.noiseFitted ? { itemNoiseSd: Math.round(fit.itemNoiseSd * 1e4) / 1e4 } : {}),
    },
  };
}

function round(p: ConfidencePrior): ConfidencePrior {
  return { mean: Math.round(Math.min(1, Math.max(0, p.mean)) * 1e4) / 1e4, sd: Math.round(Math.min(0.5, p.sd) * 1e4) / 1e4 };
}
