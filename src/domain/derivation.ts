// A stored pathway keeps the engine's inputs rather than its explained response: the request, and, when the profile
// is more than the request says (a check-in), that profile exactly plus the input-hash extra. derive() runs the same
// engine call on them, so under the same content it gives the same response, byte for byte. Pure.

import { indexContent } from './content-index.js';
import { round } from './numeric.js';
import { estimateProfile, type Profile } from './profile.js';
import { recommendFromProfile } from './recommend.js';
import type { AreaEstimate, Content, EstimateBasis, RecommendationRequest, RecommendationResponse } from './types.js';

/**
 * Per area id: [mean, estimate, sd, basis, notRelevant 0/1, selfReport or null]. JSON numbers round-trip exactly. The
 * basis is stored as its first letter (BASIS_CODES); profiles stored before that spell it out, and read the same.
 */
export type StoredProfile = Record<string, [number, number, number, EstimateBasis | BasisCode, 0 | 1, number | null]>;

/** A basis in one letter: a check-in's stored profile names one for each area, and one letter saves about an eighth of it. */
const BASIS_CODES = { prior: 'p', responses: 'r', direct: 'd', checkin: 'c' } as const satisfies Record<EstimateBasis, string>;
type BasisCode = (typeof BASIS_CODES)[EstimateBasis];
const BASIS_OF_CODE = Object.fromEntries(Object.entries(BASIS_CODES).map(([basis, code]) => [code, basis])) as Record<BasisCode, EstimateBasis>;

/** The basis a stored entry names, in either form. */
function basisOf(stored: EstimateBasis | BasisCode): EstimateBasis {
  return stored.length === 1 ? BASIS_OF_CODE[stored as BasisCode] : (stored as EstimateBasis);
}

/** The inputs beyond the request (JSON-ready); none for a plain recommendation. */
export interface Derivation {
  readonly profile?: StoredProfile;
  /** What joined the request in the input hash (e.g. the check-in and the previous input hash). */
  readonly extra?: unknown;
}

/** The stored form of an engine profile, keyed by area id so it reads the same whatever the area order. */
export function storeProfile(content: Content, profile: Profile): StoredProfile {
  const out: StoredProfile = {};
  indexContent(content).areas.forEach((area, a) => {
    const self = profile.selfReport[a]!;
    out[area.id] = [profile.mean[a]!, profile.estimate[a]!, profile.sd[a]!, BASIS_CODES[profile.basis[a]!], profile.notRelevant[a] ? 1 : 0, Number.isNaN(self) ? null : self];
  });
  return out;
}

/** The engine profile a stored one names; areas it lacks keep the request's own estimate. */
export function loadProfile(content: Content, request: RecommendationRequest, stored: StoredProfile): Profile {
  const p = estimateProfile(content, request);
  indexContent(content).areas.forEach((area, a) => {
    const e = stored[area.id];
    if (!e) return;
    p.mean[a] = e[0];
    p.estimate[a] = e[1];
    p.sd[a] = e[2];
    p.basis[a] = basisOf(e[3]);
    p.notRelevant[a] = e[4] === 1;
    p.selfReport[a] = e[5] ?? Number.NaN;
  });
  return p;
}

/** The response the engine gives for these inputs under `content` (recommend() when there is no derivation). */
export function derive(content: Content, request: RecommendationRequest, derivation: Derivation | null): RecommendationResponse {
  const profile = derivation?.profile ? loadProfile(content, request, derivation.profile) : estimateProfile(content, request);
  return recommendFromProfile(content, request, profile, derivation?.extra);
}

/**
 * The response's profile as derive() would report it, without planning: what a re-plan from the stored profile reads
 * (confidence, uncertainty, basis, self-report and estimate, rounded as the response rounds them; need is left 0).
 */
export function reportedProfile(content: Content, request: RecommendationRequest, stored: StoredProfile): RecommendationResponse['profile'] {
  const p = loadProfile(content, request, stored);
  return Object.fromEntries(
    indexContent(content).areas.map((area, a): [string, AreaEstimate] => {
      const self = p.selfReport[a]!;
      return [
        area.id,
        {
          confidence: round(p.mean[a]!),
          uncertainty: round(p.sd[a]!),
          need: 0,
          basis: p.basis[a]!,
          notRelevant: p.notRelevant[a]!,
          ...(Number.isNaN(self) ? {} : { selfReport: round(self) }),
          estimate: round(p.estimate[a]!),
        },
      ];
    }),
  );
}
