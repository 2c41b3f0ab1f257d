// Evidence sets over HTTP in process: the shipped set seeded once, current/list/get, drafts, publishing (and its
// 409s), and the admin-token guard (401 missing or wrong, 403 when none is configured, drafts hidden from the public).
import { afterEach, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { listEvidenceSets } from '../../src/repos/evidence-sets.js';
import { createDraft, get, post, submitPanel, currentSet, type Fetch } from '../helpers/evidence-panel.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'test-admin-token-0123456789';
let opened: ReturnType<typeof makeNodeApp>[] = [];
afterEach(async () => {
  await Promise.all(opened.map((o) => o.close()));
  opened = [];
});

function setup(config: { adminToken?: string } = { adminToken: TOKEN }) {
  const made = makeNodeApp(config);
  opened.push(made);
  const f: Fetch = (p, i) => Promise.resolve(made.app.request(p, i));
  return { ...made, f };
}

async function publishedDraft(f: Fetch): Promise<string> {
  const set = await currentSet(f);
  const draft = await createDraft(f, TOKEN);
  await submitPanel(f, TOKEN, draft.id, set);
  expect((await f(`/v1/evidence-sets/${draft.id}/aggregate`, post({}, TOKEN))).status).toBe(200);
  expect((await f(`/v1/evidence-sets/${draft.id}/publish`, post({}, TOKEN))).status).toBe(200);
  return draft.id;
}

describe('the set in force', () => {
  it('seeds the shipped set as the first published version, once', async () => {
    const { f, database } = setup();
    const [a, b] = await Promise.all([f('/v1/evidence-sets/current'), f('/v1/evidence-sets/current')]);
    const shipped = getShippedContent().evidence;
    expect(((await a.json()) as { id: string; status: string }).id).toBe(shipped.id);
    expect(((await b.json()) as { status: string }).status).toBe('published');
    const page = await listEvidenceSets(database, { statuses: ['draft', 'published', 'superseded'], limit: 10 });
    expect(page.data.map((r) => [r.id, r.version, r.status])).toEqual([[shipped.id, shipped.version, 'published']]);
    expect(page.data[0]!.body).toEqual(shipped);
  });

  it('serves the body of a newly published set, with a new ETag', async () => {
    const { f } = setup();
    const first = await f('/v1/evidence-sets/current');
    const etag = first.headers.get('etag')!;
    expect((await f('/v1/evidence-sets/current', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const id = await publishedDraft(f);
    const next = await f('/v1/evidence-sets/current', { headers: { 'if-none-match': etag } });
    expect(next.status).toBe(200);
    expect(next.headers.get('etag')).not.toBe(etag);
    expect(((await next.json()) as { id: string; provenance: { panel: string } })).toMatchObject({ id, provenance: { panel: 'Test panel' } });
  });
});

describe('listing and reading sets', () => {
  it('pages newest first with an opaque cursor, hiding drafts from the public', async () => {
    const { f } = setup();
    const id2 = await publishedDraft(f);
    const id3 = await publishedDraft(f);
    const draft = await createDraft(f, TOKEN);
    const page1 = (await (await f('/v1/evidence-sets?limit=2')).json()) as { data: { id: string; status: string }[]; nextCursor: string };
    expect(page1.data.map((d) => [d.id, d.status])).toEqual([[id3, 'published'], [id2, 'superseded']]);
    const page2 = (await (await f(`/v1/evidence-sets?limit=2&cursor=${page1.nextCursor}`)).json()) as { data: { id: string }[]; nextCursor: string | null };
    expect(page2.data.map((d) => d.id)).toEqual([getShippedContent().evidence.id]);
    expect(page2.nextCursor).toBeNull();
    const drafts = (await (await f('/v1/evidence-sets?status=draft', get(TOKEN))).json()) as { data: { id: string }[] };
    expect(drafts.data.map((d) => d.id)).toEqual([draft.id]);
    expect((await f('/v1/evidence-sets?cursor=bogus')).status).toBe(422);
  });

  it('shows a published set to anyone and a draft only with the token', async () => {
    const { f } = setup();
    const shippedId = getShippedContent().evidence.id;
    expect((await f(`/v1/evidence-sets/${shippedId}`)).status).toBe(200);
    const draft = await createDraft(f, TOKEN);
    expect((await f(`/v1/evidence-sets/${draft.id}`)).status).toBe(401);
    const res = await f(`/v1/evidence-sets/${draft.id}`, get(TOKEN));
    expect(((await res.json()) as { status: string }).status).toBe('draft');
    expect((await f('/v1/evidence-sets/no-such-set')).status).toBe(404);
  });
});

describe('drafts', () => {
  it('copies the set in force with the given provenance, and refuses a taken id', async () => {
    const { f } = setup();
    const current = await currentSet(f);
    const res = await f('/v1/evidence-sets', post({ id: 'spring-round', provenance: { panel: 'Spring panel', members: ['A', 'B'], date: '2026-03-01', notes: 'n' } }, TOKEN));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/v1/evidence-sets/spring-round');
    const draft = (await res.json()) as { id: string; version: number; status: string; basedOn: string; provenance: Record<string, unknown>; areaImportance: object };
    expect(draft).toMatchObject({ id: 'spring-round', version: current.version + 1, status: 'draft', basedOn: current.id });
    expect(draft.provenance).toMatchObject({ panel: 'Spring panel', members: ['A', 'B'], date: '2026-03-01', notes: 'n' });
    expect(draft.areaImportance).toEqual(current.areaImportance);
    const again = await f('/v1/evidence-sets', post({ id: 'spring-round', provenance: { panel: 'x' } }, TOKEN));
    expect(again.status).toBe(409);
    const bad = await f('/v1/evidence-sets', post({ id: 'Not Kebab', provenance: {} }, TOKEN));
    expect(bad.status).toBe(422);
    const paths = ((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'provenance.panel']));
  });
});

describe('publishing', () => {
  it('supersedes the old set atomically and refuses a second publish with a 409', async () => {
    const { f, database } = setup();
    const id = await publishedDraft(f);
    const again = await f(`/v1/evidence-sets/${id}/publish`, post({}, TOKEN));
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await again.json()) as { detail: string }).detail).toMatch(/published, not a draft/);
    const all = await listEvidenceSets(database, { statuses: ['published'], limit: 10 });
    expect(all.data.map((r) => r.id)).toEqual([id]);
  });

  it('refuses a draft that was never aggregated, or whose judgements changed since', async () => {
    const { f } = setup();
    const set = await currentSet(f);
    const draft = await createDraft(f, TOKEN);
    const early = await f(`/v1/evidence-sets/${draft.id}/publish`, post({}, TOKEN));
    expect(early.status).toBe(409);
    expect(((await early.json()) as { detail: string }).detail).toMatch(/not been aggregated/);
    await submitPanel(f, TOKEN, draft.id, set);
    await f(`/v1/evidence-sets/${draft.id}/aggregate`, post({}, TOKEN));
    await submitPanel(f, TOKEN, draft.id, set);
    const stale = await f(`/v1/evidence-sets/${draft.id}/publish`, post({}, TOKEN));
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { detail: string }).detail).toMatch(/aggregate again/);
  });

  it('refuses a draft started from a set that is no longer in force', async () => {
    const { f } = setup();
    const set = await currentSet(f);
    const older = await createDraft(f, TOKEN);
    await submitPanel(f, TOKEN, older.id, set);
    await f(`/v1/evidence-sets/${older.id}/aggregate`, post({}, TOKEN));
    await publishedDraft(f);
    const res = await f(`/v1/evidence-sets/${older.id}/publish`, post({}, TOKEN));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/start a new draft/);
  });
});

