// Population learning in the simulation: learners follow the engine with Thompson-sampled module effects and
// check in after each module; their observations update the module effects (src/domain/learning.ts).

import type { Content, EffectObservation, RecommendationRequest } from '../../src/domain/types.js';
import { checkIn } from '../../src/domain/checkin.js';
import { indexContent } from '../../src/domain/content-index.js';
import { learnModuleEffects, sampleEvidence, type LearnedEffects } from '../../src/domain/learning.js';
import { recommend } from '../../src/domain/recommend.js';
import type { Rng } from '../../src/domain/rng.js';
import { answerQuestionnaire, applyTrue, makePerson, rateArea, type Person, type Truth } from './sim-world.js';

/** Follow the engine's pathway one module at a time, re-rating the module's areas and re-planning after each. */
export function followWithCheckIns(content: Content, req: RecommendationRequest, p: Person, truth: Truth, rng: Rng, sink?: EffectObservation[]): number[] {
  const ix = indexContent(content);
  const c = p.competence.slice();
  const taken: number[] = [];
  let request = req;
  let res = recommend(content, request);
  while (res.pathway.steps.length) {
    const id = res.pathway.steps[0]!.moduleId;
    const m = ix.moduleIndex.get(id)!;
    applyTrue(truth, m, c, p.rate * p.response[m]!);
    taken.push(m);
    const ratings: Record<string, number> = {};
    for (const { area, relevance } of ix.entries[m]!.areas) if (relevance >= 0.3) ratings[ix.areas[area]!.id] = rateArea(p, c, area, rng);
    const next = checkIn(content, request, res, { moduleId: id, ratings });
    sink?.push(...next.observations);
    request = next.request;
    res = next.response;
  }
  return taken;
}

/** `learners` people in `rounds` rounds follow the engine with sampled effects; returns what was learned. */
export function learnFromPopulation(
  content: Content,
  truth: Truth,
  o: { learners: number; rounds: number; budget: number },
  requestFor: (p: Person, responses: RecommendationRequest['responses']) => RecommendationRequest,
  rng: Rng,
): { learned: LearnedEffects; observations: number } {
  const obs: EffectObservation[] = [];
  let learned = learnModuleEffects(content, obs);
  const perRound = Math.ceil(o.learners / Math.max(1, o.rounds));
  for (let r = 0; r < o.rounds; r++) {
    for (let i = 0; i < perRound; i++) {
      const p = makePerson(content, truth, rng);
      const sampled: Content = { ...content, evidence: sampleEvidence(content.evidence, learned, rng) };
      followWithCheckIns(sampled, requestFor(p, answerQuestionnaire(content, p, rng)), p, truth, rng, obs);
    }
    learned = learnModuleEffects(content, obs);
  }
  return { learned, observations: obs.length };
}
