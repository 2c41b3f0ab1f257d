// Behaviour of the AHP panel maths: validation as data, inconsistency flagged (never repaired), panel
// aggregation with dispersion, module-rating summaries, and applying/diffing evidence sets.
import { describe, expect, it } from 'vitest';
import type { EvidenceSet, Provenance } from '../../src/domain/types.js';
import {
  aggregateModuleRatings,
  aggregatePairwise,
  analysePairwise,
  applyPanelResults,
  buildPairwiseMatrix,
  diffEvidenceSets,
  geometricMeanPriorities,
  randomIndex,
  validatePairwiseMatrix,
  type ModuleRating,
  type PairwiseMatrix,
} from '../../src/domain/ahp/index.js';

const paths = (problems: readonly { path: string }[]): string[] => problems.map((p) => p.path);

/** The consistent matrix a_ij = w_i / w_j. */
const consistent = (w: readonly number[]): number[][] => w.map((wi) => w.map((wj) => wi / wj));

describe('validatePairwiseMatrix', () => {
  it('accepts a valid matrix, including 1/3 and 1/9 typed to three decimals', () => {
    expect(validatePairwiseMatrix([[1, 3, 9], [1 / 3, 1, 3], [1 / 9, 1 / 3, 1]])).toEqual([]);
    expect(validatePairwiseMatrix([[1, 3, 9], [0.333, 1, 3], [0.111, 0.333, 1]])).toEqual([]);
  });

  it('reports a non-square matrix and one too small, by row', () => {
    expect(paths(validatePairwiseMatrix([[1, 2], [0.5]]))).toEqual(['[1]']);
    expect(validatePairwiseMatrix([[1]])[0]!.message).toMatch(/at least 2/);
    expect(paths(validatePairwiseMatrix('not a matrix'))).toEqual(['']);
  });

  it('reports a non-reciprocal pair once, at [i][j], with the expected value', () => {
    const problems = validatePairwiseMatrix([[1, 3, 2], [1 / 2, 1, 1], [1 / 2, 1, 1]]);
    expect(paths(problems)).toEqual(['[0][1]']);
    expect(problems[0]!.message).toMatch(/not reciprocal.*expected 0\.3333/);
  });

  it('reports values outside 1/9..9, negatives, non-numbers and a bad diagonal at their cells', () => {
    expect(paths(validatePairwiseMatrix([[1, 12], [1 / 12, 1]]))).toEqual(['[0][1]', '[1][0]']);
    const negative = validatePairwiseMatrix([[1, -2], [-0.5, 1]]);
    expect(paths(negative)).toEqual(['[0][1]', '[1][0]']);
    expect(negative[0]!.message).toMatch(/positive/);
    expect(paths(validatePairwiseMatrix([[1, NaN], [1, 1]]))).toContain('[0][1]');
    expect(paths(validatePairwiseMatrix([[2, 1], [1, 1]]))).toEqual(['[0][0]']);
  });
});

