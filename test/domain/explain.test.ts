import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/domain/recommend.js';
import { shareOfPupils } from '../../src/domain/explain.js';
import { getShippedContent } from '../../src/content/bundled.js';
import { content, request, withModules } from './fixtures.js';

describe('explanations', () => {
  it('names the gap as rated, why it matters in the setting, and the evidence, in short sentences', () => {
    const res = recommend(withModules(['slcn-basics', 'semh-basics']), request({ responses: [{ itemId: 'q-slcn-1', value: 1 }], timeBudgetMinutes: 45 }));
    const step = res.pathway.steps[0]!;
    expect(step.moduleId).toBe('slcn-basics');
    expect(step.explanation).toBe(
      'You rated your confidence with speech, language and communication 1 out of 5. ' +
        'About a quarter of pupils with SEN in primary schools have this as their main need. The evidence for this approach is strong.',
    );
    expect(step.reasons.map((r) => r.kind)).toEqual(['gap', 'prevalence', 'evidence']);
    expect(step.reasons[0]).toMatchObject({ kind: 'gap', areaId: 'slcn', text: 'Confidence with speech, language and communication: 1 of 5 (from your answers), give or take 0.6.' });
    expect(step.reasons[1]).toMatchObject({ kind: 'prevalence', areaId: 'slcn', value: 0.28 });
    expect(step.reasons[2]).toMatchObject({ kind: 'evidence', value: 4 });
  });

  it("uses the scale's words for the rating", () => {
    const shipped = getShippedContent();
    const item = shipped.questionnaire.items.find((it) => it.id === 'vision')!;
    const res = recommend(shipped, { ...request({ formats: ['online', 'in_person', 'in_house'], timeBudgetMinutes: 360 }), responses: [{ itemId: item.id, value: 1 }] });
    const step = res.pathway.steps.find((s) => s.explanation.includes('vision'))!;
    expect(step.explanation).toContain('1 out of 5 (not at all confident)');
  });

  it('says when an area was not rated, and uses the setting profile when given', () => {
    const res = recommend(withModules(['semh-basics']), request({ settingProfile: { semh: 0.5 }, timeBudgetMinutes: 60 }));
    expect(res.pathway.steps[0]!.explanation).toMatch(/^You have not rated social, emotional and mental health yet, so we used what is typical for your role: 3 out of 5\./);
    expect(res.pathway.steps[0]!.explanation).toContain('About half of pupils with SEN in your setting');
  });

  it('never gives a high confidence as the reason for a step', () => {
    const res = recommend(content, request({ timeBudgetMinutes: 900, formats: ['online', 'in_person', 'in_house'], responses: [{ itemId: 'q-slcn-1', value: 5 }, { itemId: 'q-autism-1', value: 4 }] }));
    const confident = res.pathway.steps.filter((s) => /You rated (speech|autism)/.test(s.explanation));
    expect(confident.length).toBeGreaterThan(0);
    for (const s of confident) expect(s.explanation).toContain('so this is not one of your main gaps');
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
    expect(step.explanation).toContain('Few pupils have this as their main need, but each of them needs staff who are ready.');
    expect(step.reasons.find((r) => r.kind === 'prevalence')!.text).toContain('weighted as if 5%');
  });

  it('puts shares into words', () => {
    expect(shareOfPupils(0.258)).toBe('about a quarter of pupils');
    expect(shareOfPupils(0.165)).toBe('about one in six pupils');
    expect(shareOfPupils(0.016)).toBe('about 1 in 63 pupils');
    expect(shareOfPupils(0.003)).toBe('fewer than one in a hundred pupils');
  });

  it('writes short sentences that each end in a full stop', () => {
    const res = recommend(content, request({ timeBudgetMinutes: 900, formats: ['online', 'in_person', 'in_house'] }));
    expect(res.pathway.steps.length).toBeGreaterThan(5);
    for (const s of res.pathway.steps) {
      expect(s.explanation.endsWith('.')).toBe(true);
      for (const sentence of s.explanation.split(/(?<=\.) /)) expect(sentence.split(' ').length).toBeLessThanOrEqual(25);
    }
  });
});
