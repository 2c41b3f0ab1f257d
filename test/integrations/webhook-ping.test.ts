// Test pings and the outbound URL check: a ping is signed like any event, sent at once to a receiver on 127.0.0.1,
// logged, and not retried when it fails; a receiver whose name resolves to a private address is refused when it is
// saved and again when a message is sent, unless ALLOW_PRIVATE_URLS is on.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../src/integrations/webhook-delivery.js';
import { call, json } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'ping-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };
/** Names the tests resolve (so the check is exercised without depending on the machine's DNS). */
const DNS: Record<string, string[]> = { 'mis.school.example': ['10.20.30.40'], 'mixed.school.example': ['93.184.215.14', 'fd00::1'], 'hooks.school.example': ['93.184.215.14'] };
const resolveHost = async (h: string) => {
  const found = DNS[h];
  if (!found) throw new Error(`ENOTFOUND ${h}`);
  return found;
};

interface Delivery {
  status: string;
  eventType: string;
  nextAttemptAt: string | null;
  attempts: { statusCode: number | null; error: string | null }[];
}

describe('test pings to a receiver on 127.0.0.1', () => {
  const node = makeNodeApp({ adminToken: TOKEN, allowPrivateUrls: true }, [], () => new Date());
  const f = (p: string, i?: RequestInit) => Promise.resolve(node.app.request(p, i));
  const got: { path: string; headers: Record<string, string>; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d));
    req.on('end', () => {
      got.push({ path: req.url!, headers: req.headers as Record<string, string>, body });
      res.writeHead(req.url === '/broken' ? 500 : 204).end();
    });
  });
  let base: string;
  let setting: string;

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    setting = (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'Ping School', settingType: 'school', phase: 'primary' }, admin), 201)).id;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await node.close();
  });
  const subscribe = (path: string) =>
    call<{ endpoint: { id: string }; secret: string }>(f, `/v1/orgs/${setting}/webhooks`, json('POST', { url: base + path, events: ['module.completed'] }, admin), 201);

  it('sends a signed webhook.ping now and answers with the delivery', async () => {
    const { endpoint, secret } = await subscribe('/ok');
    const sent = await call<Delivery>(f, `/v1/webhooks/${endpoint.id}/ping`, json('POST', {}, admin), 200);
    expect(sent).toMatchObject({ status: 'delivered', eventType: 'webhook.ping', attempts: [{ statusCode: 204, error: null }] });
    const hit = got.find((g) => g.path === '/ok')!;
    expect(JSON.parse(hit.body)).toMatchObject({ type: 'webhook.ping', data: { endpointId: endpoint.id, orgId: setting } });
    const mac = createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64')).update(`${hit.headers['webhook-id']}.${hit.headers['webhook-timestamp']}.${hit.body}`).digest('base64');
    expect(hit.headers['webhook-signature']).toBe(`v1,${mac}`);
    const log = await call<{ data: Delivery[] }>(f, `/v1/webhooks/${endpoint.id}/deliveries`, { headers: admin }, 200);
    expect(log.data[0]).toMatchObject({ eventType: 'webhook.ping', status: 'delivered' });
  });

  it('reports a failing receiver and does not retry the ping', async () => {
    const { endpoint } = await subscribe('/broken');
    const sent = await call<Delivery>(f, `/v1/webhooks/${endpoint.id}/ping`, json('POST', {}, admin), 200);
    expect(sent).toMatchObject({ status: 'failed', nextAttemptAt: null, attempts: [{ statusCode: 500, error: 'HTTP 500' }] });
    expect(await deliverDue(node.database, { now: () => new Date(Date.now() + 3_600_000), allowPrivate: true })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it('refuses a stopped endpoint (409) and one the caller cannot see (404)', async () => {
    const { endpoint } = await subscribe('/stopped');
    await call(f, `/v1/webhooks/${endpoint.id}`, { method: 'DELETE', headers: admin }, 204);
    await call(f, `/v1/webhooks/${endpoint.id}/ping`, json('POST', {}, admin), 409);
    await call(f, `/v1/webhooks/${endpoint.id.slice(0, -4)}zzzz/ping`, json('POST', {}, admin), 404);
  });

  it('does not send to a private address at delivery time unless private URLs are allowed', async () => {
    const { endpoint } = await subscribe('/later');
    const before = got.length;
    await call(f, `/v1/orgs/${setting}/staff`, json('POST', { name: 'Pat', email: 'pat@ping.example', jobRole: 'teacher' }, admin), 201);
    const staff = await call<{ data: { id: string }[] }>(f, `/v1/orgs/${setting}/staff`, { headers: admin }, 200);
    await call(f, `/v1/staff/${staff.data[0]!.id}/progress`, json('POST', { moduleId: 'understanding-autism', status: 'completed' }, admin), 200);
    expect(await deliverDue(node.database, { now: () => new Date() })).toMatchObject({ delivered: 0 });
    expect(got.length).toBe(before);
    const log = await call<{ data: Delivery[] }>(f, `/v1/webhooks/${endpoint.id}/deliveries`, { headers: admin }, 200);
    expect(log.data[0]!.attempts[0]!.error).toMatch(/^Not sent: Use an https URL/);
  });
});

describe('receivers and providers checked by the addresses their names resolve to', () => {
  const node = makeNodeApp({ adminToken: TOKEN, resolveHost }, [], () => new Date());
  const f = (p: string, i?: RequestInit) => Promise.resolve(node.app.request(p, i));
  afterAll(() => node.close());

  it('refuses a webhook, SSO issuer or LTI JWKS URL whose host resolves to a private address', async () => {
    const setting = (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'DNS School', settingType: 'school', phase: 'primary' }, admin), 201)).id;
    const hook = (url: string) => f(`/v1/orgs/${setting}/webhooks`, json('POST', { url, events: ['module.completed'] }, admin));
    const refused = await hook('https://mis.school.example/hooks');
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { detail: string }).detail).toBe('The host mis.school.example resolves to a private or loopback address (10.20.30.40), which this server does not call.');
    expect((await hook('https://mixed.school.example/hooks')).status).toBe(422);
    expect(((await (await hook('https://nowhere.school.example/hooks')).json()) as { detail: string }).detail).toBe('The host nowhere.school.example could not be found.');
    expect((await hook('https://hooks.school.example/hooks')).status).toBe(201);
    const sso = await f(`/v1/orgs/${setting}/sso`, json('POST', { issuer: 'https://mis.school.example', clientId: 'x', domains: ['school.example'] }, admin));
    expect(sso.status).toBe(422);
    const lti = await f(
      `/v1/orgs/${setting}/lti/platforms`,
      json('POST', { issuer: 'https://vle.school.example', clientId: 'c', deploymentIds: ['d'], jwksUrl: 'https://mis.school.example/jwks', authLoginUrl: 'https://hooks.school.example/auth' }, admin),
    );
    expect(lti.status).toBe(422);
    expect(((await lti.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('jwksUrl');
  });
});
