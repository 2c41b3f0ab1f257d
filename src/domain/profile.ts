// The confidence profile: per area a Gaussian posterior (internal 0..1 scale) from the role/phase prior,
// questionnaire answers (weighted by loading), direct ratings where no answer covers an area, and
// "not relevant" flags where every answered item on an area was marked not relevant.

import type { ConfidencePrior, Content, EstimateBasis, EvidenceSet, Phase, RecommendationRequest, Role } from './types.js';
import { indexContent } from './content-index.js';
import { clamp } from './numeric.js';

/** Noise sd (0..1 scale) of one answer on an item that loads fully (1.0) on an area; loading l gives sd/√l. */
export const ITEM_NOISE_SD = 0.2;
/** Noise sd (0..1 scale) of a direct per-area rating or a check-in re-rating. */
export const DIRECT_NOISE_SD = 0.2;
/** Importance multiplier for an area whose answered items were all marked "not relevant". */
export const NOT_RELEVANT_FACTOR = 0.3;

/** Codes for Profile.basis. */
export const BASES: readonly EstimateBasis[] = ['prior', 'responses', 'direct', 'checkin'];

/** Per-area posterior, arrays indexed in taxonomy order. Values on the internal 0..1 scale. */
export interface Profile {
  readonly mean: Float64Array;
  readonly sd: Float64Array;
  /** Index into BASES. */
  readonly basis: Uint8Array;
  /** 1 where the person marked every answered item on the area "not relevant". */
  readonly notRelevant: Uint8Array;
  /** The person's own latest rating for the area on 0..1, unshrunk (NaN when they gave none). */
  readonly selfReport: Float64Array;
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

/**
 * Estimate the profile for a request. Each non-null answer y=(v−1)/4 on item i updates every area a it loads on
 * as a Gaussian observation with variance ITEM_NOISE_SD²/loading. Direct ratings count only for areas no
 * non-null answer covers. Unanswered areas keep the prior (mean and wide sd). Unknown ids are ignored here
 * (validateRequestRefs reports them). Deterministic and independent of the order of responses.
 */
export function estimateProfile(content: Content, request: RecommendationRequest): Profile {
  const ix = indexContent(content);
  const A = ix.areas.length;
  const prior = priorFor(content.evidence, request.role, request.phase);
  const prec0 = 1 / (prior.sd * prior.sd);
  const precision = new Float64Array(A).fill(prec0);
  const weighted = new Float64Array(A).fill(prec0 * prior.mean);
  const loadSum = new Float64Array(A);
  const loadY = new Float64Array(A);
  const nullCount = new Uint16Array(A);
  const itemPrec = 1 / (ITEM_NOISE_SD * ITEM_NOISE_SD);

  for (const r of request.responses) {
    const i = ix.itemIndex.get(r.itemId);
    if (i === undefined) continue;
    const y = r.value === null ? NaN : toInternal(r.value);
    for (let k = ix.itemOffset[i]!; k < ix.itemOffset[i + 1]!; k++) {
      const a = ix.itemArea[k]!;
      const l = ix.itemLoading[k]!;
      if (r.value === null) {
        nullCount[a]!++;
        continue;
      }
      precision[a]! += l * itemPrec;
      weighted[a]! += l * itemPrec * y;
      loadSum[a]! += l;
      loadY[a]! += l * y;
    }
  }

  const mean = new Float64Array(A);
  const sd = new Float64Array(A);
  const basis = new Uint8Array(A);
  const notRelevant = new Uint8Array(A);
  const selfReport = new Float64Array(A).fill(NaN);
  const directPrec = 1 / (DIRECT_NOISE_SD * DIRECT_NOISE_SD);
  for (let a = 0; a < A; a++) {
    const covered = loadSum[a]! > 0;
    if (!covered && nullCount[a]! > 0) notRelevant[a] = 1;
    if (covered) {
      basis[a] = BASES.indexOf('responses');
      selfReport[a] = loadY[a]! / loadSum[a]!;
    } else {
      const direct = request.confidence[ix.areas[a]!.id];
      if (direct !== undefined && Number.isFinite(direct)) {
        const y = toInternal(direct);
        precision[a]! += directPrec;
        weighted[a]! += directPrec * y;
        basis[a] = BASES.indexOf('direct');
        selfReport[a] = y;
      }
    }
    mean[a] = weighted[a]! / precision[a]!;
    sd[a] = 1 / Math.sqrt(precision[a]!);
  }
  return { mean, sd, basis, notRelevant, selfReport };
}

/** Gaussian update of one area in place with observation y (0..1) of noise sd `noiseSd`. */
export function observeArea(profile: Profile, area: number, y: number, noiseSd: number): void {
  const p0 = 1 / (profile.sd[area]! * profile.sd[area]!);
  const p1 = 1 / (noiseSd * noiseSd);
  const p = p0 + p1;
  profile.mean[area] = (p0 * profile.mean[area]! + p1 * y) / p;
  profile.sd[area] = 1 / Math.sqrt(p);
}

/** A deep copy (typed arrays copied) so updates never touch the original. */
export function copyProfile(p: Profile): Profile {
  return {
    mean: p.mean.slice(),
    sd: p.sd.slice(),
    basis: p.basis.slice(),
    notRelevant: p.notRelevant.slice(),
    selfReport: p.selfReport.slice(),
  };
}
