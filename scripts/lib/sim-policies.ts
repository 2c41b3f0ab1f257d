// The pathway policies scripts/simulate.ts compares. Each returns module indexes in the order taken, within the
// budget, suitable for role/phase/formats, with every prerequisite taken first (as a bundle) or already done.

import type { Content, RecommendationRequest } from '../../src/domain/types.js';
import { indexContent, type ContentIndex } from '../../src/domain/content-index.js';
import { eligibleModules } from '../../src/domain/planner.js';
import { BASES, type Profile } from '../../src/domain/profile.js';
import { recommend, recommendFromProfile } from '../../src/domain/recommend.js';
import type { Rng } from '../../src/domain/rng.js';
import { applyTrue, type Person, type Truth } from './sim-world.js';

/** Module m with its not-yet-done prerequisites (prerequisites first), or null if one of them is unsuitable. */
export function bundleOf(ix: ContentIndex, m: number, done: Uint8Array, eligible: Uint8Array): number[] | null {
  const out: number[] = [];
  for (let k = ix.closureOffset[m]!; k < ix.closureOffset[m + 1]!; k++) {
    const p = ix.closure[k]!;
    if (done[p]) continue;
    if (!eligible[p]) return null;
    out.push(p);
  }
  out.push(m);
  return out;
}

const minutesOf = (ix: ContentIndex, ms: readonly number[]) => ms.reduce((s, m) => s + ix.minutes[m]!, 0);

function indexesOf(content: Content, steps: readonly { moduleId: string }[]): number[] {
  const ix = indexContent(content);
  return steps.map((s) => ix.moduleIndex.get(s.moduleId)!);
}

/** Ours: the engine on the person's own answers (and their leader's setting profile, if entered). */
export function ours(content: Content, req: RecommendationRequest): number[] {
  return indexesOf(content, recommend(content, req).pathway.steps);
}

/** Random: uniformly random suitable modules (with prerequisites) until nothing else fits. */
export function randomPolicy(content: Content, req: RecommendationRequest, rng: Rng): number[] {
  const ix = indexContent(content);
  const eligible = eligibleModules(content, req);
  const done = new Uint8Array(ix.modules.length);
  let remaining = req.timeBudgetMinutes;
  const out: number[] = [];
  for (;;) {
    const options: number[][] = [];
    for (let m = 0; m < ix.modules.length; m++) {
      if (done[m] || !eligible[m]) continue;
      const b = bundleOf(ix, m, done, eligible);
      if (b && minutesOf(ix, b) <= remaining) options.push(b);
    }
    if (!options.length) return out;
    const b = options[rng.int(options.length)]!;
    for (const q of b) {
      done[q] = 1;
      out.push(q);
    }
    remaining -= minutesOf(ix, b);
  }
}

/**
 * Rule-based: areas by the person's own rating, lowest first (unrated areas at the prior mean; areas marked not
 * relevant skipped); for each, the panel's best module for it (highest expectedImpact × relevance among
 * modules with relevance ≥ 0.5) that fits; round after round until nothing fits.
 */
export function rulePolicy(content: Content, req: RecommendationRequest, profile: Profile): number[] {
  const ix = indexContent(content);
  const eligible = eligibleModules(content, req);
  const done = new Uint8Array(ix.modules.length);
  const A = ix.areas.length;
  const rated = Array.from({ length: A }, (_, a) => (Number.isNaN(profile.selfReport[a]!) ? profile.mean[a]! : profile.selfReport[a]!));
  const areas = [...Array(A).keys()].filter((a) => !profile.notRelevant[a]).sort((x, y) => rated[x]! - rated[y]! || x - y);
  let remaining = req.timeBudgetMinutes;
  const out: number[] = [];
  for (let added = true; added; ) {
    added = false;
    for (const a of areas) {
      let best: number[] | null = null;
      let bestScore = 0;
      for (let m = 0; m < ix.modules.length; m++) {
        if (done[m] || !eligible[m]) continue;
        let rel = 0;
        for (let k = ix.modOffset[m]!; k < ix.modOffset[m + 1]!; k++) if (ix.modArea[k] === a) rel = ix.modRelevance[k]!;
        const score = (ix.evidence[m]?.expectedImpact ?? 0) * rel;
        if (rel < 0.5 || score <= bestScore) continue;
        const b = bundleOf(ix, m, done, eligible);
        if (!b || minutesOf(ix, b) > remaining) continue;
        best = b;
        bestScore = score;
      }
      if (!best) continue;
      for (const q of best) {
        done[q] = 1;
        out.push(q);
      }
      remaining -= minutesOf(ix, best);
      added = true;
    }
  }
  return out;
}

