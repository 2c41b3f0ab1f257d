// The anonymous staff journey in process: page structure, validation with an error summary, change links, pathway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from './client.js';
import { expectAccessibleShell, expectErrorSummaryLinks } from './html-checks.js';
import { answersFor, completeJourney } from './journey-helpers.js';

let env: ReturnType<typeof makeNodeApp>;
beforeAll(() => {
  env = makeNodeApp();
});
afterAll(() => env.close());

describe('staff journey pages', () => {
  it('every step renders one h1, landmarks, labelled controls, fieldsets with legends and "Step n of N"', async () => {
    const w = new WebClient(env.app);
    const start = await w.page('/');
    expect(start.res.status).toBe(200);
    expect(start.res.headers.get('content-type')).toMatch(/^text\/html/);
    expectAccessibleShell(start.html);
    expect(start.html).toContain('href="/assessment/about-you"');

    const about = await w.page('/assessment/about-you');
    expectAccessibleShell(about.html);
    const total = Number(/Step 1 of (\d+)/.exec(about.html)?.[1]);
    expect(total).toBeGreaterThanOrEqual(5);
    expect(about.html).toContain('<legend>What is your role?</legend>');
    await w.post('/assessment/about-you', { role: 'teaching_assistant', phase: 'secondary' });

    const q1 = await w.page('/assessment/questions/1');
    expectAccessibleShell(q1.html);
    expect(q1.html).toContain(`Step 2 of ${total}`);
    expect(q1.html).toContain('Not relevant to my role');
    expect(q1.html).toContain('1 – Not at all confident');
    expect(q1.html).toContain('href="/assessment/about-you"'); // back link
  });

  it('a bad submit re-renders with 422, "Error:" in the title, an error summary linked to each field and answers kept', async () => {
    const w = new WebClient(env.app);
    await w.page('/assessment/about-you');
    const res = await w.post('/assessment/about-you', { phase: 'primary' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expectAccessibleShell(html);
    expect(html).toMatch(/<title>Error: About your role/);
    expect(expectErrorSummaryLinks(html)).toEqual(['role']);
    expect(html).toMatch(/id="role-error"[^>]*>.*Select your role/);
    expect(html).toMatch(/value="primary" checked=""/);

    await w.page('/assessment/questions/1');
    const { html: q } = { html: w.lastHtml };
    const names = Object.keys(answersFor(q));
    const partial = { [names[0]!]: '4' };
    const bad = await w.post('/assessment/questions/1', partial);
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(expectErrorSummaryLinks(badHtml)).toEqual(names.slice(1));
    expect(badHtml).toMatch(new RegExp(`name="${names[0]}" value="4" checked=""`));
    const junk = await w.post('/assessment/questions/1', { ...answersFor(q), [names[0]!]: '9' });
    expect(junk.status).toBe(422);
  });

  it('walks to the pathway: check answers with change links, then steps, chart, table and provenance', async () => {
    const w = new WebClient(env.app);
    const check = await completeJourney(w);
    expectAccessibleShell(check);
    expect(check).toContain('<h1>Check your answers</h1>');
    const changes = [...check.matchAll(/<a href="([^"]+)">Change<span class="visually-hidden">/g)].map((m) => m[1]);
    expect(changes.length).toBeGreaterThanOrEqual(20);
    expect(changes.every((h) => h!.includes('?return=check#'))).toBe(true);

    const res = await w.post('/assessment/check-answers', {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/pathway');
    const { res: pr, html } = await w.page('/pathway');
    expect(pr.status).toBe(200);
    expectAccessibleShell(html);
    expect(html).toContain('<h1>Your training pathway</h1>');
    const steps = html.match(/<span class="step-number">Step \d+:<\/span>/g) ?? [];
    expect(steps.length).toBeGreaterThan(0);
    expect(html).toMatch(/Why this step:<\/strong> \S/);
    expect(html).toMatch(/Strength of evidence: \w+/);
    expect(html).toMatch(/<li><strong>Week 1<\/strong><\/li>/);
    expect(html).toMatch(/<div class="bars" role="img" aria-labelledby="profile-title">/);
    expect(html).toContain('id="profile-title">Bar chart of your confidence in 18 areas');
    expect(html).toContain('<caption id="profile-caption">Your confidence profile as a table</caption>');
    expect(html).toContain('href="/pathway.ics"');
    expect(html).toMatch(/Method version<\/dt><dd>planner-/);
  });

  it('a change link returns to check answers after saving', async () => {
    const w = new WebClient(env.app);
    await completeJourney(w);
    const { html } = await w.page('/assessment/about-you?return=check');
    expect(html).toContain('action="/assessment/about-you?return=check"');
    expect(html).toContain('<a class="back-link" href="/assessment/check-answers">');
    const res = await w.post('/assessment/about-you?return=check', { role: 'senco', phase: 'special' });
    expect(res.headers.get('location')).toBe('/assessment/check-answers');
    const check = await w.page('/assessment/check-answers');
    expect(check.html).toContain('SENCO');
    expect(check.html).toContain('Special school');
  });

  it('the pathway and check answers send an unfinished journey to its first gap; reset clears the answers', async () => {
    const w = new WebClient(env.app);
    expect((await w.get('/pathway')).headers.get('location')).toBe('/');
    await w.page('/assessment/about-you');
    await w.post('/assessment/about-you', { role: 'teacher', phase: 'primary' });
    expect((await w.get('/pathway')).headers.get('location')).toBe('/assessment/questions/1');
    expect((await w.get('/assessment/check-answers')).headers.get('location')).toBe('/assessment/questions/1');
    await w.page('/');
    const reset = await w.post('/assessment/reset', {});
    expect(reset.status).toBe(303);
    expect((await w.get('/pathway')).headers.get('location')).toBe('/');
  });

  it('a tampered journey cookie is ignored, not trusted', async () => {
    const w = new WebClient(env.app);
    await completeJourney(w);
    const value = w.jar.get('__Host-journey')!;
    const [body, sig] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ r: 'leader', p: 'primary', a: {} })).toString('base64url');
    w.jar.set('__Host-journey', `${forged}.${sig}`);
    expect((await w.get('/pathway')).headers.get('location')).toBe('/');
    w.jar.set('__Host-journey', `${body}.${sig}`);
    expect((await w.get('/pathway')).status).toBe(200);
  });

  it('sets the journey cookie HttpOnly, Secure, SameSite=Lax with the __Host- prefix', async () => {
    const w = new WebClient(env.app);
    await w.page('/assessment/about-you');
    const res = await w.post('/assessment/about-you', { role: 'teacher', phase: 'primary' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-journey='))!;
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
  });

  it('answers an unknown question page with a 404 HTML page', async () => {
    const w = new WebClient(env.app);
    const { res, html } = await w.page('/assessment/questions/99');
    expect(res.status).toBe(404);
    expectAccessibleShell(html);
  });
});

describe('unknown pages', () => {
  it('answers an unknown address under a web section with the HTML 404 page, and leaves the API its JSON', async () => {
    const web = await env.app.request('/dashboard/x/y/z');
    expect(web.status).toBe(404);
    expect(web.headers.get('content-type')).toMatch(/^text\/html/);
    expectAccessibleShell(await web.text());
    const api = await env.app.request('/v1/nothing-here');
    expect(api.headers.get('content-type')).toBe('application/problem+json');
  });
});
