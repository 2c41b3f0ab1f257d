// The simulated world for scripts/simulate.ts: true module effects (differing from the panel's ratings), the
// world's own learning dynamic, and staff with true competence, biased and noisy self-reports and real settings.
// Nothing here is visible to the engine except what a real person would type into a request. World variants
// change how competence spreads between areas, how biased self-reports are, how far the panel's effects are from
// the truth, how gains grow with a module's length and how much they depend on level fit.

import type { Content, Format, Phase, RecommendationRequest, Role } from '../../src/domain/types.js';
import { indexContent, type ContentIndex } from '../../src/domain/content-index.js';
import { areaImportance, DEFAULT_AREA_IMPORTANCE, MIN_PREVALENCE_FACTOR } from '../../src/domain/need.js';
import { eligibleModules } from '../../src/domain/eligibility.js';
import { priorFor } from '../../src/domain/profile.js';
import type { Rng } from '../../src/domain/rng.js';

const LOW_INCIDENCE_SHARE = 0.03;

export interface World {
  readonly name: string;
  /** Sd of the area-specific part of competence on the logit scale. */
  readonly spread: number;
  /** Self-report bias: sd between people, and how much more the less competent over-rate. */
  readonly biasSd: number;
  readonly biasSlope: number;
  /** Panel error: the true effect's log-normal sd at evidence strength 0 (falls by 0.07 per padlock), and whether weak evidence is over-rated. */
  readonly effectSd: number;
  readonly overRated: boolean;
  /** True effect ∝ (minutes / 45) ^ lengthPower beside the panel's rating (0: the panel has length right). */
  readonly lengthPower: number;
  /** 1 = the world's level fit as drawn; above 1 sharper (a mismatched level helps less), below 1 flatter. */
  readonly levelSharpness: number;
  /** Mean number of modules completed before (Poisson, at most 4). */
  readonly priorTraining: number;
}

export const WORLDS: readonly World[] = [
  { name: 'A. as drawn', spread: 0.6, biasSd: 0.08, biasSlope: 0.2, effectSd: 0.65, overRated: true, lengthPower: 0, levelSharpness: 1, priorTraining: 1.2 },
  { name: 'B. narrow spread, weak bias, panel close, gains less than linear in length, flat level fit', spread: 0.3, biasSd: 0.04, biasSlope: 0.1, effectSd: 0.3, overRated: false, lengthPower: -0.3, levelSharpness: 0.6, priorTraining: 1.2 },
  { name: 'C. wide spread, strong bias, panel far, gains more than linear in length, sharp level fit', spread: 1.0, biasSd: 0.15, biasSlope: 0.35, effectSd: 0.9, overRated: true, lengthPower: 0.3, levelSharpness: 1.6, priorTraining: 1.2 },
];

/** What is really true about the catalogue in this world. */
export interface Truth {
  readonly ix: ContentIndex;
  readonly world: World;
  /** Effect per module: rise on a fully relevant area at the right level and competence 0.5. */
  readonly theta: number[];
  /** Relevance per module and area, parallel to ix.entries[m].areas. */
  readonly relevance: number[][];
}

/** (minutes / 45) ^ lengthPower: how the world's effects depart from the panel's with a module's length. */
export function lengthFactor(world: World, minutes: number): number {
  return (minutes / 45) ** world.lengthPower;
}

/**
 * True effects: the panel's expectedImpact × the world's length factor × a log-normal multiplier whose spread
 * grows as evidence weakens (sd effectSd − 0.07 × strength) and, where `overRated`, whose median falls with weaker
 * evidence (0.6 + 0.08 × strength). Relevances get ±25% log-normal error.
 */
