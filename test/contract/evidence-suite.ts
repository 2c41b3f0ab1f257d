// Issue 5's "done when" on any runtime: a panel of three judges a draft through the API, sees weights with CRs and
// dispersion, previews the impact and publishes; new recommendations carry the new set, an old one replays exactly.
import { describe, expect, it } from 'vitest';
import { problem } from './suite.js';
import { createDraft, get, post, submitPanel, type CurrentSet, type Fetch } from '../helpers/evidence-panel.js';

/** Registers the flow; it publishes a new set, so register it after suites that assume the shipped set is current. */
export function evidenceSuite(runtime: string, getFetch: () => Fetch, adminToken: string): void {
  const f: Fetch = (p, i) => getFetch()(p, i);
  const request = { role: 'teacher', phase: 'primary', timeBudgetMinutes: 600, formats: ['online', 'in_person'] };

  describe(`evidence panel on ${runtime}`, () => {
    let before: CurrentSet;
    let beforeEtag: string;
    let original: { text: string; provenance: { evidenceSetId: string } };
    let draftId: string;

    it('keeps panel routes behind the admin token', async () => {
      const none = await f('/v1/evidence-sets', post({ provenance: { panel: 'x' } }));
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      await problem(none);
      const wrong = await f('/v1/evidence-sets', post({ provenance: { panel: 'x' } }, `${adminToken}-wrong`));
      expect(wrong.status).toBe(401);
      await problem(wrong);
      expect((await f('/v1/evidence-sets?status=draft')).status).toBe(401);
    });

    it('issues a recommendation under the set in force', async () => {
      const res = await f('/v1/evidence-sets/current');
      beforeEtag = res.headers.get('etag')!;
      before = (await res.json()) as CurrentSet;
      const rec = await f('/v1/recommendations', post(request));
      expect(rec.status).toBe(200);
      const text = await rec.text();
      original = { text, provenance: JSON.parse(text).provenance };
      expect(original.provenance.evidenceSetId).toBe(before.id);
    });

    it('lets a panel of three judge a draft and shows each expert their consistency', async () => {
      const draft = await createDraft(f, adminToken, `Contract panel (${runtime})`);
      expect(draft).toMatchObject({ status: 'draft', basedOn: before.id });
      draftId = draft.id;
      const receipts = await Promise.all((await submitPanel(f, adminToken, draftId, before)).map(async (r) => ({ status: r.status, body: (await r.json()) as { expert: string; consistency: { cr: number; inconsistent: boolean; mostInconsistentPairs: unknown[] }[] } })));
      expect(receipts.map((r) => r.status)).toEqual([201, 201, 201]);
      const [a, , c] = receipts.map((r) => r.body.consistency[0]!);
      expect(a!.cr).toBeLessThan(0.1);
      expect(c!.inconsistent).toBe(true);
      expect(c!.mostInconsistentPairs.length).toBeGreaterThan(0);
    });

    it('aggregates into weights with CRs, GCI, flags and dispersion, stored in the draft', async () => {
      const res = await f(`/v1/evidence-sets/${draftId}/aggregate`, post({}, adminToken));
      expect(res.status).toBe(200);
      const { report, evidenceSet } = (await res.json()) as {
        report: {
          method: { randomIndexTable: string };
          areas: { consistency: { cr: number; gci: number }; weights: { id: string; priority: number; eigenvector: number; dispersion: { sd: number; n: number } }[]; experts: { expert: string; cr: number }[] };
          flags: { expert: string | null; mostInconsistentPairs: unknown[] }[];
          changes: { field: string }[];
        };
        evidenceSet: { id: string; status: string; areaImportance: Record<string, number> };
      };
      expect(report.method.randomIndexTable).toBe('saaty');
      expect(report.areas.weights).toHaveLength(4);
      expect(report.areas.weights.reduce((s, w) => s + w.priority, 0)).toBeCloseTo(1, 5);
      for (const w of report.areas.weights) {
        expect(w.dispersion.n).toBe(3);
        expect(w.dispersion.sd).toBeGreaterThan(0);
        expect(Math.abs(w.priority - w.eigenvector)).toBeLessThan(0.1);
      }
      expect(typeof report.areas.consistency.cr).toBe('number');
      expect(report.areas.experts.map((e) => e.expert)).toEqual(['expert-a', 'expert-b', 'expert-c']);
      expect(report.flags.map((x) => x.expert)).toContain('expert-c');
      expect(report.flags.map((x) => x.expert)).not.toContain('expert-a');
      expect(report.changes.length).toBeGreaterThan(0);
      expect(evidenceSet).toMatchObject({ id: draftId, status: 'draft' });
      const top = [...report.areas.weights].sort((x, y) => y.priority - x.priority)[0]!;
      expect(evidenceSet.areaImportance[top.id]).toBe(1);
      const stored = await f(`/v1/evidence-sets/${draftId}`, get(adminToken));
      expect(((await stored.json()) as { aggregation?: unknown }).aggregation).toBeTruthy();
    });

    it('previews the impact on a population', async () => {
      const res = await f(`/v1/evidence-sets/${draftId}/preview`, post({ size: 40, seed: 7 }, adminToken));
      expect(res.status).toBe(200);
      const p = (await res.json()) as { population: number; currentSetId: string; changedTopK: { share: number }; gaining: { delta: number }[]; losing: { delta: number }[] };
      expect(p.population).toBe(40);
      expect(p.currentSetId).toBe(before.id);
      expect(p.changedTopK.share).toBeGreaterThanOrEqual(0);
      expect(p.changedTopK.share).toBeLessThanOrEqual(1);
      expect(p.gaining.map((g) => g.delta)).toEqual([...p.gaining.map((g) => g.delta)].sort((x, y) => y - x));
      expect(p.losing.map((g) => g.delta)).toEqual([...p.losing.map((g) => g.delta)].sort((x, y) => x - y));
      expect(p.gaining.length + p.losing.length).toBeGreaterThan(0);
    });

    it('publishes once: the new set is current, a second publish is a 409', async () => {
      const res = await f(`/v1/evidence-sets/${draftId}/publish`, post({}, adminToken));
      expect(res.status).toBe(200);
      expect(((await res.json()) as { status: string }).status).toBe('published');
      const again = await f(`/v1/evidence-sets/${draftId}/publish`, post({}, adminToken));
      expect(again.status).toBe(409);
      await problem(again);
      const current = await f('/v1/evidence-sets/current', { headers: { 'if-none-match': beforeEtag } });
      expect(current.status).toBe(200);
      expect(((await current.json()) as { id: string }).id).toBe(draftId);
      const old = (await (await f(`/v1/evidence-sets/${before.id}`)).json()) as { status: string };
      expect(old.status).toBe('superseded');
    });

    it('stamps new recommendations with the new set and replays the old one exactly', async () => {
      const fresh = await f('/v1/recommendations', post(request));
      expect(((await fresh.json()) as { provenance: { evidenceSetId: string } }).provenance.evidenceSetId).toBe(draftId);
      // The original was answered lean (the default since API version 2), so it replays lean byte for byte.
      const replay = await f('/v1/recommendations/replay', post({ request, provenance: original.provenance, detail: 'lean' }));
      expect(replay.status).toBe(200);
      expect(await replay.text()).toBe(original.text);
      const byId = await f('/v1/recommendations/replay', post({ request, evidenceSetId: before.id, detail: 'lean' }));
      expect(await byId.text()).toBe(original.text);
      const full = (await (await f('/v1/recommendations/replay', post({ request, evidenceSetId: before.id }))).json()) as { pathway: { steps: { moduleId: string }[] } };
      const lean = JSON.parse(original.text) as { pathway: { steps: { moduleId: string }[] } };
      expect(full.pathway.steps.map((s) => s.moduleId)).toEqual(lean.pathway.steps.map((s) => s.moduleId));
    });

    it('explains the difference between the two sets for one request', async () => {
      const res = await f('/v1/recommendations/diff', post({ request, from: before.id, to: draftId }));
      expect(res.status).toBe(200);
      const d = (await res.json()) as { fromSetId: string; toSetId: string; added: unknown[]; removed: unknown[]; moved: unknown[]; causes: { modules: string[] }[]; identical: boolean };
      expect([d.fromSetId, d.toSetId]).toEqual([before.id, draftId]);
      if (!d.identical) expect(d.added.length + d.removed.length + d.moved.length).toBeGreaterThan(0);
      for (const c of d.causes) expect(c.modules.length).toBeGreaterThan(0);
    });

    it('refuses judgements for a published set with a 409', async () => {
      const res = await f(`/v1/evidence-sets/${draftId}/judgements`, post({ expert: 'late', ratings: [{ moduleId: Object.keys(before.modules)[0], strength: 3 }] }, adminToken));
      expect(res.status).toBe(409);
      expect((await problem(res)).errors![0]!.path).toBe('id');
    });
  });
}
