// The shipped content in data/ loads, and meets the coverage a member of staff in any role and phase relies on.
import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { MIN_MODULES_PER_ROLE_PHASE, rolePhaseCounts, suits } from '../../src/content/coverage.js';
import { LEVELS, PHASES, ROLES } from '../../src/domain/types.js';

const content = getShippedContent();
const { taxonomy, questionnaire, catalogue, evidence } = content;

describe('shipped content', () => {
  it('loads without problems and is memoised', () => {
    expect(getShippedContent()).toBe(content);
    expect(Object.isFrozen(content.catalogue.modules[0])).toBe(true);
  });

  it('has the eleven DfE census needs and the seven practice domains', () => {
    const census = taxonomy.areas.filter((a) => a.censusCode !== undefined).map((a) => a.censusCode);
    expect(census.sort()).toEqual(['ASD', 'HI', 'MLD', 'MSI', 'PD', 'PMLD', 'SEMH', 'SLCN', 'SLD', 'SPLD', 'VI']);
    expect(taxonomy.areas.filter((a) => a.group === 'practice').map((a) => a.id).sort()).toEqual([
      'adaptive-teaching',
      'assistive-technology',
      'early-identification',
      'graduated-approach',
      'inclusive-culture',
      'working-with-parents',
      'working-with-tas',
    ]);
  });

  it('asks 12 to 20 questions, each completing "I feel confident to…", on a labelled five-point scale', () => {
    expect(questionnaire.items.length).toBeGreaterThanOrEqual(12);
    expect(questionnaire.items.length).toBeLessThanOrEqual(20);
    expect(questionnaire.scale.labels).toHaveLength(5);
    expect(questionnaire.scale.notRelevantLabel).toBe('Not relevant to my role');
    for (const item of questionnaire.items) {
      expect(item.prompt, item.id).toMatch(/^[a-z]/);
      expect(item.prompt, item.id).not.toMatch(/^I feel confident/i);
      expect(item.prompt, item.id).not.toMatch(/[.?]$/);
    }
  });

  it('has at least 60 modules, each with evidence in the expected ranges', () => {
    expect(catalogue.modules.length).toBeGreaterThanOrEqual(60);
    for (const m of catalogue.modules) {
      const e = evidence.modules[m.id];
      expect(e, m.id).toBeDefined();
      expect(e?.expectedImpact, m.id).toBeGreaterThanOrEqual(0.05);
      expect(e?.expectedImpact, m.id).toBeLessThanOrEqual(0.3);
      expect(m.outcomes.length, m.id).toBeGreaterThanOrEqual(2);
      expect(m.outcomes.length, m.id).toBeLessThanOrEqual(3);
    }
  });

  it(`gives every role in every phase at least ${MIN_MODULES_PER_ROLE_PHASE} suitable modules`, () => {
    const short = rolePhaseCounts(catalogue).filter((c) => c.count < MIN_MODULES_PER_ROLE_PHASE);
    expect(short).toEqual([]);
    expect(rolePhaseCounts(catalogue)).toHaveLength(ROLES.length * PHASES.length);
  });

  it('gives every role and every phase a choice at each level', () => {
    for (const level of LEVELS) {
      for (const role of ROLES) expect(catalogue.modules.some((m) => m.level === level && m.roles.includes(role)), `${role} ${level}`).toBe(true);
      for (const phase of PHASES) expect(catalogue.modules.some((m) => m.level === level && m.phases.includes(phase)), `${phase} ${level}`).toBe(true);
    }
  });

  it('never offers early years practitioners a module without early years, nor college staff one without post-16', () => {
    for (const m of catalogue.modules) {
      if (m.roles.includes('early_years_practitioner')) expect(m.phases, m.id).toContain('early_years');
      if (m.roles.includes('fe_lecturer')) expect(m.phases, m.id).toContain('post16');
      if (m.roles.includes('learning_support')) expect(m.phases, m.id).toContain('post16');
    }
    expect(catalogue.modules.filter((m) => suits(m, 'early_years_practitioner', 'early_years')).length).toBeGreaterThanOrEqual(20);
  });

  it('covers the content the DfE training offer names', () => {
    const ids = new Set(catalogue.modules.map((m) => m.id));
    for (const id of [
      'vi-adapting-teaching',
      'slcn-in-the-classroom',
      'speech-to-text-dictation',
      'inclusive-belonging',
      'working-with-parents-foundations',
      'noticing-early-signs',
      'five-a-day-overview',
      'ta-deployment-essentials',
      'graduated-approach-in-practice',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('has a national prevalence profile for every phase, with floors for low-incidence needs', () => {
    for (const phase of PHASES) {
      const shares = Object.values(evidence.prevalence.byPhase[phase]);
      expect(shares).toHaveLength(11);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    }
    expect(Object.keys(evidence.prevalence.floors).sort()).toEqual(['hi', 'msi', 'pmld', 'vi']);
    expect(evidence.prevalence.byPhase.early_years.slcn).toBeGreaterThan(evidence.prevalence.byPhase.secondary.slcn ?? 1);
    expect(evidence.prevalence.byPhase.secondary.spld).toBeGreaterThan(evidence.prevalence.byPhase.primary.spld ?? 1);
  });
});
