// Workers read their bindings with the same config schema as Node: a SESSION_SECRET under 32 characters is refused
// (every request answers a 503 problem naming the setting, never its value) rather than silently replaced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from '../helpers/workerd.js';

const SHORT = 'short-worker-secret-123';
let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWorker({ SESSION_SECRET: SHORT, RATE_LIMITS: 'off' });
}, 240_000);
afterAll(async () => {
  await worker?.stop();
});

describe('Workers configuration', () => {
  it('refuses a short SESSION_SECRET the way Node does, without echoing it', async () => {
    for (const path of ['/', '/v1/questionnaire', '/readyz']) {
      const res = await worker.fetch(path);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const text = await res.text();
      expect(text).toMatch(/SESSION_SECRET \(23 characters\) must be at least 32 characters/);
      expect(text).not.toContain(SHORT);
    }
  });
});