export function makeTruth(content: Content, world: World, rng: Rng): Truth {
  const ix = indexContent(content);
  const theta = ix.entries.map((e) => {
    const s = e.evidence?.strength ?? 0;
    const median = world.overRated ? 0.6 + 0.08 * s : 1;
    const sd = Math.max(0.05, world.effectSd - 0.07 * s);
    return (e.evidence?.expectedImpact ?? 0) * lengthFactor(world, e.minutes) * median * Math.exp(sd * rng.normal());
  });
  const relevance = ix.entries.map((e) => e.areas.map((r) => Math.min(1, r.relevance * Math.exp(0.25 * rng.normal()))));
  return { ix, world, theta, relevance };
}

/**
 * What the panel's ratings would be worth if the world's dynamics (level fit, length, headroom) were known:
 * expectedImpact × length factor, panel relevances. The informed oracle plans with this.
 */
export function panelTruth(content: Content, truth: Truth): Truth {
  const ix = indexContent(content);
  return {
    ...truth,
    theta: ix.entries.map((e) => (e.evidence?.expectedImpact ?? 0) * lengthFactor(truth.world, e.minutes)),
    relevance: ix.entries.map((e) => e.areas.map((r) => r.relevance)),
  };
}

function smoothstep(lo: number, hi: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - lo) / (hi - lo)));
  return t * t * (3 - 2 * t);
}

/** The world's own level fit (not the engine's): how much of a module's effect lands at true competence c. */
export function trueLevelFit(levelCode: number, c: number, sharpness = 1): number {
  let fit: number;
  if (levelCode === 0) fit = 1 - 0.75 * smoothstep(0.35, 0.85, c);
  else if (levelCode === 2) fit = 0.2 + 0.8 * smoothstep(0.25, 0.7, c);
  else fit = 0.3 + 0.7 * Math.exp(-(((c - 0.5) / 0.28) ** 2));
  return fit ** sharpness;
}

/**
 * Apply module m to competence `c` in place (the gain is proportional to remaining headroom 1 − c). `scale` is
 * the person's learning rate × their response to this module (1 for the expected person).
 */
export function applyTrue(t: Truth, m: number, c: Float64Array, scale: number): void {
  const entry = t.ix.entries[m]!;
  entry.areas.forEach(({ area }, k) => {
    const before = c[area]!;
    const gain = t.theta[m]! * t.relevance[m]![k]! * trueLevelFit(entry.levelCode, before, t.world.levelSharpness) * ((1 - before) / 0.5) * scale;
    c[area] = Math.min(1, before + Math.max(0, gain));
  });
}

/** One simulated member of staff. */
export interface Person {
  readonly role: Role;
  readonly phase: Phase;
  readonly formats: readonly Format[];
  /** True competence per area, 0..1. */
  readonly competence: Float64Array;
  /** True importance of each area in their setting (the metric's weights). */
  readonly weights: Float64Array;
  /** True share of pupils by primary need in their setting. */
  readonly shares: Readonly<Record<string, number>>;
  /** The setting profile a leader entered (30% of people), else undefined. */
  readonly settingProfile: Readonly<Record<string, number>> | undefined;
  /** 1 where the setting has no pupils with this low-incidence need this year. */
  readonly noPupils: Uint8Array;
  /** Self-report bias on the 0..1 scale (over-confidence > 0). */
  readonly bias: number;
  /** Learning rate multiplier. */
  readonly rate: number;
  /** Per-module response multiplier (same draw whichever policy assigns the module). */
  readonly response: Float64Array;
  /** Seed for this person's self-report noise, so every policy sees the same answers. */
  readonly noiseSeed: number;
  /** Modules completed before the simulation (already reflected in `competence`), in order. */
  readonly completed: readonly string[];
}

const ROLE_MIX: readonly [Role, number][] = [
  ['teacher', 0.45],
  ['teaching_assistant', 0.28],
  ['senco', 0.05],
  ['leader', 0.07],
  ['early_years_practitioner', 0.09],
  ['fe_lecturer', 0.04],
  ['learning_support', 0.02],
];
const SCHOOL_PHASES: readonly [Phase, number][] = [
  ['primary', 0.5],
  ['secondary', 0.36],
  ['special', 0.1],
  ['alternative_provision', 0.04],
];
const FORMAT_MIX: readonly [readonly Format[], number][] = [
  [['online'], 0.55],
  [['online', 'in_person'], 0.3],
  [['in_house', 'online', 'in_person'], 0.15],
];

