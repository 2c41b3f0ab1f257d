// Runs a recompute job in the background of a request: on Workers through waitUntil (whose time is limited; the
// background work then continues the job, services/recompute.ts), on Node as a promise the process runs on. The API
// route and the panel console's button both start jobs this way.
import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import type { Logger } from './logger.js';
import { runRecompute, type RecomputeDeps } from '../services/recompute.js';

// Jobs this process is running, so a resume does not start a second run over the same chunks here (a run in another
// process or isolate is kept from counting anyone twice by the database: writeRecomputeChunk).
const active = new Set<string>();

/** The recompute's dependencies from a request: its database, content and clock. */
export const recomputeDepsOf = (c: Context<AppEnv>): RecomputeDeps => ({ database: c.get('database'), content: c.get('content'), now: c.get('clock') });

/** Runs job `jobId` after the response, yielding to requests between chunks; logs if it stops on an error. */
export function runInBackground(c: Context<AppEnv>, deps: RecomputeDeps, jobId: string, logger: Logger): void {
  if (active.has(jobId)) return;
  active.add(jobId);
  const run = runRecompute(deps, jobId, { between: () => new Promise((r) => setTimeout(r, 0)) })
    .catch((err: unknown) => logger.error({ msg: 'recompute stopped; the background work continues it once idle, or resume it', jobId, error: String(err) }))
    .finally(() => active.delete(jobId));
  try {
    c.executionCtx.waitUntil(run);
  } catch {
    // Node: no execution context; the promise runs on in this process.
  }
}
