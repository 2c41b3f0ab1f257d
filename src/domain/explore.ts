// Bounded exploration: when modules are close in expected value, choose among them by sampling their effects from
// the posterior (seeded by the input hash, so a pathway stays deterministic and replayable), and keep the sampled
// plan only if its expected loss under the posterior means stays within the evidence set's cap. Pure.

import type { Content, ExplorationReport, ModuleEvidence, Reason, RecommendationRequest } from './types.js';
import { indexContent, indexWithModuleEvidence, type ContentIndex } from './content-index.js';
import { expectedGain, planPathway, risingGains, type Plan, type PlannedStep, type StepGain } from './planner.js';
import { confidenceGap } from './need.js';
import type { Profile } from './profile.js';
import { createRng } from './rng.js';

/**
 * Posterior sd (0..1 impact scale) of a module whose figure has not been learned: the learning model's prior,
 * noise sd 0.15 over 5 pseudo-observations (domain/learning.ts defaults).
 */
export const PRIOR_IMPACT_SD = 0.15 / Math.sqrt(5);
/** Each retry halves the sampled deviations; after this many the greedy plan stands. */
const MAX_TRIES = 4;

export interface Exploration {
  /** The plan to present: greedy, or the sampled one when its loss is within the cap. Gains and values under the means. */
  readonly plan: Plan;
  /** Module indexes chosen partly to learn (in the plan, not in the greedy plan). */
  readonly exploring: readonly number[];
  /** Expected value (weighted gap closed) of the greedy plan and of `plan`, under the posterior means. */
  readonly greedyValue: number;
  readonly value: number;
  /** (greedyValue − value) / greedyValue, 0 when not exploring; never above `cap`. */
  readonly lossShare: number;
  readonly cap: number;
  readonly margin: number;
}

/** A 32-bit seed from a provenance input hash ("sha256:<hex>"): its first 8 hex digits. */
export function seedFromHash(hash: string): number {
  const hex = hash.replace(/^sha256:/, '').slice(0, 8);
  return Number.parseInt(hex.padEnd(8, '0'), 16) >>> 0;
}

/**
 * The pathway for `profile` with bounded exploration under `content.evidence.exploration` (absent or margin 0:
 * the greedy plan, nothing explored). Each module's expected impact is drawn from N(mean, impactSd²) (impactSd
 * default PRIOR_IMPACT_SD), clamped to mean·(1 ± margin), so only modules whose expected value per minute is within
 * about `margin` of each other can change places; the plan under the draws is kept if its expected value under the
 * means is at least (1 − maxLossShare) × the greedy plan's, else the draws shrink toward the means (halving, up to
 * three times) and finally the greedy plan stands. Deterministic for a given seed.
 */
export function explorePlan(content: Content, request: RecommendationRequest, profile: Profile, importance: readonly number[], seed: number): Exploration {
  const greedy = planPathway(content, request, profile, importance);
  const settings = content.evidence.exploration;
  const ix = indexContent(content);
  if (!settings || !(settings.margin > 0) || !greedy.steps.length) return notExploring(greedy, 0, settings);
  const greedyValue = planValue(ix, greedy.steps, profile, importance);
  if (!(greedyValue > 0)) return notExploring(greedy, greedyValue, settings);
  const deviations = drawDeviations(content, seed, settings.margin);
  const inGreedy = new Set(greedy.steps.map((s) => s.module));
  for (let t = 0, scale = 1; t < MAX_TRIES; t++, scale /= 2) {
    const draw = withImpacts(content, deviations, scale);
    indexWithModuleEvidence(draw, ix);
    const sampled = planPathway(draw, request, profile, importance);
    const exploring = sampled.steps.map((s) => s.module).filter((m) => !inGreedy.has(m));
    if (!exploring.length) return notExploring(greedy, greedyValue, settings);
    const value = planValue(ix, sampled.steps, profile, importance);
    const lossShare = Math.max(0, (greedyValue - value) / greedyValue);
    if (lossShare <= settings.maxLossShare) {
      return { plan: { steps: revalue(ix, sampled.steps, profile, importance), totalMinutes: sampled.totalMinutes }, exploring, greedyValue, value, lossShare, cap: settings.maxLossShare, margin: settings.margin };
    }
  }
  return notExploring(greedy, greedyValue, settings);
}

