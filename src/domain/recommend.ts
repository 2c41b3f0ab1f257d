// The engine's entry point: request → profile → need → plan → explained, provenance-stamped response.
// Pure and deterministic: the same content and request give the same response, byte for byte.

import type { AreaEstimate, Content, PathwayStep, RecommendationRequest, RecommendationResponse } from './types.js';
import { indexContent } from './content-index.js';
import { explainStep } from './explain.js';
import { inputHash } from './hash.js';
import { computeNeedAndPriorities } from './need.js';
import { round4 } from './numeric.js';
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
  const priorityByArea: number[] = [];
  const need = computeNeedAndPriorities(content, request, profile, priorityByArea);
  const plan = planPathway(content, request, profile, need.importance);
  const ctx = { ix, phase: request.phase, priorities: request.priorities, profile, need, steps: plan.steps, priorityByArea };
  const steps: PathwayStep[] = [];
  for (let i = 0; i < plan.steps.length; i++) {
    const s = plan.steps[i]!;
    const mod = ix.modules[s.module]!;
    const ev = ix.evidence[s.module];
    const { reasons, explanation } = explainStep(ctx, i);
    const targets: PathwayStep['targets'][number][] = [];
    for (const g of s.gains) if (g.gain >= 0.00005) targets.push({ areaId: ix.areas[g.area]!.id, expectedGain: round4(g.gain) });
    steps.push({
      position: i + 1,
      moduleId: mod.id,
      title: mod.title,
      format: s.format,
      minutes: s.minutes,
      week: s.week,
      level: mod.level,
      targets,
      evidence: { strength: round4(ev?.strength ?? 0), sources: [...(ev?.sources ?? [])] },
      reasons,
      explanation,
    });
  }
  const out: Record<string, AreaEstimate> = {};
  const areas = ix.areas;
  for (let a = 0; a < areas.length; a++) {
    const estimate: { -readonly [K in keyof AreaEstimate]: AreaEstimate[K] } = {
      confidence: round4(profile.mean[a]!),
      uncertainty: round4(profile.sd[a]!),
      need: round4(need.need[a]!),
      basis: BASES[profile.basis[a]!] ?? 'prior',
      notRelevant: profile.notRelevant[a] === 1,
    };
    const self = profile.selfReport[a]!;
    if (!Number.isNaN(self)) estimate.selfReport = round4(self);
    out[areas[a]!.id] = estimate;
  }
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
