import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getShippedContent } from '../../src/content/bundled.js';
import { recommend, validateRequestRefs } from '../../src/domain/recommend.js';
import { requestArb } from './arbitraries.js';
import { checkInvariants, checkRounded } from './invariants.js';

describe('the engine on the shipped content', () => {
  const content = getShippedContent();

  it('keeps every API invariant for random valid requests', () => {
    fc.assert(
      fc.property(requestArb(content), (req) => {
        expect(validateRequestRefs(content, req)).toEqual([]);
        const res = recommend(content, req);
        checkInvariants(content, req, res);
        checkRounded(res);
      }),
      { numRuns: 200 },
    );
  });

  it('gives a teacher with no answers a pathway without advanced modules that fills most of the budget', () => {
    const res = recommend(content, {
      role: 'teacher', phase: 'primary', responses: [], confidence: {}, completedModuleIds: [],
      timeBudgetMinutes: 360, weeklyMinutes: 60, formats: ['online'], priorities: {},
    });
    expect(res.pathway.totalMinutes).toBeGreaterThan(300);
    expect(res.pathway.steps.some((s) => s.level === 'advanced')).toBe(false);
    for (const s of res.pathway.steps) expect(s.explanation.length).toBeGreaterThan(40);
  });
});
