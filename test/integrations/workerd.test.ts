// The integrations in workerd: a write's webhook message leaves from waitUntil after the response, signed, to a
// receiver on 127.0.0.1; the tool's JWKS is generated and kept with Web Crypto; xAPI answers with its version;
// single sign-on against a real OpenID provider (oidc-provider) on 127.0.0.1, discovery, code exchange and id_token
// checks all made by the Worker.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from '../helpers/workerd.js';
import { call, json } from '../contract/accounts-world.js';
import { followToCallback, startProvider } from './oidc-provider.js';

const TOKEN = 'workerd-webhooks-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };

describe('integrations in workerd', () => {
  let worker: RunningWorker;
  const got: { headers: Record<string, string>; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    worker = await startWorker({ ADMIN_TOKEN: TOKEN, RATE_LIMITS: 'off', ALLOW_PRIVATE_URLS: 'on' });
  }, 240_000);
  afterAll(async () => {
    await worker?.stop();
    await new Promise((r) => server.close(r));
  });

  it('sends assignment.created from waitUntil, signed with the endpoint secret', async () => {
    const f = worker.fetch;
    const setting = (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'Worker School', settingType: 'school', phase: 'primary' }, admin), 201)).id;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const { secret } = await call<{ secret: string }>(f, `/v1/orgs/${setting}/webhooks`, json('POST', { url, events: ['assignment.created'] }, admin), 201);
    const made = await call<{ id: string }>(f, `/v1/orgs/${setting}/assignments`, json('POST', { target: { kind: 'everyone' }, kind: 'personalised' }, admin), 201);
    for (let i = 0; i < 50 && !got.length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(got).toHaveLength(1);
    const h = got[0]!.headers;
    const mac = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${h['webhook-id']}.${h['webhook-timestamp']}.${got[0]!.body}`).digest('base64');
    expect(h['webhook-signature']).toBe(`v1,${mac}`);
    expect(JSON.parse(got[0]!.body)).toMatchObject({ type: 'assignment.created', data: { assignmentId: made.id } });
  });

  it('publishes the LTI tool JWKS, the same on every call, and answers xAPI /about', async () => {
    const a = await worker.fetch('/.well-known/jwks.json');
    expect(a.status).toBe(200);
    const keys = ((await a.json()) as { keys: Record<string, string>[] }).keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    expect(keys[0]!.d).toBeUndefined();
    expect(((await (await worker.fetch('/.well-known/jwks.json')).json()) as { keys: unknown[] }).keys).toEqual(keys);
    const about = await worker.fetch('/v1/xapi/about');
    expect(about.headers.get('x-experience-api-version')).toBe('1.0.3');
    await about.arrayBuffer();
  });

  it('signs a member of staff in through an OpenID provider, and refuses a replayed callback and an unverified email', async () => {
    const f = worker.fetch;
    const redirect = `${worker.base}/v1/sso/callback`;
    const op = await startProvider(redirect);
    try {
      const setting = (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'Worker SSO School', settingType: 'school', phase: 'primary' }, admin), 201)).id;
      await call(f, `/v1/orgs/${setting}/staff`, json('POST', { name: 'Wren Ali', email: 'wren@worker-sso.example', jobRole: 'teacher' }, admin), 201);
      op.accounts.set('wren', { email: 'wren@worker-sso.example', emailVerified: true, name: 'Wren Ali' });
      op.accounts.set('unverified', { email: 'uv@worker-sso.example', emailVerified: false, name: 'UV' });
      const connection = await call<{ id: string; redirectUri: string }>(f, `/v1/orgs/${setting}/sso`, json('POST', { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret, domains: ['worker-sso.example'] }, admin), 201);
      expect(connection.redirectUri).toBe(redirect);
      const signIn = async (sub: string) => {
        op.next = sub;
        const start = await f(`/v1/sso/start?connection=${connection.id}&returnTo=/pathway`);
        expect(start.status).toBe(302);
        const to = new URL(start.headers.get('location')!);
        expect([to.origin, to.searchParams.get('code_challenge_method'), !!to.searchParams.get('nonce')]).toEqual([op.issuer, 'S256', true]);
        return new URL(await followToCallback(to.toString(), redirect));
      };
      const back = await signIn('wren');
      const res = await f(back.pathname + back.search);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/pathway');
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-sp_session='))!.split(';')[0]!;
      const me = await call<{ user: { email: string; role: string } }>(f, '/v1/me', { headers: { cookie } }, 200);
      expect(me.user).toMatchObject({ email: 'wren@worker-sso.example', role: 'staff' });
      // The same callback again: the state was used.
      const again = await f(back.pathname + back.search);
      expect([again.status, again.headers.get('content-type')]).toEqual([400, expect.stringMatching(/problem\+json/)]);
      await again.arrayBuffer();
      const uvBack = await signIn('unverified');
      const uv = await f(uvBack.pathname + uvBack.search);
      expect(uv.status).toBe(403);
      expect(((await uv.json()) as { detail: string }).detail).toMatch(/not verified/);
    } finally {
      await op.close();
    }
  });
});
