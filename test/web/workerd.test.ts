// The staff journey on Cloudflare Workers (real workerd with a local D1): signed cookies and CSRF work with Web
// Crypto alone, every page renders, and the pathway and its calendar come back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from '../helpers/workerd.js';
import { WebClient } from './client.js';
import { expectAccessibleShell } from './html-checks.js';
import { completeJourney } from './journey-helpers.js';

let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWorker({ RATE_LIMITS: 'off' });
}, 240_000);
afterAll(async () => {
  await worker?.stop();
});

describe('web journey on workerd', () => {
  it('goes from the start page to the pathway and the .ics, and refuses a form without its token', async () => {
    const w = new WebClient({ request: (path, init) => worker.fetch(path, init) });
    const start = await w.page('/');
    expect(start.res.status).toBe(200);
    expectAccessibleShell(start.html);
    await completeJourney(w);
    const done = await w.post('/assessment/check-answers', {});
    expect(done.headers.get('location')).toBe('/pathway');
    const { res, html } = await w.page('/pathway');
    expect(res.status).toBe(200);
    expect(html).toMatch(/<span class="step-number">Step 1:<\/span>/);
    const ics = await w.get('/pathway.ics');
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*BEGIN:VEVENT\r\n/);
    await w.page('/assessment/about-you');
    expect((await w.post('/assessment/about-you', { role: 'teacher', phase: 'primary' }, null)).status).toBe(403);
  }, 60_000);
});