/** The greedy plan as it stands, nothing explored. */
function notExploring(greedy: Plan, value: number, settings: Content['evidence']['exploration']): Exploration {
  return { plan: greedy, exploring: [], greedyValue: value, value, lossShare: 0, cap: settings?.maxLossShare ?? 0, margin: settings?.margin ?? 0 };
}

/** Per module (catalogue order): the sampled impact minus the mean, already clamped to ±margin·mean. */
function drawDeviations(content: Content, seed: number, margin: number): Map<string, number> {
  const rng = createRng(seed ^ 0x6a09e667);
  const out = new Map<string, number>();
  for (const mod of content.catalogue.modules) {
    const z = rng.normal();
    const ev = content.evidence.modules[mod.id];
    if (!ev) continue;
    const mean = Math.max(0, ev.expectedImpact);
    const raw = (ev.impactSd ?? PRIOR_IMPACT_SD) * z;
    out.set(mod.id, Math.min(margin * mean, Math.max(-margin * mean, raw)));
  }
  return out;
}

function withImpacts(content: Content, deviations: ReadonlyMap<string, number>, scale: number): Content {
  const modules: Record<string, ModuleEvidence> = {};
  for (const [id, ev] of Object.entries(content.evidence.modules)) {
    modules[id] = { ...ev, expectedImpact: Math.max(0, ev.expectedImpact + scale * (deviations.get(id) ?? 0)) };
  }
  return { ...content, evidence: { ...content.evidence, modules } };
}

/** One step's gains (largest first) and value from `state` (moved in place), under `ix`'s (mean) effects, as the planner scores them. */
function stepGains(ix: ContentIndex, q: number, state: number[], profile: Profile, weight: readonly number[]): { gains: StepGain[]; value: number } {
  const entry = ix.entries[q]!;
  const all: StepGain[] = [];
  let value = 0;
  for (const { area, relevance } of entry.areas) {
    const before = state[area]!;
    const gain = expectedGain(entry, relevance, before);
    const v = weight[area]! * (confidenceGap(before, profile.sd[area]!) - confidenceGap(before + gain, profile.sd[area]!));
    state[area] = before + gain;
    value += v;
    all.push({ area, gain, value: v });
  }
  return { gains: risingGains(all), value };
}

/** Weighted gap closed by taking `steps` in order from the profile's planning estimate, under `ix`'s (mean) effects. */
export function planValue(ix: ContentIndex, steps: readonly PlannedStep[], profile: Profile, weight: readonly number[]): number {
  const state = [...profile.estimate];
  return steps.reduce((sum, s) => sum + stepGains(ix, s.module, state, profile, weight).value, 0);
}

/** The steps with their gains and values recomputed under the means, order and schedule kept. */
function revalue(ix: ContentIndex, steps: readonly PlannedStep[], profile: Profile, weight: readonly number[]): PlannedStep[] {
  const state = [...profile.estimate];
  return steps.map((s) => ({ ...s, ...stepGains(ix, s.module, state, profile, weight) }));
}

/** The response's account of exploration, or undefined when the set does not explore. */
export function explorationReport(ix: ContentIndex, e: Exploration): ExplorationReport | undefined {
  if (!(e.margin > 0)) return undefined;
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  return { margin: e.margin, maxLossShare: e.cap, expectedLossShare: r4(e.lossShare), exploringModuleIds: e.exploring.map((m) => ix.modules[m]!.id) };
}

/** Percent with one decimal, e.g. 1.2%. */
const percent = (share: number): string => `${(Math.round(share * 1000) / 10).toString()}%`;

/**
 * The reason and sentence for a step chosen partly to learn, in plain words (null for any other step). `value` is
 * the pathway's expected loss share.
 */
export function explorationReason(content: Content, ix: ContentIndex, e: Exploration, m: number): { reason: Reason; sentence: string } | null {
  if (!e.exploring.includes(m)) return null;
  const ev = content.evidence.modules[ix.modules[m]!.id];
  const known = ev?.impactSd !== undefined ? 'check-ins have only begun to show how well it works' : 'no check-ins have shown yet how well it works';
  const text = `Chosen partly to learn: ${known}, and it is close to the alternatives in expected benefit. Trying it costs this pathway at most ${percent(e.cap)} of its expected benefit (about ${percent(e.lossShare)} here), and your check-in helps everyone's recommendations.`;
  return { reason: { kind: 'exploration', value: Math.round(e.lossShare * 1e4) / 1e4, text }, sentence: `This step was chosen partly to learn how well the module works; it costs your pathway about ${percent(e.lossShare)} of its expected benefit.` };
}
