// Signed webhooks end to end: a receiver on 127.0.0.1 checks every Standard Webhooks signature with its own HMAC
// (node:crypto, not the service's code) and fails on purpose; the outbox retries with backoff, the delivery log shows
// each attempt, secrets rotate, and events are written with the change that caused them.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue, enqueueDueAssignments, RETRY_SCHEDULE_SECONDS } from '../../src/integrations/webhook-delivery.js';
import { endpointUrlProblem } from '../../src/services/webhook-url.js';
import { accept, call, json } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'webhooks-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  valid: Record<string, boolean>;
}

/** A receiver that answers `plan[path]` in turn (then 200) and checks signatures against every secret it knows. */
function receiver() {
  const got: Received[] = [];
  const secrets: string[] = [];
  const plan: Record<string, number[]> = {};
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('utf8')));
    req.on('end', () => {
      const h = req.headers as Record<string, string>;
      const signed = `${h['webhook-id']}.${h['webhook-timestamp']}.${body}`;
      const sent = (h['webhook-signature'] ?? '').split(' ').map((s) => Buffer.from(s.replace(/^v1,/, ''), 'base64'));
      const valid = Object.fromEntries(
        secrets.map((s) => {
          const mac = createHmac('sha256', Buffer.from(s.replace(/^whsec_/, ''), 'base64')).update(signed).digest();
          return [s, sent.some((x) => x.length === mac.length && timingSafeEqual(x, mac))];
        }),
      );
      got.push({ path: req.url!, headers: h, body, valid });
      const status = plan[req.url!]?.shift() ?? 200;
      res.writeHead(status).end();
    });
  });
  return { got, secrets, plan, server };
}

