// Need per area: how much closing this person's confidence gap matters, weighted by the setting's pupil-need
// profile (with floors), the panel's area importance, role relevance, leader priorities and "not relevant".

import type { Content, RecommendationRequest } from './types.js';
import { PHASES, ROLES } from './types.js';
import { indexContent } from './content-index.js';
import { arenaFor, clamp, expectedShortfall, shortfallUnitSlopeCeiling } from './numeric.js';
import { NOT_RELEVANT_FACTOR, type Profile } from './profile.js';

/** "Secure" confidence on the internal scale: a rating of 4 ("confident") on the 1..5 scale. */
export const SECURE_TARGET = 0.75;
/** Weight of the remaining headroom to full confidence, beside the shortfall below SECURE_TARGET. */
export const HEADROOM_WEIGHT = 0.25;
/** Share of pupils that counts as "fully prevalent" (prevalence factor 1); smaller shares scale by √(share/ref). */
export const PREVALENCE_REFERENCE = 0.25;
/** Smallest prevalence factor, so a need no pupil currently has never drops to zero importance. */
export const MIN_PREVALENCE_FACTOR = 0.1;
/** Panel importance used for an area the evidence set does not weight. */
export const DEFAULT_AREA_IMPORTANCE = 0.5;

/**
 * Confidence gap in 0..1 for c ~ N(mean, sd²): (E[max(0, SECURE_TARGET − c)] + HEADROOM_WEIGHT·(1 − mean)) /
 * (SECURE_TARGET + HEADROOM_WEIGHT). 1 at certain zero confidence, ~0 at certain full confidence; for a
 * given mean it grows with sd, so an unsure estimate near the threshold still counts.
 */
export function confidenceGap(mean: number, sd: number): number {
  const m = mean > 1 ? 1 : mean;
  const es = expectedShortfall(m, sd, SECURE_TARGET);
  return clamp((es + HEADROOM_WEIGHT * (1 - m)) / (SECURE_TARGET + HEADROOM_WEIGHT), 0, 1);
}

/**
 * An upper bound on |confidenceGap(x, sd) − confidenceGap(y, sd)| / |x − y| for all x, y ≥ mean (up to
 * rounding): how fast the gap can still close from here. Non-increasing in mean. The planner uses it to bound
 * a bundle's value without evaluating it.
 */
export function confidenceGapSlopeCeiling(mean: number, sd: number): number {
  const m = mean > 1 ? 1 : mean;
  const es = sd <= 1e-9 ? 1 : shortfallUnitSlopeCeiling((SECURE_TARGET - m) / sd);
  return (es + HEADROOM_WEIGHT) * INV_GAP_SCALE;
}

// 1 / (SECURE_TARGET + HEADROOM_WEIGHT), rounded up a little so multiplying by it never undercuts the division.
const INV_GAP_SCALE = (1 / (SECURE_TARGET + HEADROOM_WEIGHT)) * (1 + 1e-15);

export interface Importance {
  /** 0..1 per area (taxonomy order). */
  readonly importance: Float64Array;
  /** Share of pupils (0..1) with the area as primary need, NaN when it has no prevalence data (practice areas). Shared between calls: read only. */
  readonly prevalence: Float64Array;
  /** Low-incidence floor applied to the share (0 when none); importance uses max(share, floor). Read only. */
  readonly floor: Float64Array;
  /** True when the shares came from request.settingProfile rather than the national profile for the phase. */
  readonly fromSetting: boolean;
}

/**
 * Importance per area in 0..1: areaImportance × prevalence factor × role relevance, then raised toward 1 by a
 * priority p (0..3) as imp + (1 − imp)·p/3, then × NOT_RELEVANT_FACTOR where flagged. The prevalence factor is
 * clamp(√(max(share, floor) / PREVALENCE_REFERENCE), MIN_PREVALENCE_FACTOR, 1) for areas with census data
 * (shares looked up by area id, then census code) and 1 for practice areas.
 */
export function areaImportance(
  content: Content,
  request: RecommendationRequest,
  notRelevant?: Uint8Array,
): Importance {
  const A = indexContent(content).areas.length;
  return importanceInto(content, request, notRelevant, new Float64Array(A));
}

/**
 * areaImportance, writing the importance into `importance` (one entry per area) and, when given,
 * `priorities[area id] ?? 0` into `priorityOut`.
 */
