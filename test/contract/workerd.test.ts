// Runs the same contract suites against the Worker in real workerd (wrangler's local runtime) with a local D1.
import { afterAll, beforeAll } from 'vitest';
import { startWorker, type RunningWorker } from '../helpers/workerd.js';
import { accountsSuite } from './accounts-suite.js';
import { evidenceSuite } from './evidence-suite.js';
import { localCatalogueSuite } from './local-catalogue-suite.js';
import { contractSuite } from './suite.js';
import { xapiSuite } from './xapi-suite.js';

const ADMIN_TOKEN = 'workerd-contract-admin-token-0123456789';
let worker: RunningWorker;
beforeAll(async () => {
  // Rate limits off: the suites send hundreds of requests from one address.
  worker = await startWorker({ ADMIN_TOKEN, RATE_LIMITS: 'off' });
}, 240_000);
afterAll(async () => {
  await worker?.stop();
});
contractSuite('workerd', () => worker.fetch);
accountsSuite('workerd', () => worker.fetch, ADMIN_TOKEN);
xapiSuite('workerd', () => worker.fetch, ADMIN_TOKEN);
localCatalogueSuite('workerd', () => worker.fetch, ADMIN_TOKEN);
// Last: it publishes a new evidence set, which changes what is current for anything after it.
evidenceSuite('workerd', () => worker.fetch, ADMIN_TOKEN);
