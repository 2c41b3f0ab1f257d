// The confidence profile: for each area, what the person said (shown back as they said it) and how sure we can
// be of it. Values are on the internal 0..1 scale, where an answer v on the 1..5 scale is (v − 1) / 4.
//
// Where the answers come from, per area:
// - Own answers: items whose main (highest-loading) area it is. The estimate is their loading-weighted mean,
//   exactly what the person said: someone who answers 1 on every vision item has vision confidence 0 (1 of 5).
// - Side answers only (items that mainly ask about another area but also load on this one): little direct
//   information, so the estimate is shrunk toward the role/phase prior (see SHRINKAGE below).
// - A direct per-area rating (request.confidence) where no item answer covers the area: taken as given.
// - Nothing: the role/phase prior.
// The uncertainty is the posterior sd from everything said, reported beside the answer, never mixed into it.
//
// The planner plans on the posterior mean (`estimate`): everything said, with the role/phase prior counting as k₀
// answers (see priorWeight). One answer is a noisy measure of confidence (people round to a 5-point scale and
// read items differently), so the best guess of where a person really stands lies a little toward what is
// typical for their role; the more they said about an area, the less it moves. What is shown is what they said.

import type { ConfidencePrior, Content, EstimateBasis, EvidenceSet, Phase, RecommendationRequest, Role } from './types.js';
import { indexContent, type ContentIndex } from './content-index.js';
import { clamp } from './numeric.js';

/** Noise sd (0..1 scale) of one answer on an item that loads fully (1.0) on an area; loading l gives sd/√l. */
export const ITEM_NOISE_SD = 0.2;
/** Noise sd (0..1 scale) of a direct per-area rating or a check-in re-rating. */
export const DIRECT_NOISE_SD = 0.2;
/** Importance multiplier for an area whose answered items were all marked "not relevant". */
export const NOT_RELEVANT_FACTOR = 0.3;

/**
 * Shrinkage toward the prior (for side answers in the shown profile, and for the planner's estimate). The prior counts as k₀ = (ITEM_NOISE_SD / prior sd)² answers of
 * full loading: the Gaussian (empirical-Bayes) weight when the prior sd is the spread of confidence between
 * people of a role and ITEM_NOISE_SD the spread of one person's answers around their own confidence. With the
 * shipped priors (sd 0.15–0.22) k₀ is 0.8–1.8: a side answer of loading 0.3 moves the estimate a fifth to a
 * quarter of the way from the prior to the answer. Own answers are never shrunk in what is shown; the planner's
 * estimate gives one own answer of full loading weight 1 against the prior's k₀ (so about halfway for a teacher).
 * Both sds are fitted from the service's own assessments by `npm run fit:priors` (prior-fit.ts: the answer noise
 * from retests, each role's spread by the method of moments); a published set carries them (priors.itemNoiseSd).
 */
export function priorWeight(prior: ConfidencePrior, noiseSd = ITEM_NOISE_SD): number {
  return (noiseSd / prior.sd) ** 2;
}

/** The answer noise sd in force: the set's fitted figure (prior-fit.ts) where it has one, else ITEM_NOISE_SD. */
export function itemNoiseSd(evidence: EvidenceSet): number {
  return evidence.priors.itemNoiseSd ?? ITEM_NOISE_SD;
}

/** Per-area profile, arrays indexed in taxonomy order. Values on the internal 0..1 scale. */
export interface Profile {
  /** What is shown: the person's own answers where they gave them (see the file comment). */
  readonly mean: number[];
  /** What the planner plans on: the posterior mean from the prior and everything said. */
  readonly estimate: number[];
  /** Posterior sd: how sure the estimate is. */
  readonly sd: number[];
  readonly basis: EstimateBasis[];
  /** True where the person marked every answered item on the area "not relevant". */
  readonly notRelevant: boolean[];
  /** The person's own latest rating for the area on 0..1, unshrunk (NaN when they gave none). */
  readonly selfReport: number[];
}

/** Map an answer on the 1..5 scale to internal confidence 0..1: (v − 1) / 4, clamped. */
export function toInternal(value: number): number {
  return clamp((value - 1) / 4, 0, 1);
}

/** The prior for a person: role prior (or the default) with the phase's mean shift; mean clamped to 0..1. */
export function priorFor(evidence: EvidenceSet, role: Role, phase: Phase): ConfidencePrior {
  const base = evidence.priors.byRole[role] ?? evidence.priors.default;
  const shift = evidence.priors.byPhase?.[phase]?.meanShift ?? 0;
  return { mean: clamp(base.mean + shift, 0, 1), sd: Math.max(1e-3, base.sd) };
}

