// Credential storage, expiry, rate limits, idempotency races and log privacy on Node, where the test can read the
// database, move the clock and set limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accept, call, json, PASSWORD, seedWorld, sessionCookie, type World } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';
import type { AppConfig } from '../../src/http/env.js';

const TOKEN = 'security-admin-token-0123456789';

function app(config: AppConfig = {}) {
  const clock = { now: new Date('2026-11-22T10:00:00Z') };
  const lines: string[] = [];
  const node = makeNodeApp({ adminToken: TOKEN, ...config }, lines, () => clock.now);
  const f = (p: string, i?: RequestInit) => Promise.resolve(node.app.request(p, i));
  const advance = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));
  return { ...node, f, advance, lines };
}

describe('what is stored', () => {
  const a = app();
  let w: World;
  beforeAll(async () => {
    w = await seedWorld(a.f, TOKEN);
  });
  afterAll(() => a.close());

  it('passwords are PBKDF2-SHA256 with a per-user salt and at least 100,000 iterations', () => {
    const rows = a.database.raw.prepare('SELECT password_hash AS h FROM users WHERE password_hash IS NOT NULL').all() as { h: string }[];
    expect(rows.length).toBeGreaterThan(5);
    const salts = new Set<string>();
    for (const { h } of rows) {
      const [scheme, iterations, salt, hash] = h.split('$');
      expect(scheme).toBe('pbkdf2-sha256');
      expect(Number(iterations)).toBeGreaterThanOrEqual(100_000);
      expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
      salts.add(salt!);
      expect(h).not.toContain(PASSWORD);
    }
    expect(salts.size).toBe(rows.length);
  });

  it('session cookies, invite tokens and API keys are stored only as SHA-256 hashes', async () => {
    const dump = () => JSON.stringify(['sessions', 'invites', 'api_keys', 'users'].map((t) => a.database.raw.prepare(`SELECT * FROM ${t}`).all()));
    const cookieValue = w.headers.leader.cookie!.split('=')[1]!;
    const made = await call<{ invite: { token: string } }>(a.f, `/v1/orgs/${w.settingA1}/leaders`, json('POST', { email: w.email('stored'), name: 'Stored' }, w.headers.admin), 201);
    const key = await call<{ key: string; apiKey: { prefix: string } }>(a.f, `/v1/orgs/${w.settingA1}/keys`, json('POST', { name: 'k', scopes: ['staff:read'] }, w.headers.admin), 201);
    const text = dump();
    for (const secret of [cookieValue, made.invite.token, key.key]) expect(text).not.toContain(secret);
    expect(text).toContain(key.apiKey.prefix);
    const hashes = a.database.raw.prepare('SELECT token_hash AS h FROM sessions').all() as { h: string }[];
    for (const { h } of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('expiry', () => {
  it('sessions end after 12 hours and invites after 7 days', async () => {
    const a = app();
    const w = await seedWorld(a.f, TOKEN);
    const made = await call<{ invite: { token: string } }>(a.f, `/v1/orgs/${w.settingA1}/leaders`, json('POST', { email: w.email('late'), name: 'Late' }, w.headers.admin), 201);
    const fresh = await call<{ invite: { token: string } }>(a.f, `/v1/orgs/${w.settingA1}/leaders`, json('POST', { email: w.email('prompt'), name: 'Prompt' }, w.headers.admin), 201);
    const cookie = await accept(a.f, fresh.invite.token);
    a.advance(11 * 3_600_000);
    expect((await a.f('/v1/me', { headers: cookie })).status).toBe(200);
    a.advance(2 * 3_600_000);
    expect((await a.f('/v1/me', { headers: cookie })).status).toBe(401);
    a.advance(7 * 86_400_000);
    expect((await a.f('/v1/auth/invites/accept', json('POST', { token: made.invite.token, password: PASSWORD }))).status).toBe(404);
    await a.close();
  });

  it('a new invite replaces an unused one; an admin reset ends every session of the account', async () => {
    const a = app();
    const w = await seedWorld(a.f, TOKEN);
    const staff = await call<{ staff: { id: string }; invite: { token: string } }>(a.f, `/v1/orgs/${w.settingA1}/staff`, json('POST', { name: 'Re', email: w.email('re'), jobRole: 'teacher', invite: true }, w.headers.leader), 201);
    const second = await call<{ token: string; userId: string }>(a.f, `/v1/staff/${staff.staff.id}/invite`, { method: 'POST', headers: w.headers.leader }, 201);
    expect((await a.f('/v1/auth/invites/accept', json('POST', { token: staff.invite.token, password: PASSWORD }))).status).toBe(404);
    const first = await accept(a.f, second.token);
    const reset = await call<{ token: string }>(a.f, `/v1/admin/users/${second.userId}/password-reset`, { method: 'POST', headers: w.headers.admin }, 201);
    expect((await a.f('/v1/me', { headers: first })).status).toBe(401);
    await accept(a.f, reset.token);
    await a.close();
  });
});

describe('rate limits', () => {
  it('are off unless configured', async () => {
    const a = app();
    for (let i = 0; i < 40; i++) expect((await a.f('/v1/recommendations', json('POST', { role: 'teacher', phase: 'primary' }))).status).toBe(200);
    await a.close();
  });

  it('limit anonymous recommendations per address with a 429 problem and Retry-After; a key is counted on its own', async () => {
    const a = app({ rateLimits: { anonymousRecommendations: { limit: 2, windowSeconds: 60 }, perKey: { limit: 3, windowSeconds: 60 } } });
    const w = await seedWorld(a.f, TOKEN);
    const body = { role: 'teacher', phase: 'primary' };
    expect((await a.f('/v1/recommendations', json('POST', body))).status).toBe(200);
    expect((await a.f('/v1/recommendations', json('POST', body))).status).toBe(200);
    const limited = await a.f('/v1/recommendations', json('POST', body));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as { type: string }).type).toMatch(/rate-limited$/);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await a.f('/v1/recommendations', json('POST', body, w.headers.keyNoScope))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Another key has its own allowance; the window resets.
    expect((await a.f(`/v1/orgs/${w.settingA1}/staff`, { headers: w.headers.key })).status).toBe(200);
    a.advance(61_000);
    expect((await a.f('/v1/recommendations', json('POST', body))).status).toBe(200);
    await a.close();
  });

  it('slow down password guessing per address', async () => {
    const a = app({ rateLimits: { signIn: { limit: 3, windowSeconds: 300 } } });
    const guess = () => a.f('/v1/auth/sign-in', json('POST', { email: 'x@example.org', password: 'guess number one' }));
    expect([(await guess()).status, (await guess()).status, (await guess()).status, (await guess()).status]).toEqual([401, 401, 401, 429]);
    await a.close();
  });

  it('count per client address when the runtime supplies one', async () => {
    let address = '192.0.2.1';
    const node = makeNodeApp({ rateLimits: { perAddress: { limit: 2, windowSeconds: 60 } } });
    const { createApp } = await import('../../src/http/app.js');
    const { getShippedContent } = await import('../../src/content/bundled.js');
    const { createLogger } = await import('../../src/http/logger.js');
    const app2 = createApp({
      database: () => node.database,
      content: getShippedContent,
      logger: createLogger('silent'),
      config: { rateLimits: { perAddress: { limit: 2, windowSeconds: 60 } } },
      now: () => new Date('2026-11-22T10:00:00Z'),
      clientAddress: () => address,
    });
    const get = async () => (await app2.request('/v1/modules')).status;
    expect([await get(), await get(), await get()]).toEqual([200, 200, 429]);
    address = '192.0.2.2';
    expect(await get()).toBe(200);
    await node.close();
  });
});

describe('idempotency', () => {
  it('a key is scoped to its credential, and a request still in progress answers 409', async () => {
    const a = app();
    const w = await seedWorld(a.f, TOKEN);
    const body = { moduleId: 'dyslexia-in-practice', status: 'completed' };
    const one = await a.f('/v1/me/progress', json('POST', body, { ...w.headers.staff, 'idempotency-key': 'same' }));
    const other = await a.f('/v1/me/progress', json('POST', body, { ...w.headers.staffOther, 'idempotency-key': 'same' }));
    expect([one.status, other.status]).toEqual([200, 200]);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    a.database.raw
      .prepare("INSERT INTO idempotency_keys (scope, key, request_hash, created_at, expires_at) VALUES (?, 'busy', 'h', ?, ?)")
      .run(`user:${(await call<{ user: { id: string } }>(a.f, '/v1/me', { headers: w.headers.staff }, 200)).user.id}`, '2026-11-22T10:00:00.000Z', '2026-11-23T10:00:00.000Z');
    const busy = await a.f('/v1/me/progress', json('POST', body, { ...w.headers.staff, 'idempotency-key': 'busy' }));
    expect(busy.status).toBe(409);
    expect(busy.headers.get('retry-after')).toBe('1');
    // A claim left by a request that died is taken over once it is a minute old.
    a.advance(61_000);
    expect((await a.f('/v1/me/progress', json('POST', body, { ...w.headers.staff, 'idempotency-key': 'busy' }))).status).toBe(200);
    const bad = await a.f('/v1/me/progress', json('POST', body, { ...w.headers.staff, 'idempotency-key': 'tab\there' }));
    expect(bad.status).toBe(400);
    await a.close();
  });

  it('a retried check-in adds its observations once', async () => {
    const a = app();
    const w = await seedWorld(a.f, TOKEN);
    const count = () => (a.database.raw.prepare('SELECT count(*) AS n FROM module_observations').get() as { n: number }).n;
    const before = count();
    const init = json('POST', { moduleId: 'dld-spotlight', ratings: { slcn: 5, 'early-identification': 4 } }, { ...w.headers.staff, 'idempotency-key': 'checkin-1' });
    expect((await a.f('/v1/me/checkins', init)).status).toBe(201);
    const after = count();
    expect(after).toBeGreaterThan(before);
    expect((await a.f('/v1/me/checkins', json('POST', { moduleId: 'dld-spotlight', ratings: { slcn: 5, 'early-identification': 4 } }, { ...w.headers.staff, 'idempotency-key': 'checkin-1' }))).status).toBe(201);
    expect(count()).toBe(after);
    await a.close();
  });
});

describe('privacy of logs', () => {
  it('request logs carry no answers, emails, passwords or tokens', async () => {
    const a = app();
    const w = await seedWorld(a.f, TOKEN);
    const email = w.email('quiet');
    const staff = await call<{ invite: { token: string } }>(a.f, `/v1/orgs/${w.settingA1}/staff`, json('POST', { name: 'Quinn Quiet', email, jobRole: 'teacher', invite: true }, w.headers.leader), 201);
    const res = await a.f('/v1/auth/invites/accept', json('POST', { token: staff.invite.token, password: PASSWORD }));
    const cookie = sessionCookie(res);
    await call(a.f, '/v1/me/assessments', json('POST', { responses: [{ itemId: 'vision', value: 4 }], confidence: { 'working-with-tas': 1 } }, cookie), 201);
    const log = a.lines.join('\n');
    for (const secret of [email, PASSWORD, staff.invite.token, 'Quinn', 'working-with-tas', 'vision']) expect(log).not.toContain(secret);
    expect(a.lines.some((l) => l.includes('/v1/me/assessments'))).toBe(true);
    await a.close();
  });
});
