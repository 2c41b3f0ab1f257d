// Check-ins: after a module, the person re-rates areas; the profile takes the module's expected effect as a
// prediction step and the re-ratings as new observations, and the rest of the pathway is re-planned.

import type {
  CheckIn,
  CheckInResult,
  CompletedStep,
  Content,
  EffectObservation,
  RecommendationRequest,
  RecommendationResponse,
} from './types.js';
import { indexContent } from './content-index.js';
import { gainFactor, headroomFactor, levelFit } from './gain.js';
import { BASES, DIRECT_NOISE_SD, estimateProfile, observeArea, toInternal, type Profile } from './profile.js';
import { recommendFromProfile } from './recommend.js';
import { validateCheckInRefs } from './validate-refs.js';

/** Relative sd of a module's real effect around its expected gain, added as process noise when predicting. */
export const EFFECT_UNCERTAINTY = 0.5;

/**
 * Record a check-in and re-plan. Returns (see CheckInResult in types.ts):
 * - `completed`: every completed module, first those in request.completedModuleIds, then this one;
 * - `request`: the request to keep — the module joins completedModuleIds and, if it was a step of `previous`,
 *   its minutes leave timeBudgetMinutes (never below 0); pass it with `response` to the next check-in;
 * - `response`: the re-planned remainder (positions from 1, weeks from 1 = the coming week) and the updated
 *   profile; provenance.inputHash covers the request, the check-in and previous.provenance.inputHash;
 * - `observations`: for each re-rated area the module targets, the posterior mean before the module and the
 *   re-rating after it, for population learning (learning.ts).
 * Profile update per area: prior = previous.profile (falling back to the request's profile); the module's
 * expected gain g = expectedImpact·strengthFactor·relevance·levelFit·headroom is added to the mean and
 * (EFFECT_UNCERTAINTY·g)² to the variance; each rating r then updates the area as an observation (r−1)/4 with
 * noise DIRECT_NOISE_SD. Throws RangeError on ids validateCheckInRefs would reject.
 */
export function checkIn(
  content: Content,
  request: RecommendationRequest,
  previous: RecommendationResponse,
  checkin: CheckIn,
): CheckInResult {
  const problems = validateCheckInRefs(content, checkin);
  if (problems.length) throw new RangeError(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const ix = indexContent(content);
  const m = ix.moduleIndex.get(checkin.moduleId)!;
  const profile = profileFromResponse(content, request, previous);

  const observations: EffectObservation[] = [];
  const g0 = ix.baseGain[m]!;
  const lv = ix.levelCode[m]!;
  const alreadyDone = request.completedModuleIds.includes(checkin.moduleId);
  // A repeated check-in for a module already completed only re-rates: no second effect, no new observations.
  for (let k = ix.modOffset[m]!; k < (alreadyDone ? ix.modOffset[m]! : ix.modOffset[m + 1]!); k++) {
    const a = ix.modArea[k]!;
    const rel = ix.modRelevance[k]!;
    const c = profile.mean[a]!;
    const fit = levelFit(lv, c);
    const id = ix.areas[a]!.id;
    const rating = checkin.ratings[id];
    if (rating !== undefined) {
      observations.push({ moduleId: checkin.moduleId, areaId: id, relevance: rel, levelFit: fit, headroom: headroomFactor(c), before: c, after: toInternal(rating) });
    }
    const g = g0 * rel * gainFactor(lv, c);
    profile.mean[a] = profile.mean[a]! + g;
    profile.sd[a] = Math.sqrt(profile.sd[a]! ** 2 + (EFFECT_UNCERTAINTY * g) ** 2);
  }
  for (const [id, rating] of Object.entries(checkin.ratings).sort(([x], [y]) => (x < y ? -1 : 1))) {
    const a = ix.areaIndex.get(id)!;
    const y = toInternal(rating);
    observeArea(profile, a, y, DIRECT_NOISE_SD);
    profile.basis[a] = BASES.indexOf('checkin');
    profile.selfReport[a] = y;
  }

  const wasStep = previous.pathway.steps.some((s) => s.moduleId === checkin.moduleId);
  const next: RecommendationRequest = {
    ...request,
    completedModuleIds: alreadyDone ? request.completedModuleIds : [...request.completedModuleIds, checkin.moduleId],
    timeBudgetMinutes: wasStep && !alreadyDone ? Math.max(0, request.timeBudgetMinutes - ix.minutes[m]!) : request.timeBudgetMinutes,
  };
  const completed: CompletedStep[] = [];
  for (const id of next.completedModuleIds) {
    const i = ix.moduleIndex.get(id);
    if (i === undefined || completed.some((c) => c.moduleId === id)) continue;
    const mod = ix.modules[i]!;
    completed.push({ status: 'completed', order: completed.length + 1, moduleId: id, title: mod.title, minutes: mod.minutes });
  }
  const response = recommendFromProfile(content, next, profile, {
    checkin: { moduleId: checkin.moduleId, ratings: checkin.ratings },
    previousInputHash: previous.provenance.inputHash,
  });
  return { completed, request: next, response, observations };
}

/**
 * The posterior a previous response reported: its confidence/uncertainty (and basis, selfReport) per area,
 * with the request's own estimate filling anything missing. Not-relevant flags always come from the request.
 */
export function profileFromResponse(content: Content, request: RecommendationRequest, previous: RecommendationResponse): Profile {
  const ix = indexContent(content);
  const p = estimateProfile(content, request);
  ix.areas.forEach((area, a) => {
    const e = previous.profile[area.id];
    if (!e) return;
    p.mean[a] = e.confidence;
    if (e.uncertainty > 0) p.sd[a] = e.uncertainty;
    if (e.basis) p.basis[a] = BASES.indexOf(e.basis);
    if (e.selfReport !== undefined) p.selfReport[a] = e.selfReport;
  });
  return p;
}
