// A setting's own modules and sessions, as both runtimes must serve them: validated like shipped content, suggested
// only to that setting's callers (never another's), named in provenance so replay is byte-identical, and sessions
// that carry onto steps, take bookings within capacity, and count as progress when attended.
import { beforeAll, describe, expect, it } from 'vitest';
import { accept, call, json, type Fetch } from './accounts-world.js';

interface Step {
  moduleId: string;
  provider?: string;
  url?: string;
  materials?: string[];
  sessions?: { id: string; start: string; place?: string; capacity: number }[];
}
interface Rec {
  pathway: { steps: Step[] };
  provenance: { catalogueVersion: string; evidenceSetId: string; inputHash: string; algorithmVersion: string };
}

const SCOPES = ['recommendations:write', 'staff:read', 'staff:write', 'modules:write', 'progress:write', 'assignments:write'];

/** A module strong enough on SEMH that a teacher with low SEMH confidence is recommended it. */
export function ownModule(id: string) {
  return {
    id,
    title: 'Our calm corner: co-regulation in our classrooms',
    summary: 'How we use the calm corner and the words we share, so every adult responds the same way.',
    outcomes: ['Use the calm corner routine with a learner', 'Use the shared calming words'],
    minutes: 15,
    formats: ['in_house', 'online'],
    roles: ['teacher', 'teaching_assistant'],
    phases: ['primary'],
    level: 'foundation',
    prerequisites: [],
    areas: [{ areaId: 'semh', relevance: 1 }],
    provider: 'Our school',
    materials: ['Slides and the calm corner script from the shared drive'],
    cost: 'free',
    evidence: { strength: 5, expectedImpact: 0.3, sources: ['Our review of two terms of calm corner use'] },
  };
}

export const REQUEST = { role: 'teacher', phase: 'primary', confidence: { semh: 1 }, priorities: { semh: 3 }, timeBudgetMinutes: 240 };

