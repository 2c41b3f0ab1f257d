// Own training in the browser flow (in process): a leader adds a module and a live session on the dashboard (bad
// input re-renders with an error summary), a signed-in member of staff sees the session on their pathway and at its
// real time in the calendar, anyone sees "Start this module" links, and the planner proposes and books sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from './client.js';
import { expectAccessibleShell, expectErrorSummaryLinks } from './html-checks.js';
import { completeJourney } from './journey-helpers.js';
import { PASSWORD, seedSetting, type Seeded } from './seed.js';

let env: ReturnType<typeof makeNodeApp>;
let seed: Seeded;
let leader: WebClient;
let staff: WebClient;
let base: string;

const signIn = async (email: string) => {
  const w = new WebClient(env.app);
  await w.page('/sign-in');
  await w.post('/sign-in', { email, password: PASSWORD });
  return w;
};

beforeAll(async () => {
  env = makeNodeApp();
  seed = await seedSetting(env.database);
  leader = await signIn(seed.leader.email);
  staff = await signIn(seed.staff.email);
  base = `/dashboard/${seed.settingId}`;
});
afterAll(() => env.close());

describe('own training on the dashboard', () => {
  it('adds a module after fixing errors, and lists it', async () => {
    const page = await leader.page(`${base}/training`);
    expect(page.res.status).toBe(200);
    expectAccessibleShell(page.html);
    const bad = await leader.post(`${base}/training/modules`, { title: 'Our calm corner', minutes: '500', url: 'http://example.org' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expectErrorSummaryLinks(badHtml);
    expect(badHtml).toMatch(/href="#minutes"/);
    expect(badHtml).toMatch(/href="#url"/);
    const good = await leader.post(`${base}/training/modules`, {
      title: 'Our calm corner',
      summary: 'How we use the calm corner.',
      outcomes: 'Use the calm corner routine\nUse the shared calming words',
      minutes: '20',
      formats: ['in_house'],
      roles: ['teacher', 'teaching_assistant'],
      phases: ['primary'],
      level: 'foundation',
      areaId: 'semh',
      materials: 'Slides on the shared drive',
      cost: 'free',
      strength: '2',
      source: 'Our own review',
    });
    expect(good.status).toBe(303);
    const after = await leader.page(good.headers.get('location')!);
    expect(after.html).toContain('Module added');
    expect(after.html).toContain('Our calm corner');
  });

  it('offers the setting’s own modules on the assign form, and assigning one shows it on the dashboard', async () => {
    const form = await leader.page(`${base}/assign`);
    expectAccessibleShell(form.html);
    expect(form.html).toContain('Your own modules');
    const id = /<input[^>]*name="moduleIds"[^>]*value="([^"]+)"[^>]*>\s*<label[^>]*>Our calm corner</.exec(form.html)?.[1];
    expect(id).toBeTruthy();
    const res = await leader.post(`${base}/assign`, { target: 'role', jobRole: 'senco', kind: 'modules', moduleIds: [id!] });
    expect(res.status).toBe(303);
    const board = await leader.page(res.headers.get('location')!);
    expect(board.html).toContain('Training assigned');
    expect(board.html).toContain('Our calm corner');
    const unknown = await leader.post(`${base}/assign`, { target: 'everyone', kind: 'modules', moduleIds: ['not-a-module'] });
    expect(unknown.status).toBe(422);
  });

  it('puts a live session on a signed-in person’s pathway, at its real time in their calendar', async () => {
    await completeJourney(staff);
    const mine = await staff.page('/pathway');
    expect(mine.html).toContain('Start this module');
    const title = /<span class="step-number">Step 1:<\/span> ([^<]+)<\/h3>/.exec(mine.html)![1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const moduleId = getShippedContent().catalogue.modules.find((m) => m.title === title)!.id;
    const bad = await leader.post(`${base}/training/sessions`, { moduleId, date: '2027-06-07', from: '9am', to: '10:00', place: '', capacity: '0' });
    expect(bad.status).toBe(422);
    expectErrorSummaryLinks(await bad.text());
    const ok = await leader.post(`${base}/training/sessions`, { moduleId, date: '2027-06-07', from: '09:00', to: '10:00', place: 'Library', facilitator: 'Priya Shah', capacity: '20' });
    expect(ok.status).toBe(303);
    const pathway = await staff.page('/pathway');
    expect(pathway.html).toContain('Live sessions');
    expect(pathway.html).toContain('Monday 7 June 2027, 9:00am to 10:00am, Library, with Priya Shah');
    const ics = await (await staff.get('/pathway.ics')).text();
    expect(ics).toContain('DTSTART:20270607T080000Z'); // 09:00 BST
    expect(ics).toContain('LOCATION:Library');
  });

  it('proposes group sessions from staff pathways, shows the figures, and accepting books them', async () => {
    const form = await leader.page(`${base}/planner`);
    expectAccessibleShell(form.html);
    const bad = await leader.post(`${base}/planner`, { 'date-0': '2027-01-04', 'from-0': '09:00', 'to-0': '08:00', 'place-0': 'Hall', 'capacity-0': '30' });
    expect(bad.status).toBe(422);
    const res = await leader.post(`${base}/planner`, { 'date-0': '2027-01-04', 'from-0': '09:00', 'to-0': '12:00', 'place-0': 'Hall', 'capacity-0': '30', maxSessions: '3' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Proposed sessions');
    expect(html).toContain('Most-requested modules');
    const action = /action="([^"]+\/accept)"/.exec(html)![1]!;
    const accepted = await leader.post(action, { 'facilitator-0': 'Priya Shah' });
    expect(accepted.status).toBe(303);
    const training = await leader.page(accepted.headers.get('location')!);
    expect(training.html).toContain('Sessions accepted and booked');
    expect(training.html).toMatch(/[1-9]\d* of 30; 0 attended/);
    // The dashboard and its staff CSV show the booked sessions.
    const board = await leader.page(base);
    expectAccessibleShell(board.html);
    expect(board.html).toContain('Your own training');
    expect(board.html).toMatch(/<dt>Live sessions coming up<\/dt><dd>[1-9]\d*: [1-9]\d* places? booked by your staff, \d+ left<\/dd>/);
    const csv = await (await leader.get(`${base}/staff.csv`)).text();
    expect(csv).toContain('(2027-01-04 09:00 UTC)');
  });
});
