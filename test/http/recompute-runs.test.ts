// Two runs of one recompute job (the admin command beside the server's own run, a resume on another Workers isolate,
// the background continuation) never count a person twice: a chunk advances the job only from the cursor its run
// read, and a run that lost a chunk to another run stops. The background work continues a job whose run stopped
// part-way, once it has been idle a while, for one bounded turn.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { backgroundTick } from '../../src/integrations/background.js';
import { openSqlite, type SqliteDatabase } from '../../src/repos/drivers/sqlite.js';
import { seedShippedEvidenceSet } from '../../src/repos/evidence-sets.js';
import { getRecomputeJob } from '../../src/repos/recompute-jobs.js';
import { continueIdleRecompute, IDLE_BEFORE_CONTINUING_MS, runRecompute, startRecompute, type RecomputeDeps } from '../../src/services/recompute.js';
import { publishRevision, writePopulation } from '../../scripts/lib/population.js';
import { MIGRATIONS_DIR } from '../helpers/node-app.js';

const content = getShippedContent();
const STAFF = 60;
let database: SqliteDatabase;
let deps: RecomputeDeps;

beforeEach(async () => {
  database = openSqlite(':memory:', MIGRATIONS_DIR);
  await seedShippedEvidenceSet(database, content.evidence, new Date().toISOString());
  writePopulation(database, content, { staff: STAFF, bigTrustStaff: 20, bigSettingStaff: 10, seed: 7 });
  await publishRevision(database, content, 5);
  deps = { database, content, now: () => new Date() };
});
afterEach(() => database.close());

async function started(): Promise<string> {
  const job = await startRecompute(deps);
  if (!job.ok) throw new Error('recompute did not start');
  return job.value.id;
}

const plans = () => (database.raw.prepare('SELECT count(*) AS n FROM pathway_plans').get() as { n: number }).n;

describe('two runs of one recompute job', () => {
  it('count every person once when a second run finishes the job while the first is between chunks', async () => {
    const id = await started();
    let second: Awaited<ReturnType<typeof runRecompute>> | undefined;
    const first = await runRecompute(deps, id, {
      chunk: 7,
      between: async () => {
        second ??= await runRecompute(deps, id, { chunk: 5 });
      },
    });
    expect(second).toMatchObject({ status: 'completed', total: STAFF, done: STAFF });
    // The first run's next chunk (read from where it had left the job) wrote nothing.
    expect(first).toMatchObject({ status: 'completed', done: STAFF });
    expect(plans()).toBe(STAFF);
  });

  it('stop the run that lost a chunk to another, and leave the job where the other run put it', async () => {
    const id = await started();
    let other: string | null = null;
    const first = await runRecompute(deps, id, {
      chunk: 7,
      between: async () => {
        // Another run writes one chunk of 5 (a budget of 0 stops it after its first chunk) and goes away.
        if (other === null) other = (await runRecompute(deps, id, { chunk: 5, budgetMs: 0 })).runner;
      },
    });
    expect(first).toMatchObject({ status: 'running', done: 7 + 5, runner: other });
    expect(plans()).toBe(12);
    // A resume completes it, with each person counted once.
    expect(await runRecompute(deps, id, { chunk: 9 })).toMatchObject({ status: 'completed', total: STAFF, done: STAFF });
    expect(plans()).toBe(STAFF);
  });
});

describe('the background work and a job whose run stopped part-way', () => {
  it('leaves a job that made progress lately, and continues one idle for longer until it completes', async () => {
    const id = await started();
    const stopped = await runRecompute(deps, id, { chunk: 10, budgetMs: 0 });
    expect(stopped).toMatchObject({ status: 'running', done: 10 });
    const at = (ms: number) => ({ ...deps, now: () => new Date(Date.parse(stopped.updatedAt) + ms) });

    expect(await continueIdleRecompute(at(IDLE_BEFORE_CONTINUING_MS - 1000))).toBeNull();
    expect(await getRecomputeJob(database, id)).toMatchObject({ status: 'running', done: 10 });

    // The shared background tick (the cron trigger on Workers, the dispatcher on Node) takes it from there.
    const later = at(IDLE_BEFORE_CONTINUING_MS + 1000);
    await backgroundTick(database, content, undefined, '', later.now);
    expect(await getRecomputeJob(database, id)).toMatchObject({ status: 'completed', total: STAFF, done: STAFF });
    expect(plans()).toBe(STAFF);
    expect(await continueIdleRecompute(later)).toBeNull();
  });

  it('goes on at once with a job its own last turn left running, but not with one another run took over', async () => {
    const id = await started();
    await runRecompute(deps, id, { chunk: 10, budgetMs: 0 });
    const idle = { ...deps, now: () => new Date(Date.now() + IDLE_BEFORE_CONTINUING_MS + 1000) };
    // Turns of one chunk each (a turn of 0 ms): the first waits out the idle time, the next go on at once.
    expect(await continueIdleRecompute(idle, { chunk: 10, turnMs: 0 })).toMatchObject({ status: 'running', done: 20 });
    expect(await continueIdleRecompute(deps, { chunk: 10, turnMs: 0 })).toMatchObject({ status: 'running', done: 30 });
    // Another run writes a chunk: the job is no longer this process's to go on with until it is idle again.
    await runRecompute(deps, id, { chunk: 10, budgetMs: 0 });
    expect(await continueIdleRecompute(deps, { chunk: 10, turnMs: 0 })).toBeNull();
    expect(await continueIdleRecompute(idle, { chunk: 10 })).toMatchObject({ status: 'completed', done: STAFF });
  });
});
