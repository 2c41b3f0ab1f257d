// Exploration as a person sees it: a step chosen partly to learn says so in plain words, the response reports the
// expected loss (never above the cap), the same request gives the same bytes, and a set without exploration is
// unchanged.
import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { syntheticPopulation } from '../../src/domain/preview.js';
import { recommend } from '../../src/domain/recommend.js';
import type { Content } from '../../src/domain/types.js';

const shipped = getShippedContent();
const exploring: Content = { ...shipped, evidence: { ...shipped.evidence, exploration: { margin: 0.4, maxLossShare: 0.02 } } };
const people = syntheticPopulation(shipped, 40, 11);

describe('recommend with exploration', () => {
  it('explains exploring steps, reports the loss within its cap and replays byte for byte', () => {
    let explored = 0;
    for (const req of people) {
      const res = recommend(exploring, req);
      expect(JSON.stringify(recommend(exploring, req))).toBe(JSON.stringify(res));
      const e = res.exploration!;
      expect(e.maxLossShare).toBe(0.02);
      expect(e.expectedLossShare).toBeLessThanOrEqual(0.02);
      for (const step of res.pathway.steps) {
        const learning = step.reasons.find((r) => r.kind === 'exploration');
        expect(!!learning).toBe(e.exploringModuleIds.includes(step.moduleId));
        if (learning) {
          expect(learning.text).toMatch(/^Chosen partly to learn/);
          expect(step.explanation).toMatch(/chosen partly to learn how well the module works/);
        }
      }
      if (e.exploringModuleIds.length) explored++;
    }
    expect(explored).toBeGreaterThan(3);
  });

  it('leaves a set without exploration as it was: no exploration key, no exploring reason', () => {
    for (const req of people.slice(0, 10)) {
      const res = recommend(shipped, req);
      expect('exploration' in res).toBe(false);
      expect(res.pathway.steps.flatMap((s) => s.reasons).some((r) => r.kind === 'exploration')).toBe(false);
    }
  });
});