/** Loading-weighted tallies of the answers on one area. */
interface Tally {
  /** Own answers: Σ loading and Σ loading × value. */
  ownWeight: number;
  ownSum: number;
  /** Side answers: the same sums. */
  sideWeight: number;
  sideSum: number;
  /** "Not relevant" answers on items that load on the area. */
  notRelevant: number;
}

/**
 * Tally answers per area. Sums of (v − 1)/4 × loading are added item by item in questionnaire order, so any
 * order of the responses gives the same bytes.
 */
function tallyAnswers(ix: ContentIndex, request: RecommendationRequest): Tally[] {
  const perItem = ix.items.map(() => ({ count: 0, sum: 0, nulls: 0 }));
  for (const r of request.responses) {
    const i = ix.itemIndex.get(r.itemId);
    if (i === undefined) continue;
    if (r.value === null) perItem[i]!.nulls++;
    else {
      perItem[i]!.count++;
      perItem[i]!.sum += toInternal(r.value);
    }
  }
  const tallies: Tally[] = ix.areas.map(() => ({ ownWeight: 0, ownSum: 0, sideWeight: 0, sideSum: 0, notRelevant: 0 }));
  perItem.forEach(({ count, sum, nulls }, i) => {
    for (const { area, loading, main } of ix.itemLoadings[i]!) {
      const t = tallies[area]!;
      t.notRelevant += nulls;
      if (main) {
        t.ownWeight += count * loading;
        t.ownSum += sum * loading;
      } else {
        t.sideWeight += count * loading;
        t.sideSum += sum * loading;
      }
    }
  });
  return tallies;
}

/** Per area, the person's own answers (items whose main area it is): their loading-weighted mean and total loading. */
export function ownAnswers(content: Content, request: RecommendationRequest): { value: number; weight: number }[] {
  return tallyAnswers(indexContent(content), request).map((t) => ({ value: t.ownWeight > 0 ? t.ownSum / t.ownWeight : NaN, weight: t.ownWeight }));
}

/**
 * Estimate the profile for a request (see the file comment). Unknown ids are ignored here (validateRequestRefs
 * reports them). Deterministic and independent of the order of responses.
 */
export function estimateProfile(content: Content, request: RecommendationRequest): Profile {
  const ix = indexContent(content);
  const prior = priorFor(content.evidence, request.role, request.phase);
  const noiseSd = itemNoiseSd(content.evidence);
  const k0 = priorWeight(prior, noiseSd);
  const profile: Profile = { mean: [], estimate: [], sd: [], basis: [], notRelevant: [], selfReport: [] };
  tallyAnswers(ix, request).forEach((t, a) => {
    const answered = t.ownWeight + t.sideWeight;
    const direct = request.confidence[ix.areas[a]!.id];
    let mean = prior.mean;
    let basis: EstimateBasis = 'prior';
    let self = NaN;
    let information = answered / noiseSd ** 2;
    let estimate = (k0 * prior.mean + t.ownSum + t.sideSum) / (k0 + answered);
    if (t.ownWeight > 0) {
      mean = self = t.ownSum / t.ownWeight;
      basis = 'responses';
    } else if (t.sideWeight > 0) {
      mean = (k0 * prior.mean + t.sideSum) / (k0 + t.sideWeight);
      self = t.sideSum / t.sideWeight;
      basis = 'responses';
    } else if (direct !== undefined && Number.isFinite(direct)) {
      mean = self = toInternal(direct);
      basis = 'direct';
      information = 1 / DIRECT_NOISE_SD ** 2;
      estimate = (information * mean + prior.mean / prior.sd ** 2) / (information + 1 / prior.sd ** 2);
    }
    profile.mean.push(mean);
    profile.estimate.push(estimate);
    profile.sd.push(1 / Math.sqrt(1 / prior.sd ** 2 + information));
    profile.basis.push(basis);
    profile.notRelevant.push(answered === 0 && t.notRelevant > 0);
    profile.selfReport.push(self);
  });
  return profile;
}

/**
 * A re-rating y (0..1) of one area, in place: what is shown becomes the rating, as given; the planner's estimate
 * and the uncertainty combine the earlier estimate (its sd) with a rating of noise `noiseSd` (a Gaussian update).
 */
export function rerateArea(profile: Profile, area: number, y: number, noiseSd: number): void {
  const before = 1 / profile.sd[area]! ** 2;
  const rating = 1 / noiseSd ** 2;
  profile.mean[area] = y;
  profile.estimate[area] = (before * profile.estimate[area]! + rating * y) / (before + rating);
  profile.sd[area] = 1 / Math.sqrt(before + rating);
  profile.selfReport[area] = y;
}
