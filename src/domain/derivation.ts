// A stored pathway keeps the engine's inputs rather than its explained response: the request, and, when the profile
// is more than the request says (a check-in), that profile exactly plus the input-hash extra. derive() runs the same
// engine call on them, so under the same content it gives the same response, byte for byte. Pure.

import { indexContent } from './content-index.js';
import { round } from './numeric.js';
import { estimateProfile, type Profile } from './profile.js';
import { recommendFromProfile } from './recommend.js';
import type { Content, EstimateBasis, RecommendationRequest, RecommendationResponse } from './types.js';

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

type StoredEntry = StoredProfile[string];

/**
 * The stored form of an engine profile, keyed by area id so it reads the same whatever the area order. An area whose
 * entry is what loadProfile would carry forward from the request anyway (see carriedForward) is left out: a check-in
 * re-rates one or two areas, so most entries are, and leaving them out takes a check-in's stored profile from about
 * 1 KB to a few entries. loadProfile gives back exactly the profile stored, since an entry is left out only when it
 * is equal, to the bit, to the one carried forward.
 */
export function storeProfile(content: Content, request: RecommendationRequest, profile: Profile): StoredProfile {
  const own = estimateProfile(content, request);
  const out: StoredProfile = {};
  indexContent(content).areas.forEach((area, a) => {
    const self = profile.selfReport[a]!;
    const entry: StoredEntry = [profile.mean[a]!, profile.estimate[a]!, profile.sd[a]!, BASIS_CODES[profile.basis[a]!], profile.notRelevant[a] ? 1 : 0, Number.isNaN(self) ? null : self];
    if (!sameEntry(entry, carriedForward(own, a))) out[area.id] = entry;
  });
  return out;
}

/**
 * The entry an area takes when a stored profile leaves it out: the request's own estimate as a response reports it
 * (rounded as the response rounds), which is what a check-in carries forward for every area not re-rated since the
 * assessment. Profiles stored before entries were left out name every area.
 */
function carriedForward(own: Profile, a: number): StoredEntry {
  const sd = round(own.sd[a]!);
  const self = own.selfReport[a]!;
  return [round(own.mean[a]!), round(own.estimate[a]!), sd > 0 ? sd : own.sd[a]!, BASIS_CODES[own.basis[a]!], own.notRelevant[a] ? 1 : 0, Number.isNaN(self) ? null : round(self)];
}

function sameEntry(x: StoredEntry, y: StoredEntry): boolean {
  return x.every((v, i) => v === y[i]);
}

/** The engine profile a stored one names; areas it leaves out take the entry carried forward from the request. */
export function loadProfile(content: Content, request: RecommendationRequest, stored: StoredProfile): Profile {
  const p = estimateProfile(content, request);
  indexContent(content).areas.forEach((area, a) => {
    const e = stored[area.id] ?? carriedForward(p, a);
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
 * The profile a re-plan of a check-in pathway starts from: the stored profile as its response reports it (rounded
 * as the response rounds) read back by profileFromResponse (checkin.ts), which keeps the request's own estimate for
 * what a response does not carry: which areas are "not relevant", the uncertainty where it rounds to 0 and the
 * self-report where there is none. Worked out from the stored form directly, without building the response's profile.
 */
export function replanProfile(content: Content, request: RecommendationRequest, stored: StoredProfile): Profile {
  const p = estimateProfile(content, request);
  indexContent(content).areas.forEach((area, a) => {
    const [mean, estimate, sd, basis, , self] = stored[area.id] ?? carriedForward(p, a);
    p.mean[a] = round(mean);
    if (round(sd) > 0) p.sd[a] = round(sd);
    p.basis[a] = basisOf(basis);
    if (self !== null && !Number.isNaN(self)) p.selfReport[a] = round(self);
    p.estimate[a] = round(estimate);
  });
  return p;
}
