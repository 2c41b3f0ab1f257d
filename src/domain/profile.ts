// The confidence profile: per area a Gaussian posterior (internal 0..1 scale) from the role/phase prior,
// questionnaire answers (weighted by loading), direct ratings where no answer covers an area, and
// "not relevant" flags where every answered item on an area was marked not relevant.

import type { ConfidencePrior, Content, EstimateBasis, EvidenceSet, Phase, RecommendationRequest, Role } from './types.js';
import { indexContent, type ContentIndex } from './content-index.js';
import { arenaFor, clamp } from './numeric.js';

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
  const { precision, weighted, loadSum, loadY, nullCount, ownIndex, itemCount, itemSum, itemNulls } = scratchFor(ix);
  precision.fill(prec0);
  weighted.fill(prec0 * prior.mean);
  loadSum.fill(0);
  loadY.fill(0);
  nullCount.fill(0);
  itemCount.fill(0);
  itemSum.fill(0);
  itemNulls.fill(0);
  const itemPrec = 1 / (ITEM_NOISE_SD * ITEM_NOISE_SD);

  // First tally answers per item (sums of (v-1)/4 are exact in binary floating point, whatever the order), then
  // apply items in questionnaire order, so the estimate is the same bytes however the responses are ordered.
  const { itemIndex, itemOffset, itemArea, itemLoading, items } = ix;
  const responses = request.responses;
  for (let j = 0; j < responses.length; j++) {
    const r = responses[j]!;
    // Responses usually come in questionnaire order: try item j before the map (same index when ids are unique).
    const i = j < items.length && ownIndex[j] && items[j]!.id === r.itemId ? j : itemIndex.get(r.itemId);
    if (i === undefined) continue;
    if (r.value === null) itemNulls[i]!++;
    else {
      itemCount[i]!++;
      itemSum[i]! += toInternal(r.value);
    }
  }
  for (let i = 0; i < items.length; i++) {
    const end = itemOffset[i + 1]!;
    if (itemNulls[i]) for (let k = itemOffset[i]!; k < end; k++) nullCount[itemArea[k]!]! += itemNulls[i]!;
    const n = itemCount[i]!;
    if (n === 0) continue;
    const sumY = itemSum[i]!;
    for (let k = itemOffset[i]!; k < end; k++) {
      const a = itemArea[k]!;
      const l = itemLoading[k]!;
      precision[a]! += n * l * itemPrec;
      weighted[a]! += l * itemPrec * sumY;
      loadSum[a]! += n * l;
      loadY[a]! += l * sumY;
    }
  }

  const arena = arenaFor(ix);
  const mean = arena.float64(A);
  const sd = arena.float64(A);
  const selfReport = arena.float64(A);
  const basis = arena.uint8(A);
  const notRelevant = arena.uint8(A);
  const directPrec = 1 / (DIRECT_NOISE_SD * DIRECT_NOISE_SD);
  for (let a = 0; a < A; a++) {
    selfReport[a] = NaN;
    const covered = loadSum[a]! > 0;
    if (!covered && nullCount[a]! > 0) notRelevant[a] = 1;
    if (covered) {
      basis[a] = BASIS_RESPONSES;
      selfReport[a] = loadY[a]! / loadSum[a]!;
    } else {
      const direct = request.confidence[ix.areas[a]!.id];
      if (direct !== undefined && Number.isFinite(direct)) {
        const y = toInternal(direct);
        precision[a]! += directPrec;
        weighted[a]! += directPrec * y;
        basis[a] = BASIS_DIRECT;
        selfReport[a] = y;
      }
    }
    mean[a] = weighted[a]! / precision[a]!;
    sd[a] = 1 / Math.sqrt(precision[a]!);
  }
  return { mean, sd, basis, notRelevant, selfReport };
}

const BASIS_RESPONSES = BASES.indexOf('responses');
const BASIS_DIRECT = BASES.indexOf('direct');

/** Per-content scratch accumulators for estimateProfile (reset at the start of every call). */
interface Scratch {
  readonly precision: Float64Array;
  readonly weighted: Float64Array;
  readonly loadSum: Float64Array;
  readonly loadY: Float64Array;
  readonly nullCount: Uint16Array;
  /** Per item: 1 when itemIndex maps its id back to it (its id is not shared with a later item). */
  readonly ownIndex: Uint8Array;
  /** Per item: number of 1..5 answers, their summed internal values, and "not relevant" answers. */
  readonly itemCount: Uint16Array;
  readonly itemSum: Float64Array;
  readonly itemNulls: Uint16Array;
}

const scratches = new WeakMap<ContentIndex, Scratch>();

function scratchFor(ix: ContentIndex): Scratch {
  let s = scratches.get(ix);
  if (!s) {
    const A = ix.areas.length;
    const buffer = new ArrayBuffer(34 * A);
    s = {
      precision: new Float64Array(buffer, 0, A),
      weighted: new Float64Array(buffer, 8 * A, A),
      loadSum: new Float64Array(buffer, 16 * A, A),
      loadY: new Float64Array(buffer, 24 * A, A),
      nullCount: new Uint16Array(buffer, 32 * A, A),
      ownIndex: Uint8Array.from(ix.items, (it, j) => (ix.itemIndex.get(it.id) === j ? 1 : 0)),
      itemCount: new Uint16Array(ix.items.length),
      itemNulls: new Uint16Array(ix.items.length),
      itemSum: new Float64Array(ix.items.length),
    };
    scratches.set(ix, s);
  }
  return s;
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