function pick<T>(rng: Rng, mix: readonly (readonly [T, number])[]): T {
  let u = rng.next();
  for (const [v, p] of mix) {
    if (u < p) return v;
    u -= p;
  }
  return mix[mix.length - 1]![0];
}

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** The setting: shares varying around the national profile; half of settings have no pupils with a given low-incidence need. */
function drawSetting(content: Content, phase: Phase, rng: Rng): { shares: Record<string, number>; noPupils: Uint8Array } {
  const ix = indexContent(content);
  const national = content.evidence.prevalence.byPhase[phase] ?? {};
  const noPupils = new Uint8Array(ix.areas.length);
  const shares: Record<string, number> = {};
  let nationalTotal = 0;
  let rawTotal = 0;
  ix.areas.forEach((area, a) => {
    const share = national[area.id];
    if (share === undefined) return;
    nationalTotal += share;
    if (share < LOW_INCIDENCE_SHARE && rng.next() < 0.5) noPupils[a] = 1;
    shares[area.id] = noPupils[a] ? 0 : share * Math.exp(0.35 * rng.normal());
    rawTotal += shares[area.id]!;
  });
  for (const id of Object.keys(shares)) shares[id] = rawTotal > 0 ? (shares[id]! * nationalTotal) / rawTotal : 0;
  return { shares, noPupils };
}

/**
 * A person: role and phase from a workforce-like mix; true competence logistic(role/phase prior + area offset +
 * general ability (sd 0.5) + area-specific ability (sd world.spread)) with low-incidence areas harder; some
 * earlier training (whose true effect is already in their competence); a setting; self-report bias
 * N(0.03, biasSd) minus biasSlope × (own mean competence − 0.5) (the less competent over-rate more).
 */
export function makePerson(content: Content, truth: Truth, rng: Rng): Person {
  const ix = indexContent(content);
  const world = truth.world;
  const role = pick(rng, ROLE_MIX);
  const phase: Phase = role === 'early_years_practitioner' ? 'early_years' : role === 'fe_lecturer' ? 'post16' : pick(rng, SCHOOL_PHASES);
  const formats = pick(rng, FORMAT_MIX);
  const national = content.evidence.prevalence.byPhase[phase] ?? {};
  const alpha = logit(priorFor(content.evidence, role, phase).mean);
  const general = 0.5 * rng.normal();
  const { shares, noPupils } = drawSetting(content, phase, rng);
  const competence = Float64Array.from(ix.areas, (area) => {
    let offset = area.group === 'practice' ? 0.3 : 0;
    if ((national[area.id] ?? 1) < LOW_INCIDENCE_SHARE) offset = -0.6;
    if (area.id === 'assistive-technology') offset = -0.2;
    return logistic(alpha + offset + general + world.spread * rng.normal());
  });
  const settingProfile = rng.next() < 0.3 ? shares : undefined;
  const truthReq: RecommendationRequest = {
    role, phase, responses: [], confidence: {}, completedModuleIds: [], timeBudgetMinutes: 0, weeklyMinutes: 60, formats, priorities: {}, settingProfile: shares,
  };
  // Floors are for needs a setting has: with no such pupils the area weighs what a zero share gives.
  const weights = Float64Array.from(areaImportance(content, truthReq).importance);
  ix.areas.forEach((area, a) => {
    if (!noPupils[a]) return;
    const ev = content.evidence;
    weights[a] = (ev.areaImportance[area.id] ?? DEFAULT_AREA_IMPORTANCE) * MIN_PREVALENCE_FACTOR * (ev.roleRelevance[role]?.[area.id] ?? 1);
  });
  const completed = earlierTraining(content, truthReq, world.priorTraining, rng);
  for (const id of completed) applyTrue(truth, ix.moduleIndex.get(id)!, competence, Math.exp(0.25 * rng.normal()));
  const meanC = competence.reduce((s, c) => s + c, 0) / competence.length;
  const bias = 0.03 + world.biasSd * rng.normal() - world.biasSlope * (meanC - 0.5);
  const rate = Math.exp(0.25 * rng.normal());
  const response = Float64Array.from(ix.modules, () => Math.exp(0.2 * rng.normal()));
  return { role, phase, formats, competence, weights, shares, settingProfile, noPupils, bias, rate, response, noiseSeed: (rng.next() * 2 ** 32) >>> 0, completed };
}

