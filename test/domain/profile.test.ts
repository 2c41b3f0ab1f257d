import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateProfile, priorFor, priorWeight, toInternal, NOT_RELEVANT_FACTOR, ITEM_NOISE_SD } from '../../src/domain/profile.js';
import { computeNeed } from '../../src/domain/need.js';
import { content, request } from './fixtures.js';

const idx = (id: string) => content.taxonomy.areas.findIndex((a) => a.id === id);

describe('profile', () => {
  it('maps the 1..5 scale to 0..1 as (v-1)/4', () => {
    expect([1, 2, 3, 4, 5].map(toInternal)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('keeps the role and phase prior, with its wide sd, for unanswered areas', () => {
    const p = estimateProfile(content, request({ role: 'senco', phase: 'special', responses: [{ itemId: 'q-slcn-1', value: 1 }] }));
    const semh = idx('semh');
    expect(p.mean[semh]).toBeCloseTo(0.7, 10); // senco prior 0.65 + special shift 0.05
    expect(p.estimate[semh]).toBeCloseTo(0.7, 10);
    expect(p.sd[semh]).toBeCloseTo(0.2, 10);
    expect(p.basis[semh]).toBe('prior');
    expect(priorFor(content.evidence, 'teacher', 'primary')).toEqual({ mean: 0.5, sd: 0.25 });
  });

  it("shows own answers as given, with the uncertainty beside them; the planner's estimate is drawn toward the prior", () => {
    const a = idx('slcn');
    for (const value of [1, 2, 3, 4, 5]) {
      const p = estimateProfile(content, request({ responses: [{ itemId: 'q-slcn-1', value }] }));
      expect(p.mean[a]).toBe(toInternal(value));
      expect(p.selfReport[a]).toBe(toInternal(value));
      expect(p.sd[a]).toBeCloseTo(1 / Math.sqrt(1 / 0.25 ** 2 + 1 / ITEM_NOISE_SD ** 2), 12);
      const k0 = priorWeight({ mean: 0.5, sd: 0.25 });
      expect(p.estimate[a]).toBeCloseTo((k0 * 0.5 + toInternal(value)) / (k0 + 1), 12);
    }
    // Two own answers: their loading-weighted mean, shown as given; more said, less uncertain, less drawn.
    const two = estimateProfile(content, request({ responses: [{ itemId: 'q-slcn-1', value: 1 }, { itemId: 'q-slcn-2', value: 2 }] }));
    const one = estimateProfile(content, request({ responses: [{ itemId: 'q-slcn-1', value: 1 }] }));
    expect(two.mean[a]).toBeCloseTo((0 + 0.8 * 0.25) / 1.8, 12);
    expect(two.sd[a]).toBeLessThan(one.sd[a]!);
  });

  it('shrinks an area known only from side answers toward the prior, more for a weaker loading', () => {
    // q-slcn-2 loads 0.8 on slcn (its main area) and 0.2 on autism (a side answer).
    const p = estimateProfile(content, request({ responses: [{ itemId: 'q-slcn-2', value: 1 }] }));
    const k0 = priorWeight({ mean: 0.5, sd: 0.25 });
    expect(p.mean[idx('slcn')]).toBe(0);
    expect(p.mean[idx('autism')]).toBeCloseTo((k0 * 0.5) / (k0 + 0.2), 12);
    expect(p.basis[idx('autism')]).toBe('responses');
  });

  it('uses a direct rating, as given, only where no answer covers the area', () => {
    const p = estimateProfile(content, request({ responses: [{ itemId: 'q-slcn-1', value: 4 }], confidence: { slcn: 1, semh: 1 } }));
    expect(p.mean[idx('slcn')]).toBe(0.75);
    expect(p.mean[idx('semh')]).toBe(0);
    expect(p.basis[idx('semh')]).toBe('direct');
    expect(p.selfReport[idx('semh')]).toBe(0);
  });

  it('treats null as "not relevant": not a rating, flags the area, and lowers its need', () => {
    const none = estimateProfile(content, request());
    const nr = estimateProfile(content, request({ responses: [{ itemId: 'q-vi-1', value: null }] }));
    const vi = idx('vi');
    expect(nr.mean[vi]).toBe(none.mean[vi]);
    expect(nr.sd[vi]).toBe(none.sd[vi]);
    expect(nr.notRelevant[vi]).toBe(true);
    const needNone = computeNeed(content, request(), none).need[vi]!;
    const needNr = computeNeed(content, request(), nr).need[vi]!;
    expect(needNr).toBeCloseTo(needNone * NOT_RELEVANT_FACTOR, 10);
  });

  it('does not flag an area when another answered item covers it', () => {
    const p = estimateProfile(content, request({ responses: [{ itemId: 'q-semh-1', value: null }, { itemId: 'q-semh-2', value: 2 }] }));
    expect(p.notRelevant[idx('semh')]).toBe(false);
    expect(p.mean[idx('semh')]).toBe(0.25);
  });

  it('does not depend on the order of responses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ itemId: fc.constantFrom(...content.questionnaire.items.map((i) => i.id)), value: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) })),
        fc.infiniteStream(fc.double({ noNaN: true })),
        (responses, keys) => {
          const shuffled = responses.map((r) => [keys.next().value, r] as const).sort((x, y) => x[0] - y[0]).map((x) => x[1]);
          const p = estimateProfile(content, request({ responses }));
          const q = estimateProfile(content, request({ responses: shuffled }));
          for (let a = 0; a < p.mean.length; a++) {
            expect(q.mean[a]).toBeCloseTo(p.mean[a]!, 12);
            expect(q.notRelevant[a]).toBe(p.notRelevant[a]);
          }
        },
      ),
    );
  });
});
