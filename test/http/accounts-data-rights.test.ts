// Data rights on Node, checked in the database itself: a person's export holds their data; deleting an account or
// removing a leaver leaves no row anywhere that mentions them, while de-identified observations stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, json, seedWorld, type World } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'data-rights-admin-token-0123456789';
const node = makeNodeApp({ adminToken: TOKEN });
const f = (p: string, i?: RequestInit) => Promise.resolve(node.app.request(p, i));
let w: World;

beforeAll(async () => {
  w = await seedWorld(f, TOKEN);
});
afterAll(() => node.close());

/** Every row of every table that mentions any of `needles`, as "table: row". */
function mentions(...needles: string[]): string[] {
  const raw = node.database.raw;
  const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  const hits: string[] = [];
  for (const t of tables) {
    for (const row of raw.prepare(`SELECT * FROM "${t}"`).all()) {
      const text = JSON.stringify(row).toLowerCase();
      if (needles.some((n) => text.includes(n.toLowerCase()))) hits.push(`${t}: ${text.slice(0, 120)}`);
    }
  }
  return hits;
}

/** A signed-in member of staff of A1 with an assessment, progress, a check-in and an idempotent request stored. */
async function activePerson() {
  const email = w.email('subject');
  const made = await call<{ staff: { id: string; userId: string }; invite: { token: string } }>(
    f,
    `/v1/orgs/${w.settingA1}/staff`,
    json('POST', { name: 'Sam Subject', email, jobRole: 'teacher', groups: ['ks1'], invite: true }, w.headers.leader),
    201,
  );
  const res = await f('/v1/auth/invites/accept', json('POST', { token: made.invite.token, password: 'correct horse battery staple' }));
  const cookie = { cookie: res.headers.getSetCookie()[0]!.split(';')[0]! };
  await call(f, '/v1/me/assessments', json('POST', { responses: [{ itemId: 'speech-and-language', value: 2 }], confidence: { semh: 3 } }, { ...cookie, 'idempotency-key': 'a1' }), 201);
  await call(f, '/v1/me/progress', json('POST', { moduleId: 'communication-friendly-practice', status: 'started' }, cookie), 200);
  await call(f, '/v1/me/checkins', json('POST', { moduleId: 'communication-friendly-practice', ratings: { slcn: 4 } }, cookie), 201);
  await call(f, `/v1/orgs/${w.settingA1}/assignments`, json('POST', { target: { kind: 'person', staffId: made.staff.id }, kind: 'modules', moduleIds: ['dld-spotlight'] }, w.headers.leader), 201);
  const me = await call<{ user: { id: string } }>(f, '/v1/me', { headers: cookie }, 200);
  return { email, staffId: made.staff.id, userId: me.user.id, cookie };
}

describe('personal data export', () => {
  it('holds the account, staff record, answers, pathways, progress, check-ins and assignments, and no secrets', async () => {
    const p = await activePerson();
    const res = await f('/v1/me/export', { headers: p.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const data = (await res.json()) as Record<string, unknown> & {
      user: { email: string };
      staff: { id: string; groups: string[] };
      assessments: { answers: { confidence: Record<string, number> } }[];
      pathways: unknown[];
      progress: { moduleId: string; status: string }[];
      checkIns: { moduleId: string; ratings: Record<string, number> }[];
      assignments: { moduleIds: string[] }[];
    };
    expect(data.user.email).toBe(p.email);
    expect(data.staff).toMatchObject({ id: p.staffId, groups: ['ks1'] });
    expect(data.assessments[0]!.answers.confidence).toEqual({ semh: 3 });
    expect(data.pathways).toHaveLength(2);
    expect(data.progress).toEqual([expect.objectContaining({ moduleId: 'communication-friendly-practice', status: 'completed' })]);
    expect(data.checkIns[0]!.ratings).toEqual({ slcn: 4 });
    expect(data.assignments.some((a) => a.moduleIds.includes('dld-spotlight'))).toBe(true);
    expect(JSON.stringify(data)).not.toMatch(/pbkdf2|token_hash|password_hash|key_hash/i);
  });
});

describe('erasure', () => {
  it('DELETE /v1/me removes every row that mentions the person; de-identified observations stay', async () => {
    const p = await activePerson();
    const observations = () => (node.database.raw.prepare('SELECT count(*) AS n FROM module_observations').get() as { n: number }).n;
    const before = observations();
    expect(before).toBeGreaterThan(0);
    expect(mentions(p.email, p.staffId, p.userId).length).toBeGreaterThan(5);
    const res = await f('/v1/me', { method: 'DELETE', headers: p.cookie });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join()).toMatch(/__Host-sp_session=;/);
    expect(mentions(p.email, p.staffId, p.userId)).toEqual([]);
    expect(observations()).toBe(before);
    expect((await f('/v1/me', { headers: p.cookie })).status).toBe(401);
  });

  it('a leader removing a leaver erases them the same way and the account stops working', async () => {
    const p = await activePerson();
    expect((await f(`/v1/staff/${p.staffId}`, { method: 'DELETE', headers: w.headers.leader })).status).toBe(204);
    expect(mentions(p.email, p.staffId, p.userId)).toEqual([]);
    expect((await f('/v1/me', { headers: p.cookie })).status).toBe(401);
    expect((await f(`/v1/staff/${p.staffId}`, { headers: w.headers.leader })).status).toBe(404);
  });

  it('removing a leader’s own staff record keeps their leader account', async () => {
    const email = w.email('leader-staff');
    const made = await call<{ user: { id: string }; invite: { token: string } }>(f, `/v1/orgs/${w.settingA1}/leaders`, json('POST', { email, name: 'Lee' }, w.headers.admin), 201);
    const staff = await call<{ staff: { id: string } }>(f, `/v1/orgs/${w.settingA1}/staff`, json('POST', { name: 'Lee', jobRole: 'leader' }, w.headers.admin), 201);
    node.database.raw.prepare('UPDATE staff SET user_id = ? WHERE id = ?').run(made.user.id, staff.staff.id);
    expect((await f(`/v1/staff/${staff.staff.id}`, { method: 'DELETE', headers: w.headers.leader })).status).toBe(204);
    expect(node.database.raw.prepare('SELECT role FROM users WHERE id = ?').get(made.user.id)).toEqual({ role: 'leader' });
  });
});
