// Voiding a statement that recorded progress takes that progress back, end to end through the HTTP API on Node: the
// module stops counting for the person and in coverage, a check-in made from the statement's re-ratings goes, and
// other evidence of the same completion keeps it (another standing statement, an earlier record through another
// channel, a web check-in, a completion sent in the same request as the voiding).
import { beforeAll, describe, expect, it } from 'vitest';
import { accept, call, json, type Fetch } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'xapi-voiding-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };
const V = { 'x-experience-api-version': '1.0.3' };
const VERB = (v: string) => ({ id: `http://adlnet.gov/expapi/verbs/${v}` });
const RATINGS = 'https://send-pathways.example/xapi/extensions/ratings';

describe('voiding xAPI statements takes back the progress they recorded', () => {
  const node = makeNodeApp({ adminToken: TOKEN }, [], () => new Date());
  const f: Fetch = (p, i) => Promise.resolve(node.app.request(p, i));
  let key: Record<string, string>;
  let person: Record<string, string>;
  let staffId: string;
  let setting: string;
  let email: string;

  const send = (body: unknown) => call<string[]>(f, '/v1/xapi/statements', json('POST', body, { ...key, ...V }), 200);
  const completion = (moduleId: string, timestamp: string, extra: Record<string, unknown> = {}, verb = 'completed') => ({
    id: crypto.randomUUID(),
    actor: { mbox: `mailto:${email}` },
    verb: VERB(verb),
    object: { id: `https://lms.example.org/modules/${moduleId}` },
    timestamp,
    ...extra,
  });
  const voiding = (target: { id: string }) => ({ id: crypto.randomUUID(), actor: { mbox: 'mailto:lms@lms.example.org' }, verb: VERB('voided'), object: { objectType: 'StatementRef', id: target.id } });
  const progressOf = async (moduleId: string) =>
    (await call<{ data: { moduleId: string; status: string; source: string; completedAt: string | null }[] }>(f, `/v1/staff/${staffId}/progress`, { headers: admin }, 200)).data.find((p) => p.moduleId === moduleId);
  const checkInsOf = async (moduleId: string) => (await call<{ checkIns: { moduleId: string; ratings: Record<string, number> }[] }>(f, '/v1/me/export', { headers: person }, 200)).checkIns.filter((c) => c.moduleId === moduleId);
  const trained = async () => (await call<{ allStaffTrained: { trained: number | null; total: number } }>(f, `/v1/orgs/${setting}/coverage`, { headers: admin }, 200)).allStaffTrained;

  beforeAll(async () => {
    setting = (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'Voiding school', settingType: 'school', phase: 'primary' }, admin), 201)).id;
    email = 'vera@voiding.example';
    const made = await call<{ staff: { id: string }; invite: { token: string } }>(f, `/v1/orgs/${setting}/staff`, json('POST', { name: 'Vera', email, jobRole: 'teacher', invite: true }, admin), 201);
    staffId = made.staff.id;
    person = await accept(f, made.invite.token);
    await call(f, '/v1/me/assessments', json('POST', { responses: [{ itemId: 'speech-and-language', value: 2 }], confidence: { asd: 2 } }, person), 201);
    // Four colleagues, so coverage shows counts (groups under five are hidden).
    for (const n of [1, 2, 3, 4]) await call(f, `/v1/orgs/${setting}/staff`, json('POST', { name: `Colleague ${n}`, email: `c${n}@voiding.example`, jobRole: 'teacher' }, admin), 201);
    key = { authorization: `Bearer ${(await call<{ key: string }>(f, `/v1/orgs/${setting}/keys`, json('POST', { name: 'LMS', scopes: ['progress:write'] }, admin), 201)).key}` };
  });

  it('undoes a completion and its check-in that only the voided statement recorded, in progress and coverage', async () => {
    expect(await trained()).toEqual({ trained: 0, total: 5, share: 0 });
    const a = completion('inclusive-belonging', '2026-10-01T09:00:00Z', { result: { extensions: { [RATINGS]: { 'inclusive-culture': 4 } } } });
    await send(a);
    expect(await progressOf('inclusive-belonging')).toMatchObject({ status: 'completed', source: 'xapi', completedAt: '2026-10-01T09:00:00.000Z' });
    expect(await checkInsOf('inclusive-belonging')).toHaveLength(1);
    expect((await trained()).trained).toBe(1);

    await send(voiding(a));
    expect(await progressOf('inclusive-belonging')).toBeUndefined();
    expect(await checkInsOf('inclusive-belonging')).toEqual([]);
    expect((await trained()).trained).toBe(0);
    // Voiding again (the same voiding statement re-sent) changes nothing; a new completion counts, re-ratings too.
    await send(voiding(a)).catch(() => undefined);
    await send(completion('inclusive-belonging', '2026-10-05T09:00:00Z', { result: { extensions: { [RATINGS]: { 'inclusive-culture': 5 } } } }));
    expect(await checkInsOf('inclusive-belonging')).toEqual([expect.objectContaining({ ratings: { 'inclusive-culture': 5 } })]);
    expect((await trained()).trained).toBe(1);
  });

  it('keeps a completion other standing statements report, dated by the earliest; falls back to started, then nothing', async () => {
    const started = completion('four-areas-of-need', '2026-09-01T09:00:00Z', {}, 'initialized');
    const first = completion('four-areas-of-need', '2026-09-02T09:00:00Z');
    const second = completion('four-areas-of-need', '2026-09-03T09:00:00Z', {}, 'passed');
    await send([started, first, second]);
    expect(await progressOf('four-areas-of-need')).toMatchObject({ status: 'completed', completedAt: '2026-09-02T09:00:00.000Z' });
    await send(voiding(first));
    expect(await progressOf('four-areas-of-need')).toMatchObject({ status: 'completed', completedAt: '2026-09-03T09:00:00.000Z' });
    await send(voiding(second));
    expect(await progressOf('four-areas-of-need')).toMatchObject({ status: 'started', completedAt: null });
    await send(voiding(started));
    expect(await progressOf('four-areas-of-need')).toBeUndefined();
  });

  it('keeps a completion recorded first through another channel, or confirmed by a web check-in', async () => {
    await call(f, `/v1/staff/${staffId}/progress`, json('POST', { moduleId: 'working-with-parents-foundations', status: 'completed' }, admin), 200);
    const before = await progressOf('working-with-parents-foundations');
    const c = completion('working-with-parents-foundations', '2026-09-10T09:00:00Z');
    await send(c);
    await send(voiding(c));
    expect(await progressOf('working-with-parents-foundations')).toEqual(before);

    const e = completion('noticing-early-signs', '2026-09-11T09:00:00Z');
    await send(e);
    await call(f, '/v1/me/checkins', json('POST', { moduleId: 'noticing-early-signs', ratings: { 'early-identification': 4 } }, person), 201);
    await send(voiding(e));
    expect(await progressOf('noticing-early-signs')).toMatchObject({ status: 'completed' });
    expect(await checkInsOf('noticing-early-signs')).toHaveLength(1);
  });

  it('keeps a completion that a statement in the same request reports again', async () => {
    const d1 = completion('regulation-and-relationships', '2026-09-20T09:00:00Z');
    await send(d1);
    const d2 = completion('regulation-and-relationships', '2026-09-21T09:00:00Z');
    await send([d2, voiding(d1)]);
    expect(await progressOf('regulation-and-relationships')).toMatchObject({ status: 'completed', source: 'xapi' });
  });
});
