import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/domain/recommend.js';
import { shareOfPupils } from '../../src/domain/explain.js';
import { content, request, withModules } from './fixtures.js';

describe('explanations', () => {
  it('writes one plain sentence naming the area, its prevalence and the evidence', () => {
    const res = recommend(withModules(['slcn-basics', 'semh-basics']), request({ responses: [{ itemId: 'q-slcn-1', value: 1 }], timeBudgetMinutes: 45 }));
    const step = res.pathway.steps[0]!;
    expect(step.moduleId).toBe('slcn-basics');
    expect(step.explanation).toBe(
      'You rated your confidence with speech, language and communication low, and about a quarter of pupils with SEN in primary settings have this as their main need; this module\'s approach has strong evidence.',
    );
    expect(step.reasons.map((r) => r.kind)).toEqual(['gap', 'prevalence', 'evidence']);
    expect(step.reasons[0]).toMatchObject({ kind: 'gap', areaId: 'slcn' });
    expect(step.reasons[1]).toMatchObject({ kind: 'prevalence', areaId: 'slcn', value: 0.28 });
    expect(step.reasons[2]).toMatchObject({ kind: 'evidence', value: 4 });
  });

  it('says when an area was not rated, and uses the setting profile when given', () => {
    const res = recommend(withModules(['semh-basics']), request({ settingProfile: { semh: 0.5 }, timeBudgetMinutes: 60 }));
    expect(res.pathway.steps[0]!.explanation).toMatch(/^You have not rated your confidence with social, emotional and mental health yet/);
    expect(res.pathway.steps[0]!.explanation).toContain('about half of pupils with SEN in your setting');
  });

  it('explains a prerequisite by the module that needs it', () => {
    const c = withModules(['slcn-basics', 'slcn-advanced'], (m) => (m.id === 'slcn-basics' ? { ...m, areas: [{ areaId: 'mld', relevance: 0.1 }] } : m));
    const res = recommend(c, request({ role: 'senco', responses: [{ itemId: 'q-slcn-1', value: 4 }], timeBudgetMinutes: 105, priorities: { slcn: 3 } }));
    const [pre, adv] = res.pathway.steps;
    expect([pre?.moduleId, adv?.moduleId]).toEqual(['slcn-basics', 'slcn-advanced']);
    expect(pre!.reasons).toContainEqual({ kind: 'prerequisite', value: 2, text: 'Needed before step 2, "Module slcn-advanced".' });
    expect(pre!.explanation).toMatch(/^This module comes before "Module slcn-advanced", which builds on it/);
    expect(adv!.reasons).toContainEqual(expect.objectContaining({ kind: 'priority', areaId: 'slcn', value: 3 }));
  });

  it('says a floored low-incidence need is weighted up, not that it is common', () => {
    const res = recommend(withModules(['vi-awareness']), request({ responses: [{ itemId: 'q-vi-1', value: 1 }], timeBudgetMinutes: 30 }));
    const step = res.pathway.steps[0]!;
    expect(step.explanation).toContain('although few pupils have this as their main need');
    expect(step.reasons.find((r) => r.kind === 'prevalence')!.text).toContain('weighted as if 5%');
  });

  it('puts shares into words', () => {
    expect(shareOfPupils(0.258)).toBe('about a quarter of pupils');
    expect(shareOfPupils(0.165)).toBe('about one in six pupils');
    expect(shareOfPupils(0.016)).toBe('about 1 in 63 pupils');
    expect(shareOfPupils(0.003)).toBe('fewer than one in a hundred pupils');
  });

  it('gives every step exactly one sentence', () => {
    const res = recommend(content, request({ timeBudgetMinutes: 900, formats: ['online', 'in_person', 'in_house'] }));
    expect(res.pathway.steps.length).toBeGreaterThan(5);
    for (const s of res.pathway.steps) {
      expect(s.explanation.match(/[.!?](\s|$)/g)).toHaveLength(1);
      expect(s.explanation.endsWith('.')).toBe(true);
    }
  });
});