export function localCatalogueSuite(runtime: string, getFetch: () => Fetch, adminToken: string): void {
  const f: Fetch = (p, i) => getFetch()(p, i);
  const admin = { authorization: `Bearer ${adminToken}` };
  const run = Math.random().toString(36).slice(2, 8);
  const modId = `calm-corner-${run}`;
  let s1: string;
  let s2: string;
  let key1: Record<string, string>;
  let key2: Record<string, string>;

  beforeAll(async () => {
    const make = async (name: string) => (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name, settingType: 'school', phase: 'primary' }, admin), 201)).id;
    s1 = await make(`Own Primary ${run}`);
    s2 = await make(`Other Primary ${run}`);
    const key = async (org: string) => ({ authorization: `Bearer ${(await call<{ key: string }>(f, `/v1/orgs/${org}/keys`, json('POST', { name: 'lms', scopes: SCOPES }, admin), 201)).key}` });
    key1 = await key(s1);
    key2 = await key(s2);
  }, 60_000);

  const recommend = async (headers: Record<string, string>, body: object = REQUEST) => {
    const res = await f('/v1/recommendations', json('POST', body, headers));
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return { text, rec: JSON.parse(text) as Rec };
  };

  describe(`own modules and sessions on ${runtime}`, () => {
    it('documents where training is, own modules, sessions and bookings in the OpenAPI document, with descriptions and examples', async () => {
      type Prop = { description?: string; example?: unknown; properties?: Record<string, Prop> };
      type Op = { requestBody?: { content: { 'application/json': { schema: Prop } } }; responses: Record<string, unknown> };
      const doc = (await (await f('/openapi.json')).json()) as { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, Prop> } };
      const add = doc.paths['/v1/orgs/{orgId}/modules']!.post!.requestBody!.content['application/json'].schema.properties!;
      for (const field of ['provider', 'url', 'materials', 'cost', 'accessibility', 'accreditation', 'sessions']) expect([field, add[field]?.description ?? '']).toEqual([field, expect.stringMatching(/\w/)]);
      for (const field of ['provider', 'url', 'materials', 'cost', 'accreditation']) expect([field, add[field]!.example]).toEqual([field, expect.anything()]);
      const session = doc.paths['/v1/orgs/{orgId}/sessions']!.post!.requestBody!.content['application/json'].schema.properties!;
      for (const field of ['moduleId', 'start', 'end', 'place', 'facilitator', 'capacity']) expect([field, session[field]?.example]).toEqual([field, expect.anything()]);
      const unbook = doc.paths['/v1/orgs/{orgId}/sessions/{sessionId}/bookings/{staffId}']?.delete;
      expect(Object.keys(unbook?.responses ?? {})).toEqual(expect.arrayContaining(['200', '404', '409']));
      expect(doc.components.schemas.LocalModule!.properties!.activityId!.description).toMatch(/xAPI/);
      expect(doc.components.schemas.Coverage!.properties!.ownTraining).toBeDefined();
    });

    it('refuses bad modules with a 422 naming each field, and another organisation’s modules answer 404', async () => {
      const bad = { ...ownModule(modId), provider: undefined, url: 'http://example.org/x', areas: [{ areaId: 'no-such-area', relevance: 1 }] };
      const res = await f(`/v1/orgs/${s1}/modules`, json('POST', bad, key1));
      expect(res.status).toBe(422);
      const paths = ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['provider', 'url']));
      const unknownArea = await f(`/v1/orgs/${s1}/modules`, json('POST', { ...ownModule(modId), areas: [{ areaId: 'no-such-area', relevance: 1 }] }, key1));
      expect(unknownArea.status).toBe(422);
      expect(JSON.stringify(await unknownArea.json())).toContain('areas[0].areaId');
      const clash = await f(`/v1/orgs/${s1}/modules`, json('POST', { ...ownModule('send-essentials') }, key1));
      expect(clash.status).toBe(422);
      expect((await f(`/v1/orgs/${s1}/modules`, { headers: key2 })).status).toBe(404);
    });

    it('suggests an own module only to its own setting’s callers, names it in provenance, and replays byte for byte', async () => {
      const before = await recommend(key1);
      expect(before.rec.provenance.catalogueVersion).not.toContain('+');
      const made = await call<{ catalogueVersion: string; status: string }>(f, `/v1/orgs/${s1}/modules`, json('POST', ownModule(modId), key1), 201);
      expect(made.status).toBe('active');
      expect(made.catalogueVersion).toMatch(new RegExp(`\\+${s1}\\.1$`));
      const listed = await call<{ data: { id: string }[]; catalogueVersion: string }>(f, `/v1/orgs/${s1}/modules`, { headers: key1 }, 200);
      expect(listed).toMatchObject({ data: [expect.objectContaining({ id: modId })], catalogueVersion: made.catalogueVersion });
      expect(await call<{ id: string; status: string }>(f, `/v1/orgs/${s1}/modules/${modId}`, { headers: key1 }, 200)).toMatchObject({ id: modId, status: 'active' });

      const mine = await recommend(key1);
      const step = mine.rec.pathway.steps.find((s) => s.moduleId === modId);
      expect(step, 'own module recommended to its setting').toMatchObject({ provider: 'Our school', materials: ['Slides and the calm corner script from the shared drive'] });
      expect(mine.rec.provenance.catalogueVersion).toBe(made.catalogueVersion);
      expect(mine.rec.pathway.steps.every((s) => typeof s.provider === 'string')).toBe(true);

      const theirs = await recommend(key2);
      expect(theirs.rec.pathway.steps.some((s) => s.moduleId === modId)).toBe(false);
      expect(theirs.rec.provenance.catalogueVersion).not.toContain('+');
      expect((await f('/v1/recommendations', json('POST', { ...REQUEST, completedModuleIds: [modId] }, key2))).status).toBe(422);
      expect((await f(`/v1/orgs/${s1}/modules/${modId}`, { headers: key2 })).status).toBe(404);
      expect((await f(`/v1/orgs/${s2}/modules/${modId}`, { headers: key2 })).status).toBe(404);
      expect((await f(`/v1/orgs/${s1}/modules/${modId}`, json('PATCH', { title: 'Taken over' }, key2))).status).toBe(404);
      // Leaders can assign their own module; another setting cannot.
      await call(f, `/v1/orgs/${s1}/assignments`, json('POST', { target: { kind: 'role', value: 'senco' }, kind: 'modules', moduleIds: [modId] }, key1), 201);
      expect((await f(`/v1/orgs/${s2}/assignments`, json('POST', { target: { kind: 'everyone' }, kind: 'modules', moduleIds: [modId] }, key2))).status).toBe(422);

      // A change makes a new version; the old recommendation still replays exactly from its provenance.
      await call(f, `/v1/orgs/${s1}/modules/${modId}`, json('PATCH', { title: 'Our calm corner (2026 edition)' }, key1), 200);
      const replay = await f('/v1/recommendations/replay', json('POST', { request: REQUEST, provenance: mine.rec.provenance, detail: 'lean' }));
      expect(replay.status).toBe(200);
      expect(await replay.text()).toBe(mine.text);
      const badPatch = await f(`/v1/orgs/${s1}/modules/${modId}`, json('PATCH', { minutes: 500 }, key1));
      expect(badPatch.status).toBe(422);
      expect(JSON.stringify(await badPatch.json())).toContain('"minutes"');
    });

    it('puts sessions on steps, books within capacity, and counts attendance as progress; retiring ends suggestions', async () => {
      const session = { moduleId: modId, start: '2027-01-04T09:00:00+00:00', end: '2027-01-04T09:45:00+00:00', place: 'Library', facilitator: 'A. Senco', capacity: 1 };
      const bad = await f(`/v1/orgs/${s1}/sessions`, json('POST', { ...session, end: '2027-01-04T08:00:00+00:00', place: undefined }, key1));
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(['end', 'place']);
      expect((await f(`/v1/orgs/${s1}/sessions`, json('POST', { ...session, moduleId: 'no-such-module' }, key1))).status).toBe(422);
      const added = await call<{ data: { id: string }[] }>(f, `/v1/orgs/${s1}/sessions`, json('POST', session, key1), 201);
      const sessionId = added.data[0]!.id;

      const { rec } = await recommend(key1);
      expect(rec.pathway.steps.find((s) => s.moduleId === modId)?.sessions).toEqual([
        { id: sessionId, start: session.start, end: session.end, place: 'Library', facilitator: 'A. Senco', capacity: 1 },
      ]);

      // A change to a session reaches the steps it is on; another organisation cannot make one.
      expect((await f(`/v1/orgs/${s1}/sessions/${sessionId}`, json('PATCH', { place: 'Taken over' }, key2))).status).toBe(404);
      const moved = await call<{ place: string; start: string }>(f, `/v1/orgs/${s1}/sessions/${sessionId}`, json('PATCH', { place: 'Studio' }, key1), 200);
      expect(moved).toMatchObject({ place: 'Studio', start: session.start });
      expect((await recommend(key1)).rec.pathway.steps.find((s) => s.moduleId === modId)?.sessions?.[0]).toMatchObject({ id: sessionId, place: 'Studio' });

      const staff = async (name: string) => (await call<{ staff: { id: string } }>(f, `/v1/orgs/${s1}/staff`, json('POST', { name, jobRole: 'teacher' }, key1), 201)).staff.id;
      const [a, b] = [await staff(`Ada ${run}`), await staff(`Ben ${run}`)];
      const other = (await call<{ staff: { id: string } }>(f, `/v1/orgs/${s2}/staff`, json('POST', { name: 'Cy', jobRole: 'teacher' }, key2), 201)).staff.id;
      expect((await f(`/v1/orgs/${s1}/sessions/${sessionId}/bookings`, json('POST', { staffIds: [other] }, key1))).status).toBe(422);
      expect((await call<{ booked: number }>(f, `/v1/orgs/${s1}/sessions/${sessionId}/bookings`, json('POST', { staffIds: [a] }, key1), 200)).booked).toBe(1);
      const full = await f(`/v1/orgs/${s1}/sessions/${sessionId}/bookings`, json('POST', { staffIds: [b] }, key1));
      expect(full.status).toBe(422);
      expect((await f(`/v1/orgs/${s1}/sessions/${sessionId}/attendance`, json('POST', { staffIds: [b] }, key1))).status).toBe(422);
      expect((await call<{ attended: number }>(f, `/v1/orgs/${s1}/sessions/${sessionId}/attendance`, json('POST', { staffIds: [a] }, key1), 200)).attended).toBe(1);
      const progress = await call<{ data: { moduleId: string; status: string; source: string }[] }>(f, `/v1/staff/${a}/progress`, { headers: key1 }, 200);
      expect(progress.data).toContainEqual(expect.objectContaining({ moduleId: modId, status: 'completed', source: 'session' }));

      const retired = await call<{ status: string }>(f, `/v1/orgs/${s1}/modules/${modId}`, json('DELETE', {}, key1), 200);
      expect(retired.status).toBe('retired');
      const after = await recommend(key1);
      expect(after.rec.pathway.steps.some((s) => s.moduleId === modId)).toBe(false);
      const sessions = await call<{ data: { id: string; status: string }[] }>(f, `/v1/orgs/${s1}/sessions`, { headers: key1 }, 200);
      expect(sessions.data.find((s) => s.id === sessionId)?.status).toBe('cancelled');
    });

    it('cancels a booking: staff their own until it starts, leaders any; the place is freed; bad calls are problems', async () => {
      const when = { start: '2027-02-01T15:30:00+00:00', end: '2027-02-01T16:30:00+00:00', place: 'Hall', capacity: 1 };
      const add = async (start = when.start, end = when.end) =>
        (await call<{ data: { id: string }[] }>(f, `/v1/orgs/${s1}/sessions`, json('POST', { ...when, start, end, moduleId: 'send-essentials' }, key1), 201)).data[0]!.id;
      const lead = await call<{ invite: { token: string } }>(f, `/v1/orgs/${s1}/leaders`, json('POST', { email: `lead.${run}@example.org`, name: 'A Leader' }, admin), 201);
      const leader = await accept(f, lead.invite.token);
      const person = async (name: string) => {
        const made = await call<{ staff: { id: string }; invite: { token: string } }>(f, `/v1/orgs/${s1}/staff`, json('POST', { name, email: `${name.toLowerCase()}.${run}@example.org`, jobRole: 'teacher', invite: true }, leader), 201);
        return { id: made.staff.id, cookie: await accept(f, made.invite.token) };
      };
      const [dee, eli] = [await person(`Dee${run}`), await person(`Eli${run}`)];
      const sessionId = await add();
      const booking = (id: string, org = s1, session = sessionId) => `/v1/orgs/${org}/sessions/${session}/bookings/${id}`;
      const del = (path: string, headers: Record<string, string>) => f(path, { method: 'DELETE', headers });

      await call(f, `/v1/orgs/${s1}/sessions/${sessionId}/bookings`, json('POST', { staffIds: [dee.id] }, key1), 200);
      expect((await f(`/v1/orgs/${s1}/sessions/${sessionId}/bookings`, json('POST', { staffIds: [eli.id] }, key1))).status).toBe(422);
      // Another person's booking, or one that does not exist, is not found; another organisation's key finds nothing.
      expect((await del(booking(dee.id), eli.cookie)).status).toBe(404);
      expect((await del(booking(eli.id), eli.cookie)).status).toBe(404);
      expect((await del(booking(dee.id, s2), key2)).status).toBe(404);
      expect((await del(booking(dee.id), key2)).status).toBe(404);
      const tooLong = await del(booking('x'.repeat(65)), key1);
      expect(tooLong.status).toBeGreaterThanOrEqual(400);
      expect(tooLong.status).toBeLessThan(500);
      expect(tooLong.headers.get('content-type')).toContain('application/problem+json');

      const freed = await call<{ booked: number; capacity: number }>(f, booking(dee.id), { method: 'DELETE', headers: dee.cookie }, 200);
      expect(freed).toMatchObject({ booked: 0, capacity: 1 });
      expect((await del(booking(dee.id), dee.cookie)).status).toBe(404);
      expect((await call<{ booked: number }>(f, `/v1/orgs/${s1}/sessions/${sessionId}/bookings`, json('POST', { staffIds: [eli.id] }, key1), 200)).booked).toBe(1);

      // Attendance stays as the record of completion; a cancelled session keeps its bookings.
      await call(f, `/v1/orgs/${s1}/sessions/${sessionId}/attendance`, json('POST', { staffIds: [eli.id] }, key1), 200);
      const attended = await del(booking(eli.id), key1);
      expect(attended.status).toBe(409);
      expect(attended.headers.get('content-type')).toContain('application/problem+json');
      const second = await add();
      await call(f, `/v1/orgs/${s1}/sessions/${second}/bookings`, json('POST', { staffIds: [dee.id] }, key1), 200);
      await call(f, `/v1/orgs/${s1}/sessions/${second}`, json('DELETE', {}, key1), 200);
      expect((await del(booking(dee.id, s1, second), key1)).status).toBe(409);

      // Once a session has started its people ask their leader, who can still cancel.
      const past = await add('2025-02-03T15:30:00+00:00', '2025-02-03T16:30:00+00:00');
      await call(f, `/v1/orgs/${s1}/sessions/${past}/bookings`, json('POST', { staffIds: [dee.id] }, key1), 200);
      expect((await del(booking(dee.id, s1, past), dee.cookie)).status).toBe(409);
      expect((await call<{ booked: number }>(f, booking(dee.id, s1, past), { method: 'DELETE', headers: leader }, 200)).booked).toBe(0);
    });


    it('proposes group sessions from staff pathways, beats the naive plan or matches it, and accepting books the attendees', async () => {
      const staffIds: string[] = [];
      for (let i = 0; i < 6; i++) staffIds.push((await call<{ staff: { id: string } }>(f, `/v1/orgs/${s2}/staff`, json('POST', { name: `Plan ${i} ${run}`, jobRole: 'teacher' }, key2), 201)).staff.id);
      await call(f, `/v1/orgs/${s2}/assignments`, json('POST', { target: { kind: 'everyone' }, kind: 'modules', moduleIds: ['send-essentials', 'four-areas-of-need'] }, key2), 201);
      const windows = [{ start: '2027-01-04T09:00:00+00:00', end: '2027-01-04T11:00:00+00:00', place: 'Hall', capacity: 30 }];
      const bad = await f(`/v1/orgs/${s2}/session-plans`, json('POST', { windows: [{ ...windows[0], end: '2027-01-04T08:00:00+00:00' }] }, key2));
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toContain('windows[0].end');
      expect((await f(`/v1/orgs/${s1}/session-plans`, json('POST', { windows }, key2))).status).toBe(404);
      const plan = await call<{ id: string; sessions: { moduleId: string; start: string; attendees: { staffId: string }[] }[]; totals: { minutesPerSession: number; staffReached: number }; baseline: { minutesPerSession: number } }>(
        f, `/v1/orgs/${s2}/session-plans`, json('POST', { windows, maxSessions: 2 }, key2), 201);
      expect(plan.sessions.map((x) => x.moduleId).sort()).toEqual(['four-areas-of-need', 'send-essentials']);
      expect(plan.sessions[0]!.start).toBe('2027-01-04T09:00:00+00:00');
      expect(plan.totals.staffReached).toBeGreaterThanOrEqual(6);
      expect(plan.totals.minutesPerSession).toBeGreaterThanOrEqual(plan.baseline.minutesPerSession);
      expect(await call<{ id: string; status: string }>(f, `/v1/orgs/${s2}/session-plans/${plan.id}`, { headers: key2 }, 200)).toMatchObject({ id: plan.id, status: 'proposed' });
      expect((await f(`/v1/orgs/${s1}/session-plans/${plan.id}`, { headers: key1 })).status).toBe(404);
      const accepted = await call<{ status: string; sessions: unknown[] }>(f, `/v1/orgs/${s2}/session-plans/${plan.id}/accept`, json('POST', { sessions: [{ index: 1, skip: true }, { index: 0, facilitator: 'The SENCO' }] }, key2), 200);
      expect(accepted).toMatchObject({ status: 'accepted' });
      expect(accepted.sessions).toHaveLength(1);
      expect((await f(`/v1/orgs/${s2}/session-plans/${plan.id}/accept`, json('POST', {}, key2))).status).toBe(409);
      const live = await call<{ data: { moduleId: string; booked: number; facilitator?: string; planId?: string }[] }>(f, `/v1/orgs/${s2}/sessions`, { headers: key2 }, 200);
      expect(live.data).toEqual([expect.objectContaining({ moduleId: plan.sessions[0]!.moduleId, booked: plan.sessions[0]!.attendees.length, facilitator: 'The SENCO', planId: plan.id })]);
    });
  });
}
