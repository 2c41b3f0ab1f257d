// Runs the same contract suite against the Worker in real workerd (wrangler's local runtime) with a local D1.
import { afterAll, beforeAll } from 'vitest';
import { startWorker, type RunningWorker } from '../helpers/workerd.js';
import { contractSuite } from './suite.js';

let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWorker();
}, 120_000);
afterAll(async () => {
  await worker?.stop();
});
contractSuite('workerd', () => worker.fetch);
