// Check-ins refine the panel's estimates: GET /v1/module-effects shows the prior beside the learned effect, and a
// draft aggregated with useLearnedEffects starts from the learned figure (the panel's own ratings still win).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { storeObservations } from '../helpers/observations.js';
import { createDraft, currentSet, get, panelItems, post, submitPanel, type Fetch } from '../helpers/evidence-panel.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'module-effects-admin-token-0123456789';
const env = makeNodeApp({ adminToken: TOKEN });
const f: Fetch = (p, i) => Promise.resolve(env.app.request(p, i));
afterAll(() => env.close());

const content = getShippedContent();
let moduleId: string;
let areaId: string;

beforeAll(async () => {
  const set = await currentSet(f);
  const judged = new Set(panelItems(set).modules);
  // A module the test panel does not rate, observed 40 times doing much better than the panel expects.
  const mod = content.catalogue.modules.find((m) => !judged.has(m.id) && m.level === 'foundation')!;
  moduleId = mod.id;
  areaId = [...mod.areas].sort((a, b) => b.relevance - a.relevance)[0]!.areaId;
  await storeObservations(env.database, content, { moduleId, areaId, count: 40, rise: 0.3, month: '2026-11' });
});

describe('GET /v1/module-effects', () => {
  it('needs panel or admin credentials', async () => {
    expect((await f('/v1/module-effects')).status).toBe(401);
  });

  it("shows the panel's prior beside the learned effect, which rises for a module that works better than thought", async () => {
    const res = await f('/v1/module-effects', get(TOKEN));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { evidenceSetId: string; observations: number; data: { moduleId: string; title: string; prior: number; learned: number; sd: number; n: number }[] };
    expect(body.evidenceSetId).toBe(content.evidence.id);
    expect(body.observations).toBe(40);
    expect(body.data).toHaveLength(content.catalogue.modules.length);
    const row = body.data.find((d) => d.moduleId === moduleId)!;
    expect(row.n).toBe(40);
    expect(row.prior).toBe(content.evidence.modules[moduleId]!.expectedImpact);
    expect(row.learned).toBeGreaterThan(row.prior);
    const unobserved = body.data.find((d) => d.n === 0)!;
    expect(unobserved.learned).toBe(unobserved.prior);
  });
});

describe('aggregating a draft with learned effects', () => {
  it('starts the observed module from its learned effect only when asked, and says where the figure came from', async () => {
    const set = await currentSet(f);
    const learned = ((await (await f('/v1/module-effects', get(TOKEN))).json()) as { data: { moduleId: string; learned: number }[] }).data.find((d) => d.moduleId === moduleId)!.learned;

    const plain = await createDraft(f, TOKEN);
    await submitPanel(f, TOKEN, plain.id, set);
    const a = await f(`/v1/evidence-sets/${plain.id}/aggregate`, post({}, TOKEN));
    expect(a.status).toBe(200);
    const plainBody = (await a.json()) as { report: { learnedImpacts?: unknown }; evidenceSet: { modules: Record<string, { expectedImpact: number }> } };
    expect(plainBody.report.learnedImpacts).toBeUndefined();
    expect(plainBody.evidenceSet.modules[moduleId]!.expectedImpact).toBe(content.evidence.modules[moduleId]!.expectedImpact);

    const withLearning = await createDraft(f, TOKEN);
    await submitPanel(f, TOKEN, withLearning.id, set);
    const b = await f(`/v1/evidence-sets/${withLearning.id}/aggregate`, post({ useLearnedEffects: true, minObservations: 30 }, TOKEN));
    expect(b.status).toBe(200);
    const body = (await b.json()) as {
      report: { learnedImpacts: { moduleId: string; before: number; after: number; n: number }[]; changes: { field: string; id: string }[] };
      evidenceSet: { modules: Record<string, { expectedImpact: number; impactSource: string }> };
    };
    expect(body.report.learnedImpacts).toEqual([{ moduleId, before: content.evidence.modules[moduleId]!.expectedImpact, after: learned, prior: content.evidence.modules[moduleId]!.expectedImpact, n: 40, sd: expect.any(Number) }]);
    expect(body.evidenceSet.modules[moduleId]!.expectedImpact).toBe(learned);
    expect(body.evidenceSet.modules[moduleId]!.impactSource).toMatch(/^Learned from 40 check-in observations/);
    // The report's changes list the learned figure beside the panel's own changes.
    expect(body.report.changes).toContainEqual(expect.objectContaining({ field: 'expectedImpact', id: moduleId }));

    // Too few observations for the threshold: nothing changes.
    const strict = await createDraft(f, TOKEN);
    await submitPanel(f, TOKEN, strict.id, set);
    const s = await f(`/v1/evidence-sets/${strict.id}/aggregate`, post({ useLearnedEffects: true, minObservations: 41 }, TOKEN));
    expect(((await s.json()) as { report: { learnedImpacts: unknown[] } }).report.learnedImpacts).toEqual([]);
  });
});
