// Coverage aggregation (domain/coverage.ts): shares per area, small groups suppressed, and the second suppression
// that stops a hidden group being worked out from the total.
import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { computeCoverage, secureAreas, type CoveragePerson } from '../../src/domain/coverage.js';

const content = getShippedContent();
const person = (role: string, confidence: Record<string, number> | null, completed: string[] = [], phase = 'primary'): CoveragePerson => ({
  role,
  phase,
  secure: confidence && new Set(secureAreas(confidence)),
  completed: new Set(completed),
});

describe('computeCoverage', () => {
  it('gives the share secure per area among those assessed and the share trained among everyone', () => {
    const people = [
      ...Array.from({ length: 4 }, () => person('teacher', { slcn: 0.75 }, ['communication-friendly-practice'])),
      ...Array.from({ length: 4 }, () => person('teacher', { slcn: 0.5 })),
      person('teacher', null),
      person('teacher', null, ['dyslexia-in-practice']),
    ];
    const cov = computeCoverage(content, people);
    const slcn = cov.overall.areas.find((a) => a.areaId === 'slcn')!;
    expect(slcn).toMatchObject({ assessed: 8, secureShare: 0.5, trainedShare: 0.4, suppressed: false });
    expect(cov.allStaffTrained).toEqual({ trained: 5, total: 10, share: 0.5 });
    expect(cov.overall.areas.find((a) => a.areaId === 'spld')!.trainedShare).toBe(0.1);
  });

  it('hides every figure of a group under five people, and of an area with under five assessed', () => {
    const people = [...Array.from({ length: 6 }, () => person('teacher', null)), ...Array.from({ length: 3 }, () => person('teaching_assistant', { slcn: 1 }))];
    const cov = computeCoverage(content, people);
    expect(cov.overall.staffCount).toBe(9);
    expect(cov.overall.areas.every((a) => a.suppressed && a.secureShare === null && a.trainedShare === null)).toBe(true);
    const ta = cov.byRole.find((g) => g.value === 'teaching_assistant')!;
    expect(ta).toMatchObject({ suppressed: true, staffCount: null, assessed: null, trainedShare: null });
  });

  it('suppresses a second group when exactly one is hidden, so the total cannot reveal it', () => {
    const people = [
      ...Array.from({ length: 12 }, () => person('teacher', { slcn: 0.8 })),
      ...Array.from({ length: 6 }, () => person('teaching_assistant', { slcn: 0.2 })),
      ...Array.from({ length: 2 }, () => person('senco', { slcn: 1 })),
    ];
    const cov = computeCoverage(content, people);
    const by = Object.fromEntries(cov.byRole.map((g) => [g.value, g.suppressed]));
    expect(by).toEqual({ senco: true, teaching_assistant: true, teacher: false });
    expect(cov.overall.suppressed).toBe(false);
  });

  it('suppresses the whole setting under five people but still says how many staff there are', () => {
    const cov = computeCoverage(content, [person('teacher', { slcn: 1 }, ['communication-friendly-practice'])]);
    expect(cov.overall.suppressed).toBe(true);
    expect(cov.allStaffTrained).toEqual({ trained: null, total: 1, share: null });
  });
});