describe('admin token', () => {
  const adminRoutes: [string, string][] = [
    ['POST', '/v1/evidence-sets'],
    ['POST', '/v1/evidence-sets/x/judgements'],
    ['GET', '/v1/evidence-sets/x/judgements'],
    ['POST', '/v1/evidence-sets/x/aggregate'],
    ['POST', '/v1/evidence-sets/x/preview'],
    ['POST', '/v1/evidence-sets/x/publish'],
    ['GET', '/v1/recommendations/x/replay'],
  ];

  it('answers 401 with a Bearer challenge when the token is missing or wrong, before validating the body', async () => {
    const { f } = setup();
    for (const [method, path] of adminRoutes) {
      const init = method === 'POST' ? { method, headers: { 'content-type': 'application/json' }, body: '{"not":"valid"}' } : { method };
      const none = await f(path, init);
      expect([path, none.status]).toEqual([path, 401]);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
      const wrong = await f(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${TOKEN}x` } });
      expect([path, wrong.status]).toEqual([path, 401]);
      const basic = await f(path, { ...init, headers: { ...init.headers, authorization: `Basic ${btoa(`admin:${TOKEN}`)}` } });
      expect([path, basic.status]).toEqual([path, 401]);
    }
  });

  it('answers 403 on every panel route when the server has no token configured', async () => {
    const { f } = setup({});
    const res = await f('/v1/evidence-sets', post({ provenance: { panel: 'x' } }, TOKEN));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/ADMIN_TOKEN/);
    expect((await f('/v1/evidence-sets/current')).status).toBe(200);
  });

  it('documents the panel session and the admin bearer token on every panel route in the OpenAPI document', async () => {
    const { f } = setup();
    const doc = (await (await f('/openapi.json')).json()) as {
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { security?: Record<string, unknown>[]; responses: Record<string, unknown> }>>;
    };
    expect(doc.components.securitySchemes.adminToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [method, path] of adminRoutes) {
      const op = doc.paths[path.replace('/x/', '/{id}/')]![method.toLowerCase()]!;
      expect(op.security).toEqual([{ sessionCookie: [] }, { adminToken: [] }]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '422']));
    }
  });
});
