// Forwarding completions to an organisation's own LRS, end to end on Node: a receiver on 127.0.0.1 acts as the LRS,
// refusing (as an LRS does) a request without X-Experience-API-Version 1.0.x (400) or with the wrong Basic
// credentials (401). Completions and the voiding of them are forwarded through the webhook outbox, PUT under their
// own id without `stored` and `authority`; other statements are not; failures are logged and retried.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../src/integrations/webhook-delivery.js';
import { call, json, type Fetch } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'lrs-forwarding-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };
const V = { 'x-experience-api-version': '1.0.3' };
const VERB = (v: string) => ({ id: `http://adlnet.gov/expapi/verbs/${v}` });

interface Got {
  method: string;
  url: string;
  status: number;
  body: Record<string, unknown>;
}

describe('forwarding statements to an organisation’s own LRS', () => {
  const clock = { now: new Date('2026-11-22T10:00:00Z') };
  const node = makeNodeApp({ adminToken: TOKEN, allowPrivateUrls: true }, [], () => clock.now);
  const f: Fetch = (p, i) => Promise.resolve(node.app.request(p, i));
  const got: Got[] = [];
  const lrs: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => {
      const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      const status = !/^1\.0\.\d+$/.test(String(req.headers['x-experience-api-version'])) ? 400 : auth !== 'lrs-key:lrs-secret' ? 401 : 204;
      got.push({ method: req.method!, url: req.url!, status, body: JSON.parse(raw || '{}') as Record<string, unknown> });
      res.writeHead(status, { 'x-experience-api-version': '1.0.3' }).end();
    });
  });
  let base: string;
  let setting: string;
  let key: Record<string, string>;
  let good: { id: string; username: string };
  let wrong: { id: string };
  const send = (body: unknown) => call<string[]>(f, '/v1/xapi/statements', json('POST', body, { ...key, ...V }), 200);
  const deliver = () => deliverDue(node.database, { now: () => clock.now, allowPrivate: true });

  beforeAll(async () => {
    await new Promise<void>((r) => lrs.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(lrs.address() as AddressInfo).port}`;
    setting = (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'LRS school', settingType: 'school', phase: 'primary' }, admin), 201)).id;
    await call(f, `/v1/orgs/${setting}/staff`, json('POST', { name: 'Lee', email: 'lee@lrs.example', jobRole: 'teacher' }, admin), 201);
    key = { authorization: `Bearer ${(await call<{ key: string }>(f, `/v1/orgs/${setting}/keys`, json('POST', { name: 'LMS', scopes: ['progress:write'] }, admin), 201)).key}` };
    good = await call(f, `/v1/orgs/${setting}/lrs`, json('POST', { url: `${base}/xapi/`, username: 'lrs-key', password: 'lrs-secret', description: 'Trust LRS' }, admin), 201);
    wrong = await call(f, `/v1/orgs/${setting}/lrs`, json('POST', { url: `${base}/old`, username: 'lrs-key', password: 'not-it' }, admin), 201);
  });
  afterAll(async () => {
    await new Promise((r) => lrs.close(r));
    await node.close();
  });

  it('keeps the password to itself and checks destinations like webhook endpoints', async () => {
    expect(good).toMatchObject({ username: 'lrs-key', url: `${base}/xapi/`, disabledAt: null });
    const listed = await call<{ data: unknown[] }>(f, `/v1/orgs/${setting}/lrs`, { headers: admin }, 200);
    expect(listed.data).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toContain('lrs-secret');
    // Never among the webhook endpoints.
    expect((await call<{ data: unknown[] }>(f, `/v1/orgs/${setting}/webhooks`, { headers: admin }, 200)).data).toEqual([]);
    for (const [body, path] of [
      [{ url: 'https://user:pw@lrs.example.org/xapi', username: 'a', password: 'b' }, 'url'],
      [{ url: `${base}/xapi`, username: 'a:b', password: 'c' }, 'username'],
      [{ url: `${base}/xapi`, username: 'a' }, 'password'],
    ] as const) {
      const res = await f(`/v1/orgs/${setting}/lrs`, json('POST', body, admin));
      expect([path, res.status]).toEqual([path, 422]);
      expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    }
  });

  it('forwards a completion with the version header and Basic auth, not other verbs; logs and retries refusals', async () => {
    const id = crypto.randomUUID();
    const done = { id, actor: { mbox: 'mailto:lee@lrs.example' }, verb: VERB('completed'), object: { id: 'https://lms.example.org/modules/understanding-autism' }, timestamp: '2026-11-20T09:00:00Z' };
    await send([done, { ...done, id: crypto.randomUUID(), verb: VERB('experienced') }]);
    expect(await deliver()).toEqual({ delivered: 1, retrying: 1, failed: 0 });
    const ok = got.find((g) => g.status === 204)!;
    expect([ok.method, ok.url]).toEqual(['PUT', `/xapi/statements?statementId=${id}`]);
    expect(ok.body).toMatchObject({ id, actor: done.actor, verb: done.verb, object: done.object, timestamp: done.timestamp, version: '1.0.0' });
    expect(ok.body.stored).toBeUndefined();
    expect(ok.body.authority).toBeUndefined();
    expect(got.find((g) => g.status !== 204)).toMatchObject({ url: `/old/statements?statementId=${id}`, status: 401 });
    expect(got).toHaveLength(2);
    const log = await call<{ data: { status: string; attempts: { statusCode: number }[] }[] }>(f, `/v1/lrs/${wrong.id}/deliveries`, { headers: admin }, 200);
    expect(log.data[0]).toMatchObject({ status: 'pending', attempts: [{ statusCode: 401 }] });
    // The retry comes on the webhook schedule (5 s); stopping the destination ends it.
    await call(f, `/v1/lrs/${wrong.id}`, { method: 'DELETE', headers: admin }, 204);
    clock.now = new Date(clock.now.getTime() + 10_000);
    expect(await deliver()).toEqual({ delivered: 0, retrying: 0, failed: 0 });

    // Voiding the completion is forwarded too.
    got.length = 0;
    const voidId = crypto.randomUUID();
    await send({ id: voidId, actor: { mbox: 'mailto:lms@lms.example.org' }, verb: VERB('voided'), object: { objectType: 'StatementRef', id } });
    expect(await deliver()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(got).toEqual([expect.objectContaining({ method: 'PUT', url: `/xapi/statements?statementId=${voidId}`, status: 204, body: expect.objectContaining({ object: { objectType: 'StatementRef', id } }) })]);
  });

  it('sends the version header the LRS requires (a request without it is what the receiver refuses)', async () => {
    const res = await fetch(`${base}/xapi/statements?statementId=${crypto.randomUUID()}`, { method: 'PUT', headers: { authorization: `Basic ${btoa('lrs-key:lrs-secret')}` }, body: '{}' });
    expect(res.status).toBe(400);
  });
});
