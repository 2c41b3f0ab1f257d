// The engine's entry point: request → profile → need → plan → explained, provenance-stamped response.
// Pure and deterministic: the same content and request give the same response, byte for byte.

import type { AreaEstimate, Content, PathwayStep, RecommendationRequest, RecommendationResponse } from './types.js';
import { indexContent } from './content-index.js';
import { explainStep } from './explain.js';
import { inputHash } from './hash.js';
import { computeNeed } from './need.js';
import { round } from './numeric.js';
import { planPathway } from './planner.js';
import { BASES, estimateProfile, type Profile } from './profile.js';

export { validateRequestRefs, validateCheckInRefs, type RefError } from './validate-refs.js';

/** Version of the profile → need → planner → explanation algorithm; change it whenever outputs can change. */
export const ALGORITHM_VERSION = 'planner-1.0.0';

/**
 * Recommend a pathway (POST /v1/recommendations). Assumes the request passed schema validation and
 * validateRequestRefs (unknown ids are ignored here). Numbers are rounded to 4 decimals.
 */
export function recommend(content: Content, request: RecommendationRequest): RecommendationResponse {
  return recommendFromProfile(content, request, estimateProfile(content, request));
}

/**
 * Recommend from an already-estimated profile (used by check-ins and simulations). `hashExtra` joins the
 * request in the provenance inputHash when the profile depends on more than the request (e.g. a check-in).
 */
export function recommendFromProfile(
  content: Content,
  request: RecommendationRequest,
  profile: Profile,
  hashExtra?: unknown,
): RecommendationResponse {
  const ix = indexContent(content);
  const need = computeNeed(content, request, profile);
  const plan = planPathway(content, request, profile, need.importance);
  const ctx = { ix, phase: request.phase, priorities: request.priorities, profile, need, steps: plan.steps };
  const steps: PathwayStep[] = plan.steps.map((s, i) => {
    const mod = ix.modules[s.module]!;
    const ev = ix.evidence[s.module];
    const { reasons, explanation } = explainStep(ctx, i);
    return {
      position: i + 1,
      moduleId: mod.id,
      title: mod.title,
      format: s.format,
      minutes: s.minutes,
      week: s.week,
      level: mod.level,
      targets: s.gains
        .filter((g) => g.gain >= 0.00005)
        .map((g) => ({ areaId: ix.areas[g.area]!.id, expectedGain: round(g.gain) })),
      evidence: { strength: round(ev?.strength ?? 0), sources: [...(ev?.sources ?? [])] },
      reasons,
      explanation,
    };
  });
  const out: Record<string, AreaEstimate> = {};
  ix.areas.forEach((area, a) => {
    const self = profile.selfReport[a]!;
    out[area.id] = {
      confidence: round(profile.mean[a]!),
      uncertainty: round(profile.sd[a]!),
      need: round(need.need[a]!),
      basis: BASES[profile.basis[a]!] ?? 'prior',
      notRelevant: profile.notRelevant[a] === 1,
      ...(Number.isNaN(self) ? {} : { selfReport: round(self) }),
    };
  });
  return {
    pathway: { steps, totalMinutes: plan.totalMinutes },
    profile: out,
    provenance: {
      algorithmVersion: ALGORITHM_VERSION,
      catalogueVersion: content.catalogue.version,
      evidenceSetId: content.evidence.id,
      inputHash: inputHash(request, hashExtra),
    },
  };
}
