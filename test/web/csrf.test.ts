// CSRF on HTML forms: missing, wrong or cross-cookie tokens get a 403 page and change nothing; the JSON API is untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from './client.js';
import { expectAccessibleShell } from './html-checks.js';

let env: ReturnType<typeof makeNodeApp>;
beforeAll(() => {
  env = makeNodeApp();
});
afterAll(() => env.close());

describe('CSRF protection', () => {
  it('every page with a form carries a hidden _csrf token and sets a __Host-csrf cookie (HttpOnly, Secure, SameSite=Lax)', async () => {
    const w = new WebClient(env.app);
    const res = await w.get('/assessment/about-you');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-csrf='));
    expect(cookie).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax/);
    const html = await res.text();
    expect(html).toMatch(/<form method="post"[^>]*><input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{43}"\/>/);
  });

  it('refuses a POST with no token: 403 page, nothing saved', async () => {
    const w = new WebClient(env.app);
    await w.page('/assessment/about-you');
    const res = await w.post('/assessment/about-you', { role: 'teacher', phase: 'primary' }, null);
    expect(res.status).toBe(403);
    const html = await res.text();
    expectAccessibleShell(html);
    expect(html).toContain('<h1>Sorry, that form has expired</h1>');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('__Host-journey='))).toBe(false);
  });

  it('refuses a wrong token and a token minted for another browser', async () => {
    const a = new WebClient(env.app);
    const b = new WebClient(env.app);
    await a.page('/assessment/about-you');
    await b.page('/assessment/about-you');
    expect((await a.post('/assessment/about-you', { role: 'teacher', phase: 'primary' }, 'x'.repeat(43))).status).toBe(403);
    expect((await a.post('/assessment/about-you', { role: 'teacher', phase: 'primary' }, b.token())).status).toBe(403);
    expect((await a.post('/assessment/about-you', { role: 'teacher', phase: 'primary' })).status).toBe(303);
  });

  it('refuses a POST from a browser without the cookie even with a token', async () => {
    const a = new WebClient(env.app);
    await a.page('/assessment/about-you');
    const token = a.token();
    a.jar.delete('__Host-csrf');
    const res = await a.post('/assessment/about-you', { role: 'teacher', phase: 'primary' }, token);
    expect(res.status).toBe(403);
  });

  it('does not touch the JSON API', async () => {
    const res = await env.app.request('/v1/recommendations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'teacher', phase: 'primary' }),
    });
    expect(res.status).not.toBe(403);
    expect(res.headers.getSetCookie().some((c) => c.includes('csrf'))).toBe(false);
  });

  it('sends the CSP without unsafe-inline on pages', async () => {
    const res = await env.app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
