// The engine's entry point: request → profile → need → plan → explained, provenance-stamped response.
// Pure and deterministic: the same content and request give the same response, byte for byte.

import type { AreaEstimate, Content, PathwayStep, RecommendationRequest, RecommendationResponse } from './types.js';
import { indexContent, type ContentIndex } from './content-index.js';
import { explainStep } from './explain.js';
import { inputHash } from './hash.js';
import { computeNeed, type Need } from './need.js';
import { round } from './numeric.js';
import { explorationReason, explorationReport, explorePlan, seedFromHash } from './explore.js';
import { estimateProfile, type Profile } from './profile.js';

export { validateRequestRefs, validateCheckInRefs } from './validate-refs.js';

/** Version of the profile → need → planner → explanation algorithm; change it whenever outputs can change. */
export const ALGORITHM_VERSION = 'planner-2.0.0';

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
  const { need, hash, explored } = planned(content, request, profile, hashExtra);
  const plan = explored.plan;
  const ctx = { ix, phase: request.phase, priorities: request.priorities, profile, need, steps: plan.steps };
  const steps = plan.steps.map((s, i): PathwayStep => {
    const ev = ix.entries[s.module]!.evidence;
    const { reasons, explanation } = explained(explainStep(ctx, i), explorationReason(content, ix, explored, s.module));
    return {
      position: i + 1,
      moduleId: ix.modules[s.module]!.id,
      title: ix.modules[s.module]!.title,
      format: s.format,
      minutes: s.minutes,
      week: s.week,
      level: ix.modules[s.module]!.level,
      targets: s.gains.filter((g) => g.gain >= 0.00005).map((g) => ({ areaId: ix.areas[g.area]!.id, expectedGain: round(g.gain) })),
      evidence: { strength: round(ev?.strength ?? 0), sources: [...(ev?.sources ?? [])] },
      reasons,
      explanation,
    };
  });
  const exploration = explorationReport(ix, explored);
  return {
    pathway: { steps, totalMinutes: plan.totalMinutes },
    profile: shownProfile(ix, profile, need),
    provenance: provenanceOf(content, hash),
    ...(exploration ? { exploration } : {}),
  };
}

/** What a stored plan keeps: module ids in step order, total minutes and the provenance. */
export interface PlanOnly {
  readonly moduleIds: readonly string[];
  readonly totalMinutes: number;
  readonly provenance: RecommendationResponse['provenance'];
}

/**
 * The plan recommendFromProfile would explain, without the explanations or the rest of the response: the same
 * module ids, minutes and provenance. Re-planning every stored pathway after a publish needs only these (a
 * pathway's response is re-derived from its stored inputs when it is read).
 */
export function planOnlyFromProfile(content: Content, request: RecommendationRequest, profile: Profile, hashExtra?: unknown): PlanOnly {
  const ix = indexContent(content);
  const { hash, explored } = planned(content, request, profile, hashExtra);
  return {
    moduleIds: explored.plan.steps.map((s) => ix.modules[s.module]!.id),
    totalMinutes: explored.plan.totalMinutes,
    provenance: provenanceOf(content, hash),
  };
}

/** Need, input hash and the (possibly exploring) plan for a profile: what every recommendation starts from. */
function planned(content: Content, request: RecommendationRequest, profile: Profile, hashExtra: unknown) {
  const need = computeNeed(content, request, profile);
  const hash = inputHash(request, hashExtra);
  // Bounded exploration (explore.ts): the greedy plan unless the evidence set explores; seeded by the input hash.
  const explored = explorePlan(content, request, profile, need.weight, seedFromHash(hash));
  return { need, hash, explored };
}

function provenanceOf(content: Content, hash: string): RecommendationResponse['provenance'] {
  return { algorithmVersion: ALGORITHM_VERSION, catalogueVersion: content.catalogue.version, evidenceSetId: content.evidence.id, inputHash: hash };
}

/** A step's reasons and explanation, with the plain-words note when it was chosen partly to learn. */
function explained(e: Pick<PathwayStep, 'reasons' | 'explanation'>, learning: ReturnType<typeof explorationReason>): Pick<PathwayStep, 'reasons' | 'explanation'> {
  return learning ? { reasons: [...e.reasons, learning.reason], explanation: `${e.explanation} ${learning.sentence}` } : e;
}

/** The response's profile: each area's estimate by area id, in taxonomy order. */
function shownProfile(ix: ContentIndex, profile: Profile, need: Need): Record<string, AreaEstimate> {
  const shown: Record<string, AreaEstimate> = {};
  ix.areas.forEach((area, a) => (shown[area.id] = areaEstimate(profile, need, a)));
  return shown;
}

/** One area of the response's profile: the estimate, its uncertainty beside it, the need, and where it comes from. */
function areaEstimate(profile: Profile, need: Need, a: number): AreaEstimate {
  const self = profile.selfReport[a]!;
  const area: { -readonly [K in keyof AreaEstimate]: AreaEstimate[K] } = {
    confidence: round(profile.mean[a]!),
    uncertainty: round(profile.sd[a]!),
    need: round(need.need[a]!),
    basis: profile.basis[a]!,
    notRelevant: profile.notRelevant[a]!,
  };
  if (!Number.isNaN(self)) area.selfReport = round(self);
  area.estimate = round(profile.estimate[a]!);
  return area;
}
