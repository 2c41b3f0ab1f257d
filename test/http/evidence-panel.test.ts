// The panel's work on a draft over HTTP: judgement validation (422 naming each problem, nothing stored), 409 for
// non-drafts, resubmission, aggregation (CR, GCI, flags, dispersion, RI table, module comparisons) and preview.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getEvidenceSet } from '../../src/repos/evidence-sets.js';
import { listJudgements } from '../../src/repos/judgements.js';
import { createDraft, currentSet, get, post, submission, submitPanel, type CurrentSet, type Fetch } from '../helpers/evidence-panel.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'test-admin-token-0123456789';
let made: ReturnType<typeof makeNodeApp>;
let f: Fetch;
let set: CurrentSet;
let draftId: string;

beforeEach(async () => {
  made = makeNodeApp({ adminToken: TOKEN });
  f = (p, i) => Promise.resolve(made.app.request(p, i));
  set = await currentSet(f);
  draftId = (await createDraft(f, TOKEN)).id;
});
afterEach(() => made.close());

const submit = (body: unknown) => f(`/v1/evidence-sets/${draftId}/judgements`, post(body, TOKEN));

async function problemPaths(res: Response, status = 422): Promise<{ path: string; message: string }[]> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return ((await res.json()) as { errors: { path: string; message: string }[] }).errors;
}

describe('submitting judgements: bad input is a 422 naming the problem, and nothing is stored', () => {
  const areas = () => Object.keys(set.areaImportance).sort().slice(0, 3);

  it('a non-square matrix', async () => {
    const errors = await problemPaths(await submit({ expert: 'e', areaComparison: { items: areas(), matrix: [[1, 2, 3], [0.5, 1], [1 / 3, 1, 1]] } }));
    expect(errors.map((e) => e.path)).toEqual(['areaComparison.matrix[1]']);
    expect(errors[0]!.message).toMatch(/square/);
  });

  it('a non-reciprocal matrix', async () => {
    const errors = await problemPaths(await submit({ expert: 'e', areaComparison: { items: areas(), matrix: [[1, 3, 2], [0.5, 1, 1], [0.5, 1, 1]] } }));
    expect(errors).toEqual([{ path: 'areaComparison.matrix[0][1]', message: expect.stringMatching(/not reciprocal/) }]);
  });

  it('a value outside 1/9..9, in a matrix or a judgement list', async () => {
    const m = await problemPaths(await submit({ expert: 'e', areaComparison: { items: areas().slice(0, 2), matrix: [[1, 12], [1 / 12, 1]] } }));
    expect(m.map((e) => e.path)).toEqual(['areaComparison.matrix[0][1]', 'areaComparison.matrix[1][0]']);
    expect(m[0]!.message).toMatch(/outside the 1\/9\.\.9/);
    const [a, b, c] = areas();
    const j = await problemPaths(await submit({ expert: 'e', areaComparison: { judgements: [{ a, b, value: 12 }, { a, b: c, value: 2 }] } }));
    expect(j.map((e) => e.path)).toEqual(['areaComparison.judgements[0].value', 'areaComparison.judgements', 'areaComparison.judgements']);
    expect(j[1]!.message).toMatch(/missing judgement between/);
  });

  it('ratings for an unknown module or area, and comparisons of unknown areas or off-area modules', async () => {
    const res = await submit({
      expert: 'e',
      ratings: [{ moduleId: 'no-such-module', strength: 3 }, { moduleId: 'understanding-autism', relevance: { 'no-such-area': 0.5 } }],
      areaComparison: { items: ['slcn', 'no-such-area'], matrix: [[1, 2], [0.5, 1]] },
      moduleComparisons: [{ areaId: 'asd', items: ['understanding-autism', 'dyslexia-in-practice'], matrix: [[1, 3], [1 / 3, 1]] }],
    });
    const errors = await problemPaths(res);
    expect(errors.map((e) => e.path)).toEqual([
      'ratings[0].moduleId',
      'ratings[1].relevance.no-such-area',
      'areaComparison.items[1]',
      'moduleComparisons[0].items[1]',
    ]);
    expect(errors[3]!.message).toMatch(/does not address area 'asd'/);
    expect(await listJudgements(made.database, draftId)).toEqual([]);
  });

  it('out-of-range ratings and an empty submission are caught by the schema', async () => {
    const errors = await problemPaths(await submit({ expert: 'e', ratings: [{ moduleId: 'understanding-autism', strength: 7, expectedImpact: -1 }] }));
    expect(errors.map((e) => e.path)).toEqual(['ratings[0].strength', 'ratings[0].expectedImpact']);
    const empty = await problemPaths(await submit({ expert: 'e' }));
    expect(empty[0]!.message).toMatch(/at least one/);
  });
});