function importanceInto(
  content: Content,
  request: RecommendationRequest,
  notRelevant: Uint8Array | undefined,
  importance: Float64Array,
  priorityOut?: number[],
): Importance {
  const base = baseImportance(content, request);
  const ix = indexContent(content);
  const A = ix.areas.length;
  const baseImp = base.importance;
  const priorities = request.priorities;
  for (let a = 0; a < A; a++) {
    let imp = baseImp[a]!;
    const p = priorities[ix.areas[a]!.id];
    if (priorityOut) priorityOut.push(p ?? 0);
    if (p !== undefined) imp += (1 - imp) * (clamp(p, 0, 3) / 3);
    if (notRelevant?.[a]) imp *= NOT_RELEVANT_FACTOR;
    importance[a] = imp;
  }
  return { importance, prevalence: base.prevalence, floor: base.floor, fromSetting: base.fromSetting };
}

// Importance before priorities and "not relevant", cached per content, role and phase for the national profile
// (by role × phase index; by "role|phase" for a role or phase outside the enumerations).
const baseCache = new WeakMap<Content, { byIndex: (Importance | undefined)[]; byKey: Map<string, Importance> }>();

function baseImportance(content: Content, request: RecommendationRequest): Importance {
  if (request.settingProfile !== undefined) return computeBase(content, request);
  let cache = baseCache.get(content);
  if (!cache) baseCache.set(content, (cache = { byIndex: [], byKey: new Map() }));
  const r = ROLES.indexOf(request.role);
  const p = PHASES.indexOf(request.phase);
  if (r >= 0 && p >= 0) {
    const i = r * PHASES.length + p;
    return (cache.byIndex[i] ??= computeBase(content, request));
  }
  const key = `${request.role}|${request.phase}`;
  let hit = cache.byKey.get(key);
  if (!hit) cache.byKey.set(key, (hit = computeBase(content, request)));
  return hit;
}

function computeBase(content: Content, request: RecommendationRequest): Importance {
  const ix = indexContent(content);
  const ev = content.evidence;
  const national = ev.prevalence.byPhase[request.phase] ?? {};
  const shares = request.settingProfile ?? national;
  const A = ix.areas.length;
  const importance = new Float64Array(A);
  const prevalence = new Float64Array(A).fill(NaN);
  const floors = new Float64Array(A);
  const roleRel = ev.roleRelevance[request.role] ?? {};
  for (let a = 0; a < A; a++) {
    const area = ix.areas[a]!;
    const code = area.censusCode;
    const floor = ev.prevalence.floors[area.id] ?? (code ? ev.prevalence.floors[code] : undefined);
    const isCensusArea =
      area.group !== 'practice' &&
      (code !== undefined || floor !== undefined || area.id in national || area.id in shares);
    let prevFactor = 1;
    if (isCensusArea) {
      const share = shares[area.id] ?? (code ? shares[code] : undefined) ?? 0;
      const used = Math.max(share, floor ?? 0);
      prevalence[a] = share;
      floors[a] = floor ?? 0;
      prevFactor = clamp(Math.sqrt(used / PREVALENCE_REFERENCE), MIN_PREVALENCE_FACTOR, 1);
    }
    const imp = clamp(ev.areaImportance[area.id] ?? DEFAULT_AREA_IMPORTANCE, 0, 1) * prevFactor;
    importance[a] = imp * clamp(roleRel[area.id] ?? 1, 0, 1);
  }
  return { importance, prevalence, floor: floors, fromSetting: request.settingProfile !== undefined };
}

export interface Need extends Importance {
  /** confidenceGap per area, 0..1. */
  readonly gap: Float64Array;
  /** importance × gap, 0..1. */
  readonly need: Float64Array;
}

/** Need per area in 0..1 = importance × confidenceGap(posterior). */
export function computeNeed(content: Content, request: RecommendationRequest, profile: Profile): Need {
  return computeNeedAndPriorities(content, request, profile);
}

/**
 * computeNeed; when `priorityOut` is given, also pushes `request.priorities[area id] ?? 0` for each area onto it
 * (looked up once, for the explanations).
 */
export function computeNeedAndPriorities(content: Content, request: RecommendationRequest, profile: Profile, priorityOut?: number[]): Need {
  const ix = indexContent(content);
  const A = ix.areas.length;
  const arena = arenaFor(ix);
  const imp = importanceInto(content, request, profile.notRelevant, arena.float64(A), priorityOut);
  const gap = arena.float64(A);
  const need = arena.float64(A);
  const importance = imp.importance;
  const { mean, sd } = profile;
  for (let a = 0; a < A; a++) {
    gap[a] = confidenceGap(mean[a]!, sd[a]!);
    need[a] = importance[a]! * gap[a]!;
  }
  return { importance, prevalence: imp.prevalence, floor: imp.floor, fromSetting: imp.fromSetting, gap, need };
}
