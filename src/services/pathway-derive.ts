// Re-derives a pathway stored as its inputs: the engine runs on the stored request and derivation under the evidence
// set, catalogue (with the organisation's own modules at the stored version) and algorithm that made it, which gives
// the original response byte for byte. When this service no longer runs those versions (the algorithm or the shipped
// catalogue changed, or the set is gone), the same inputs are re-planned under the set in force and the versions
// it runs; the response's provenance then names what made it.
import { derive } from '../domain/derivation.js';
import { ALGORITHM_VERSION } from '../domain/recommend.js';
import type { PathwayInputsRecord, Rederive } from '../repos/pathways.js';
import { evidenceInForce, issuedEvidence } from './evidence-cache.js';
import { catalogueAtVersion } from './local-content.js';
import type { Deps } from './deps.js';

/** A re-deriver for the request's context. */
export function rederiver(deps: Deps): Rederive {
  return async (p: PathwayInputsRecord) => {
    const set = (await issuedEvidence(deps, p.evidenceSetId)) ?? (await evidenceInForce(deps));
    const exact = p.algorithmVersion === ALGORITHM_VERSION ? await catalogueAtVersion(deps, set.content, p.catalogueVersion) : null;
    return derive(exact?.content ?? set.content, p.request, p.derivation);
  };
}
