import { describe, expect, it } from 'vitest';
import type { Content, EffectObservation } from '../../src/domain/types.js';
import { adjustEvidence, effectObservation, learnModuleEffects, sampleEvidence } from '../../src/domain/learning.js';
import { strengthFactor } from '../../src/domain/gain.js';
import { recommend } from '../../src/domain/recommend.js';
import { createRng } from '../../src/domain/rng.js';
import { content, request, withModules } from './fixtures.js';

/** Observations simulated from the learning model with true effects `truth` (noise sd 0.12, plus `drift`). */
function simulate(c: Content, truth: Record<string, number>, perModule: number, seed = 1, drift = 0): EffectObservation[] {
  const rng = createRng(seed);
  const out: EffectObservation[] = [];
  for (const m of c.catalogue.modules) {
    if (!(m.id in truth)) continue;
    const sf = strengthFactor(c.evidence.modules[m.id]!.strength);
    for (let i = 0; i < perModule; i++) {
      const area = m.areas[i % m.areas.length]!;
      const before = 0.1 + 0.7 * rng.next();
      const o = effectObservation(c, m.id, area.areaId, before, 0);
      const after = before + drift + truth[m.id]! * sf * o.relevance * o.levelFit * o.headroom + 0.12 * rng.normal();
      out.push({ ...o, after });
    }
  }
  return out;
}

describe('population learning', () => {
  const truth = { 'slcn-basics': 0.3, 'semh-basics': 0.04, 'mld-basics': 0.12 }; // panel: 0.15, 0.14, 0.12

  it('moves effects toward the truth: better than thought rises, worse falls', () => {
    const learned = learnModuleEffects(content, simulate(content, truth, 400));
    const get = (id: string) => learned.modules.find((m) => m.moduleId === id)!;
    expect(get('slcn-basics').prior).toBe(0.15);
    expect(get('slcn-basics').learned).toBeGreaterThan(0.25);
    expect(get('semh-basics').learned).toBeLessThan(0.08);
    for (const [id, t] of Object.entries(truth)) {
      expect(Math.abs(get(id).learned - t)).toBeLessThan(0.04);
      expect(get(id).n).toBe(400);
    }
    expect(learned.drift).toBeCloseTo(0, 4);
    expect(learned.noiseSd).toBeCloseTo(0.12, 1);
  });

  it('can separate a shared re-rating drift when asked to', () => {
    const obs = simulate(content, truth, 400, 2, 0.05);
    const fixed = learnModuleEffects(content, obs).modules.find((m) => m.moduleId === 'mld-basics')!;
    const free = learnModuleEffects(content, obs, { driftStrength: 1 });
    expect(free.drift).toBeCloseTo(0.05, 1);
    const freeMld = free.modules.find((m) => m.moduleId === 'mld-basics')!;
    expect(Math.abs(freeMld.learned - 0.12)).toBeLessThan(Math.abs(fixed.learned - 0.12));
  });

  it('leans on the prior with little data, and grows surer with more', () => {
    const few = learnModuleEffects(content, simulate(content, truth, 3));
    const many = learnModuleEffects(content, simulate(content, truth, 300));
    const f = few.modules.find((m) => m.moduleId === 'slcn-basics')!;
    const m = many.modules.find((m) => m.moduleId === 'slcn-basics')!;
    expect(Math.abs(f.learned - f.prior)).toBeLessThan(Math.abs(m.learned - m.prior));
    expect(m.sd).toBeLessThan(f.sd);
    const untouched = many.modules.find((x) => x.moduleId === 'vi-awareness')!;
    expect(untouched).toMatchObject({ n: 0, learned: expect.closeTo(untouched.prior, 10) });
  });

  it('produces an evidence set the planner uses: a module that proved better replaces one that proved worse', () => {
    const c = withModules(['slcn-basics', 'semh-basics']);
    const req = request({ responses: [{ itemId: 'q-slcn-1', value: 2 }, { itemId: 'q-semh-1', value: 2 }], timeBudgetMinutes: 60, settingProfile: { slcn: 0.25, semh: 0.25 } });
    expect(recommend(c, req).pathway.steps.map((s) => s.moduleId)).toEqual(['slcn-basics']);
    const learned = learnModuleEffects(c, simulate(c, { 'slcn-basics': 0.03, 'semh-basics': 0.3 }, 300));
    const adjusted: Content = { ...c, evidence: adjustEvidence(c.evidence, learned) };
    expect(adjusted.evidence.id).toMatch(/^test-evidence-1\+learned\.[0-9a-f]{12}$/);
    expect(adjusted.evidence.modules['semh-basics']!.expectedImpact).toBeGreaterThan(0.25);
    expect(adjusted.evidence.modules['slcn-basics']!.expectedImpact).toBeLessThan(0.08);
    const res = recommend(adjusted, req);
    expect(res.pathway.steps.map((s) => s.moduleId)).toEqual(['semh-basics']);
    expect(res.provenance.evidenceSetId).toBe(adjusted.evidence.id);
  });

  it('samples evidence sets deterministically for a seed', () => {
    const learned = learnModuleEffects(content, simulate(content, truth, 20));
    const a = sampleEvidence(content.evidence, learned, createRng(3));
    const b = sampleEvidence(content.evidence, learned, createRng(3));
    expect(a).toEqual(b);
    expect(a.modules['slcn-basics']!.expectedImpact).not.toBe(content.evidence.modules['slcn-basics']!.expectedImpact);
  });
});