describe('judgements and drafts', () => {
  it('returns the expert their own consistency, and a resubmission replaces the earlier one', async () => {
    const first = await submit(submission('expert-c', set));
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as { replaced: boolean; consistency: { comparison: string; cr: number; inconsistent: boolean; mostInconsistentPairs: { a: string; b: string; impliedOnScale: number }[] }[] };
    expect(receipt.replaced).toBe(false);
    expect(receipt.consistency[0]).toMatchObject({ comparison: 'areas', inconsistent: true });
    expect(receipt.consistency[0]!.cr).toBeGreaterThan(0.1);
    expect(receipt.consistency[0]!.mostInconsistentPairs).toHaveLength(3);
    const again = await submit({ ...submission('expert-a', set), expert: 'expert-c' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { replaced: boolean }).replaced).toBe(true);
    const list = (await (await f(`/v1/evidence-sets/${draftId}/judgements`, get(TOKEN))).json()) as { data: { expert: string; judgement: { areaComparison: { matrix: number[][] } } }[] };
    expect(list.data.map((d) => d.expert)).toEqual(['expert-c']);
    expect(list.data[0]!.judgement.areaComparison.matrix[0]![1]).toBe(3);
  });

  it('refuses judgements, aggregation and preview for a set that is not a draft (409), and unknown sets (404)', async () => {
    const published = set.id;
    for (const action of ['judgements', 'aggregate', 'preview']) {
      const body = action === 'judgements' ? submission('expert-a', set) : {};
      const res = await f(`/v1/evidence-sets/${published}/${action}`, post(body, TOKEN));
      expect([action, res.status]).toEqual([action, 409]);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/not a draft/);
      expect((await f(`/v1/evidence-sets/nope/${action}`, post(body, TOKEN))).status).toBe(404);
    }
  });

  it('rejects a judgement insert for a non-draft at the database too', async () => {
    const { upsertJudgementQueries } = await import('../../src/repos/judgements.js');
    const queries = upsertJudgementQueries(made.database, { id: 'j1', evidenceSetId: set.id, expert: 'x', weight: 1, body: {}, submittedAt: 'now' });
    await expect(made.database.atomic(queries)).rejects.toThrow(/not a draft/);
  });
});

