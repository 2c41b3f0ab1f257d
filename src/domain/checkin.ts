// Check-ins: after a module, the person re-rates areas; each re-rating shows back as given, areas they did not
// re-rate stay as they were, and the rest of the pathway is re-planned.

import type {
  CheckIn,
  CheckInResult,
  CompletedStep,
  Content,
  EffectObservation,
  RecommendationRequest,
  RecommendationResponse,
} from './types.js';
import { indexContent, type ContentIndex } from './content-index.js';
import { storeProfile } from './derivation.js';
import { headroomFactor, levelFit } from './gain.js';
import { DIRECT_NOISE_SD, estimateProfile, rerateArea, toInternal, type Profile } from './profile.js';
import { recommendFromProfile } from './recommend.js';
import { validateCheckInRefs } from './validate-refs.js';

/**
 * Record a check-in and re-plan. Returns (see CheckInResult in types.ts):
 * - `completed`: every completed module, first those in request.completedModuleIds, then this one;
 * - `request`: the request to keep — the module joins completedModuleIds and, if it was a step of `previous`,
 *   its minutes leave timeBudgetMinutes (never below 0); pass it with `response` to the next check-in;
 * - `response`: the re-planned remainder (positions from 1, weeks from 1 = the coming week) and the updated
 *   profile; provenance.inputHash covers the request, the check-in and previous.provenance.inputHash;
 * - `derivation`: the engine inputs beyond `request` (the profile planned from, the hash extra), so the response
 *   can be stored as its inputs and re-derived exactly (derivation.ts);
 * - `observations`: for each re-rated area the module targets, the estimate before the module and the
 *   re-rating after it, for population learning (learning.ts).
 * Profile update: the profile `previous` reported (falling back to the request's own estimate); each re-rated
 * area then shows the re-rating as given (basis "checkin"), with the uncertainty of both combined. Areas the
 * person did not re-rate keep what they had: nothing is assumed about a change they did not report.
 * Throws RangeError on ids validateCheckInRefs would reject.
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
  const alreadyDone = request.completedModuleIds.includes(checkin.moduleId);
  // A repeated check-in for a module already completed only re-rates: no new observations.
  const observations = alreadyDone ? [] : observationsFor(ix, m, profile, checkin);
  for (const [id, rating] of Object.entries(checkin.ratings).sort(([x], [y]) => (x < y ? -1 : 1))) {
    const a = ix.areaIndex.get(id)!;
    rerateArea(profile, a, toInternal(rating), DIRECT_NOISE_SD);
    profile.basis[a] = 'checkin';
  }

  const wasStep = previous.pathway.steps.some((s) => s.moduleId === checkin.moduleId);
  const next: RecommendationRequest = {
    ...request,
    completedModuleIds: alreadyDone ? request.completedModuleIds : [...request.completedModuleIds, checkin.moduleId],
    timeBudgetMinutes: wasStep && !alreadyDone ? Math.max(0, request.timeBudgetMinutes - ix.entries[m]!.minutes) : request.timeBudgetMinutes,
  };
  const completed: CompletedStep[] = [];
  for (const id of next.completedModuleIds) {
    const i = ix.moduleIndex.get(id);
    if (i === undefined || completed.some((c) => c.moduleId === id)) continue;
    const mod = ix.modules[i]!;
    completed.push({ status: 'completed', order: completed.length + 1, moduleId: id, title: mod.title, minutes: mod.minutes });
  }
  const extra = { checkin: { moduleId: checkin.moduleId, ratings: checkin.ratings }, previousInputHash: previous.provenance.inputHash };
  const derivation = { profile: storeProfile(content, next, profile), extra };
  const response = recommendFromProfile(content, next, profile, extra);
  return { completed, request: next, response, observations, derivation };
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
    if (e.basis) p.basis[a] = e.basis;
    if (e.selfReport !== undefined) p.selfReport[a] = e.selfReport;
    p.estimate[a] = e.estimate ?? e.confidence;
  });
  return p;
}

/** For each area module m targets that the person re-rated: the estimate before, the rating after. */
function observationsFor(ix: ContentIndex, m: number, before: Profile, checkin: CheckIn): EffectObservation[] {
  const entry = ix.entries[m]!;
  return entry.areas.flatMap(({ area, relevance }) => {
    const id = ix.areas[area]!.id;
    const rating = checkin.ratings[id];
    if (rating === undefined) return [];
    const c = before.estimate[area]!;
    return [{ moduleId: checkin.moduleId, areaId: id, relevance, levelFit: levelFit(entry.levelCode, c), headroom: headroomFactor(c), before: c, after: toInternal(rating) }];
  });
}
