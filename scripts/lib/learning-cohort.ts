// One learning cohort for scripts/simulate-learning.ts: synthetic staff take the self-assessment and check in after
// every module through the service functions real check-ins use, while the panel publishes a learned set (signed
// off) after each round. Also the true-world helpers both the cohort and the scoring use.

import { indexContent } from '../../src/domain/content-index.js';
import type { Content, ExplorationSettings, RecommendationRequest, RecommendationResponse } from '../../src/domain/types.js';
import { createRng, type Rng } from '../../src/domain/rng.js';
import { answerQuestionnaire, applyTrue, effectiveness, makePerson, rateArea, type Person, type Truth } from './sim-world.js';
import { assess, checkInAfter, contentInForce, enrol, nextStep, publishLearned, startService } from './learning-service.js';

export interface CohortOptions {
  readonly learners: number;
  readonly rounds: number;
  readonly budget: number;
  readonly exploration: ExplorationSettings | undefined;
  readonly minObservations: number;
}

export interface CohortResult {
  /** The engine content with the set in force at the end. */
  readonly content: Content;
  readonly observations: number;
  /** Modules with at least one observation, and with at least minObservations. */
  readonly observed: number;
  readonly wellObserved: number;
  /** Pathways served (assessments and check-ins) and those with a step chosen partly to learn. */
  readonly pathways: number;
  readonly exploringPathways: number;
  /** Largest and mean expected-loss share the service reported on a pathway. */
  readonly maxLossShare: number;
  readonly meanLossShare: number;
  readonly checkIns: number;
}

/** The module indexes a pathway takes, in order. */
export function modulesOf(content: Content, steps: readonly { moduleId: string }[]): number[] {
  const ix = indexContent(content);
  return steps.map((s) => ix.moduleIndex.get(s.moduleId)!);
}

/** E_p of taking `modules` in order in the true world (each person's own learning rate and response). */
export function trueEffect(truth: Truth, p: Person, modules: readonly number[]): number {
  const after = p.competence.slice();
  for (const m of modules) applyTrue(truth, m, after, p.rate * p.response[m]!);
  return effectiveness(p.weights, p.competence, after);
}

/** The request a person's assessment body becomes (no setting profile: the API's assessment takes none). */
export function requestOf(p: Person, responses: RecommendationRequest['responses'], budget: number): RecommendationRequest {
  return { role: p.role, phase: p.phase, responses, confidence: {}, completedModuleIds: p.completed, timeBudgetMinutes: budget, weeklyMinutes: 60, formats: p.formats, priorities: {} };
}

interface Tally {
  pathways: number;
  exploring: number;
  maxLoss: number;
  sumLoss: number;
  checkIns: number;
}

function count(t: Tally, response: RecommendationResponse): void {
  t.pathways++;
  const e = response.exploration;
  if (!e) return;
  if (e.exploringModuleIds.length) t.exploring++;
  t.maxLoss = Math.max(t.maxLoss, e.expectedLossShare);
  t.sumLoss += e.expectedLossShare;
}

/** One learner: assessment, then each first step taken in the true world and checked in, until the pathway is done. */
async function learn(s: ReturnType<typeof startService>, staff: Awaited<ReturnType<typeof enrol>>[number], p: Person, content: Content, truth: Truth, o: CohortOptions, rng: Rng, t: Tally): Promise<void> {
  const ix = indexContent(content);
  const responses = answerQuestionnaire(content, p, rng);
  s.tick();
  let { state } = await assess(s, staff, { responses, formats: p.formats, timeBudgetMinutes: o.budget, weeklyMinutes: 60, completed: p.completed });
  const c = p.competence.slice();
  for (let guard = 0; guard < 40; guard++) {
    count(t, state.latest!.response);
    const step = nextStep(state);
    if (!step) return;
    const m = ix.moduleIndex.get(step.moduleId)!;
    applyTrue(truth, m, c, p.rate * p.response[m]!);
    const ratings: Record<string, number> = {};
    for (const { area, relevance } of ix.entries[m]!.areas) {
      if (relevance >= 0.3) ratings[ix.areas[area]!.id] = rateArea(p, c, area, rng);
    }
    s.tick();
    state = await checkInAfter(s, staff, step.moduleId, ratings);
    t.checkIns++;
  }
}

/**
 * `o.learners` people from `seed` learn in `o.rounds` rounds; before the first round the panel publishes a set
 * switching exploration on (when given), and after each round a learned set, each through draft, aggregate and a
 * signed-off publish. Months advance by round, so observations carry a window.
 */
export async function runCohort(content: Content, truth: Truth, o: CohortOptions, seed: number): Promise<CohortResult> {
  const s = startService(content, new Date(Date.UTC(2027, 0, 5)));
  try {
    const rng = createRng(seed);
    const people = Array.from({ length: o.learners }, () => makePerson(content, truth, rng));
    const staff = await enrol(s, people);
    if (o.exploration) await publishLearned(s, 0, { exploration: o.exploration, minObservations: o.minObservations });
    const t: Tally = { pathways: 0, exploring: 0, maxLoss: 0, sumLoss: 0, checkIns: 0 };
    const perRound = Math.ceil(o.learners / o.rounds);
    for (let r = 0; r < o.rounds; r++) {
      s.setNow(new Date(Date.UTC(2027, r, 5)));
      for (let i = r * perRound; i < Math.min(o.learners, (r + 1) * perRound); i++) await learn(s, staff[i]!, people[i]!, content, truth, o, rng, t);
      await publishLearned(s, r + 1, { minObservations: o.minObservations });
    }
    const rows = await s.database.db
      .selectFrom('module_observations')
      .select((eb) => ['module_id', eb.fn.countAll<number>().as('n')])
      .groupBy('module_id')
      .execute();
    return {
      content: await contentInForce(s),
      observations: rows.reduce((sum, r) => sum + Number(r.n), 0),
      observed: rows.length,
      wellObserved: rows.filter((r) => Number(r.n) >= o.minObservations).length,
      pathways: t.pathways,
      exploringPathways: t.exploring,
      maxLossShare: t.maxLoss,
      meanLossShare: t.pathways ? t.sumLoss / t.pathways : 0,
      checkIns: t.checkIns,
    };
  } finally {
    s.close();
  }
}
