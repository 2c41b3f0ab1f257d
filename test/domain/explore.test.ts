// Bounded exploration: off at margin 0, deterministic for a seed, never losing more than its cap of the greedy
// pathway's expected value, and only ever swapping in modules (never breaking the planner's invariants).
import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { indexContent } from '../../src/domain/content-index.js';
import { explorePlan, planValue, seedFromHash } from '../../src/domain/explore.js';
import { computeNeed } from '../../src/domain/need.js';
import { planPathway } from '../../src/domain/planner.js';
import { syntheticPopulation } from '../../src/domain/preview.js';
import { estimateProfile } from '../../src/domain/profile.js';
import type { Content, RecommendationRequest } from '../../src/domain/types.js';

const shipped = getShippedContent();
const exploring = (margin: number, maxLossShare = 0.02): Content => ({ ...shipped, evidence: { ...shipped.evidence, exploration: { margin, maxLossShare } } });
const people = syntheticPopulation(shipped, 60, 7);

function run(content: Content, req: RecommendationRequest, seed: number) {
  const profile = estimateProfile(content, req);
  const importance = [...computeNeed(content, req, profile).weight];
  return { out: explorePlan(content, req, profile, importance, seed), greedy: planPathway(content, req, profile, importance), profile, importance };
}

describe('explorePlan', () => {
  it('is the greedy plan when the set has no exploration or margin 0', () => {
    for (const content of [shipped, exploring(0)]) {
      for (const req of people.slice(0, 10)) {
        const { out, greedy } = run(content, req, 123);
        expect(out.exploring).toEqual([]);
        expect(out.lossShare).toBe(0);
        expect(out.plan.steps.map((s) => s.module)).toEqual(greedy.steps.map((s) => s.module));
      }
    }
  });

  it('explores some pathways, the same way for the same seed, each within its loss cap', () => {
    const content = exploring(0.5, 0.02);
    const ix = indexContent(content);
    let explored = 0;
    people.forEach((req, i) => {
      const a = run(content, req, seedFromHash(`sha256:${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}`));
      const b = run(content, req, seedFromHash(`sha256:${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}`));
      expect(b.out.plan.steps.map((s) => s.module)).toEqual(a.out.plan.steps.map((s) => s.module));
      expect(a.out.lossShare).toBeLessThanOrEqual(0.02);
      expect(a.out.plan.totalMinutes).toBeLessThanOrEqual(req.timeBudgetMinutes);
      const value = planValue(ix, a.out.plan.steps, a.profile, a.importance);
      expect(value).toBeGreaterThanOrEqual(0.98 * a.out.greedyValue - 1e-12);
      if (a.out.exploring.length) {
        explored++;
        const greedyIds = new Set(a.greedy.steps.map((s) => s.module));
        for (const m of a.out.exploring) expect(greedyIds.has(m)).toBe(false);
      }
    });
    expect(explored).toBeGreaterThan(5);
  });

  it('a zero loss cap explores only where it costs nothing', () => {
    const content = exploring(0.5, 0);
    for (const [i, req] of people.slice(0, 20).entries()) expect(run(content, req, 1000 + i).out.lossShare).toBe(0);
  });
});
