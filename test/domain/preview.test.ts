// The impact preview: a seeded synthetic population that is valid and plausible, no change for an unchanged set, and
// exposure counts that match recommending each person directly, sorted by size of change.
import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { previewImpact, syntheticPopulation } from '../../src/domain/preview.js';
import { recommend, validateRequestRefs } from '../../src/domain/recommend.js';
import type { EvidenceSet } from '../../src/domain/types.js';

const content = getShippedContent();
const current = content.evidence;

/** A draft that makes one module look far better evidenced and more effective. */
function boosted(moduleId: string): EvidenceSet {
  const m = current.modules[moduleId]!;
  return { ...current, id: 'draft', version: current.version + 1, modules: { ...current.modules, [moduleId]: { ...m, strength: 5, expectedImpact: 0.6 } } };
}

describe('syntheticPopulation', () => {
  it('is the same for the same seed and different for another', () => {
    const a = syntheticPopulation(content, 50, 1);
    expect(JSON.stringify(syntheticPopulation(content, 50, 1))).toBe(JSON.stringify(a));
    expect(JSON.stringify(syntheticPopulation(content, 50, 2))).not.toBe(JSON.stringify(a));
    expect(a).toHaveLength(50);
  });

  it('gives valid requests across roles, with phases each role works in', () => {
    const people = syntheticPopulation(content, 300, 42);
    for (const p of people) {
      expect(validateRequestRefs(content, p)).toEqual([]);
      expect(p.responses).toHaveLength(content.questionnaire.items.length);
      for (const r of p.responses) expect(r.value === null || (Number.isInteger(r.value) && r.value >= 1 && r.value <= 5)).toBe(true);
      if (p.role === 'early_years_practitioner') expect(p.phase).toBe('early_years');
      if (p.role === 'fe_lecturer') expect(p.phase).toBe('post16');
    }
    expect(new Set(people.map((p) => p.role)).size).toBeGreaterThanOrEqual(6);
    const values = people.flatMap((p) => p.responses.map((r) => r.value)).filter((v) => v !== null);
    expect(new Set(values).size).toBe(5);
  });
});

describe('previewImpact', () => {
  const people = syntheticPopulation(content, 80, 5);

  it('reports no change when the draft weighs everything the same', () => {
    const p = previewImpact(content, current, { ...current, id: 'same' }, people);
    expect(p).toMatchObject({ population: 80, changedTopK: { count: 0, share: 0 }, changedAny: { count: 0, share: 0 }, gaining: [], losing: [], examples: [] });
    expect(p.weightChanges).toEqual([]);
  });

  it('counts exposure as recommending each person would, and sorts gains and losses by size', () => {
    const target = content.catalogue.modules.find((m) => m.roles.includes('teacher') && m.phases.includes('primary'))!.id;
    const draft = boosted(target);
    const p = previewImpact(content, current, draft, people);
    const count = (evidence: EvidenceSet, k = Infinity) =>
      people.filter((r) => recommend({ ...content, evidence }, r).pathway.steps.slice(0, k).some((s) => s.moduleId === target)).length;
    const row = p.gaining.find((g) => g.moduleId === target)!;
    expect(row).toMatchObject({ before: count(current), after: count(draft), beforeTopK: count(current, 3), afterTopK: count(draft, 3) });
    expect(row.delta).toBeGreaterThan(0);
    expect(p.changedTopK.count).toBeGreaterThan(0);
    expect(p.changedTopK.share).toBeCloseTo(p.changedTopK.count / 80, 4);
    expect(p.changedAny.count).toBeGreaterThanOrEqual(p.changedTopK.count);
    expect(p.gaining.map((g) => Math.abs(g.delta))).toEqual([...p.gaining.map((g) => Math.abs(g.delta))].sort((x, y) => y - x));
    expect(p.losing.every((l) => l.delta < 0 || (l.delta === 0 && l.deltaTopK < 0))).toBe(true);
    expect(p.losing.map((g) => Math.abs(g.delta))).toEqual([...p.losing.map((g) => Math.abs(g.delta))].sort((x, y) => y - x));
    expect(p.examples.length).toBeGreaterThan(0);
    expect(p.examples[0]!.before).not.toEqual(p.examples[0]!.after);
    expect(p.weightChanges.map((w) => w.id)).toEqual(p.weightChanges.map(() => target));
    expect(p.weightChanges.map((w) => w.field).sort()).toEqual(['expectedImpact', 'strength']);
    expect(JSON.stringify(previewImpact(content, current, draft, people))).toBe(JSON.stringify(p));
  });
});