describe('signed webhooks against a receiver on 127.0.0.1', () => {
  const clock = { now: new Date('2026-11-22T10:00:00Z') };
  const node = makeNodeApp({ adminToken: TOKEN, allowPrivateUrls: true }, [], () => clock.now);
  const f = (p: string, i?: RequestInit) => Promise.resolve(node.app.request(p, i));
  const rx = receiver();
  let base: string;
  let setting: string;
  let staffId: string;
  const deliver = () => deliverDue(node.database, { now: () => clock.now, allowPrivate: true });
  const advance = (seconds: number) => (clock.now = new Date(clock.now.getTime() + seconds * 1000));

  beforeAll(async () => {
    await new Promise<void>((r) => rx.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}`;
    setting = (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'Hook School', settingType: 'school', phase: 'primary' }, admin), 201)).id;
    staffId = (await call<{ staff: { id: string } }>(f, `/v1/orgs/${setting}/staff`, json('POST', { name: 'Hana', email: 'hana@hook.example', jobRole: 'teacher' }, admin), 201)).staff.id;
  });
  afterAll(async () => {
    await new Promise((r) => rx.server.close(r));
    await node.close();
  });

  const subscribe = async (path: string, events: string[]) => {
    const made = await call<{ endpoint: { id: string }; secret: string }>(f, `/v1/orgs/${setting}/webhooks`, json('POST', { url: base + path, events }, admin), 201);
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    rx.secrets.push(made.secret);
    return made;
  };
  const assignment = (due: string | null = null) =>
    call<{ id: string }>(f, `/v1/orgs/${setting}/assignments`, json('POST', { target: { kind: 'person', staffId }, kind: 'modules', moduleIds: ['understanding-autism'], dueDate: due }, admin), 201);

  it('delivers a signed event, retries a failure with backoff under the same webhook-id, and logs each attempt', async () => {
    const { endpoint, secret } = await subscribe('/flaky', ['assignment.created']);
    rx.plan['/flaky'] = [500];
    const made = await assignment();
    // Written with the assignment, before any delivery.
    const pending = await call<{ data: { status: string; attempts: unknown[] }[] }>(f, `/v1/webhooks/${endpoint.id}/deliveries`, { headers: admin }, 200);
    expect(pending.data).toEqual([expect.objectContaining({ status: 'pending', attempts: [] })]);

    expect(await deliver()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    advance(RETRY_SCHEDULE_SECONDS[0] - 1);
    expect(await deliver()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    advance(1);
    expect(await deliver()).toEqual({ delivered: 1, retrying: 0, failed: 0 });

    const hits = rx.got.filter((g) => g.path === '/flaky');
    expect(hits).toHaveLength(2);
    expect(hits[0]!.headers['webhook-id']).toBe(hits[1]!.headers['webhook-id']);
    expect(Number(hits[1]!.headers['webhook-timestamp'])).toBe(Math.floor(clock.now.getTime() / 1000));
    for (const h of hits) expect(h.valid[secret]).toBe(true);
    const event = JSON.parse(hits[1]!.body) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(event).toMatchObject({ type: 'assignment.created', data: { settingId: setting, assignmentId: made.id, dueDate: null } });

    const log = await call<{ data: { status: string; attempts: { statusCode: number }[] }[] }>(f, `/v1/webhooks/${endpoint.id}/deliveries`, { headers: admin }, 200);
    expect(log.data[0]!.status).toBe('delivered');
    expect(log.data[0]!.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    await call(f, `/v1/webhooks/${endpoint.id}`, { method: 'DELETE', headers: admin }, 204);
  });

  it('a tampered body fails the receiver’s check', async () => {
    const last = rx.got.at(-1)!;
    const mac = createHmac('sha256', Buffer.from(rx.secrets[0]!.replace(/^whsec_/, ''), 'base64'))
      .update(`${last.headers['webhook-id']}.${last.headers['webhook-timestamp']}.${last.body.replace('assignment', 'assignmenX')}`)
      .digest('base64');
    expect(last.headers['webhook-signature']).not.toContain(mac);
  });

  it('gives up after the retry schedule, and keeps the log', async () => {
    const { endpoint } = await subscribe('/down', ['assignment.created']);
    rx.plan['/down'] = Array(20).fill(503);
    await assignment();
    for (let i = 0; i <= RETRY_SCHEDULE_SECONDS.length; i++) {
      await deliver();
      advance(RETRY_SCHEDULE_SECONDS[i] ?? 0);
    }
    const log = await call<{ data: { status: string; attempts: unknown[]; nextAttemptAt: string | null }[] }>(f, `/v1/webhooks/${endpoint.id}/deliveries`, { headers: admin }, 200);
    expect(log.data[0]).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(log.data[0]!.attempts).toHaveLength(RETRY_SCHEDULE_SECONDS.length + 1);
    await call(f, `/v1/webhooks/${endpoint.id}`, { method: 'DELETE', headers: admin }, 204);
  });

  it('rotates the secret: both sign during the grace period, then only the new one', async () => {
    const { endpoint, secret: old } = await subscribe('/rotating', ['module.completed']);
    const rotated = await call<{ secret: string; previousSecretExpiresAt: string }>(f, `/v1/webhooks/${endpoint.id}/secret`, { method: 'POST', headers: admin }, 200);
    rx.secrets.push(rotated.secret);
    await call(f, `/v1/staff/${staffId}/progress`, json('POST', { moduleId: 'understanding-autism', status: 'completed' }, admin), 200);
    await call(f, `/v1/staff/${staffId}/progress`, json('POST', { moduleId: 'understanding-autism', status: 'completed' }, admin), 200);
    await deliver();
    const during = rx.got.filter((g) => g.path === '/rotating');
    expect(during).toHaveLength(1);
    expect(during[0]!.valid[old]).toBe(true);
    expect(during[0]!.valid[rotated.secret]).toBe(true);
    expect(JSON.parse(during[0]!.body)).toMatchObject({ type: 'module.completed', data: { staffId, moduleId: 'understanding-autism' } });
    advance(25 * 3600);
    await call(f, `/v1/staff/${staffId}/progress`, json('POST', { moduleId: 'communication-friendly-practice', status: 'completed' }, admin), 200);
    await deliver();
    const after = rx.got.filter((g) => g.path === '/rotating').at(-1)!;
    expect([after.valid[old], after.valid[rotated.secret]]).toEqual([false, true]);
  });

  it('queues assignment.due once as the due date nears', async () => {
    const { endpoint } = await subscribe('/due', ['assignment.due']);
    const soon = new Date(clock.now.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const made = await assignment(soon);
    await enqueueDueAssignments(node.database, clock.now);
    await enqueueDueAssignments(node.database, clock.now);
    await deliver();
    const due = rx.got.filter((g) => g.path === '/due');
    expect(due).toHaveLength(1);
    expect(JSON.parse(due[0]!.body)).toMatchObject({ type: 'assignment.due', data: { assignmentId: made.id, dueDate: soon } });
    await call(f, `/v1/webhooks/${endpoint.id}`, { method: 'DELETE', headers: admin }, 204);
  });

  it('keeps endpoints to their organisation and to leaders and admins', async () => {
    const { endpoint } = await subscribe('/private', ['pathway.updated']);
    const other = (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'Elsewhere', settingType: 'school', phase: 'primary' }, admin), 201)).id;
    const invite = await call<{ invite: { token: string } }>(f, `/v1/orgs/${other}/leaders`, json('POST', { email: 'lead@elsewhere.example', name: 'Lead' }, admin), 201);
    const otherLeader = await accept(f, invite.invite.token);
    for (const path of [`/v1/webhooks/${endpoint.id}/deliveries`, `/v1/orgs/${setting}/webhooks`]) {
      const res = await f(path, { headers: otherLeader });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const key = (await call<{ key: string }>(f, `/v1/orgs/${setting}/keys`, json('POST', { name: 'k', scopes: ['progress:write'] }, admin), 201)).key;
    expect((await f(`/v1/orgs/${setting}/webhooks`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(403);
    const bad = await f(`/v1/orgs/${setting}/webhooks`, json('POST', { url: base, events: ['nothing.happened'] }, admin));
    expect(bad.status).toBe(422);
    const listed = await call<{ data: { id: string }[] }>(f, `/v1/orgs/${setting}/webhooks`, { headers: admin }, 200);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
  });

  it('refuses http and private addresses unless the operator allows them', () => {
    expect(endpointUrlProblem('http://hooks.school.example/x', false)).toMatch(/https/);
    expect(endpointUrlProblem('https://127.0.0.1/x', false)).toMatch(/private/);
    expect(endpointUrlProblem('https://10.1.2.3/x', false)).toMatch(/private/);
    expect(endpointUrlProblem('https://[::1]/x', false)).toMatch(/private/);
    expect(endpointUrlProblem('https://user:pw@hooks.school.example/x', false)).toMatch(/password/);
    expect(endpointUrlProblem('https://hooks.school.example/x', false)).toBeNull();
    expect(endpointUrlProblem('http://127.0.0.1:9/x', true)).toBeNull();
  });
});
