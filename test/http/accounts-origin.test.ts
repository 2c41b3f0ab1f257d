// Web forms check where they were posted from as well as the CSRF token: a valid token posted from another site
// (Origin or Sec-Fetch-Site) is refused with the 403 page, as the API refuses cross-site cookie requests.
import { afterAll, describe, expect, it } from 'vitest';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from '../web/client.js';

const env = makeNodeApp();
afterAll(() => env.close());

/** POSTs the about-you form with a valid token and cookie, plus `headers`. */
async function postWith(headers: Record<string, string>): Promise<Response> {
  const w = new WebClient(env.app);
  await w.page('/assessment/about-you');
  const body = new URLSearchParams({ _csrf: w.token(), role: 'teacher', phase: 'primary' });
  const cookie = [...w.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return env.app.request('http://localhost/assessment/about-you', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
    body,
  });
}

describe('web forms check Origin', () => {
  it('refuses a valid token posted from another origin or marked cross-site', async () => {
    const evil = await postWith({ origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(await evil.text()).toContain('Sorry, that form has expired');
    expect((await postWith({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await postWith({ origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await postWith({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' })).status).toBe(403);
  });

  it('accepts the same form from this site, or from a browser that sends no Origin', async () => {
    expect((await postWith({ origin: 'http://localhost' })).status).toBe(303);
    expect((await postWith({ 'sec-fetch-site': 'same-origin', origin: 'https://localhost' })).status).toBe(303);
    expect((await postWith({})).status).toBe(303);
    // What a browser sends for this site's own form under Referrer-Policy: no-referrer.
    expect((await postWith({ origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(303);
  });
});
