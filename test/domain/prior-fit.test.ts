import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { fitNoise, fitPriors, fitRolePrior, MIN_PEOPLE, withFittedPriors, type AssessedPerson, type RetestPair } from '../../src/domain/prior-fit.js';
import { estimateProfile, ITEM_NOISE_SD, priorWeight } from '../../src/domain/profile.js';
import { indexContent } from '../../src/domain/content-index.js';
import { createRng } from '../../src/domain/rng.js';
import type { RecommendationRequest } from '../../src/domain/types.js';

const content = getShippedContent();

/** A population whose confidence varies between people with sd `tau` around `mu`, answered with noise `sigma` / √w. */
function population(n: number, mu: number, tau: number, sigma: number, seed: number) {
  const rng = createRng(seed);
  const people: AssessedPerson[] = [];
  const pairs: RetestPair[] = [];
  for (let i = 0; i < n; i++) {
    const answers = [];
    for (let a = 0; a < 10; a++) {
      const theta = mu + tau * rng.normal();
      const weight = a % 2 ? 1 : 0.8;
      const answer = () => ({ value: theta + (sigma / Math.sqrt(weight)) * rng.normal(), weight });
      const first = answer();
      answers.push(first);
      if (i % 2 === 0) pairs.push({ first, second: answer() });
    }
    people.push({ role: 'teacher', phase: 'primary', answers });
  }
  return { people, pairs };
}

describe('fitting the priors from self-assessments', () => {
  it('recovers the answer noise from retests and the spread between people from the rest', () => {
    const { people, pairs } = population(600, 0.55, 0.18, 0.12, 7);
    const fit = fitPriors(content.evidence, people, pairs, ITEM_NOISE_SD);
    expect(fit.noiseFitted).toBe(true);
    expect(fit.itemNoiseSd).toBeCloseTo(0.12, 2);
    const teacher = fit.byRole.teacher!;
    expect(teacher.fitted).toBe(true);
    expect(teacher.prior.mean).toBeCloseTo(0.55, 2);
    expect(Math.abs(teacher.prior.sd - 0.18)).toBeLessThan(0.01);
    expect(teacher.k0).toBeCloseTo((fit.itemNoiseSd / teacher.prior.sd) ** 2, 10);
  });

  it('keeps the panel figures where there is too little data', () => {
    const { people, pairs } = population(MIN_PEOPLE - 1, 0.8, 0.05, 0.1, 3);
    const fit = fitPriors(content.evidence, people, pairs.slice(0, 5), ITEM_NOISE_SD);
    expect(fit.noiseFitted).toBe(false);
    expect(fit.itemNoiseSd).toBe(ITEM_NOISE_SD);
    expect(fit.byRole.teacher!.fitted).toBe(false);
    expect(fit.byRole.teacher!.prior).toEqual(content.evidence.priors.byRole.teacher);
    expect(withFittedPriors(content.evidence, fit).priors).toEqual(content.evidence.priors);
  });

  it('never fits a spread below the floor when answers vary no more than their noise', () => {
    const same = Array.from({ length: 100 }, (_, i) => ({ value: 0.5 + (i % 2 ? 0.01 : -0.01), weight: 1 }));
    expect(fitRolePrior(same, 0.2).sd).toBe(0.05);
    expect(fitNoise([], 0.2)).toEqual({ sd: 0.2, fitted: false });
  });

  it('moves answers by the panel phase shift before fitting the role mean', () => {
    const shifted = { ...content.evidence, priors: { ...content.evidence.priors, byPhase: { primary: { meanShift: 0.1 } } } };
    const { people, pairs } = population(200, 0.6, 0.15, 0.1, 11);
    expect(fitPriors(shifted, people, pairs, ITEM_NOISE_SD).byRole.teacher!.prior.mean).toBeCloseTo(0.5, 1);
  });

  it('a fitted set changes how far a side answer is pulled toward the prior, as k₀ says', () => {
    const { people, pairs } = population(400, 0.5, 0.25, 0.1, 5);
    const fitted = withFittedPriors(content.evidence, fitPriors(content.evidence, people, pairs, ITEM_NOISE_SD));
    expect(fitted.priors.itemNoiseSd).toBeGreaterThan(0.08);
    const prior = fitted.priors.byRole.teacher!;
    expect(priorWeight(prior, fitted.priors.itemNoiseSd)).toBeLessThan(priorWeight(content.evidence.priors.byRole.teacher!));
    // One answer of 1 on the first item: its own area shows as said under both sets; the estimate moves less under the fit.
    const request: RecommendationRequest = {
      role: 'teacher', phase: 'primary', responses: [{ itemId: content.questionnaire.items[0]!.id, value: 1 }], confidence: {},
      completedModuleIds: [], timeBudgetMinutes: 120, weeklyMinutes: 60, formats: ['online'], priorities: {},
    };
    const before = estimateProfile(content, request);
    const after = estimateProfile({ ...content, evidence: fitted }, request);
    const own = indexContent(content).areaIndex.get(content.questionnaire.items[0]!.areas[0]!.areaId)!;
    expect(before.mean[own]).toBe(0);
    expect(after.mean[own]).toBe(0);
    expect(after.estimate[own]!).toBeLessThan(before.estimate[own]!);
  });
});
