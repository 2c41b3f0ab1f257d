// Signed-in staff in process: sign in (wrong password, CSRF), save the browser's answers, mark a step done with a
// check-in and see the re-planned pathway, progress over time, re-take, sign out; guards for other roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from './client.js';
import { expectAccessibleShell, expectErrorSummaryLinks } from './html-checks.js';
import { completeJourney } from './journey-helpers.js';
import { PASSWORD, seedSetting, type Seeded } from './seed.js';

let env: ReturnType<typeof makeNodeApp>;
let seed: Seeded;
beforeAll(async () => {
  env = makeNodeApp();
  seed = await seedSetting(env.database);
});
afterAll(() => env.close());

async function signIn(w: WebClient, email: string, extra: Record<string, string> = {}): Promise<Response> {
  await w.page('/sign-in');
  return w.post('/sign-in', { email, password: PASSWORD, ...extra });
}

describe('signing in', () => {
  it('shows a labelled form and an error summary for blanks and a wrong password, without saying which was wrong', async () => {
    const w = new WebClient(env.app);
    const { html } = await w.page('/sign-in');
    expectAccessibleShell(html);
    const blank = await w.post('/sign-in', { email: '', password: '' });
    expect(blank.status).toBe(422);
    expect(expectErrorSummaryLinks(await blank.text())).toEqual(['email', 'password']);
    const wrong = await w.post('/sign-in', { email: seed.staff.email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    const body = await wrong.text();
    expect(body).toContain('The email address or password is not right');
    expect(body).toContain(`value="${seed.staff.email}"`);
    expect(w.jar.has('__Host-sp_session')).toBe(false);
  });

  it('signs in, shows the name with a sign-out button, and signs out', async () => {
    const w = new WebClient(env.app);
    const res = await signIn(w, seed.leader.email);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard');
    expect(w.jar.has('__Host-sp_session')).toBe(true);
    const { html } = await w.page('/account');
    expectAccessibleShell(html);
    expect(html).toContain(seed.leader.name);
    expect(html).toMatch(/<form method="post" action="\/sign-out"/);
    const out = await w.post('/sign-out', {});
    expect(out.headers.get('location')).toBe('/');
    expect(w.jar.has('__Host-sp_session')).toBe(false);
    expect((await w.get('/account')).headers.get('location')).toBe('/sign-in?next=%2Faccount');
  });

  it('refuses sign-in without a CSRF token', async () => {
    const w = new WebClient(env.app);
    await w.page('/sign-in');
    expect((await w.post('/sign-in', { email: seed.staff.email, password: PASSWORD }, null)).status).toBe(403);
  });

  it('keeps a signed-in page to its roles: staff cannot open the panel', async () => {
    const w = new WebClient(env.app);
    await signIn(w, seed.staff.email);
    const { res, html } = await w.page('/panel');
    expect(res.status).toBe(403);
    expectAccessibleShell(html);
  });
});

describe('a member of staff with an account', () => {
  it('saves the answers from this browser by signing in from "Save my pathway"', async () => {
    const w = new WebClient(env.app);
    await completeJourney(w);
    await w.post('/assessment/check-answers', {});
    const anon = await w.page('/pathway');
    expect(anon.html).toContain('href="/sign-in?next=/pathway&amp;save=1"');
    const { html } = await w.page('/sign-in?next=/pathway&save=1');
    expect(html).toContain('name="save" value="1"');
    const res = await w.post('/sign-in', { email: seed.staff.email, password: PASSWORD, next: '/pathway', save: '1' });
    expect(res.headers.get('location')).toBe('/pathway');
    expect(w.jar.has('__Host-journey')).toBe(false);
    const saved = await w.page('/pathway');
    expectAccessibleShell(saved.html);
    expect(saved.html).toContain('Saved to your account.');
    expect(saved.html).toMatch(/href="\/pathway\/steps\/[^"]+\/check-in">Mark as done/);
  });

  it('marks a step done with a check-in, re-plans, and shows progress over time; re-take starts from the last answers', async () => {
    const w = new WebClient(env.app);
    await signIn(w, seed.staff.email);
    const before = await w.page('/pathway');
    const link = /href="(\/pathway\/steps\/([^"/]+)\/check-in)"/.exec(before.html)!;
    const moduleId = decodeURIComponent(link[2]!);
    const check = await w.page(link[1]!);
    expect(check.res.status).toBe(200);
    expectAccessibleShell(check.html);
    const fields = [...new Set([...check.html.matchAll(/name="(r-[^"]+)"/g)].map((m) => m[1]!))];
    expect(fields.length).toBeGreaterThan(0);
    const res = await w.post(link[1]!, Object.fromEntries(fields.map((f) => [f, '5'])));
    expect(res.headers.get('location')).toBe('/pathway?notice=done');
    const after = await w.page('/pathway?notice=done');
    expect(after.html).toContain('Step marked as done');
    expect(after.html).toMatch(/<span class="tag done">Done<\/span>/);
    expect(after.html).not.toContain(`/pathway/steps/${encodeURIComponent(moduleId)}/check-in`);

    const progress = await w.page('/progress');
    expectAccessibleShell(progress.html);
    expect(progress.html).toContain('You have done 1 training step.');
    expect(progress.html).toMatch(/<svg[^>]*aria-labelledby="change-title change-desc"/);
    expect(progress.html).toContain('Check-in after');

    const retake = await w.post('/progress/retake', {});
    expect(retake.headers.get('location')).toBe('/assessment/about-you');
    const about = await w.page('/assessment/about-you');
    expect(about.html).toMatch(/value="teacher" checked=""/);
    expect(about.html).toContain('Your setting lists you as: Teacher, Primary school.');
    const check2 = await w.page('/assessment/check-answers');
    expect(check2.res.status).toBe(200);
    const saved = await w.post('/assessment/check-answers', {});
    expect(saved.headers.get('location')).toBe('/pathway?notice=saved');
    const history = await w.page('/progress');
    expect((history.html.match(/<td>Self-assessment<\/td>/g) ?? []).length).toBe(2);
  });

  it('downloads the saved pathway as .ics', async () => {
    const w = new WebClient(env.app);
    await signIn(w, seed.staff.email);
    const res = await w.get('/pathway.ics');
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });
});