/**
 * Static: one pathway per role, phase and format choice, the status quo of one course for everyone in a role: the
 * engine's pathway for the average person of that role and phase (their mean self-rating per area as direct
 * ratings, national profile, no priorities, no earlier training). A person skips the steps they have already
 * completed (and any step whose prerequisite they have not done); the course does not change to fill that time.
 */
export function staticPolicy(
  content: Content,
  req: RecommendationRequest,
  averageRatings: Readonly<Record<string, number>>,
  cache: Map<string, number[]>,
): number[] {
  const key = `${req.role}|${req.phase}|${req.formats.join(',')}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = ours(content, { ...req, responses: [], confidence: averageRatings, completedModuleIds: [], settingProfile: undefined, priorities: {} });
    cache.set(key, hit);
  }
  const ix = indexContent(content);
  const done = new Set(req.completedModuleIds.map((id) => ix.moduleIndex.get(id)!));
  return hit.filter((m) => !done.has(m));
}

/** Informed oracle: the engine given the person's true competence (sd 0.02) and true setting, panel effects. */
export function informedOracle(content: Content, req: RecommendationRequest, p: Person): number[] {
  const A = p.competence.length;
  const profile: Profile = {
    mean: p.competence.slice(),
    sd: new Float64Array(A).fill(0.02),
    basis: new Uint8Array(A).fill(BASES.indexOf('responses')),
    notRelevant: new Uint8Array(A),
    selfReport: new Float64Array(A).fill(NaN),
  };
  return indexesOf(content, recommendFromProfile(content, { ...req, settingProfile: p.shares }, profile).pathway.steps);
}

/**
 * Full oracle: true competence, true effects and the world's true dynamics; greedy by true weighted competence
 * gained per minute (bundles with prerequisites), i.e. directly maximising the E_p numerator.
 */
export function fullOracle(content: Content, req: RecommendationRequest, p: Person, truth: Truth): number[] {
  const ix = indexContent(content);
  const eligible = eligibleModules(content, req);
  const done = new Uint8Array(ix.modules.length);
  const state = p.competence.slice();
  const trial = new Float64Array(state.length);
  let remaining = req.timeBudgetMinutes;
  const out: number[] = [];
  for (;;) {
    let best: number[] | null = null;
    let bestRatio = 0;
    for (let m = 0; m < ix.modules.length; m++) {
      if (done[m] || !eligible[m]) continue;
      const b = bundleOf(ix, m, done, eligible);
      if (!b) continue;
      const mins = minutesOf(ix, b);
      if (mins > remaining) continue;
      trial.set(state);
      for (const q of b) applyTrue(truth, q, trial, 1);
      let value = 0;
      for (let a = 0; a < state.length; a++) value += p.weights[a]! * (trial[a]! - state[a]!);
      if (value / mins > bestRatio) {
        bestRatio = value / mins;
        best = b;
      }
    }
    if (!best) return out;
    for (const q of best) {
      done[q] = 1;
      out.push(q);
      applyTrue(truth, q, state, 1);
    }
    remaining -= minutesOf(ix, best);
  }
}
