// The behavioural contract both runtimes must keep; takes a fetch function and runs unchanged on Node and workerd.
import { describe, expect, it } from 'vitest';

export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Asserts a well-formed problem+json answer (RFC 9457 fields, the request id echoed) and returns its body. */
export async function problem(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { type: string; title: string; status: number; detail: string; requestId?: string; errors?: { path: string; message: string }[] };
  expect(body.status).toBe(res.status);
  expect(body.type).toMatch(/^https?:\/\/[^/]+\/problems\/[a-z-]+$/);
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail.length).toBeGreaterThan(0);
  expect(body.requestId).toBe(res.headers.get('x-request-id'));
  return body;
}

/** Registers the shared contract tests; `getFetch` is read lazily so runtimes can start in beforeAll. */
export function contractSuite(runtime: string, getFetch: () => Fetch): void {
  const f: Fetch = (p, i) => getFetch()(p, i);

  describe(`contract on ${runtime}: operations`, () => {
    it('answers liveness and readiness', async () => {
      const live = await f('/healthz');
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
      const ready = await f('/readyz');
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { status: string }).status).toBe('ok');
    });

    it('puts a request id on every response, echoing a caller-supplied one', async () => {
      const a = await f('/healthz');
      expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const b = await f('/healthz', { headers: { 'x-request-id': 'caller-42' } });
      expect(b.headers.get('x-request-id')).toBe('caller-42');
      const c = await f('/nope');
      expect(c.headers.get('x-request-id')).toBeTruthy();
    });

    it('sends secure headers, including a CSP without unsafe-inline', async () => {
      const res = await f('/healthz');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
    });
  });

  describe(`contract on ${runtime}: problems`, () => {
    it('404 for an unknown path', async () => {
      const res = await f('/v1/no-such-thing');
      expect(res.status).toBe(404);
      expect((await problem(res)).type).toMatch(/not-found$/);
    });

    it('405 with Allow for a known path and the wrong method', async () => {
      const res = await f('/v1/modules', { method: 'DELETE' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toContain('GET');
      await problem(res);
    });

    it('400 for malformed JSON', async () => {
      const res = await f('/v1/recommendations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"role": "teacher",' });
      expect(res.status).toBe(400);
      expect((await problem(res)).type).toMatch(/malformed-json$/);
    });

    it('415 for a body that is not JSON', async () => {
      const res = await f('/v1/recommendations', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'role=teacher' });
      expect(res.status).toBe(415);
      await problem(res);
    });

    it('413 for a body over 1 MB', async () => {
      const big = JSON.stringify({ role: 'teacher', phase: 'primary', pad: 'x'.repeat(3 * 1024 * 1024) });
      const res = await f('/v1/recommendations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect(res.status).toBe(413);
      await problem(res);
    });

    it('422 naming each failing field', async () => {
      const res = await f('/v1/recommendations', json({ role: 'astronaut', phase: 'primary', weeklyMinutes: -5 }));
      expect(res.status).toBe(422);
      const body = await problem(res);
      const paths = body.errors!.map((e) => e.path);
      expect(paths).toContain('role');
      expect(paths).toContain('weeklyMinutes');
    });

    it('422 for an item answered twice', async () => {
      const q = (await (await f('/v1/questionnaire')).json()) as { items: { id: string }[] };
      const id = q.items[0]!.id;
      const res = await f('/v1/recommendations', json({ role: 'teacher', phase: 'primary', responses: [{ itemId: id, value: 2 }, { itemId: id, value: 5 }] }));
      expect(res.status).toBe(422);
      expect((await problem(res)).errors!.map((e) => e.path)).toEqual(['responses[1].itemId']);
    });

    it('422 for an unknown item, area or module id rather than dropping it', async () => {
      const res = await f(
        '/v1/recommendations',
        json({ role: 'teacher', phase: 'primary', responses: [{ itemId: 'no-such-item', value: 3 }], confidence: { 'no-such-area': 2 }, completedModuleIds: ['no-such-module'] }),
      );
      expect(res.status).toBe(422);
      const paths = (await problem(res)).errors!.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['responses[0].itemId', 'confidence.no-such-area', 'completedModuleIds[0]']));
    });
  });

  describe(`contract on ${runtime}: reference data`, () => {
    for (const path of ['/v1/needs-areas', '/v1/questionnaire', '/v1/modules', '/v1/evidence-sets/current']) {
      it(`${path} is cacheable: ETag, Cache-Control and 304`, async () => {
        const res = await f(path);
        expect(res.status).toBe(200);
        const etag = res.headers.get('etag');
        expect(etag).toMatch(/^"[^"]+"$/);
        expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
        await res.json();
        const again = await f(path, { headers: { 'if-none-match': etag! } });
        expect(again.status).toBe(304);
        const other = await f(path, { headers: { 'if-none-match': '"stale"' } });
        expect(other.status).toBe(200);
        await other.arrayBuffer();
      });
    }

    it('serves needs areas, questionnaire items and modules in the API.md shapes', async () => {
      const areas = (await (await f('/v1/needs-areas')).json()) as { data: { id: string; name: string; group: string; description: string }[]; version: string };
      expect(areas.version).toBeTruthy();
      expect(areas.data.length).toBeGreaterThan(10);
      for (const a of areas.data) expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'name', 'group', 'description']));
      const ids = new Set(areas.data.map((a) => a.id));

      const q = (await (await f('/v1/questionnaire')).json()) as { version: string; scale: { min: number; max: number; labels: string[] }; items: { id: string; prompt: string; areas: { areaId: string; loading: number }[] }[] };
      expect(q.scale).toMatchObject({ min: 1, max: 5 });
      expect(q.scale.labels).toHaveLength(5);
      for (const item of q.items) for (const l of item.areas) expect(ids.has(l.areaId)).toBe(true);

      const m = (await (await f('/v1/modules')).json()) as { data: { id: string; formats: string[]; areas: { areaId: string; relevance: number }[] }[]; version: string };
      expect(m.data.length).toBeGreaterThan(0);
      for (const mod of m.data) for (const a of mod.areas) expect(a.relevance).toBeGreaterThanOrEqual(0);
    });

    it('serves the current evidence set with its id and provenance', async () => {
      const e = (await (await f('/v1/evidence-sets/current')).json()) as { id: string; provenance: { panel: string; method: string } };
      expect(e.id).toBeTruthy();
      expect(e.provenance.panel).toBeTruthy();
    });
  });

  describe(`contract on ${runtime}: recommendations and docs`, () => {
    it('recommends a pathway that keeps the API invariants', async () => {
      const body = { role: 'teacher', phase: 'primary', timeBudgetMinutes: 300, weeklyMinutes: 60, formats: ['online'] };
      const res = await f('/v1/recommendations', json(body));
      expect(res.status).toBe(200);
      const r = (await res.json()) as { pathway: { steps: { moduleId: string; minutes: number; format: string; explanation: string }[]; totalMinutes: number }; provenance: Record<string, string> };
      expect(r.pathway.steps.length).toBeGreaterThan(0);
      expect(r.pathway.totalMinutes).toBe(r.pathway.steps.reduce((s, x) => s + x.minutes, 0));
      expect(r.pathway.totalMinutes).toBeLessThanOrEqual(300);
      expect(new Set(r.pathway.steps.map((s) => s.moduleId)).size).toBe(r.pathway.steps.length);
      for (const s of r.pathway.steps) {
        expect(s.format).toBe('online');
        expect(s.explanation.length).toBeGreaterThan(20);
      }
      expect(Object.keys(r.provenance).sort()).toEqual(['algorithmVersion', 'catalogueVersion', 'evidenceSetId', 'inputHash']);
      const again = await f('/v1/recommendations', json(body));
      expect(JSON.stringify(await again.json())).toBe(JSON.stringify(r));
    });

    it('serves an OpenAPI 3.1 document with problem responses and an offline reference page', async () => {
      const doc = (await (await f('/openapi.json')).json()) as {
        openapi: string;
        info: { license?: { identifier?: string } };
        servers?: { url: string }[];
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      };
      expect(doc.openapi).toMatch(/^3\.1/);
      expect(doc.info.license?.identifier).toBe('MIT');
      expect(doc.servers?.[0]?.url).toBe('/');
      expect(doc.paths['/v1/recommendations']!.post!.responses).toHaveProperty('422');
      const page = await f('/docs');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain('/v1/recommendations');
      expect(html).not.toMatch(/https?:\/\/(cdn|unpkg|fonts)\./);
    });
  });
}