describe('aggregating', () => {
  type Report = {
    method: { randomIndexTable: string; randomIndexSource: string };
    areas: { items: string[]; consistency: { cr: number; gci: number; inconsistent: boolean }; weights: { id: string; priority: number; dispersion: { sd: number } }[]; pairs: { geometricSd: number }[]; experts: { expert: string; cr: number; inconsistent: boolean }[] };
    moduleComparisons: { comparison: string; weights: { id: string; priority: number }[] }[];
    modules: { moduleId: string; strength: { value: number; sd: number; n: number } | null; applied: { strength: number; expectedImpact: number; impactFrom: string } }[];
    flags: { expert: string | null; comparison: string; message: string; mostInconsistentPairs: unknown[] }[];
    notes: string[];
  };
  const aggregate = async (body: unknown = {}) => f(`/v1/evidence-sets/${draftId}/aggregate`, post(body, TOKEN));

  it('reports weights with CR, GCI, dispersion and flags, and writes them into the draft', async () => {
    await submitPanel(f, TOKEN, draftId, set);
    const res = await aggregate();
    expect(res.status).toBe(200);
    const { report, evidenceSet } = (await res.json()) as { report: Report; evidenceSet: { areaImportance: Record<string, number>; modules: Record<string, { strength: number; strengthSource: string }> } };
    expect(report.areas.items).toEqual(Object.keys(set.areaImportance).sort().slice(0, 4));
    expect(report.areas.experts.map((e) => [e.expert, e.inconsistent])).toEqual([['expert-a', false], ['expert-b', false], ['expert-c', true]]);
    const experts = report.flags.filter((x) => x.expert !== null);
    expect(experts).toHaveLength(1);
    expect(experts[0]).toMatchObject({ expert: 'expert-c', comparison: 'areas' });
    expect(experts[0]!.message).toMatch(/not changed/);
    expect(experts[0]!.mostInconsistentPairs.length).toBeGreaterThan(0);
    // The panel matrix is flagged (expert null) exactly when its own CR is over the threshold.
    expect(report.flags.some((x) => x.expert === null)).toBe(report.areas.consistency.inconsistent);
    expect(report.areas.pairs.every((p) => p.geometricSd >= 1)).toBe(true);
    const [first] = report.modules;
    expect(first!.strength).toMatchObject({ n: 3 });
    expect(first!.strength!.sd).toBeGreaterThan(0);
    expect(evidenceSet.modules[first!.moduleId]!.strength).toBeCloseTo(first!.strength!.value, 4);
    expect(evidenceSet.modules[first!.moduleId]!.strengthSource).toMatch(/Test panel/);
    // Compared areas are rescaled so the top one is 1; ratios between them follow the priorities.
    const w = Object.fromEntries(report.areas.weights.map((x) => [x.id, x.priority]));
    const max = Math.max(...Object.values(w));
    for (const [id, p] of Object.entries(w)) expect(evidenceSet.areaImportance[id]).toBeCloseTo(p / max, 3);
    const stored = await getEvidenceSet(made.database, draftId);
    expect(stored!.body.areaImportance).toEqual(evidenceSet.areaImportance);
    expect(stored!.aggregation).toMatchObject({ method: { randomIndexTable: 'saaty' } });
  });

  it('uses the named random-index table', async () => {
    await submitPanel(f, TOKEN, draftId, set);
    const saaty = ((await (await aggregate()).json()) as { report: Report }).report;
    const dd = ((await (await aggregate({ randomIndexTable: 'donegan-dodd' })).json()) as { report: Report }).report;
    expect(dd.method.randomIndexTable).toBe('donegan-dodd');
    expect(dd.method.randomIndexSource).toMatch(/Donegan/);
    // Same CI, smaller RI for n = 4 (0.8286 vs 0.90): a larger CR.
    expect(dd.areas.consistency.cr).toBeCloseTo((saaty.areas.consistency.cr * 0.9) / 0.8286, 4);
    const bad = await aggregate({ randomIndexTable: 'made-up' });
    expect((await problemPaths(bad)).map((e) => e.path)).toEqual(['randomIndexTable']);
  });

  it('turns within-area module comparisons into expected impact on a ratio scale, unless rated', async () => {
    const items = ['understanding-autism', 'communication-friendly-practice'];
    for (const [expert, v] of [['e1', 4], ['e2', 4]] as const) {
      expect((await submit({ expert, moduleComparisons: [{ areaId: 'asd', items, matrix: [[1, v], [1 / v, 1]] }] })).status).toBe(201);
    }
    const { report, evidenceSet } = (await (await aggregate()).json()) as { report: Report; evidenceSet: { modules: Record<string, { expectedImpact: number; impactSource: string }> } };
    expect(report.moduleComparisons.map((m) => m.comparison)).toEqual(['modules:asd']);
    const [a, b] = items.map((id) => evidenceSet.modules[id]!.expectedImpact);
    expect(a! / b!).toBeCloseTo(4, 2);
    const base = items.map((id) => set.modules[id]!.expectedImpact);
    expect(Math.sqrt(a! * b!)).toBeCloseTo(Math.sqrt(base[0]! * base[1]!), 3);
    expect(report.modules.map((m) => m.applied.impactFrom)).toEqual(['comparisons', 'comparisons']);
    expect(evidenceSet.modules[items[0]!]!.impactSource).toMatch(/pairwise comparisons within asd/);
  });

  it('leaves the draft unchanged when the judgements cannot be aggregated', async () => {
    const empty = await aggregate();
    expect((await problemPaths(empty)).map((e) => e.path)).toEqual(['judgements']);
    const [a, b, c] = Object.keys(set.areaImportance).sort();
    await submit({ expert: 'e1', areaComparison: { items: [a, b], matrix: [[1, 2], [0.5, 1]] } });
    await submit({ expert: 'e2', areaComparison: { items: [a, b, c], matrix: [[1, 2, 2], [0.5, 1, 1], [0.5, 1, 1]] } });
    const errors = await problemPaths(await aggregate());
    expect(errors).toEqual([{ path: 'judgements.e1.areaComparison.items', message: expect.stringMatching(/did not compare/) }]);
    const stored = await getEvidenceSet(made.database, draftId);
    expect(stored!.aggregation).toBeNull();
    expect(stored!.body.areaImportance).toEqual(set.areaImportance);
  });
});

describe('preview', () => {
  it('is deterministic for a seed and sorts exposure changes', async () => {
    await submitPanel(f, TOKEN, draftId, set);
    await f(`/v1/evidence-sets/${draftId}/aggregate`, post({}, TOKEN));
    const run = async () => (await f(`/v1/evidence-sets/${draftId}/preview`, post({ size: 60, seed: 11 }, TOKEN))).text();
    const [x, y] = [await run(), await run()];
    expect(x).toBe(y);
    const p = JSON.parse(x) as { population: number; changedTopK: { count: number; share: number }; gaining: { delta: number }[]; weightChanges: unknown[] };
    expect(p.population).toBe(60);
    expect(p.changedTopK.share).toBeCloseTo(p.changedTopK.count / 60, 4);
    expect(p.gaining.length).toBeGreaterThan(0);
    expect(p.weightChanges.length).toBeGreaterThan(0);
  });

  it('takes staff requests instead, naming unknown ids by person', async () => {
    const population = [{ role: 'teacher', phase: 'primary' }, { role: 'senco', phase: 'secondary', responses: [{ itemId: 'no-such-item', value: 3 }] }];
    const errors = await problemPaths(await f(`/v1/evidence-sets/${draftId}/preview`, post({ population }, TOKEN)));
    expect(errors.map((e) => e.path)).toEqual(['population[1].responses[0].itemId']);
    const ok = await f(`/v1/evidence-sets/${draftId}/preview`, post({ population: population.slice(0, 1) }, TOKEN));
    expect(((await ok.json()) as { population: number; changedAny: { count: number } })).toMatchObject({ population: 1, changedAny: { count: 0 } });
  });
});
