// Coverage counts a setting's own modules as training in their areas (resolved per organisation, so two settings'
// modules with the same id stay apart in a trust's figures) and sums up its live sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { recommend } from '../../src/domain/recommend.js';
import { newAssessment } from '../../src/repos/assessments.js';
import { newPathway } from '../../src/repos/pathways.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { call, json } from '../contract/accounts-world.js';

const ADMIN = { authorization: 'Bearer own-coverage-admin-token-0123456789' };
const env = makeNodeApp({ adminToken: ADMIN.authorization.slice(7) }); // the clock stands at 2026-11-22T10:00Z
const f = (path: string, init?: RequestInit) => Promise.resolve(env.app.request(path, init));
afterAll(() => env.close());

interface Cov {
  overall: { areas: { areaId: string; trainedShare: number | null }[] };
  ownTraining: { activeModules: number; completedBy: number | null; sessions: { upcoming: number; placesBooked: number; placesLeft: number; staffAttended: number | null } };
}

const module = (areaId: string) => ({
  id: 'our-module',
  title: 'Our shared approach',
  summary: 'How adults here respond, so every adult does the same.',
  outcomes: ['Use the shared approach'],
  minutes: 30,
  formats: ['in_house'],
  roles: ['teacher'],
  phases: ['primary'],
  level: 'foundation',
  prerequisites: [],
  areas: [{ areaId, relevance: 1 }],
  provider: 'Our school',
  materials: ['Slides on the shared drive'],
  cost: 'free',
  evidence: { strength: 2, expectedImpact: 0.1, sources: ['Our own review'] },
});

let trust: string;
let a: string;
let keyA: Record<string, string>;
let staffA: string[];

/** A stored self-assessment for each person (area figures show only for groups of five who answered). */
async function assess(staffIds: readonly string[]): Promise<void> {
  const content = getShippedContent();
  const now = new Date('2026-11-20T10:00:00Z');
  const request = { role: 'teacher' as const, phase: 'primary' as const, responses: content.questionnaire.items.map((i) => ({ itemId: i.id, value: 3 })), confidence: {}, completedModuleIds: [], timeBudgetMinutes: 600, weeklyMinutes: 60, formats: ['online' as const], priorities: {} };
  const response = recommend(content, request);
  for (const staffId of staffIds) {
    const a = newAssessment(env.database.db, staffId, request, now);
    await env.database.atomic([a.query, ...newPathway(env.database.db, { staffId, assessmentId: a.id, cause: 'assessment', request, response }, now).queries]);
  }
}

const areaShare = (cov: Cov, areaId: string) => cov.overall.areas.find((x) => x.areaId === areaId)!.trainedShare;

beforeAll(async () => {
  const org = async (body: object) => (await call<{ id: string }>(f, '/v1/orgs', json('POST', body, ADMIN), 201)).id;
  trust = await org({ kind: 'trust', name: 'Coverage Trust' });
  a = await org({ kind: 'setting', name: 'A Primary', settingType: 'school', trustId: trust, phase: 'primary' });
  const b = await org({ kind: 'setting', name: 'B Primary', settingType: 'school', trustId: trust, phase: 'primary' });
  const key = async (id: string) => ({ authorization: `Bearer ${(await call<{ key: string }>(f, `/v1/orgs/${id}/keys`, json('POST', { name: 'lms', scopes: ['staff:read', 'staff:write', 'modules:write', 'progress:write', 'coverage:read'] }, ADMIN), 201)).key}` });
  keyA = await key(a);
  const keyB = await key(b);
  const people = async (id: string, k: Record<string, string>) => {
    const out: string[] = [];
    for (let i = 0; i < 5; i++) out.push((await call<{ staff: { id: string } }>(f, `/v1/orgs/${id}/staff`, json('POST', { name: `P${i} ${id}`, jobRole: 'teacher' }, k), 201)).staff.id);
    return out;
  };
  staffA = await people(a, keyA);
  const staffB = await people(b, keyB);
  await assess([...staffA, ...staffB]);
  // The same module id in both settings, on different areas; A's people do A's, B's people do B's.
  await call(f, `/v1/orgs/${a}/modules`, json('POST', module('semh'), keyA), 201);
  await call(f, `/v1/orgs/${b}/modules`, json('POST', module('asd'), keyB), 201);
  for (const id of staffA.slice(0, 2)) await call(f, `/v1/staff/${id}/progress`, json('POST', { moduleId: 'our-module', status: 'completed' }, keyA), 200);
  await call(f, `/v1/staff/${staffB[0]}/progress`, json('POST', { moduleId: 'our-module', status: 'completed' }, keyB), 200);
});

describe('coverage with own training', () => {
  it('counts an own module as training in its area, for its own setting only', async () => {
    const cov = await call<Cov>(f, `/v1/orgs/${a}/coverage`, { headers: keyA }, 200);
    expect(areaShare(cov, 'semh')).toBe(0.4);
    expect(areaShare(cov, 'asd')).toBe(0);
    expect(cov.ownTraining).toMatchObject({ activeModules: 1, completedBy: 2 });
    const whole = await call<Cov>(f, `/v1/orgs/${trust}/coverage`, { headers: ADMIN }, 200);
    expect(areaShare(whole, 'semh')).toBe(0.2); // 2 of 10
    expect(areaShare(whole, 'asd')).toBe(0.1); // 1 of 10: B's module, not A's
    expect(whole.ownTraining).toMatchObject({ activeModules: 2, completedBy: 3 });
  });

  it('sums up sessions: upcoming places booked and left, and who attended', async () => {
    const add = async (start: string, end: string) =>
      (await call<{ data: { id: string }[] }>(f, `/v1/orgs/${a}/sessions`, json('POST', { moduleId: 'our-module', start, end, place: 'Hall', capacity: 10 }, keyA), 201)).data[0]!.id;
    const soon = await add('2027-01-04T09:00:00+00:00', '2027-01-04T10:00:00+00:00');
    const past = await add('2026-11-02T09:00:00+00:00', '2026-11-02T10:00:00+00:00');
    await call(f, `/v1/orgs/${a}/sessions/${soon}/bookings`, json('POST', { staffIds: staffA.slice(0, 3) }, keyA), 200);
    await call(f, `/v1/orgs/${a}/sessions/${past}/bookings`, json('POST', { staffIds: staffA.slice(3) }, keyA), 200);
    await call(f, `/v1/orgs/${a}/sessions/${past}/attendance`, json('POST', { staffIds: staffA.slice(3) }, keyA), 200);
    const cov = await call<Cov>(f, `/v1/orgs/${a}/coverage`, { headers: keyA }, 200);
    expect(cov.ownTraining.sessions).toEqual({ upcoming: 1, placesBooked: 3, placesLeft: 7, staffAttended: 2 });
    // Attending completed the module for the two who came: four people have now done it.
    expect(cov.ownTraining.completedBy).toBe(4);
    expect(areaShare(cov, 'semh')).toBe(0.8);
  });
});
