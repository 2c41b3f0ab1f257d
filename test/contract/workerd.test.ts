// Runs the same contract suites against the Worker in real workerd (wrangler's local runtime); each suite has its
// own worker on its own local D1, so none sees another's data and they pass in any order.
import { afterAll, beforeAll, describe } from 'vitest';
import { startWorker, type RunningWorker } from '../helpers/workerd.js';
import { accountsSuite } from './accounts-suite.js';
import type { Fetch } from './accounts-world.js';
import { evidenceSuite } from './evidence-suite.js';
import { localCatalogueSuite } from './local-catalogue-suite.js';
import { contractSuite } from './suite.js';
import { xapiSuite } from './xapi-suite.js';

const ADMIN_TOKEN = 'workerd-contract-admin-token-0123456789';

/** Registers `suite` inside its own block, over its own worker and database (started before, stopped after). */
function onOwnDatabase(name: string, suite: (getFetch: () => Fetch) => void): void {
  describe(name, () => {
    let worker: RunningWorker;
    beforeAll(async () => {
      // Rate limits off: the suites send hundreds of requests from one address.
      worker = await startWorker({ ADMIN_TOKEN, RATE_LIMITS: 'off' });
    }, 240_000);
    afterAll(async () => {
      await worker?.stop();
    });
    suite(() => worker.fetch);
  });
}

onOwnDatabase('contract', (f) => contractSuite('workerd', f));
onOwnDatabase('accounts', (f) => accountsSuite('workerd', f, ADMIN_TOKEN));
onOwnDatabase('xapi', (f) => xapiSuite('workerd', f, ADMIN_TOKEN));
onOwnDatabase('local catalogue', (f) => localCatalogueSuite('workerd', f, ADMIN_TOKEN));
onOwnDatabase('evidence', (f) => evidenceSuite('workerd', f, ADMIN_TOKEN));
