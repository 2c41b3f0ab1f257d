// Password guessing through the web sign-in form is limited per address, answered with a page and Retry-After.
import { afterAll, describe, expect, it } from 'vitest';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from './client.js';
import { expectAccessibleShell } from './html-checks.js';

const env = makeNodeApp({ rateLimits: { signIn: { limit: 2, windowSeconds: 300 } } });
afterAll(() => env.close());

describe('web sign-in rate limit', () => {
  it('refuses the third guess in the window with a 429 page, not problem+json', async () => {
    const w = new WebClient(env.app);
    await w.page('/sign-in');
    const guess = () => w.post('/sign-in', { email: 'someone@example.org', password: 'a wrong password' });
    expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(401);
    const limited = await guess();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await limited.text();
    expectAccessibleShell(html);
    expect(html).toContain('Too many attempts');
    // Looking at the form is not limited.
    expect((await w.get('/sign-in')).status).toBe(200);
  });
});