describe('buildPairwiseMatrix', () => {
  it('fills reciprocals and accepts either direction', () => {
    const r = buildPairwiseMatrix(['a', 'b', 'c'], [
      { a: 'a', b: 'b', value: 3 },
      { a: 'c', b: 'a', value: 2 },
      { a: 'b', b: 'c', value: 1 },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.matrix[0]).toEqual([1, 3, 0.5]);
    expect(r.matrix[1]![0]).toBeCloseTo(1 / 3, 12);
    expect(r.matrix[2]![0]).toBe(2);
  });

  it('reports every missing pair by name, unknown items, self-comparison and duplicates', () => {
    const missing = buildPairwiseMatrix(['a', 'b', 'c', 'd'], [
      { a: 'a', b: 'b', value: 2 },
      { a: 'a', b: 'c', value: 2 },
      { a: 'a', b: 'd', value: 2 },
    ]);
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(paths(missing.problems)).toEqual(['[1][2]', '[1][3]', '[2][3]']);
    expect(missing.problems[0]!.message).toBe("missing judgement between 'b' and 'c'");

    const bad = buildPairwiseMatrix(['a', 'b'], [
      { a: 'a', b: 'z', value: 2 },
      { a: 'a', b: 'a', value: 1 },
      { a: 'a', b: 'b', value: 2 },
      { a: 'b', b: 'a', value: 0.5 },
      { a: 'a', b: 'b', value: 20 },
    ]);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(paths(bad.problems)).toEqual(['judgements[0].b', 'judgements[1]', 'judgements[3]', 'judgements[4].value']);
  });
});

describe('analysePairwise on an inconsistent matrix', () => {
  // Judge says item 0 is 1/8 as important as item 3, against a consistent 8:4:2:1 elsewhere.
  const matrix = consistent([8, 4, 2, 1]);
  matrix[0]![3] = 1 / 8;
  matrix[3]![0] = 8;
  const frozen = JSON.stringify(matrix);

  it('flags CR > 0.10 and names the reversed judgement first, with what the priorities imply', () => {
    const r = analysePairwise(matrix, { items: ['a', 'b', 'c', 'd'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.analysis;
    expect(a.cr!).toBeGreaterThan(0.1);
    expect(a.inconsistent).toBe(true);
    expect(a.gci).toBeGreaterThan(a.gciThreshold!);
    expect(a.mostInconsistentPairs).toHaveLength(3);
    const worst = a.mostInconsistentPairs[0]!;
    expect([worst.a, worst.b, worst.judged]).toEqual(['a', 'd', 1 / 8]);
    // Rows 0 and 3 both have product 1, so the RGMM priorities imply a 1:1 ratio, not 1/8.
    expect(worst.implied).toBeCloseTo(1, 12);
    expect(worst.impliedOnScale).toBe(1);
    expect(worst.logError).toBeLessThan(0);
    const errors = a.mostInconsistentPairs.map((p) => Math.abs(p.logError));
    expect(errors).toEqual([...errors].sort((x, y) => y - x));
  });

  it('does not repair the matrix', () => {
    analysePairwise(matrix);
    expect(JSON.stringify(matrix)).toBe(frozen);
  });

  it('reports a consistent matrix as CR 0 with no pairs to revisit', () => {
    const r = analysePairwise(consistent([8, 4, 2, 1]));
    expect(r.ok && r.analysis.cr).toBeCloseTo(0, 9);
    expect(r.ok && r.analysis.mostInconsistentPairs).toEqual([]);
    expect(r.ok && r.analysis.inconsistent).toBe(false);
  });

  it('returns problems, not a throw, for an invalid matrix', () => {
    const r = analysePairwise([[1, 3], [3, 1]]);
    expect(r.ok).toBe(false);
  });
});

describe('randomIndex', () => {
  it('names its tables and interpolates Donegan-Dodd between tabulated sizes', () => {
    expect(randomIndex(4)).toBe(0.9);
    expect(randomIndex(11)).toBeNull();
    expect(randomIndex(3, 'saaty-2005')).toBe(0.52);
    expect(randomIndex(22, 'donegan-dodd')).toBeCloseTo(1.5371 + (2 / 5) * (1.5619 - 1.5371), 12);
  });

  it('leaves CR null beyond the table and judges by GCI instead', () => {
    const r = analysePairwise(consistent([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((x) => 1 + x / 11)));
    if (!r.ok) throw new Error('expected ok');
    expect([r.analysis.cr, r.analysis.randomIndex, r.analysis.inconsistent]).toEqual([null, null, false]);
  });
});

describe('aggregatePairwise (AIJ, three experts)', () => {
  const e1 = consistent([4, 2, 1]); // a01 = 2, a02 = 4, a12 = 2
  const e2 = [[1, 4, 8], [1 / 4, 1, 2], [1 / 8, 1 / 2, 1]];
  const e3 = [[1, 1, 2], [1, 1, 1 / 2], [1 / 2, 2, 1]];
  const panel = [
    { expertId: 'e1', matrix: e1 },
    { expertId: 'e2', matrix: e2 },
    { expertId: 'e3', matrix: e3 },
  ];

  it('takes the element-wise geometric mean and keeps reciprocity', () => {
    const r = aggregatePairwise(panel, { items: ['x', 'y', 'z'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const g = r.result.groupMatrix;
    expect(g[0]![1]).toBeCloseTo(Math.cbrt(2 * 4 * 1), 12); // 2
    expect(g[0]![2]).toBeCloseTo(Math.cbrt(4 * 8 * 2), 12); // 4
    expect(g[1]![2]).toBeCloseTo(Math.cbrt(2 * 2 * 0.5), 12); // 2^(1/3)
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(g[i]![j]! * g[j]![i]!).toBeCloseTo(1, 14);
    expect(r.result.experts.map((e) => e.weight)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('reports positive dispersion where experts disagree', () => {
    const r = aggregatePairwise(panel);
    if (!r.ok) throw new Error('expected ok');
    const xy = r.result.pairs[0]!;
    // ln judgements ln2, ln4, 0: SD = ln2 * sqrt(2/3), so geometric SD = 2^sqrt(2/3).
    expect(xy.geometricSd).toBeCloseTo(2 ** Math.sqrt(2 / 3), 12);
    expect([xy.min, xy.max, xy.n]).toEqual([1, 4, 3]);
    expect(r.result.items.every((it) => it.sd > 0 && it.min < it.max)).toBe(true);
  });

  it('reports zero dispersion when experts agree', () => {
    const r = aggregatePairwise(panel.map((e) => ({ ...e, matrix: e2 })));
    if (!r.ok) throw new Error('expected ok');
    expect(r.result.pairs.every((p) => Math.abs(p.geometricSd - 1) < 1e-12)).toBe(true);
    expect(r.result.items.every((it) => it.sd < 1e-12)).toBe(true);
    const own = r.result.experts[0]!.analysis.priorities;
    r.result.group.priorities.forEach((w, i) => expect(w).toBeCloseTo(own[i]!, 12));
  });

  it('gives RGMM group priorities equal to the geometric mean of individual priorities (AIJ = AIP)', () => {
    const r = aggregatePairwise(panel);
    if (!r.ok) throw new Error('expected ok');
    const individual = [e1, e2, e3].map(geometricMeanPriorities);
    const aip = [0, 1, 2].map((i) => Math.cbrt(individual.reduce((p, w) => p * w[i]!, 1)));
    const sum = aip.reduce((s, x) => s + x, 0);
    r.result.group.priorities.forEach((w, i) => expect(w).toBeCloseTo(aip[i]! / sum, 12));
  });

  it('honours expert weights: one expert with all the weight is the group', () => {
    const r = aggregatePairwise([{ ...panel[0]!, weight: 2 }, { ...panel[1]!, weight: 0 }, { ...panel[2]!, weight: 0 }]);
    if (!r.ok) throw new Error('expected ok');
    expect(r.result.groupMatrix[0]![2]).toBeCloseTo(4, 12);
    expect(r.result.pairs[0]!.n).toBe(1);
  });

  it('reports bad experts with their path, mismatched sizes and bad weights', () => {
    const bad: PairwiseMatrix = [[1, 3], [3, 1]];
    const r = aggregatePairwise([
      panel[0]!,
      { expertId: 'e2', matrix: bad },
      { expertId: 'e3', matrix: consistent([2, 1]), weight: -1 },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(paths(r.problems)).toEqual(['experts[2].weight', 'experts[1][0][1]', 'experts[2]']);
  });
});

describe('aggregateModuleRatings', () => {
  const r = (expertId: string, strength: number, extra: Partial<ModuleRating> = {}): ModuleRating => ({
    expertId,
    moduleId: 'm1',
    strength,
    ...extra,
  });

  it('summarises strength with mean, median, quartiles, SD and Delphi agreement', () => {
    const out = aggregateModuleRatings([r('a', 3), r('b', 4), r('c', 4), r('d', 5)]);
    if (!out.ok) throw new Error('expected ok');
    const m = out.modules[0]!;
    expect(m.strength).toMatchObject({ value: 4, mean: 4, median: 4, q1: 3.5, q3: 4.5, iqr: 1, min: 3, max: 5, n: 4 });
    expect(m.strength!.sd).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(m.strengthAgreement).toMatchObject({ share: 1, meetsThreshold: true });
    expect(m.expectedImpact).toBeNull();
  });

  it('reports low agreement on a split panel without overriding the result', () => {
    const out = aggregateModuleRatings([r('a', 0), r('b', 0), r('c', 5), r('d', 5)]);
    if (!out.ok) throw new Error('expected ok');
    const m = out.modules[0]!;
    expect(m.strength!.value).toBe(2.5);
    expect(m.strengthAgreement).toMatchObject({ share: 0, median: 2.5, meetsThreshold: false });
  });

  it('can adopt the median instead of the mean, and weights experts', () => {
    const ratings = [r('a', 1), r('b', 4), r('c', 5)];
    const median = aggregateModuleRatings(ratings, { centre: 'median' });
    expect(median.ok && median.modules[0]!.strength!.value).toBe(4);
    const weighted = aggregateModuleRatings(ratings, { weights: { a: 2, b: 1, c: 1 } });
    expect(weighted.ok && weighted.modules[0]!.strength!.value).toBeCloseTo((2 + 4 + 5) / 4, 12);
  });

  it('aggregates impact and per-area relevance separately, counting only who rated', () => {
    const out = aggregateModuleRatings([
      r('a', 3, { expectedImpact: 0.1, relevance: { slcn: 1, asd: 0.5 } }),
      r('b', 3, { expectedImpact: 0.2, relevance: { slcn: 0.8 } }),
    ]);
    if (!out.ok) throw new Error('expected ok');
    const m = out.modules[0]!;
    expect(m.expectedImpact!.value).toBeCloseTo(0.15, 12);
    expect(Object.keys(m.relevance)).toEqual(['asd', 'slcn']);
    expect(m.relevance.asd).toMatchObject({ value: 0.5, n: 1 });
    expect(m.relevance.slcn!.value).toBeCloseTo(0.9, 12);
  });

  it('reports out-of-range values, duplicates and missing weights', () => {
    const out = aggregateModuleRatings(
      [r('a', 6), r('a', 3), r('b', 3, { expectedImpact: 1.5, relevance: { slcn: -0.1 } })],
      { weights: { a: 1 } },
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(paths(out.problems)).toEqual([
      'ratings[0].strength',
      'ratings[1]',
      'ratings[2].expertId',
      'ratings[2].expectedImpact',
      'ratings[2].relevance.slcn',
    ]);
  });
});

describe('applyPanelResults and diffEvidenceSets', () => {
  const provenance: Provenance = {
    panel: 'SEND advisory panel',
    members: ['e1', 'e2', 'e3'],
    method: 'AHP (RGMM, AIJ) + rating means',
    date: '2025-06-01',
    sources: [],
    notes: '',
  };
  const moduleEvidence = { strength: 2, strengthSource: 'seed', expectedImpact: 0.1, impactSource: 'seed', sources: ['EEF 2020'] };
  const base: EvidenceSet = {
    id: 'seed-1',
    version: 1,
    provenance: { ...provenance, panel: 'seed' },
    modules: { m1: moduleEvidence, m2: { ...moduleEvidence, strength: 3 } },
    areaImportance: { slcn: 0.8, asd: 0.9, semh: 1, practice: 0.5 },
    prevalence: { source: 's', censusYear: '2024', base: 'b', byPhase: {} as EvidenceSet['prevalence']['byPhase'], floors: {} },
    roleRelevance: {},
    priors: { default: { mean: 0.5, sd: 0.2 }, byRole: {} },
  };

  const ratings = aggregateModuleRatings([
    { expertId: 'e1', moduleId: 'm1', strength: 4, expectedImpact: 0.15, relevance: { slcn: 0.9 } },
    { expertId: 'e2', moduleId: 'm1', strength: 4, expectedImpact: 0.15, relevance: { slcn: 0.7 } },
  ]);
  if (!ratings.ok) throw new Error('expected ratings ok');

  const applied = applyPanelResults(base, {
    id: 'panel-2025-06',
    provenance,
    areaPriorities: { slcn: 0.5, asd: 0.25, semh: 0.25 },
    moduleRatings: ratings.modules,
  });
  if (!applied.ok) throw new Error(JSON.stringify(applied.problems));

  it('rescales area priorities so the largest is 1 and keeps uncompared areas, with a note', () => {
    expect(applied.evidence.areaImportance).toEqual({ slcn: 1, asd: 0.5, semh: 0.5, practice: 0.5 });
    expect(applied.notes).toContain('area importance kept from base (not compared by the panel): practice');
  });

  it('writes module strength and impact with a source line, leaving others and the rest of the set alone', () => {
    const m1 = applied.evidence.modules.m1!;
    expect([m1.strength, m1.expectedImpact, m1.sources]).toEqual([4, 0.15, ['EEF 2020']]);
    expect(m1.strengthSource).toMatch(/SEND advisory panel.*n=2/);
    expect(applied.evidence.modules.m2).toBe(base.modules.m2);
    expect(applied.evidence.prevalence).toBe(base.prevalence);
    expect([applied.evidence.id, applied.evidence.version, applied.evidence.provenance]).toEqual(['panel-2025-06', 2, provenance]);
  });

  it('reports relevance separately instead of writing it into the evidence set', () => {
    expect(applied.relevanceOverrides).toEqual({ m1: { slcn: 0.8 } });
  });

  it('refuses modules not in the base set and a reused id', () => {
    const r = applyPanelResults(base, {
      id: 'seed-1',
      provenance,
      moduleRatings: [{ ...ratings.modules[0]!, moduleId: 'ghost' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(paths(r.problems)).toEqual(['id', 'moduleRatings[0].moduleId']);
  });

  it('lists changed weights with old/new values, largest (on each field scale) first', () => {
    const diff = diffEvidenceSets(base, applied.evidence);
    // semh 1 -> 0.5 (-0.5); asd 0.9 -> 0.5 (-0.4) ties strength 2 -> 4 (+2 of 5 = 0.4), area first;
    // slcn 0.8 -> 1 (+0.2); impact 0.1 -> 0.15 (+0.05); practice unchanged, so absent.
    expect(diff.map((d) => [d.field, d.id])).toEqual([
      ['areaImportance', 'semh'],
      ['areaImportance', 'asd'],
      ['strength', 'm1'],
      ['areaImportance', 'slcn'],
      ['expectedImpact', 'm1'],
    ]);
    expect(diff[0]).toMatchObject({ before: 1, after: 0.5, delta: -0.5 });
    expect(diff[2]).toMatchObject({ before: 2, after: 4, delta: 2, scaledDelta: 0.4 });
    expect(diffEvidenceSets(base, base)).toEqual([]);
  });

  it('shows added and removed weights with a null side', () => {
    const after: EvidenceSet = { ...base, areaImportance: { ...base.areaImportance, hi: 0.3 }, modules: { m1: moduleEvidence } };
    const diff = diffEvidenceSets(base, after);
    expect(diff).toContainEqual({ field: 'areaImportance', id: 'hi', before: null, after: 0.3, delta: 0.3, scaledDelta: 0.3 });
    expect(diff).toContainEqual({ field: 'strength', id: 'm2', before: 3, after: null, delta: -3, scaledDelta: -0.6 });
  });

  it('runs end to end: panel pairwise matrices to area importance', () => {
    const areas = ['slcn', 'asd', 'semh'];
    const panel = aggregatePairwise(
      [consistent([4, 2, 1]), consistent([2, 1, 1]), consistent([4, 1, 1])].map((matrix, k) => ({ expertId: `e${k}`, matrix })),
      { items: areas },
    );
    if (!panel.ok) throw new Error('expected ok');
    const areaPriorities = Object.fromEntries(areas.map((a, i) => [a, panel.result.group.priorities[i]!]));
    const r = applyPanelResults(base, { id: 'p', provenance, areaPriorities });
    if (!r.ok) throw new Error('expected ok');
    // Group geometric-mean ratios: slcn:asd:semh = cbrt(32):cbrt(2):1.
    expect(r.evidence.areaImportance.slcn).toBe(1);
    expect(r.evidence.areaImportance.asd).toBeCloseTo(Math.cbrt(2) / Math.cbrt(32), 4);
    expect(r.evidence.areaImportance.semh).toBeCloseTo(1 / Math.cbrt(32), 4);
  });
});
