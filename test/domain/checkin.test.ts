import { describe, expect, it } from 'vitest';
import { checkIn } from '../../src/domain/checkin.js';
import { recommend } from '../../src/domain/recommend.js';
import { content, request, withModules } from './fixtures.js';

describe('checkIn', () => {
  const req = request({ responses: [{ itemId: 'q-slcn-1', value: 1 }, { itemId: 'q-semh-1', value: 2 }], timeBudgetMinutes: 300 });
  const first = recommend(content, req);
  const done = first.pathway.steps[0]!;

  it('reports completed modules first, keeps them out of the re-plan and takes their minutes from the budget', () => {
    const r = checkIn(content, req, first, { moduleId: done.moduleId, ratings: {} });
    expect(Object.keys(r)[0]).toBe('completed');
    expect(r.completed).toEqual([{ status: 'completed', order: 1, moduleId: done.moduleId, title: done.title, minutes: done.minutes }]);
    expect(r.request.completedModuleIds).toEqual([done.moduleId]);
    expect(r.request.timeBudgetMinutes).toBe(300 - done.minutes);
    expect(r.response.pathway.steps.map((s) => s.moduleId)).not.toContain(done.moduleId);
    expect(r.response.pathway.totalMinutes).toBeLessThanOrEqual(300 - done.minutes);
    expect(r.response.provenance.inputHash).not.toBe(first.provenance.inputHash);
  });

  it('moves the profile toward the re-rating and re-plans around it', () => {
    // A second foundation SLCN module (ey-communication, opened to primary teachers) competes with SEMH and MLD.
    const c = withModules(['slcn-basics', 'semh-basics', 'mld-basics', 'ey-communication'], (m) =>
      m.id === 'ey-communication' ? { ...m, roles: ['teacher'], phases: ['primary'] } : m,
    );
    const r0 = recommend(c, req);
    const slcn = ['slcn-basics', 'ey-communication'];
    const taken = r0.pathway.steps[0]!.moduleId;
    expect(slcn).toContain(taken);
    const other = slcn.find((id) => id !== taken)!;
    const confident = checkIn(c, req, r0, { moduleId: taken, ratings: { slcn: 5 } });
    const struggling = checkIn(c, req, r0, { moduleId: taken, ratings: { slcn: 1 } });
    expect(confident.response.profile.slcn!.confidence).toBeGreaterThan(r0.profile.slcn!.confidence + 0.15);
    expect(struggling.response.profile.slcn!.confidence).toBeLessThan(confident.response.profile.slcn!.confidence);
    expect(confident.response.profile.slcn!.basis).toBe('checkin');
    expect(confident.response.profile.slcn!.need).toBeLessThan(struggling.response.profile.slcn!.need);
    // A re-rating shows back as given.
    expect(confident.response.profile.slcn!.confidence).toBe(1);
    expect(struggling.response.profile.slcn!.confidence).toBe(0);
    // An area the person did not re-rate does not change.
    const silent = checkIn(c, req, r0, { moduleId: taken, ratings: {} });
    for (const field of ['confidence', 'estimate', 'uncertainty', 'basis'] as const) {
      expect(silent.response.profile.slcn![field]).toBe(r0.profile.slcn![field]);
    }
    const partial = checkIn(c, req, r0, { moduleId: taken, ratings: { semh: 4 } });
    expect(partial.response.profile.slcn!.confidence).toBe(r0.profile.slcn!.confidence);
    expect(partial.response.profile.semh!.confidence).toBe(0.75);
    // The re-plan follows the re-rating: more SLCN next for the one still struggling.
    const first = (r: typeof confident) => r.response.pathway.steps[0]!.moduleId;
    expect(first(struggling)).toBe(other);
    expect(first(confident)).not.toBe(other);
  });

  it('chains: a second check-in keeps both completed modules, in order', () => {
    const one = checkIn(content, req, first, { moduleId: done.moduleId, ratings: { slcn: 3 } });
    const nextStep = one.response.pathway.steps[0]!;
    const two = checkIn(content, one.request, one.response, { moduleId: nextStep.moduleId, ratings: {} });
    expect(two.completed.map((c) => c.moduleId)).toEqual([done.moduleId, nextStep.moduleId]);
    expect(two.request.timeBudgetMinutes).toBe(300 - done.minutes - nextStep.minutes);
    const planned = two.response.pathway.steps.map((s) => s.moduleId);
    expect(planned).not.toContain(done.moduleId);
    expect(planned).not.toContain(nextStep.moduleId);
  });

  it('yields observations for re-rated areas the module targets: the estimate before, the rating after', () => {
    const r = checkIn(content, req, first, { moduleId: 'autism-basics', ratings: { slcn: 3, semh: 4, autism: 2 } });
    expect(r.observations.map((o) => o.areaId)).toEqual(['autism', 'slcn']);
    expect(r.observations[1]).toMatchObject({ moduleId: 'autism-basics', relevance: 0.3, before: first.profile.slcn!.estimate, after: 0.5 });
    expect(r.observations[0]).toMatchObject({ relevance: 1, before: first.profile.autism!.estimate, after: 0.25 });
  });

  it('rejects unknown ids', () => {
    expect(() => checkIn(content, req, first, { moduleId: 'ghost', ratings: {} })).toThrow(RangeError);
  });
});

describe('checkIn for a module already completed', () => {
  it('only re-rates: no second effect, no observations, no budget change', () => {
    const req = request({ responses: [{ itemId: 'q-slcn-1', value: 2 }], completedModuleIds: ['slcn-basics'], timeBudgetMinutes: 200 });
    const prev = recommend(content, req);
    const r = checkIn(content, req, prev, { moduleId: 'slcn-basics', ratings: {} });
    expect(r.observations).toEqual([]);
    expect(r.request.timeBudgetMinutes).toBe(200);
    expect(r.request.completedModuleIds).toEqual(['slcn-basics']);
    expect(r.response.profile.slcn!.confidence).toBe(prev.profile.slcn!.confidence);
  });
});
