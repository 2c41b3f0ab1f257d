// The pathway policies scripts/simulate.ts compares. Each returns module indexes in the order taken, within the
// budget, suitable for role/phase/formats, with every prerequisite taken first (as a bundle) or already done.

import type { Content, RecommendationRequest } from '../../src/domain/types.js';
import { indexContent, type ContentIndex } from '../../src/domain/content-index.js';
import { areaImportance } from '../../src/domain/need.js';
import { eligibleModules } from '../../src/domain/eligibility.js';
import type { Profile } from '../../src/domain/profile.js';
import { recommend, recommendFromProfile } from '../../src/domain/recommend.js';
import type { Rng } from '../../src/domain/rng.js';
import { applyTrue, type Person, type Truth } from './sim-world.js';

/** Module m with its not-yet-done prerequisites (prerequisites first), or null if one of them is unsuitable. */
export function bundleOf(ix: ContentIndex, m: number, done: ReadonlySet<number>, eligible: readonly boolean[]): number[] | null {
  const pending = ix.entries[m]!.prerequisites.filter((p) => !done.has(p));
  if (pending.some((p) => !eligible[p])) return null;
  return [...pending, m];
}

const minutesOf = (ix: ContentIndex, ms: readonly number[]) => ms.reduce((s, m) => s + ix.entries[m]!.minutes, 0);

function indexesOf(content: Content, steps: readonly { moduleId: string }[]): number[] {
  const ix = indexContent(content);
  return steps.map((s) => ix.moduleIndex.get(s.moduleId)!);
}

/**
 * Repeatedly take the bundle with the highest score per minute that fits, until none fits or scores above 0.
 * `score` sees the bundle and the modules taken so far.
 */
function greedy(content: Content, req: RecommendationRequest, score: (bundle: readonly number[], taken: readonly number[]) => number): number[] {
  const ix = indexContent(content);
  const eligible = eligibleModules(content, req);
  const done = new Set(req.completedModuleIds.map((id) => ix.moduleIndex.get(id)!));
  let remaining = req.timeBudgetMinutes;
  const out: number[] = [];
  for (;;) {
    let best: number[] | null = null;
    let bestRatio = 0;
    ix.entries.forEach((_, m) => {
      if (done.has(m) || !eligible[m]) return;
      const b = bundleOf(ix, m, done, eligible);
      if (!b || minutesOf(ix, b) > remaining) return;
      const ratio = score(b, out) / minutesOf(ix, b);
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = b;
      }
    });
    if (!best) return out;
    for (const q of best as number[]) {
      done.add(q);
      out.push(q);
    }
    remaining -= minutesOf(ix, best);
  }
}

/** Ours: the engine on the person's own answers (and their leader's setting profile, if entered). */
export function ours(content: Content, req: RecommendationRequest): number[] {
  return indexesOf(content, recommend(content, req).pathway.steps);
}

/** Random: uniformly random suitable modules (with prerequisites) until nothing else fits. */
export function randomPolicy(content: Content, req: RecommendationRequest, rng: Rng): number[] {
  return greedy(content, req, () => 1 + rng.next());
}

/**
 * Simple greedy on the raw answers: need per area = importance × (1 − the person's own mean answer on it; 0.5
 * where unanswered), a module's score = Σ relevance × need × expectedImpact, taken by score per minute with no
 * model of diminishing returns, level or uncertainty.
 */
export function rawGreedy(content: Content, req: RecommendationRequest, profile: Profile): number[] {
  const ix = indexContent(content);
  const importance = areaImportance(content, req, profile.notRelevant).importance;
  const need = importance.map((imp, a) => imp * (1 - (Number.isNaN(profile.selfReport[a]!) ? 0.5 : profile.selfReport[a]!)));
  const moduleScore = (m: number) => ix.entries[m]!.areas.reduce((s, r) => s + r.relevance * need[r.area]!, 0) * (ix.entries[m]!.evidence?.expectedImpact ?? 0);
  return greedy(content, req, (bundle) => bundle.reduce((s, m) => s + moduleScore(m), 0));
}

/**
 * Static: one pathway per role, phase and format choice, the status quo of one course for everyone in a role: the
 * engine's pathway for the average person of that role and phase (their mean self-rating per area as direct
 * ratings, national profile, no priorities, no earlier training). A person skips the steps they have already
 * completed; the course does not change to fill that time.
 */
export function staticPolicy(content: Content, req: RecommendationRequest, averageRatings: Readonly<Record<string, number>>, cache: Map<string, number[]>): number[] {
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

/**
 * One size, same engine: the engine's pathway for the median answers of the person's role and phase group, with
 * everything else (formats, budget, earlier training, setting profile) the person's own. The difference from
 * "ours" is exactly what the person's answers add.
 */
export function oneSizePolicy(content: Content, req: RecommendationRequest, medianResponses: RecommendationRequest['responses']): number[] {
  return ours(content, { ...req, responses: medianResponses });
}

/** The engine told the truth: its own planner given the person's true competence (sd 0.02) instead of the answers. */
export function engineToldTruth(content: Content, req: RecommendationRequest, p: Person): number[] {
  const A = p.competence.length;
  const profile: Profile = {
    mean: Array.from(p.competence),
    estimate: Array.from(p.competence),
    sd: new Array<number>(A).fill(0.02),
    basis: new Array(A).fill('responses'),
    notRelevant: new Array<boolean>(A).fill(false),
    selfReport: Array.from(p.competence),
  };
  return indexesOf(content, recommendFromProfile(content, req, profile).pathway.steps);
}

/**
 * An oracle: true competence, the true setting weights and `truth`'s dynamics; greedy by weighted competence
 * gained per minute (bundles with prerequisites), i.e. directly maximising the E_p numerator. With the world's
 * truth it is the full oracle; with panelTruth (panel effects, the world's dynamics) the informed oracle.
 */
export function oracle(content: Content, req: RecommendationRequest, p: Person, truth: Truth): number[] {
  const state = p.competence.slice();
  const trial = new Float64Array(state.length);
  let applied = 0;
  return greedy(content, req, (bundle, taken) => {
    for (; applied < taken.length; applied++) applyTrue(truth, taken[applied]!, state, 1);
    trial.set(state);
    for (const q of bundle) applyTrue(truth, q, trial, 1);
    let value = 0;
    for (let a = 0; a < state.length; a++) value += p.weights[a]! * (trial[a]! - state[a]!);
    return value;
  });
}
