// Runs a recompute job in the background of a request (deps.background: waitUntil on Workers, whose time is limited
// and after which the background work continues the job, services/recompute.ts; on Node a promise the process runs
// on). The API route and the panel console's button both start jobs this way.
import type { Deps } from '../services/deps.js';
import type { Logger } from './logger.js';
import { runRecompute, yieldToRequests } from '../services/recompute.js';

// Jobs this process is running, so a resume does not start a second run over the same chunks here (a run in another
// process or isolate is kept from counting anyone twice by the database: writeRecomputeChunk).
const active = new Set<string>();

/** Runs job `jobId` after the response, yielding to requests between chunks; logs if it stops on an error. */
export function runInBackground(deps: Deps, jobId: string, logger: Logger): void {
  if (active.has(jobId)) return;
  active.add(jobId);
  const run = runRecompute(deps, jobId, { between: yieldToRequests })
    .catch((err: unknown) => logger.error({ msg: 'recompute stopped; the background work continues it once idle, or resume it', jobId, error: String(err) }))
    .finally(() => active.delete(jobId));
  deps.background(run);
}
