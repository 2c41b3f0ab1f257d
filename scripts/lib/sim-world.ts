// The simulated world for scripts/simulate.ts: true module effects (differing from the panel's ratings), a
// KSS-style learning dynamic, and staff with true competence, biased and noisy self-reports and real settings.
// Nothing here is visible to the engine except what a real person would type into a request.

import type { Content, Format, Phase, RecommendationRequest, Role } from '../../src/domain/types.js';
import { indexContent, type ContentIndex } from '../../src/domain/content-index.js';
import { areaImportance, DEFAULT_AREA_IMPORTANCE, MIN_PREVALENCE_FACTOR } from '../../src/domain/need.js';
import { eligibleModules } from '../../src/domain/planner.js';
import { priorFor } from '../../src/domain/profile.js';
import type { Rng } from '../../src/domain/rng.js';

const LOW_INCIDENCE_SHARE = 0.03;

/** What is really true about the catalogue in this world. */
export interface Truth {
  readonly ix: ContentIndex;
  /** True effect per module: rise on a fully relevant area at the right level and confidence 0.5. */
  readonly theta: Float64Array;
  /** True relevance, parallel to ix.modRelevance (the panel's relevance with error). */
  readonly relevance: Float64Array;
}

/**
 * True effects: the panel's expectedImpact × a log-normal multiplier whose median falls with weaker evidence
 * (0.68 at strength 1 … 1.0 at 5: weakly evidenced approaches tend to be over-rated) and whose spread grows
 * as evidence weakens (sd of log 0.58 at strength 1 … 0.3 at 5). Relevances get ±25% log-normal error.
 */
export function makeTruth(content: Content, rng: Rng): Truth {
  const ix = indexContent(content);
  const M = ix.modules.length;
  const theta = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    const ev = ix.evidence[m];
    const s = ev?.strength ?? 0;
    const median = 0.6 + 0.08 * s;
    const sd = 0.65 - 0.07 * s;
    theta[m] = (ev?.expectedImpact ?? 0) * median * Math.exp(sd * rng.normal());
  }
  const relevance = ix.modRelevance.map((r) => Math.min(1, r * Math.exp(0.25 * rng.normal())));
  return { ix, theta, relevance };
}

function smoothstep(lo: number, hi: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - lo) / (hi - lo)));
  return t * t * (3 - 2 * t);
}

/** The world's own level fit (not the engine's): how much of a module's effect lands at true competence c. */
export function trueLevelFit(levelCode: number, c: number): number {
  if (levelCode === 0) return 1 - 0.75 * smoothstep(0.35, 0.85, c);
  if (levelCode === 2) return 0.2 + 0.8 * smoothstep(0.25, 0.7, c);
  const d = (c - 0.5) / 0.28;
  return 0.3 + 0.7 * Math.exp(-d * d);
}

/**
 * Apply module m to competence `c` in place (KSS-style: the gain is proportional to remaining headroom 1 − c).
 * `scale` is the person's learning rate × their response to this module (1 for the expected person).
 */
