// An insider cannot take over an account or probe other organisations: a leader cannot re-invite someone who has
// set a password (API and dashboard), the admin reset is audited and signs out every session, one organisation
// cannot block or detect another's staff email, and the audit log records ids and times, never answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accept, call, json, PASSWORD, seedWorld, sessionCookie, type World } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'takeover-admin-token-0123456789';
const node = makeNodeApp({ adminToken: TOKEN });
const f = (p: string, i?: RequestInit) => Promise.resolve(node.app.request(p, i));
let w: World;

beforeAll(async () => {
  w = await seedWorld(f, TOKEN);
});
afterAll(() => node.close());

/** A member of staff of A1 who accepted their invite and answered with a marker. */
async function activeStaff(tag: string) {
  const email = w.email(tag);
  const made = await call<{ staff: { id: string; userId: string }; invite: { token: string; userId: string } }>(
    f,
    `/v1/orgs/${w.settingA1}/staff`,
    json('POST', { name: `Person ${tag}`, email, jobRole: 'teacher', invite: true }, w.headers.leader),
    201,
  );
  const cookie = await accept(f, made.invite.token);
  await call(f, '/v1/me/assessments', json('POST', { responses: [{ itemId: 'speech-and-language', value: 1 }] }, cookie), 201);
  return { email, staffId: made.staff.id, userId: made.invite.userId, cookie };
}

