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
