// Need per area: how much closing this person's confidence gap matters. The gap is the person's own (from their
// profile); the importance says how much their setting needs the area: the pupils' needs (with floors for
// low-incidence needs), the panel's area importance, the role, leader priorities and "not relevant".

import type { Content, RecommendationRequest } from './types.js';
import { indexContent } from './content-index.js';
import { clamp, expectedShortfall, shortfallSlopeCeiling } from './numeric.js';
import { NOT_RELEVANT_FACTOR, type Profile } from './profile.js';

/** "Secure" confidence on the internal scale: a rating of 4 ("confident") on the 1..5 scale. */
export const SECURE_TARGET = 0.75;
/** Weight of the remaining headroom to full confidence, beside the shortfall below SECURE_TARGET. */
export const HEADROOM_WEIGHT = 0.25;
/** Share of pupils that counts as "fully prevalent" (prevalence factor 1); smaller shares scale by √(share/ref). */
export const PREVALENCE_REFERENCE = 0.25;
/** Smallest prevalence factor, so a need that no pupil currently has does not drop to zero importance. */
export const MIN_PREVALENCE_FACTOR = 0.1;
/** Panel importance used for an area the evidence set does not weight. */
export const DEFAULT_AREA_IMPORTANCE = 0.5;
/**
 * How far importance is flattened before it weighs a gap: weight = importance ^ IMPORTANCE_EXPONENT. At 0.25 the
 * weights span a quarter of the raw importances' range in ratio terms: a low-incidence need the setting weighs at
 * 0.15 gets weight 0.62 beside a top priority's 1, so a full gap the person states there (gap ≈ 0.7 at the
 * planner's estimate) outweighs the small gap left on areas they answered 5 (≈ 0.12), whatever the priorities
 * (test/domain/single-gap.test.ts checks every area × role × phase). Importance still orders areas of equal gap.
 */
export const IMPORTANCE_EXPONENT = 0.25;

/**
 * Confidence gap in 0..1 for c ~ N(mean, sd²): (E[max(0, SECURE_TARGET − c)] + HEADROOM_WEIGHT·(1 − mean)) /
 * (SECURE_TARGET + HEADROOM_WEIGHT). 1 at certain zero confidence, ~0 at certain full confidence; for a
 * given mean it grows with sd, so an unsure estimate near the threshold still counts.
 */
export function confidenceGap(mean: number, sd: number): number {
  const m = Math.min(1, mean);
  const shortfall = expectedShortfall(m, sd, SECURE_TARGET);
  return clamp((shortfall + HEADROOM_WEIGHT * (1 - m)) / (SECURE_TARGET + HEADROOM_WEIGHT), 0, 1);
}

/**
 * The fastest confidenceGap(mean', sd) can fall per unit rise of mean', for any mean' ≥ mean (an upper bound:
 * the shortfall's slope ceiling plus the headroom term's, over the same scale).
 */
export function confidenceGapSlopeCeiling(mean: number, sd: number): number {
  return (shortfallSlopeCeiling(mean, sd, SECURE_TARGET) + HEADROOM_WEIGHT) / (SECURE_TARGET + HEADROOM_WEIGHT);
}

export interface Importance {
  /** 0..1 per area (taxonomy order): how much the setting needs the area. */
  readonly importance: number[];
  /** Share of pupils (0..1) with the area as primary need, NaN when it has no prevalence data (practice areas). */
  readonly prevalence: number[];
  /** Low-incidence floor applied to the share (0 when none); importance uses max(share, floor). */
  readonly floor: number[];
  /** True when the shares came from request.settingProfile rather than the national profile for the phase. */
  readonly fromSetting: boolean;
}

/**
 * Importance per area in 0..1: areaImportance × prevalence factor × role relevance, then raised toward 1 by a
 * priority p (0..3) as imp + (1 − imp)·p/3, then × NOT_RELEVANT_FACTOR where flagged. The prevalence factor is
 * clamp(√(max(share, floor) / PREVALENCE_REFERENCE), MIN_PREVALENCE_FACTOR, 1) for areas with census data
 * (shares looked up by area id, then census code) and 1 for practice areas.
 */
export function areaImportance(content: Content, request: RecommendationRequest, notRelevant?: readonly boolean[]): Importance {
  const ix = indexContent(content);
  const ev = content.evidence;
  const national = ev.prevalence.byPhase[request.phase] ?? {};
  const shares = request.settingProfile ?? national;
  const roleRelevance = ev.roleRelevance[request.role] ?? {};
  const out: Importance = { importance: [], prevalence: [], floor: [], fromSetting: request.settingProfile !== undefined };
  ix.areas.forEach((area, a) => {
    const code = area.censusCode;
    const floor = ev.prevalence.floors[area.id] ?? (code ? ev.prevalence.floors[code] : undefined);
    const hasCensusData = area.group !== 'practice' && (code !== undefined || floor !== undefined || area.id in national || area.id in shares);
    let prevalenceFactor = 1;
    let share = NaN;
    if (hasCensusData) {
      share = shares[area.id] ?? (code ? shares[code] : undefined) ?? 0;
      prevalenceFactor = clamp(Math.sqrt(Math.max(share, floor ?? 0) / PREVALENCE_REFERENCE), MIN_PREVALENCE_FACTOR, 1);
    }
    let imp = clamp(ev.areaImportance[area.id] ?? DEFAULT_AREA_IMPORTANCE, 0, 1) * prevalenceFactor * clamp(roleRelevance[area.id] ?? 1, 0, 1);
    const priority = request.priorities[area.id];
    if (priority !== undefined) imp += (1 - imp) * (clamp(priority, 0, 3) / 3);
    if (notRelevant?.[a]) imp *= NOT_RELEVANT_FACTOR;
    out.importance.push(imp);
    out.prevalence.push(share);
    out.floor.push(hasCensusData ? (floor ?? 0) : 0);
  });
  return out;
}

export interface Need extends Importance {
  /** confidenceGap per area, 0..1. */
  readonly gap: number[];
  /** The weight a gap carries in planning: importance ^ IMPORTANCE_EXPONENT, 0..1. */
  readonly weight: number[];
  /** weight × gap, 0..1. */
  readonly need: number[];
}

/**
 * Gap, planning weight and need per area for a person's profile. An area the person marked "not relevant" keeps
 * NOT_RELEVANT_FACTOR of its importance and of its planning weight (the factor applies after flattening).
 */
export function computeNeed(content: Content, request: RecommendationRequest, profile: Profile): Need {
  const setting = areaImportance(content, request);
  const importance = setting.importance.map((imp, a) => imp * notRelevantFactor(profile, a));
  const gap = profile.estimate.map((m, a) => confidenceGap(m, profile.sd[a]!));
  const weight = setting.importance.map((imp, a) => planningWeight(imp) * notRelevantFactor(profile, a));
  const need = gap.map((g, a) => weight[a]! * g);
  return { importance, prevalence: setting.prevalence, floor: setting.floor, fromSetting: setting.fromSetting, gap, weight, need };
}

function notRelevantFactor(profile: Profile, a: number): number {
  return profile.notRelevant[a] ? NOT_RELEVANT_FACTOR : 1;
}

/** importance ^ IMPORTANCE_EXPONENT (0 stays 0). */
export function planningWeight(importance: number): number {
  return importance > 0 ? importance ** IMPORTANCE_EXPONENT : 0;
}
