// A setting's term dates and closures: the API (201, a problem+json 422 naming the field for bad or overlapping
// dates, 404 elsewhere, nothing stored on failure), the leader's form (errors linked to their fields, add, remove),
// and a member of staff's pathway page and calendar file skipping the days closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listClosures, newClosure } from '../../src/repos/closures.js';
import { checkClosure } from '../../src/services/closures.js';
import { json, sessionCookie } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from '../web/client.js';
import { expectAccessibleShell, expectErrorSummaryLinks } from '../web/html-checks.js';
import { completeJourney } from '../web/journey-helpers.js';
import { PASSWORD, seedSetting, type Seeded } from '../web/seed.js';

let env: ReturnType<typeof makeNodeApp>;
let seed: Seeded;
let leader: Record<string, string>;

beforeAll(async () => {
  env = makeNodeApp();
  seed = await seedSetting(env.database);
  leader = sessionCookie(await env.app.request('/v1/auth/sign-in', json('POST', { email: seed.leader.email, password: PASSWORD })));
});
afterAll(() => env.close());

const api = (method: string, body?: unknown, path = '') =>
  env.app.request(`/v1/orgs/${seed.settingId}/closures${path}`, body === undefined ? { method, headers: leader } : json(method, body, leader));

/** The dates of every all-day step in a calendar file, YYYY-MM-DD. */
const icsDays = (ics: string) => [...ics.matchAll(/DTSTART;VALUE=DATE:(\d{4})(\d{2})(\d{2})/g)].map((m) => `${m[1]}-${m[2]}-${m[3]}`);

