// Observations from every channel count once: a signed-in member of staff's API check-in feeds learning, a repeated
// check-in adds nothing, and a second report of the same module through another channel (as an xAPI result would
// be) is ignored; the learning report shows the counts by channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectObservation } from '../../src/domain/learning.js';
import { observationQueries, observationSummary } from '../../src/repos/checkins.js';
import { getShippedContent } from '../../src/content/bundled.js';
import { call, json, seedWorld, type World } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'checkin-observations-admin-token-0123456789';
const node = makeNodeApp({ adminToken: TOKEN });
const f = (p: string, i?: RequestInit) => Promise.resolve(node.app.request(p, i));
let w: World;
let person: { staffId: string; cookie: { cookie: string } };
const count = async () => (await observationSummary(node.database.db)).count;

beforeAll(async () => {
  w = await seedWorld(f, TOKEN);
  const made = await call<{ staff: { id: string }; invite: { token: string } }>(
    f,
    `/v1/orgs/${w.settingA1}/staff`,
    json('POST', { name: 'Kim Learner', email: w.email('learner'), jobRole: 'teacher', groups: [], invite: true }, w.headers.leader),
    201,
  );
  const res = await f('/v1/auth/invites/accept', json('POST', { token: made.invite.token, password: 'correct horse battery staple' }));
  person = { staffId: made.staff.id, cookie: { cookie: res.headers.getSetCookie()[0]!.split(';')[0]! } };
  await call(f, '/v1/me/assessments', json('POST', { responses: [{ itemId: 'speech-and-language', value: 2 }] }, person.cookie), 201);
});
afterAll(() => node.close());

describe('observations through the API check-in', () => {
  it('a check-in stores one observation per re-rated area the module targets, and a repeat stores none', async () => {
    const before = await count();
    await call(f, '/v1/me/checkins', json('POST', { moduleId: 'communication-friendly-practice', ratings: { slcn: 4 } }, person.cookie), 201);
    expect(await count()).toBe(before + 1);
    await call(f, '/v1/me/checkins', json('POST', { moduleId: 'communication-friendly-practice', ratings: { slcn: 5 } }, person.cookie), 201);
    expect(await count()).toBe(before + 1);
  });

  it('the same person and module reported again through another channel counts once', async () => {
    const content = getShippedContent();
    const before = await count();
    const obs = [effectObservation(content, 'communication-friendly-practice', 'slcn', 0.4, 0.7)];
    const contributor = { staffId: person.staffId, moduleId: 'communication-friendly-practice', channel: 'xapi' as const };
    await node.database.atomic(observationQueries(node.database.db, contributor, obs, new Date('2026-11-22T10:00:00Z')));
    expect(await count()).toBe(before);
    // A module this person has not reported yet does count, once, under its channel.
    const other = [effectObservation(content, 'dld-spotlight', 'slcn', 0.4, 0.7)];
    const dld = { ...contributor, moduleId: 'dld-spotlight' };
    await node.database.atomic(observationQueries(node.database.db, dld, other, new Date('2026-11-22T10:00:00Z')));
    await node.database.atomic(observationQueries(node.database.db, dld, other, new Date('2026-11-22T10:00:00Z')));
    expect(await count()).toBe(before + 1);
    expect((await observationSummary(node.database.db)).byChannel).toEqual({ checkin: 1, xapi: 1 });
  });

  it('the learning report counts them by channel and shows every module', async () => {
    const report = await call<{ observations: number; byChannel: Record<string, number>; window: { from: string }; modules: { moduleId: string; observations: number; interval: number[]; needsData: boolean }[]; needsData: string[]; exploration: unknown }>(
      f,
      '/v1/learning-report',
      { headers: { authorization: `Bearer ${TOKEN}` } },
      200,
    );
    expect(report.observations).toBe(2);
    expect(report.byChannel).toEqual({ checkin: 1, xapi: 1 });
    expect(report.window.from).toBe('2026-11');
    expect(report.exploration).toBeNull();
    expect(report.modules).toHaveLength(getShippedContent().catalogue.modules.length);
    const row = report.modules.find((m) => m.moduleId === 'communication-friendly-practice')!;
    expect(row.observations).toBe(1);
    expect(row.needsData).toBe(true);
    expect(row.interval[0]).toBeLessThanOrEqual(row.interval[1]!);
    expect(report.needsData).toContain('communication-friendly-practice');
    expect((await f('/v1/learning-report', { headers: person.cookie })).status).toBe(403);
  });
});
