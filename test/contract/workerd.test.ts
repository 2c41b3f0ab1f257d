// Runs the same contract suites against the Worker in real workerd (wrangler's local runtime); each suite has its
// own worker on its own local D1, so none sees another's data and they pass in any order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from '../helpers/workerd.js';
import { accountsSuite } from './accounts-suite.js';
import type { Fetch } from './accounts-world.js';
import { evidenceSuite } from './evidence-suite.js';
import { localCatalogueSuite } from './local-catalogue-suite.js';
import { contractSuite } from './suite.js';
import { xapiSuite } from './xapi-suite.js';

const ADMIN_TOKEN = 'workerd-contract-admin-token-0123456789';

/** Registers `tests` inside their own block, over their own worker and database (started before, stopped after). */
function onOwnWorker(name: string, tests: (getWorker: () => RunningWorker) => void): void {
  describe(name, () => {
    let worker: RunningWorker;
    beforeAll(async () => {
      // Rate limits off: the suites send hundreds of requests from one address.
      worker = await startWorker({ ADMIN_TOKEN, RATE_LIMITS: 'off' });
    }, 240_000);
    afterAll(async () => {
      await worker?.stop();
    });
    tests(() => worker);
  });
}

/** A contract suite over its own worker and database. */
const onOwnDatabase = (name: string, suite: (getFetch: () => Fetch) => void) => onOwnWorker(name, (worker) => suite(() => worker().fetch));

onOwnDatabase('contract', (f) => contractSuite('workerd', f));
onOwnDatabase('accounts', (f) => accountsSuite('workerd', f, ADMIN_TOKEN));
onOwnDatabase('xapi', (f) => xapiSuite('workerd', f, ADMIN_TOKEN));
onOwnDatabase('local catalogue', (f) => localCatalogueSuite('workerd', f, ADMIN_TOKEN));
onOwnDatabase('evidence', (f) => evidenceSuite('workerd', f, ADMIN_TOKEN));

// The cron trigger's background work on workerd: a recompute job whose run stopped part-way (here one whose last
// progress was long ago) is continued on the next scheduled event, through the same D1 writes as the API's run.
onOwnWorker('background work on workerd', (getWorker) => {
  it('continues an idle recompute job on the scheduled event', async () => {
    const worker = getWorker();
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
    // The first recommendation seeds the shipped evidence set, the set in force.
    const first = await worker.fetch('/v1/recommendations', { method: 'POST', headers: admin, body: JSON.stringify({ role: 'teacher', phase: 'primary' }) });
    expect(first.status).toBe(200);
    const [set] = await worker.sql("SELECT id FROM evidence_sets WHERE status = 'published'");
    const long = '2026-01-01T00:00:00.000Z';
    await worker.sql(
      "INSERT INTO recompute_jobs (id, evidence_set_id, status, total, done, cursor, created_at, updated_at) VALUES ('rcj_idle', ?, 'running', 0, 0, NULL, ?, ?)",
      set!.id,
      long,
      long,
    );
    await worker.scheduled();
    const job = (await (await worker.fetch('/v1/recompute-jobs/rcj_idle', { headers: admin })).json()) as { status: string; progress: number };
    expect(job).toMatchObject({ status: 'completed', progress: 1 });
  });
});