export function applyTrue(t: Truth, m: number, c: Float64Array, scale: number): void {
  const { ix } = t;
  const lv = ix.levelCode[m]!;
  for (let k = ix.modOffset[m]!; k < ix.modOffset[m + 1]!; k++) {
    const a = ix.modArea[k]!;
    const before = c[a]!;
    const gain = t.theta[m]! * t.relevance[k]! * trueLevelFit(lv, before) * ((1 - before) / 0.5) * scale;
    c[a] = Math.min(1, before + Math.max(0, gain));
  }
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

export interface WorldOptions {
  /** Sd of the area-specific part of competence on the logit scale (default 0.6). */
  readonly spread: number;
  /** Mean number of modules completed before (Poisson, at most 4; default 1.2). */
  readonly priorTraining: number;
}

export const DEFAULT_WORLD: WorldOptions = { spread: 0.6, priorTraining: 1.2 };

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

/**
 * A person: role and phase from a workforce-like mix; true competence logistic(role/phase prior + area offset +
 * general ability (sd 0.5) + area-specific ability (sd `spread`)) with low-incidence areas harder; some earlier
 * training (Poisson number of suitable foundation/intermediate modules, foundation three times as likely, whose
 * true effect is already in their competence); a setting whose need shares vary around the national profile
 * (half of settings have no pupils with a given low-incidence need); self-report bias N(0.03, 0.08) minus
 * 0.2 × (own mean competence − 0.5) (the less competent over-rate more).
 */
export function makePerson(content: Content, truth: Truth, rng: Rng, world: WorldOptions = DEFAULT_WORLD): Person {
  const ix = indexContent(content);
  const role = pick(rng, ROLE_MIX);
  const phase: Phase = role === 'early_years_practitioner' ? 'early_years' : role === 'fe_lecturer' ? 'post16' : pick(rng, SCHOOL_PHASES);
  const formats = pick(rng, FORMAT_MIX);
  const A = ix.areas.length;
  const national = content.evidence.prevalence.byPhase[phase] ?? {};
  const alpha = logit(priorFor(content.evidence, role, phase).mean);
  const general = 0.5 * rng.normal();
  const competence = new Float64Array(A);
  const noPupils = new Uint8Array(A);
  const shares: Record<string, number> = {};
  let nationalTotal = 0;
  let rawTotal = 0;
  ix.areas.forEach((area, a) => {
    const share = national[area.id];
    let offset = area.group === 'practice' ? 0.3 : 0;
    if (share !== undefined) {
      nationalTotal += share;
      const low = share < LOW_INCIDENCE_SHARE;
      if (low) offset = -0.6;
      if (low && rng.next() < 0.5) noPupils[a] = 1;
      const s = noPupils[a] ? 0 : share * Math.exp(0.35 * rng.normal());
      shares[area.id] = s;
      rawTotal += s;
    }
    if (area.id === 'assistive-technology') offset = -0.2;
    competence[a] = logistic(alpha + offset + general + world.spread * rng.normal());
  });
  for (const id of Object.keys(shares)) shares[id] = rawTotal > 0 ? (shares[id]! * nationalTotal) / rawTotal : 0;
  const settingProfile = rng.next() < 0.3 ? shares : undefined;
  const truthReq: RecommendationRequest = {
    role,
    phase,
    responses: [],
    confidence: {},
    completedModuleIds: [],
    timeBudgetMinutes: 0,
    weeklyMinutes: 60,
    formats,
    priorities: {},
    settingProfile: shares,
  };
  // Floors are for needs a setting has (domain brief: "a 'has a pupil with this need this year' flag"): with no
  // such pupils the area weighs what a zero share gives (the minimum prevalence factor).
  const weights = areaImportance(content, truthReq).importance.slice();
  ix.areas.forEach((area, a) => {
    if (!noPupils[a]) return;
    const ev = content.evidence;
    weights[a] = (ev.areaImportance[area.id] ?? DEFAULT_AREA_IMPORTANCE) * MIN_PREVALENCE_FACTOR * (ev.roleRelevance[role]?.[area.id] ?? 1);
  });
  const completed = earlierTraining(content, truthReq, world.priorTraining, rng);
  for (const id of completed) applyTrue(truth, ix.moduleIndex.get(id)!, competence, Math.exp(0.25 * rng.normal()));
  let meanC = 0;
  for (const c of competence) meanC += c / A;
  const bias = 0.03 + 0.08 * rng.normal() - 0.2 * (meanC - 0.5);
  const rate = Math.exp(0.25 * rng.normal());
  const response = new Float64Array(ix.modules.length).map(() => Math.exp(0.2 * rng.normal()));
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
  const done = new Uint8Array(ix.modules.length);
  const out: string[] = [];
  for (let i = 0; i < k; i++) {
    const options: number[] = [];
    let total = 0;
    for (let m = 0; m < ix.modules.length; m++) {
      if (done[m] || !eligible[m] || ix.levelCode[m] === 2) continue;
      let ready = true;
      for (let j = ix.closureOffset[m]!; j < ix.closureOffset[m + 1]!; j++) if (!done[ix.closure[j]!]) ready = false;
      if (!ready) continue;
      options.push(m);
      total += ix.levelCode[m] === 0 ? 3 : 1;
    }
    if (!options.length) break;
    let u = rng.next() * total;
    let pick = options[options.length - 1]!;
    for (const m of options) {
      u -= ix.levelCode[m] === 0 ? 3 : 1;
      if (u < 0) {
        pick = m;
        break;
      }
    }
    done[pick] = 1;
    out.push(ix.modules[pick]!.id);
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
    if (primary !== undefined && p.noPupils[primary] && u < 0.7) {
      out.push({ itemId: item.id, value: null });
      continue;
    }
    out.push({ itemId: item.id, value: toRating(num / Math.max(den, 1e-9) + p.bias + 0.12 * noise) });
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

/** Share of the weighted shortfall below "secure" (0.75) closed: the engine's own aim, reported beside E_p. */
export function secureGapClosed(weights: Float64Array, before: Float64Array, after: Float64Array, target = 0.75): number {
  let closed = 0;
  let gap = 0;
  for (let a = 0; a < before.length; a++) {
    const g0 = Math.max(0, target - before[a]!);
    closed += weights[a]! * (g0 - Math.max(0, target - after[a]!));
    gap += weights[a]! * g0;
  }
  return gap > 0 ? closed / gap : 0;
}