describe('term dates and closures: checks', () => {
  it('wants a name and real dates, the last day on or after the first, at most a year, and no overlap', () => {
    const existing = [{ id: 'cls_1', settingId: 's', label: 'Christmas holiday', from: '2026-12-21', to: '2027-01-01', createdAt: '' }];
    const problems = (raw: Record<string, string>) => {
      const r = checkClosure(raw, existing);
      return r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`);
    };
    expect(problems({ label: 'Training day', from: '2027-01-04', to: '2027-01-04' })).toEqual([]);
    expect(problems({ label: ' ', from: '2027-02-30', to: '' })).toEqual([
      'label: Enter a name for the closure, like “Christmas holiday” or “Training day”',
      'from: Enter the first day closed as a real date between 2000 and 2100, like 2026-12-21',
      'to: Enter the last day the setting is closed',
    ]);
    expect(problems({ label: 'Half term', from: '2027-02-19', to: '2027-02-15' })).toEqual(['to: The last day closed must be the same as or after the first day closed (19 February 2027)']);
    expect(problems({ label: 'Long', from: '2027-01-05', to: '2028-01-06' })).toEqual(['to: A closure can be at most 366 days long']);
    expect(problems({ label: 'New year', from: '2027-01-01', to: '2027-01-04' })).toEqual([
      'from: These dates overlap “Christmas holiday” (21 December 2026 to 1 January 2027). Change the dates, or remove “Christmas holiday” first',
    ]);
  });

  it('stores nothing when an overlapping closure was stored between the check and the write', async () => {
    const { database } = env;
    const first = newClosure(database.db, seed.settingId, { label: 'Race one', from: '2040-03-01', to: '2040-03-05' }, null, new Date());
    const second = newClosure(database.db, seed.settingId, { label: 'Race two', from: '2040-03-05', to: '2040-03-09' }, null, new Date());
    await database.atomic([first.query]);
    await database.atomic([second.query]);
    const stored = (await listClosures(database.db, seed.settingId)).filter((c) => c.label.startsWith('Race'));
    expect(stored.map((c) => c.label)).toEqual(['Race one']);
    await api('DELETE', undefined, `/${first.closure.id}`);
  });
});

describe('term dates and closures: API', () => {
  it('adds, lists and removes; bad input is a problem+json 4xx naming the field, and nothing is stored', async () => {
    const made = await api('POST', { label: 'Spring half term', from: '2027-02-15', to: '2027-02-19' });
    expect(made.status).toBe(201);
    const closure = (await made.json()) as { id: string; label: string; from: string; to: string };
    expect(closure).toMatchObject({ label: 'Spring half term', from: '2027-02-15', to: '2027-02-19' });

    const bad = [
      [{ label: 'Backwards', from: '2027-03-10', to: '2027-03-01' }, 'to', /same as or after the first day/],
      [{ label: 'Overlap', from: '2027-02-19', to: '2027-02-22' }, 'from', /overlap “Spring half term” \(15 February 2027 to 19 February 2027\)/],
      [{ label: 'Not a day', from: '2027-02-30', to: '2027-03-01' }, 'from', /real date/],
      [{ label: 'Wrong shape', from: '15/02/2027', to: '2027-03-01' }, 'from', /YYYY-MM-DD/],
      [{ from: '2027-04-01', to: '2027-04-02' }, 'label', /name/],
    ] as const;
    for (const [body, path, message] of bad) {
      const res = await api('POST', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors.find((e) => e.path === path)?.message, JSON.stringify(problem)).toMatch(message);
    }
    const list = (await (await api('GET')).json()) as { data: { id: string }[] };
    expect(list.data.map((c) => c.id)).toEqual([closure.id]);

    expect((await api('DELETE', undefined, '/cls_nothing')).status).toBe(404);
    expect((await api('DELETE', undefined, `/${closure.id}`)).status).toBe(204);
    expect(((await (await api('GET')).json()) as { data: unknown[] }).data).toEqual([]);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await env.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/v1/orgs/{orgId}/closures']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/v1/orgs/{orgId}/closures/{closureId}']!)).toEqual(['delete']);
  });
});

describe('term dates and closures: the leader’s page and the staff schedule', () => {
  it('shows errors linked to their fields, adds and removes a closure', async () => {
    const w = new WebClient(env.app);
    await w.page('/sign-in');
    await w.post('/sign-in', { email: seed.leader.email, password: PASSWORD });
    const base = `/dashboard/${seed.settingId}`;
    expect((await w.page(base)).html).toContain(`href="${base}/closures"`);
    const page = await w.page(`${base}/closures`);
    expect(page.res.status).toBe(200);
    expectAccessibleShell(page.html);
    expect(page.html).toContain('No closures are recorded yet.');
    const bad = await w.post(`${base}/closures`, { label: '', from: '2027-04-09', to: '2027-03-29' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expectAccessibleShell(badHtml);
    expect(expectErrorSummaryLinks(badHtml)).toEqual(['label', 'to']);
    expect(badHtml).toContain('value="2027-04-09"'); // what was typed is kept
    const ok = await w.post(`${base}/closures`, { label: 'Easter holiday', from: '2027-03-29', to: '2027-04-09' });
    expect(ok.headers.get('location')).toBe(`${base}/closures?notice=added`);
    const listed = await w.page(`${base}/closures?notice=added`);
    expect(listed.html).toContain('Closure added.');
    expect(listed.html).toContain('29 March 2027 to 9 April 2027');
    const overlap = await w.post(`${base}/closures`, { label: 'Training day', from: '2027-04-09', to: '2027-04-09' });
    expect(overlap.status).toBe(422);
    expect(await overlap.text()).toContain('These dates overlap “Easter holiday” (29 March 2027 to 9 April 2027)');
    await w.page(`${base}/closures`);
    const id = /\/closures\/(cls_[^/]+)\/remove/.exec(w.lastHtml)![1]!;
    expect((await w.post(`${base}/closures/${id}/remove`, {})).headers.get('location')).toBe(`${base}/closures?notice=removed`);
    expect((await w.page(`${base}/closures`)).html).toContain('No closures are recorded yet.');
  });

  it('moves a member of staff’s steps off the days their setting is closed, on the page and in the .ics', async () => {
    const w = new WebClient(env.app);
    await w.page('/sign-in');
    await w.post('/sign-in', { email: seed.staff.email, password: PASSWORD });
    await completeJourney(w);
    await w.post('/assessment/check-answers', {});
    const before = icsDays(await (await w.get('/pathway.ics')).text());
    expect(before[0]).toBe('2026-11-23'); // the clock says Sunday 22 November 2026
    // Closed for the first three weeks, then a training day on the first Monday after.
    expect((await api('POST', { label: 'Closed for building work', from: '2026-11-23', to: '2026-12-11' })).status).toBe(201);
    expect((await api('POST', { label: 'Training day', from: '2026-12-14', to: '2026-12-14' })).status).toBe(201);
    const after = icsDays(await (await w.get('/pathway.ics')).text());
    expect(after.length).toBe(before.length);
    expect(after[0]).toBe('2026-12-15');
    for (const day of after) expect(day >= '2026-11-23' && day <= '2026-12-14', day).toBe(false);
    const { html } = await w.page('/pathway');
    expect(html).toContain('Week 1 starts on Tuesday 15 December 2026');
    expect(html).toContain('nor on the 2 closures your setting has recorded');
    expect(html).toContain('In your calendar file: Tuesday 15 December 2026.');
    // Someone in another setting (no closures) keeps the first open day.
    const anon = new WebClient(env.app);
    await completeJourney(anon);
    await anon.post('/assessment/check-answers', {});
    expect(icsDays(await (await anon.get('/pathway.ics')).text())[0]).toBe('2026-11-23');
  });
});
