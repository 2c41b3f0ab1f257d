import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectedShortfall, normalCdf } from '../../src/domain/numeric.js';
import { areaImportance, computeNeed, confidenceGap, SECURE_TARGET } from '../../src/domain/need.js';
import { estimateProfile } from '../../src/domain/profile.js';
import { createRng } from '../../src/domain/rng.js';
import { content, request } from './fixtures.js';
import { requestArb } from './arbitraries.js';

const idx = (id: string) => content.taxonomy.areas.findIndex((a) => a.id === id);

describe('expected shortfall', () => {
  it('matches a Monte Carlo estimate of E[max(0, t - c)]', () => {
    const rng = createRng(7);
    for (const [mean, sd] of [[0.5, 0.2], [0.8, 0.1], [0.2, 0.3]] as const) {
      let sum = 0;
      const n = 200_000;
      for (let i = 0; i < n; i++) sum += Math.max(0, SECURE_TARGET - (mean + sd * rng.normal()));
      expect(expectedShortfall(mean, sd, SECURE_TARGET)).toBeCloseTo(sum / n, 2);
    }
  });

  it('is at least the plain gap and collapses to it as sd → 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.2, max: 1.2, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (m, s) => {
        expect(expectedShortfall(m, s, 0.75)).toBeGreaterThanOrEqual(Math.max(0, 0.75 - m) - 1e-6);
      }),
    );
    expect(expectedShortfall(0.6, 0, 0.75)).toBeCloseTo(0.15, 12);
  });

  it('normalCdf is accurate', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
  });
});

describe('need', () => {
  it('gives an unsure estimate near the threshold more need than a sure one at the same mean', () => {
    expect(confidenceGap(0.8, 0.25)).toBeGreaterThan(confidenceGap(0.8, 0.03) + 0.05);
    // …so a person who answered nothing about an area keeps real need there even if the prior mean is high.
  });

  it('weights by the phase profile, or by the setting profile when given', () => {
    const national = areaImportance(content, request({ phase: 'primary' }));
    const setting = areaImportance(content, request({ phase: 'primary', settingProfile: { slcn: 0.02, semh: 0.6 } }));
    expect(setting.importance[idx('slcn')]).toBeLessThan(national.importance[idx('slcn')]!);
    expect(setting.importance[idx('semh')]).toBeGreaterThan(national.importance[idx('semh')]!);
    const ey = areaImportance(content, request({ phase: 'early_years' }));
    expect(ey.importance[idx('slcn')]).toBeGreaterThanOrEqual(national.importance[idx('slcn')]!);
    expect(ey.importance[idx('spld')]).toBeLessThan(national.importance[idx('spld')]!);
  });

  it('applies floors to low-incidence needs', () => {
    const imp = areaImportance(content, request());
    // VI share 0.01 with floor 0.05: weighted as 0.05, so above what 0.01 alone would give.
    expect(imp.importance[idx('vi')]).toBeCloseTo(0.8 * Math.sqrt(0.05 / 0.25), 10);
    expect(imp.prevalence[idx('vi')]).toBe(0.01);
  });

  it('uses panel importance alone for practice areas, role relevance, and priorities', () => {
    const teacher = areaImportance(content, request());
    expect(teacher.importance[idx('adaptive-teaching')]).toBeCloseTo(0.9, 12);
    expect(Number.isNaN(teacher.prevalence[idx('adaptive-teaching')])).toBe(true);
    const ta = areaImportance(content, request({ role: 'teaching_assistant' }));
    expect(ta.importance[idx('adaptive-teaching')]).toBeCloseTo(0.54, 12);
    const prioritised = areaImportance(content, request({ priorities: { vi: 3 } }));
    expect(prioritised.importance[idx('vi')]).toBeCloseTo(1, 12);
    const some = areaImportance(content, request({ priorities: { vi: 1 } }));
    expect(some.importance[idx('vi')]).toBeGreaterThan(teacher.importance[idx('vi')]!);
    expect(some.importance[idx('vi')]).toBeLessThan(1);
  });

  it('keeps need within 0..1 for any valid request', () => {
    fc.assert(
      fc.property(requestArb(content), (req) => {
        const n = computeNeed(content, req, estimateProfile(content, req));
        for (const v of n.need) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('gives more need to a lower-rated area, other things equal', () => {
    const req = request({ responses: [{ itemId: 'q-mld-1', value: 1 }, { itemId: 'q-spld-1', value: 4 }], settingProfile: { mld: 0.15, spld: 0.15 } });
    const n = computeNeed(content, req, estimateProfile(content, req));
    expect(n.need[idx('mld')]).toBeGreaterThan(n.need[idx('spld')]!);
  });
});
