// Every observation counts once: learned effects are fitted against the panel-judged figures, so publishing a
// learned set and learning again without new check-ins changes nothing; intervals shrink only with new data; a
// draft can be built from learned effects alone and publishing it needs a sign-off recorded in its provenance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { createDraft, get, post, type Fetch } from '../helpers/evidence-panel.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { storeObservations } from '../helpers/observations.js';

const TOKEN = 'learning-once-admin-token-0123456789';
const env = makeNodeApp({ adminToken: TOKEN });
const f: Fetch = (p, i) => Promise.resolve(env.app.request(p, i));
afterAll(() => env.close());

const content = getShippedContent();
const mod = content.catalogue.modules.find((m) => m.level === 'foundation')!;
const areaId = [...mod.areas].sort((a, b) => b.relevance - a.relevance)[0]!.areaId;
const panelFigure = content.evidence.modules[mod.id]!.expectedImpact;

interface Effect { moduleId: string; prior: number; learned: number; sd: number; n: number }
interface Aggregated {
  report: { changes: { field: string; id: string; before: number; after: number }[]; learnedImpacts: { moduleId: string; after: number; prior: number }[]; experts: unknown[] };
  evidenceSet: { modules: Record<string, { expectedImpact: number; impactSd?: number }>; panelPrior?: Record<string, { expectedImpact: number }> };
}

const effect = async (): Promise<Effect> => ((await (await f('/v1/module-effects', get(TOKEN))).json()) as { data: Effect[] }).data.find((d) => d.moduleId === mod.id)!;

async function learnedDraft(): Promise<{ id: string; body: Aggregated }> {
  const draft = await createDraft(f, TOKEN, 'Learning round');
  const res = await f(`/v1/evidence-sets/${draft.id}/aggregate`, post({ useLearnedEffects: true }, TOKEN));
  expect(res.status).toBe(200);
  return { id: draft.id, body: (await res.json()) as Aggregated };
}

beforeAll(async () => {
  await storeObservations(env.database, content, { moduleId: mod.id, areaId, count: 40, rise: 0.3, month: '2026-10' });
});

describe('a draft from learned effects alone', () => {
  let first: { id: string; body: Aggregated };

  it('aggregates with no judgement, and the report lists the change', async () => {
    first = await learnedDraft();
    expect(first.body.report.experts).toEqual([]);
    const learned = first.body.evidenceSet.modules[mod.id]!;
    expect(learned.expectedImpact).toBeGreaterThan(panelFigure);
    expect(learned.impactSd).toBeGreaterThan(0);
    expect(first.body.evidenceSet.panelPrior?.[mod.id]?.expectedImpact).toBe(panelFigure);
    expect(first.body.report.changes).toEqual([expect.objectContaining({ field: 'expectedImpact', id: mod.id, before: panelFigure, after: learned.expectedImpact })]);
  });

  it('without judgements or learned effects it still answers 422 and says how to build one from check-ins', async () => {
    const draft = await createDraft(f, TOKEN);
    const res = await f(`/v1/evidence-sets/${draft.id}/aggregate`, post({}, TOKEN));
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/useLearnedEffects/);
  });

  it('publishes only with a sign-off, recorded with the observation window and counts in the provenance', async () => {
    const unsigned = await f(`/v1/evidence-sets/${first.id}/publish`, post({}, TOKEN));
    expect(unsigned.status).toBe(422);
    expect(((await unsigned.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('signOff.by');
    const res = await f(`/v1/evidence-sets/${first.id}/publish`, post({ signOff: { by: 'Dr A Chair' } }, TOKEN));
    expect(res.status).toBe(200);
    const set = (await res.json()) as { status: string; provenance: { learning: Record<string, unknown> } };
    expect(set.status).toBe('published');
    expect(set.provenance.learning).toEqual({
      signedOffBy: 'Dr A Chair',
      signedOffAt: '2026-11-22T10:00:00.000Z',
      observations: 40,
      window: { from: '2026-10', to: '2026-10' },
      modulesLearned: 1,
      minObservations: 20,
    });
  });
});

describe('every observation counts once', () => {
  it('after publishing, the panel figure is still the prior and the learned effect and its sd do not move', async () => {
    const published = (await currentBody()).evidenceSet.modules[mod.id]!;
    const e = await effect();
    expect(e.prior).toBe(panelFigure);
    expect(e.learned).toBeCloseTo(published.expectedImpact, 4);
    expect(e.sd).toBeCloseTo(published.impactSd!, 4);
  });

  it('a second learned draft with no new check-ins changes nothing', async () => {
    const again = await learnedDraft();
    const inForce = await currentBody();
    expect(again.body.report.changes).toEqual([]);
    expect(again.body.report.learnedImpacts).toEqual([]);
    expect(again.body.evidenceSet.modules).toEqual(inForce.evidenceSet.modules);
    // Published again and learned a third time: still the same figure.
    expect((await f(`/v1/evidence-sets/${again.id}/publish`, post({ signOff: { by: 'Dr A Chair' } }, TOKEN))).status).toBe(200);
    const third = await learnedDraft();
    expect(third.body.evidenceSet.modules[mod.id]).toEqual(inForce.evidenceSet.modules[mod.id]);
  });

  it('the credible interval shrinks only when new observations arrive', async () => {
    const e0 = await effect();
    expect((await effect()).sd).toBe(e0.sd);
    await storeObservations(env.database, content, { moduleId: mod.id, areaId, count: 40, rise: 0.3, month: '2026-11', from: 40 });
    const e1 = await effect();
    expect(e1.n).toBe(80);
    expect(e1.sd).toBeLessThan(e0.sd);
  });
});

async function currentBody(): Promise<Aggregated> {
  const set = (await (await f('/v1/evidence-sets/current')).json()) as Aggregated['evidenceSet'];
  return { report: { changes: [], learnedImpacts: [], experts: [] }, evidenceSet: set };
}
