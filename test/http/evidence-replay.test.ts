// Replay and diff over HTTP: after a new set is published, an old recommendation (posted back with its provenance,
// or stored and replayed by id) re-derives byte for byte under its own set; the diff explains what moved and why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecommendationRequestSchema } from '../../src/http/schemas/recommendation.js';
import { saveRecommendation } from '../../src/repos/recommendations.js';
import { createDraft, currentSet, get, post, submitPanel, type CurrentSet, type Fetch } from '../helpers/evidence-panel.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'test-admin-token-0123456789';
const body = { role: 'teaching_assistant', phase: 'primary', timeBudgetMinutes: 480, confidence: { asd: 1, slcn: 2 } };

let made: ReturnType<typeof makeNodeApp>;
let f: Fetch;
let before: CurrentSet;
let originalText: string;
let newSetId: string;

beforeEach(async () => {
  made = makeNodeApp({ adminToken: TOKEN });
  f = (p, i) => Promise.resolve(made.app.request(p, i));
  before = await currentSet(f);
  originalText = await (await f('/v1/recommendations', post(body))).text();
  const draft = await createDraft(f, TOKEN);
  await submitPanel(f, TOKEN, draft.id, before);
  await f(`/v1/evidence-sets/${draft.id}/aggregate`, post({}, TOKEN));
  expect((await f(`/v1/evidence-sets/${draft.id}/publish`, post({}, TOKEN))).status).toBe(200);
  newSetId = draft.id;
});
afterEach(() => made.close());

describe('replay', () => {
  it('re-derives an old recommendation byte for byte under its own set, from its provenance', async () => {
    const now = JSON.parse(await (await f('/v1/recommendations', post(body))).text()) as { provenance: { evidenceSetId: string } };
    expect(now.provenance.evidenceSetId).toBe(newSetId);
    const { provenance } = JSON.parse(originalText) as { provenance: { evidenceSetId: string; inputHash: string } };
    expect(provenance.evidenceSetId).toBe(before.id);
    const res = await f('/v1/recommendations/replay', post({ request: body, provenance, detail: 'lean' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(originalText);
  });

  it('re-derives a full-detail recommendation byte for byte, and the lean one is the same pathway without the texts', async () => {
    // Issued before the new set, in full detail (the shape of API version 1 and of every stored recommendation).
    const fullText = await (await f('/v1/recommendations/replay', post({ request: body, evidenceSetId: before.id }))).text();
    const { provenance } = JSON.parse(fullText) as { provenance: { evidenceSetId: string } };
    expect(provenance.evidenceSetId).toBe(before.id);
    const res = await f('/v1/recommendations/replay', post({ request: body, provenance }));
    expect(res.headers.get('x-recommendation-detail')).toBe('full');
    expect(await res.text()).toBe(fullText);
    const lean = JSON.parse(originalText) as { pathway: { steps: { moduleId: string }[] } };
    const full = JSON.parse(fullText) as { pathway: { steps: { moduleId: string; reasons: { text: string }[] }[] } };
    expect(lean.pathway.steps.map((s) => s.moduleId)).toEqual(full.pathway.steps.map((s) => s.moduleId));
    expect(full.pathway.steps[0]!.reasons[0]!.text.length).toBeGreaterThan(10);
  });

  it('replays a stored recommendation by id and says the bytes match', async () => {
    const request = RecommendationRequestSchema.parse(body);
    const id = await saveRecommendation(made.database, { createdAt: '2026-11-22T10:00:00Z', request: { ...request, formats: [...new Set(request.formats)] }, response: JSON.parse(originalText) });
    const res = await f(`/v1/recommendations/${id}/replay`, get(TOKEN));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-replay-identical')).toBe('true');
    expect(await res.text()).toBe(originalText);
    expect((await f(`/v1/recommendations/${id}/replay`)).status).toBe(401);
    expect((await f('/v1/recommendations/nope/replay', get(TOKEN))).status).toBe(404);
  });

  it('refuses a provenance that does not match the request, another algorithm version, or an unknown or draft set', async () => {
    const { provenance } = JSON.parse(originalText) as { provenance: Record<string, string> };
    const other = await f('/v1/recommendations/replay', post({ request: { ...body, timeBudgetMinutes: 300 }, provenance }));
    expect(other.status).toBe(422);
    expect(((await other.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('provenance.inputHash');
    const old = await f('/v1/recommendations/replay', post({ request: body, provenance: { ...provenance, algorithmVersion: 'planner-0.1.0' } }));
    expect(old.status).toBe(409);
    expect(((await old.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('provenance.algorithmVersion');
    const unknown = await f('/v1/recommendations/replay', post({ request: body, evidenceSetId: 'no-such-set' }));
    expect(((await unknown.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('evidenceSetId');
    const draft = await createDraft(f, TOKEN);
    expect((await f('/v1/recommendations/replay', post({ request: body, evidenceSetId: draft.id }))).status).toBe(422);
  });
});

describe('diff', () => {
  type Diff = {
    fromSetId: string;
    toSetId: string;
    identical: boolean;
    added: { moduleId: string; to: number }[];
    removed: { moduleId: string; from: number }[];
    moved: { moduleId: string; from: number; to: number; kind: string }[];
    causes: { field: string; id: string; modules: string[] }[];
  };

  it('names the steps that moved and only the weights that bear on them', async () => {
    const res = await f('/v1/recommendations/diff', post({ request: body, from: before.id, to: newSetId }));
    expect(res.status).toBe(200);
    const d = (await res.json()) as Diff;
    expect([d.fromSetId, d.toSetId]).toEqual([before.id, newSetId]);
    const a = (JSON.parse(originalText) as { pathway: { steps: { moduleId: string }[] } }).pathway.steps.map((s) => s.moduleId);
    const b = ((await (await f('/v1/recommendations', post(body))).json()) as { pathway: { steps: { moduleId: string }[] } }).pathway.steps.map((s) => s.moduleId);
    expect(d.identical).toBe(a.join() === b.join());
    expect(d.added.map((x) => x.moduleId).sort()).toEqual(b.filter((id) => !a.includes(id)).sort());
    expect(d.removed.map((x) => x.moduleId).sort()).toEqual(a.filter((id) => !b.includes(id)).sort());
    for (const m of d.moved) expect([a.indexOf(m.moduleId) + 1, b.indexOf(m.moduleId) + 1]).toEqual([m.from, m.to]);
    const involved = new Set([...d.added, ...d.removed, ...d.moved].map((x) => x.moduleId));
    expect(d.causes.length).toBeGreaterThan(0);
    for (const c of d.causes) for (const m of c.modules) expect(involved.has(m)).toBe(true);
  });

  it('is empty for the same set, and names an unknown set', async () => {
    const same = (await (await f('/v1/recommendations/diff', post({ request: body, from: newSetId, to: newSetId }))).json()) as Diff;
    expect(same).toMatchObject({ identical: true, added: [], removed: [], moved: [], causes: [] });
    const res = await f('/v1/recommendations/diff', post({ request: body, from: 'nope', to: newSetId }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['from']);
  });
});
