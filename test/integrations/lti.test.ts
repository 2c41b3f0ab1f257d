// LTI 1.3 end to end against a test platform built with jose: it serves its JWKS on 127.0.0.1, starts a third-party
// login, checks the tool's authentication request and posts a signed resource-link launch. Refused: a bad signature,
// a replayed launch or nonce, an unknown deployment, another audience and an unregistered issuer.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accept, call, json } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'lti-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };
const ISSUER = 'https://vle.test-school.example';
const CLIENT = 'tool-client-1';
const DEPLOYMENT = 'deployment-1';
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
const form = (body: Record<string, string>): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });

describe('LTI 1.3 launch from a platform', () => {
  const node = makeNodeApp({ adminToken: TOKEN, allowPrivateUrls: true }, [], () => new Date());
  const f = (p: string, i?: RequestInit) => Promise.resolve(node.app.request(p, i));
  let platformKey: CryptoKey;
  let strangerKey: CryptoKey;
  let authUrl: string;
  const jwksServer = createServer();
  let setting: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    platformKey = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'platform-key', alg: 'RS256', use: 'sig' };
    jwksServer.on('request', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`;
    authUrl = `${base}/auth`;
    setting = (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'VLE School', settingType: 'school', phase: 'primary' }, admin), 201)).id;
    await call(f, `/v1/orgs/${setting}/staff`, json('POST', { name: 'Lena', email: 'lena@test-school.example', jobRole: 'teacher' }, admin), 201);
    const reg = await call<{ tool: { loginUrl: string; redirectUrl: string; jwksUrl: string } }>(
      f,
      `/v1/orgs/${setting}/lti/platforms`,
      json('POST', { issuer: ISSUER, clientId: CLIENT, deploymentIds: [DEPLOYMENT], jwksUrl: `${base}/jwks`, authLoginUrl: authUrl }, admin),
      201,
    );
    expect(reg.tool).toEqual({ loginUrl: 'http://localhost/v1/lti/login', redirectUrl: 'http://localhost/v1/lti/launch', targetLinkUrl: 'http://localhost/v1/lti/launch', jwksUrl: 'http://localhost/.well-known/jwks.json' });
  });
  afterAll(async () => {
    await new Promise((r) => jwksServer.close(r));
    await node.close();
  });

  /** Login initiation as the platform sends it; returns the tool's authentication request parameters. */
  async function login(extra: Record<string, string> = {}): Promise<URLSearchParams> {
    const res = await f('/v1/lti/login', form({ iss: ISSUER, login_hint: 'user-42', target_link_uri: 'http://localhost/v1/lti/launch', lti_message_hint: 'ctx-7', client_id: CLIENT, lti_deployment_id: DEPLOYMENT, ...extra }));
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin + to.pathname).toBe(authUrl);
    return to.searchParams;
  }

  const idToken = (q: URLSearchParams, over: Record<string, unknown> = {}, key: CryptoKey = platformKey, aud = CLIENT) =>
    new SignJWT({
      nonce: q.get('nonce'),
      email: 'lena@test-school.example',
      name: 'Lena',
      [`${LTI}message_type`]: 'LtiResourceLinkRequest',
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: DEPLOYMENT,
      [`${LTI}target_link_uri`]: 'http://localhost/v1/lti/launch',
      [`${LTI}resource_link`]: { id: 'link-1' },
      [`${LTI}roles`]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
      ...over,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'platform-key' })
      .setIssuer(ISSUER)
      .setSubject('user-42')
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it('sends an OIDC authentication request the platform can answer', async () => {
    const q = await login();
    expect(Object.fromEntries(q)).toMatchObject({ scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none', client_id: CLIENT, redirect_uri: 'http://localhost/v1/lti/launch', login_hint: 'user-42', lti_message_hint: 'ctx-7' });
    expect(q.get('state')).toBeTruthy();
    expect(q.get('nonce')).toBeTruthy();
  });

  it('launches into the person’s pathway, linking their account within the platform’s organisation', async () => {
    const q = await login();
    const res = await f('/v1/lti/launch', form({ id_token: await idToken(q), state: q.get('state')! }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/pathway');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-sp_session='))!.split(';')[0]!;
    const me = await call<{ user: { email: string } }>(f, '/v1/me', { headers: { cookie } }, 200);
    expect(me.user.email).toBe('lena@test-school.example');
    const linked = node.database.raw.prepare("SELECT kind FROM external_identities WHERE issuer = ? AND subject = 'user-42'").get(ISSUER) as { kind: string };
    expect(linked.kind).toBe('lti');
  });

  it('refuses a bad signature, another audience, an unknown deployment and a wrong message type', async () => {
    const cases: [Record<string, unknown>, CryptoKey, string, number, RegExp][] = [
      [{}, strangerKey, CLIENT, 401, /signature/],
      [{}, platformKey, 'another-tool', 401, /aud/],
      [{ [`${LTI}deployment_id`]: 'deployment-9' }, platformKey, CLIENT, 403, /deployment-9/],
      [{ [`${LTI}message_type`]: 'LtiDeepLinkingRequest' }, platformKey, CLIENT, 401, /resource link/],
    ];
    for (const [over, key, aud, status, pattern] of cases) {
      const q = await login();
      const res = await f('/v1/lti/launch', form({ id_token: await idToken(q, over, key, aud), state: q.get('state')! }));
      expect([pattern.source, res.status]).toEqual([pattern.source, status]);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail).toMatch(pattern);
    }
    expect((await f('/v1/lti/login', form({ iss: ISSUER, login_hint: 'u', target_link_uri: '/', client_id: CLIENT, lti_deployment_id: 'deployment-9' }))).status).toBe(403);
    expect((await f('/v1/lti/login', form({ iss: 'https://unknown.example', login_hint: 'u', target_link_uri: '/' }))).status).toBe(404);
  });

  it('refuses a replayed launch and a replayed nonce', async () => {
    const q = await login();
    const body = { id_token: await idToken(q), state: q.get('state')! };
    expect((await f('/v1/lti/launch', form(body))).status).toBe(303);
    const again = await f('/v1/lti/launch', form(body));
    expect(again.status).toBe(400);
    // Even under a fresh state, a nonce that was used once is refused.
    node.database.raw
      .prepare("INSERT INTO login_states (state, kind, ref_id, nonce, return_to, expires_at) SELECT 'fresh-state', 'lti', id, ?, '/pathway', '2999-01-01T00:00:00Z' FROM lti_platforms")
      .run(q.get('nonce'));
    const replay = await f('/v1/lti/launch', form({ ...body, state: 'fresh-state' }));
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { detail: string }).detail).toMatch(/nonce was used/);
  });

  it('refuses a person with no account or staff record in the organisation', async () => {
    const q = await login();
    const res = await f('/v1/lti/launch', form({ id_token: await idToken(q, { email: 'stranger@test-school.example' }), state: q.get('state')! }));
    // The subject is linked to Lena's account already, so a changed email still opens Lena's pathway.
    expect(res.status).toBe(303);
    const q2 = await login();
    const token = await new SignJWT({ nonce: q2.get('nonce'), email: 'stranger@test-school.example', [`${LTI}message_type`]: 'LtiResourceLinkRequest', [`${LTI}version`]: '1.3.0', [`${LTI}deployment_id`]: DEPLOYMENT, [`${LTI}resource_link`]: { id: 'l' } })
      .setProtectedHeader({ alg: 'RS256', kid: 'platform-key' })
      .setIssuer(ISSUER)
      .setSubject('user-99')
      .setAudience(CLIENT)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(platformKey);
    const refused = await f('/v1/lti/launch', form({ id_token: token, state: q2.get('state')! }));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/No account or staff record/);
  });

  it('publishes the tool’s JWKS (public parts only, stable across calls) and keeps platform registration to admins', async () => {
    const first = (await (await f('/.well-known/jwks.json')).json()) as { keys: Record<string, string>[] };
    const second = (await (await f('/.well-known/jwks.json')).json()) as { keys: Record<string, string>[] };
    expect(first.keys).toHaveLength(1);
    expect(first).toEqual(second);
    expect(first.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(first.keys[0]!.d).toBeUndefined();
    const invite = await call<{ invite: { token: string } }>(f, `/v1/orgs/${setting}/leaders`, json('POST', { email: 'head@test-school.example', name: 'Head' }, admin), 201);
    const leader = await accept(f, invite.invite.token);
    expect((await f(`/v1/orgs/${setting}/lti/platforms`, { headers: leader })).status).toBe(403);
    const platforms = await call<{ data: { issuer: string; clientId: string }[] }>(f, `/v1/orgs/${setting}/lti/platforms`, { headers: admin }, 200);
    expect(platforms.data).toEqual([expect.objectContaining({ issuer: ISSUER, clientId: CLIENT })]);
    const dup = await f(`/v1/orgs/${setting}/lti/platforms`, json('POST', { issuer: ISSUER, clientId: CLIENT, deploymentIds: ['x'], jwksUrl: `${authUrl}/jwks`, authLoginUrl: authUrl }, admin));
    expect(dup.status).toBe(409);
  });
});
