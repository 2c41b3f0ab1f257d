// The lean default and the full detail of POST /v1/recommendations: the same pathway, the lean one without reason
// sentences and source texts, its source ids resolvable through the evidence-set sources routes; the `detail`
// option stays out of the input hash; the OpenAPI document describes both shapes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeNodeApp } from '../helpers/node-app.js';

const body = { role: 'teacher', phase: 'secondary', timeBudgetMinutes: 480, confidence: { asd: 1, semh: 2 } };
const post = (b: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });

interface LeanStep { moduleId: string; explanation: string; evidence: { strength: number; sourceIds: string[] }; reasons: { kind: string; text?: string }[] }
interface FullStep { moduleId: string; explanation: string; evidence: { strength: number; sources: string[] }; reasons: { kind: string; text: string }[] }
interface Rec<S> { detail?: string; pathway: { steps: S[]; totalMinutes: number }; profile: object; provenance: { evidenceSetId: string; inputHash: string } }

let made: ReturnType<typeof makeNodeApp>;
const f = (p: string, i?: RequestInit) => Promise.resolve(made.app.request(p, i));
beforeEach(() => {
  made = makeNodeApp();
});
afterEach(() => made.close());

describe('recommendation detail', () => {
  it('answers lean by default and full on request, with the same pathway, profile and provenance', async () => {
    const leanRes = await f('/v1/recommendations', post(body));
    expect(leanRes.status).toBe(200);
    expect(leanRes.headers.get('x-recommendation-detail')).toBe('lean');
    const leanText = await leanRes.text();
    const fullRes = await f('/v1/recommendations', post({ ...body, detail: 'full' }));
    expect(fullRes.headers.get('x-recommendation-detail')).toBe('full');
    const fullText = await fullRes.text();
    const lean = JSON.parse(leanText) as Rec<LeanStep>;
    const full = JSON.parse(fullText) as Rec<FullStep>;
    expect(lean.detail).toBe('lean');
    expect(full.detail).toBeUndefined();
    expect(leanText.length).toBeLessThan(fullText.length * 0.75);
    expect(lean.provenance).toEqual(full.provenance);
    expect(lean.profile).toEqual(full.profile);
    expect(lean.pathway.totalMinutes).toBe(full.pathway.totalMinutes);
    lean.pathway.steps.forEach((s, i) => {
      const g = full.pathway.steps[i]!;
      expect(s.moduleId).toBe(g.moduleId);
      expect(s.explanation).toBe(g.explanation);
      expect(s.evidence.sourceIds).toHaveLength(g.evidence.sources.length);
      expect(s.reasons.map((r) => r.kind)).toEqual(g.reasons.map((r) => r.kind));
      expect(s.reasons.every((r) => r.text === undefined)).toBe(true);
    });
  });

  it('resolves every lean source id to the text the full detail cites', async () => {
    const lean = (await (await f('/v1/recommendations', post(body))).json()) as Rec<LeanStep>;
    const full = (await (await f('/v1/recommendations', post({ ...body, detail: 'full' }))).json()) as Rec<FullStep>;
    const setId = lean.provenance.evidenceSetId;
    const list = (await (await f(`/v1/evidence-sets/${setId}/sources`)).json()) as { data: { id: string; text: string }[] };
    expect(new Set(list.data.map((s) => s.id)).size).toBe(list.data.length);
    for (const [i, step] of lean.pathway.steps.entries()) {
      for (const [k, id] of step.evidence.sourceIds.entries()) {
        const res = await f(`/v1/evidence-sets/${setId}/sources/${id}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toContain('immutable');
        const source = (await res.json()) as { text: string; moduleIds: string[] };
        expect(source.text).toBe(full.pathway.steps[i]!.evidence.sources[k]);
        expect(source.moduleIds).toContain(step.moduleId);
      }
    }
    expect((await f(`/v1/evidence-sets/current/sources`)).status).toBe(200);
  });

  it('answers 404 problems for an unknown set or source, and 422 for an unknown detail', async () => {
    const setId = ((await (await f('/v1/recommendations', post(body))).json()) as Rec<LeanStep>).provenance.evidenceSetId;
    const noSource = await f(`/v1/evidence-sets/${setId}/sources/src-00000000`);
    expect(noSource.status).toBe(404);
    expect(noSource.headers.get('content-type')).toContain('application/problem+json');
    expect((await f('/v1/evidence-sets/no-such-set/sources')).status).toBe(404);
    const bad = await f('/v1/recommendations', post({ ...body, detail: 'medium' }));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('detail');
  });

  it('keeps `detail` out of the input hash and documents both shapes in OpenAPI', async () => {
    const a = (await (await f('/v1/recommendations', post(body))).json()) as Rec<LeanStep>;
    const b = (await (await f('/v1/recommendations', post({ ...body, detail: 'lean' }))).json()) as Rec<LeanStep>;
    expect(a.provenance.inputHash).toBe(b.provenance.inputHash);
    const doc = JSON.stringify(await (await f('/openapi.json')).json());
    expect(doc).toContain('LeanRecommendation');
    expect(doc).toContain('/v1/evidence-sets/{id}/sources/{sourceId}');
  });
});