describe('a leader cannot take over a staff account', () => {
  it('re-issuing an invite for someone with a password is a 409 problem, for the setting and the trust leader, and their session keeps working', async () => {
    const p = await activeStaff('victim');
    for (const leader of [w.headers.leader, w.headers.trustLeader, w.headers.adminUser]) {
      const res = await f(`/v1/staff/${p.staffId}/invite`, { method: 'POST', headers: leader });
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/set their own password/);
    }
    expect((await f('/v1/me/assessments', { headers: p.cookie })).status).toBe(200);
    expect((await f('/v1/auth/sign-in', json('POST', { email: p.email, password: PASSWORD }))).status).toBe(200);
  });

  it('the dashboard refuses the same re-invite with a 409 page', async () => {
    const p = await activeStaff('victim-web');
    const page = await f(`/dashboard/${w.settingA1}`, { headers: w.headers.leader });
    const html = await page.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    const csrfCookie = page.headers.getSetCookie().find((c) => c.startsWith('__Host-csrf='))!.split(';')[0]!;
    const res = await f(`/dashboard/${w.settingA1}/staff/${p.staffId}/invite`, {
      method: 'POST',
      headers: { cookie: `${w.headers.leader.cookie}; ${csrfCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token! }).toString(),
    });
    expect(res.status).toBe(409);
    expect(await res.text()).toMatch(/already has an account/);
  });

  it('an admin reset removes the password, signs out every session and is audited; only the link sets a new one', async () => {
    const p = await activeStaff('forgetful');
    expect((await f(`/v1/admin/users/${p.userId}/password-reset`, { method: 'POST', headers: w.headers.leader })).status).toBe(403);
    const reset = await call<{ token: string; url: string }>(f, `/v1/admin/users/${p.userId}/password-reset`, { method: 'POST', headers: w.headers.admin }, 201);
    expect(reset.url).toContain('/invite?token=');
    expect((await f('/v1/me', { headers: p.cookie })).status).toBe(401);
    expect((await f('/v1/auth/sign-in', json('POST', { email: p.email, password: PASSWORD }))).status).toBe(401);
    // Still refused for the leader: the account stays the person's own while the reset is open.
    expect((await f(`/v1/staff/${p.staffId}/invite`, { method: 'POST', headers: w.headers.leader })).status).toBe(409);
    const res = await f('/v1/auth/invites/accept', json('POST', { token: reset.token, password: 'a brand new passphrase' }));
    expect(res.status).toBe(200);
    expect((await f('/v1/me/assessments', { headers: sessionCookie(res) })).status).toBe(200);
    const events = await call<{ data: { action: string; actor: { kind: string } }[] }>(f, `/v1/admin/audit?userId=${p.userId}&action=password.reset`, { headers: w.headers.admin }, 200);
    expect(events.data).toEqual([expect.objectContaining({ action: 'password.reset', actor: { kind: 'admin-token', id: null } })]);
    expect((await f(`/v1/admin/users/usr_nobody/password-reset`, { method: 'POST', headers: w.headers.admin })).status).toBe(404);
  });
});

describe('one organisation cannot block or probe another', () => {
  it('a staff email with an account in trust B still gets an account in trust A, with the same answers either way', async () => {
    const email = w.email('two-settings');
    const add = (setting: string, leader: Record<string, string>) =>
      call<{ staff: { id: string }; invite: { token: string } }>(f, `/v1/orgs/${setting}/staff`, json('POST', { name: 'Two Settings', email, jobRole: 'teacher', invite: true }, leader), 201);
    const inB = await add(w.settingB1, w.headers.leaderOther);
    const bCookie = await accept(f, inB.invite.token);
    // Trust A's leader cannot tell that B has this person: the same 201 as for a new email, and an invite that works.
    const inA = await add(w.settingA1, w.headers.leader);
    const reuse = await f('/v1/auth/invites/accept', json('POST', { token: inA.invite.token, password: PASSWORD }));
    expect(reuse.status).toBe(422);
    expect(((await reuse.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/another account with this email/);
    const aRes = await f('/v1/auth/invites/accept', json('POST', { token: inA.invite.token, password: 'a different passphrase' }));
    expect(aRes.status).toBe(200);
    // Each password opens its own account.
    const meB = await call<{ user: { orgId: string } }>(f, '/v1/me', { headers: sessionCookie(await f('/v1/auth/sign-in', json('POST', { email, password: PASSWORD }))) }, 200);
    const meA = await call<{ user: { orgId: string } }>(f, '/v1/me', { headers: sessionCookie(await f('/v1/auth/sign-in', json('POST', { email, password: 'a different passphrase' }))) }, 200);
    expect([meA.user.orgId, meB.user.orgId]).toEqual([w.settingA1, w.settingB1]);
    expect((await f('/v1/me', { headers: bCookie })).status).toBe(200);
  });
});

describe('audit log', () => {
  it('records invites, roles, keys, exports and erasures with ids and times, never answers, names or emails; admins only', async () => {
    const p = await activeStaff('audited');
    await call(f, '/v1/me/export', { headers: p.cookie }, 200);
    const key = await call<{ apiKey: { id: string } }>(f, `/v1/orgs/${w.settingA1}/keys`, json('POST', { name: 'Audit LMS', scopes: ['staff:read'] }, w.headers.leader), 201);
    expect((await f(`/v1/keys/${key.apiKey.id}`, { method: 'DELETE', headers: w.headers.leader })).status).toBe(204);
    const all = await call<{ data: { action: string; subjectUserId: string | null; targetId: string | null }[] }>(f, '/v1/admin/audit?limit=200', { headers: w.headers.adminUser }, 200);
    const actions = new Set(all.data.map((e) => e.action));
    for (const a of ['invite.issued', 'password.set', 'role.granted', 'key.created', 'key.revoked', 'data.exported']) expect(actions).toContain(a);
    expect(all.data.some((e) => e.action === 'key.revoked' && e.targetId === key.apiKey.id)).toBe(true);
    const text = JSON.stringify(all.data);
    expect(text).not.toContain(p.email);
    expect(text).not.toContain('Person audited');
    expect(text).not.toMatch(/speech-and-language|pbkdf2/);
    for (const caller of ['leader', 'trustLeader', 'staff', 'panel', 'key'] as const) {
      expect((await f('/v1/admin/audit', { headers: w.headers[caller] })).status).toBe(403);
    }
    // Erasure removes the events about the person and keeps only an unlinkable record that an erasure happened.
    expect((await f('/v1/me', { method: 'DELETE', headers: p.cookie })).status).toBe(204);
    const after = await call<{ data: { action: string; detail: string | null }[] }>(f, `/v1/admin/audit?userId=${p.userId}`, { headers: w.headers.admin }, 200);
    expect(after.data).toEqual([]);
    const erased = await call<{ data: { action: string; detail: string | null }[] }>(f, '/v1/admin/audit?action=person.erased', { headers: w.headers.admin }, 200);
    expect(erased.data.some((e) => e.detail === 'self')).toBe(true);
    expect(JSON.stringify(erased.data)).not.toContain(p.userId);
  });
});

describe('one-time secrets', () => {
  it('an API key, invite or reset link is not kept for Idempotency-Key replays; a retry is told it already succeeded', async () => {
    const headers = { ...w.headers.leader, 'idempotency-key': 'key-once' };
    const made = await call<{ key: string }>(f, `/v1/orgs/${w.settingA1}/keys`, json('POST', { name: 'Once', scopes: ['staff:read'] }, headers), 201);
    const again = await f(`/v1/orgs/${w.settingA1}/keys`, json('POST', { name: 'Once', scopes: ['staff:read'] }, headers));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { detail: string }).detail).toMatch(/one-time secret/);
    const staff = await call<{ staff: { id: string } }>(f, `/v1/orgs/${w.settingA1}/staff`, json('POST', { name: 'Secretive', email: w.email('secret'), jobRole: 'teacher' }, w.headers.leader), 201);
    const invite = await call<{ token: string }>(f, `/v1/staff/${staff.staff.id}/invite`, { method: 'POST', headers: { ...w.headers.leader, 'idempotency-key': 'invite-once' } }, 201);
    const stored = JSON.stringify(node.database.raw.prepare('SELECT * FROM idempotency_keys').all());
    expect(stored).not.toContain(made.key);
    expect(stored).not.toContain(invite.token);
  });
});

describe('OpenAPI', () => {
  it('documents the reset, audit and invite-refusal answers as problems', async () => {
    const doc = (await (await f('/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
    const reset = doc.paths['/v1/admin/users/{userId}/password-reset']!.post!;
    const audit = doc.paths['/v1/admin/audit']!.get!;
    const invite = doc.paths['/v1/staff/{staffId}/invite']!.post!;
    for (const [op, codes] of [[reset, ['401', '403', '404', '422', '500']], [audit, ['401', '403', '422', '500']], [invite, ['401', '403', '404', '409']]] as const) {
      for (const code of codes) expect(Object.keys(op.responses[code]?.content ?? {}), code).toEqual(['application/problem+json']);
    }
    expect(Object.keys(reset.responses)).toContain('201');
    expect(doc.paths['/readyz']!.get!.responses['503']).toBeDefined();
  });
});