/** Earlier training: k ~ Poisson(mean) (≤ 4) suitable modules whose prerequisites are done, foundation 3× as likely. */
function earlierTraining(content: Content, req: RecommendationRequest, mean: number, rng: Rng): string[] {
  const ix = indexContent(content);
  let k = 0;
  for (let p = Math.exp(-mean), u = rng.next(), cdf = p; u > cdf && k < 4; ) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  const eligible = eligibleModules(content, req);
  const done = new Set<number>();
  const out: string[] = [];
  for (let i = 0; i < k; i++) {
    const options = ix.entries.flatMap((e, m) => (!done.has(m) && eligible[m] && e.levelCode !== 2 && e.prerequisites.every((p) => done.has(p)) ? [m] : []));
    if (!options.length) break;
    const weightOf = (m: number) => (ix.entries[m]!.levelCode === 0 ? 3 : 1);
    let u = rng.next() * options.reduce((s, m) => s + weightOf(m), 0);
    const chosen = options.find((m) => (u -= weightOf(m)) < 0) ?? options[options.length - 1]!;
    done.add(chosen);
    out.push(ix.modules[chosen]!.id);
  }
  return out;
}

/** A rating 1..5 from a latent 0..1 self-perception: round(1 + 4·x), clamped. */
export function toRating(x: number): number {
  return Math.min(5, Math.max(1, Math.round(1 + 4 * x)));
}

/**
 * The person's questionnaire answers: each item reflects its first (primary) area fully and other areas at half
 * their loading, plus the person's bias and item noise (sd 0.12); "not relevant" (null) with probability 0.7
 * when their setting has no pupils with the item's primary need; 5% of items skipped.
 */
export function answerQuestionnaire(content: Content, p: Person, rng: Rng): RecommendationRequest['responses'] {
  const ix = indexContent(content);
  const out: { itemId: string; value: number | null }[] = [];
  for (const item of content.questionnaire.items) {
    if (rng.next() < 0.05) continue;
    let num = 0;
    let den = 0;
    item.areas.forEach((l, j) => {
      const a = ix.areaIndex.get(l.areaId);
      if (a === undefined) return;
      const w = j === 0 ? 1 : 0.5 * l.loading;
      num += w * p.competence[a]!;
      den += w;
    });
    const primary = ix.areaIndex.get(item.areas[0]?.areaId ?? '');
    const u = rng.next();
    const noise = rng.normal();
    if (primary !== undefined && p.noPupils[primary] && u < 0.7) out.push({ itemId: item.id, value: null });
    else out.push({ itemId: item.id, value: toRating(num / Math.max(den, 1e-9) + p.bias + 0.12 * noise) });
  }
  return out;
}

/** A direct re-rating of one area (1..5) at a check-in: true competence + bias + noise (sd 0.12). */
export function rateArea(p: Person, c: Float64Array, a: number, rng: Rng): number {
  return toRating(c[a]! + p.bias + 0.12 * rng.normal());
}

/** E_p: weighted competence gained ÷ weighted headroom available (1 − c before), 0..1. */
export function effectiveness(weights: Float64Array, before: Float64Array, after: Float64Array): number {
  let gained = 0;
  let room = 0;
  for (let a = 0; a < before.length; a++) {
    gained += weights[a]! * (after[a]! - before[a]!);
    room += weights[a]! * (1 - before[a]!);
  }
  return room > 0 ? gained / room : 0;
}
