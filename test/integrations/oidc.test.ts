// Single sign-on against a real OpenID provider (oidc-provider) started on 127.0.0.1: authorization code with PKCE,
// state and nonce; staff are matched by verified email within the organisation only. Refused: a tampered id_token,
// a wrong nonce, a replayed callback, an unverified email, another domain and another organisation's account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accept, call, json } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { followToCallback, startProvider, type TestProvider } from './oidc-provider.js';

const TOKEN = 'oidc-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };
const REDIRECT = 'http://localhost/v1/sso/callback';

describe('single sign-on with OpenID Connect', () => {
  const node = makeNodeApp({ adminToken: TOKEN, allowPrivateUrls: true }, [], () => new Date());
  const f = (p: string, i?: RequestInit) => Promise.resolve(node.app.request(p, i));
  let op: TestProvider;
  let connection: { id: string; redirectUri: string; signInUrl: string };
  let settingA: string;
  let settingB: string;

  const org = async (name: string) => (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name, settingType: 'school', phase: 'primary' }, admin), 201)).id;
  const staff = (setting: string, name: string, email: string) => call(f, `/v1/orgs/${setting}/staff`, json('POST', { name, email, jobRole: 'teacher' }, admin), 201);

  /** Starts at the service, lets the provider sign in `sub`, then returns the service's answer to the callback. */
  async function signIn(sub: string, beforeCallback?: (callbackUrl: string) => void | Promise<void>): Promise<Response> {
    op.next = sub;
    const start = await f(`/v1/sso/start?connection=${connection.id}&returnTo=/pathway`);
    expect(start.status).toBe(302);
    const to = new URL(start.headers.get('location')!);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('nonce')).toBeTruthy();
    const back = await followToCallback(to.toString(), REDIRECT);
    await beforeCallback?.(back);
    return f(back);
  }

  beforeAll(async () => {
    op = await startProvider(REDIRECT);
    settingA = await org('School A');
    settingB = await org('School B');
    op.accounts.set('asha', { email: 'Asha@school-a.example', emailVerified: true, name: 'Asha Khan' });
    op.accounts.set('lead', { email: 'lead@school-a.example', emailVerified: true, name: 'Lead' });
    op.accounts.set('unverified', { email: 'uv@school-a.example', emailVerified: false, name: 'UV' });
    op.accounts.set('bob', { email: 'bob@school-a.example', emailVerified: true, name: 'Bob' });
    op.accounts.set('carl', { email: 'carl@school-b.example', emailVerified: true, name: 'Carl' });
    op.accounts.set('nobody', { email: 'nobody@school-a.example', emailVerified: true, name: 'Nobody' });
    await staff(settingA, 'Asha Khan', 'asha@school-a.example');
    await call(f, `/v1/orgs/${settingA}/leaders`, json('POST', { email: 'lead@school-a.example', name: 'Lead' }, admin), 201);
    // Bob's account is in School B, though his address is on School A's domain: never signed in through A.
    const bob = await call<{ invite: { token: string } }>(f, `/v1/orgs/${settingB}/staff`, json('POST', { name: 'Bob', email: 'bob@school-a.example', jobRole: 'teacher', invite: true }, admin), 201);
    expect(bob.invite.token).toBeTruthy();
    await staff(settingB, 'Carl', 'carl@school-b.example');
    connection = await call(f, `/v1/orgs/${settingA}/sso`, json('POST', { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret, domains: ['school-a.example'] }, admin), 201);
    expect(connection.redirectUri).toBe(REDIRECT);
  }, 60_000);
  afterAll(async () => {
    await op?.close();
    await node.close();
  });

  it('signs a member of staff in by verified email, creating and linking their account, then by subject', async () => {
    const res = await signIn('asha');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/pathway');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-sp_session='))!.split(';')[0]!;
    const me = await call<{ user: { email: string; role: string }; staff: { id: string } | null }>(f, '/v1/me', { headers: { cookie } }, 200);
    expect(me.user).toMatchObject({ email: 'asha@school-a.example', role: 'staff' });
    expect(me.staff).not.toBeNull();
    // The second time the identity is already linked.
    op.accounts.set('asha', { email: 'asha.khan@school-a.example', emailVerified: true, name: 'Asha Khan' });
    expect((await signIn('asha')).status).toBe(303);
    const rows = node.database.raw.prepare("SELECT COUNT(*) AS n FROM external_identities WHERE subject = 'asha'").get() as { n: number };
    expect(rows.n).toBe(1);
    // The person's export names the linked identity (issuer and subject only).
    const mine = await call<{ externalIdentities: Record<string, string>[] }>(f, '/v1/me/export', { headers: { cookie } }, 200);
    expect(mine.externalIdentities).toEqual([expect.objectContaining({ kind: 'oidc', issuer: op.issuer, subject: 'asha' })]);
    // An xAPI statement may name her by that identity: openid `<issuer>#<subject>`.
    const xapi = { ...admin, 'x-experience-api-version': '1.0.3' };
    const statement = { actor: { openid: `${op.issuer}#asha` }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'https://lms.example.org/modules/understanding-autism' } };
    const [id] = await call<string[]>(f, '/v1/xapi/statements', json('POST', statement, xapi), 200);
    expect((await call<{ xapiStatements: { id: string }[] }>(f, '/v1/me/export', { headers: { cookie } }, 200)).xapiStatements.map((s) => s.id)).toEqual([id]);
    expect((await f('/v1/xapi/statements', json('POST', { ...statement, actor: { openid: `${op.issuer}#nobody` } }, xapi))).status).toBe(422);
  });

  it('signs an existing leader in, and keeps password sign-in for everyone else', async () => {
    expect((await signIn('lead')).status).toBe(303);
  });

  it('refuses a tampered id_token', async () => {
    const real = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await real(input, init);
      if (!String(input).endsWith('/token')) return res;
      const body = (await res.json()) as { id_token: string };
      const [h, p, s] = body.id_token.split('.');
      const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
      const forged = Buffer.from(JSON.stringify({ ...claims, email: 'lead@school-a.example' })).toString('base64url');
      return new Response(JSON.stringify({ ...body, id_token: `${h}.${forged}.${s}` }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    try {
      const res = await signIn('asha');
      expect(res.status).toBe(401);
      expect((await res.json()) as { detail: string }).toMatchObject({ detail: expect.stringMatching(/signature/i) });
    } finally {
      globalThis.fetch = real;
    }
  });

  it('refuses a wrong nonce', async () => {
    const res = await signIn('asha', (back) => {
      node.database.raw.prepare("UPDATE login_states SET nonce = 'someone-elses-nonce' WHERE state = ?").run(new URL(back).searchParams.get('state'));
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/nonce/);
  });

  it('refuses a replayed callback and a missing state', async () => {
    let url = '';
    expect((await signIn('asha', (back) => void (url = back))).status).toBe(303);
    const again = await f(url);
    expect(again.status).toBe(400);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await f('/v1/sso/callback?code=x')).status).toBe(400);
  });

  it('refuses an unverified email, another domain, another organisation’s account and an unknown person', async () => {
    for (const [sub, status, pattern] of [
      ['unverified', 403, /not verified/],
      ['bob', 403, /another organisation/],
      ['carl', 403, /school-b\.example/],
      ['nobody', 403, /No account/],
    ] as const) {
      const res = await signIn(sub);
      expect([sub, res.status]).toEqual([sub, status]);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail).toMatch(pattern);
      expect(res.headers.getSetCookie().some((c) => c.startsWith('__Host-sp_session='))).toBe(false);
    }
  });

  it('chooses the connection from the email domain, and keeps connections to their organisation', async () => {
    const byEmail = await f('/v1/sso/start?email=someone@school-a.example');
    expect(byEmail.status).toBe(302);
    expect(byEmail.headers.get('location')).toContain(op.issuer);
    expect((await f('/v1/sso/start?email=someone@elsewhere.example')).status).toBe(404);
    const invite = await call<{ invite: { token: string } }>(f, `/v1/orgs/${settingB}/leaders`, json('POST', { email: 'lead@school-b.example', name: 'Lead B' }, admin), 201);
    const leaderB = await accept(f, invite.invite.token);
    expect((await f(`/v1/orgs/${settingA}/sso`, { headers: leaderB })).status).toBe(404);
    expect((await f(`/v1/sso/connections/${connection.id}`, { method: 'DELETE', headers: leaderB })).status).toBe(404);
    const listed = await call<{ data: { hasClientSecret: boolean }[] }>(f, `/v1/orgs/${settingA}/sso`, { headers: admin }, 200);
    expect(listed.data[0]!.hasClientSecret).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(op.clientSecret);
    const bad = await f(`/v1/orgs/${settingA}/sso`, json('POST', { issuer: 'http://127.0.0.1:9/nothing', clientId: 'x', domains: ['school-a.example'] }, admin));
    expect(bad.status).toBe(422);
  });
});
