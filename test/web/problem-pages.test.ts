// Every problem's `type` resolves to a page this service serves, saying what happened and what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../src/http/problem.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { expectAccessibleShell } from './html-checks.js';

let env: ReturnType<typeof makeNodeApp>;
beforeAll(() => {
  env = makeNodeApp();
});
afterAll(() => env.close());

describe('problem type pages', () => {
  it('a real problem response points at a page that explains it', async () => {
    const res = await env.app.request('/v1/recommendations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"role":',
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { type: string };
    expect(problem.type).toBe('http://localhost/problems/malformed-json');
    const page = await env.app.request(new URL(problem.type).pathname);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expectAccessibleShell(html);
    expect(html).toContain('<h1>Malformed JSON</h1>');
    expect(html).toContain('<h2>What to do</h2>');
  });

  it('every kind has its own page with its status and advice', async () => {
    for (const [kind, { status, title }] of Object.entries(PROBLEMS)) {
      const res = await env.app.request(`/problems/${kind}`);
      expect(res.status, kind).toBe(200);
      const html = await res.text();
      expect(html, kind).toContain(`<h1>${title}</h1>`);
      expect(html, kind).toContain(`HTTP status ${status}.`);
      expect(html, kind).toMatch(/<li>.+<\/li>/);
    }
  });

  it('an unknown kind is not found', async () => {
    const res = await env.app.request('/problems/no-such-thing', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
  });
});

describe('errors a browser reaches in sign-in flows', () => {
  const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  it('a single sign-on return with an unknown state is a page, not JSON; an API client still gets problem+json', async () => {
    const page = await env.app.request('/v1/sso/callback?state=not-a-state&code=abc', { headers: browser });
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(page.status).toBeLessThan(500);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expectAccessibleShell(await page.text());
    const api = await env.app.request('/v1/sso/callback?state=not-a-state&code=abc', { headers: { accept: 'application/json' } });
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('signing in with an email no organisation has connected is a page', async () => {
    const page = await env.app.request('/v1/sso/start?email=someone%40nowhere.example', { headers: browser });
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('an unknown problem kind asked for by a browser is the not-found page', async () => {
    const page = await env.app.request('/problems/no-such-thing', { headers: browser });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('<h1>Page not found</h1>');
  });
});
