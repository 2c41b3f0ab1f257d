// npm run recompute -- [--set <evidence set id>] [--chunk 500] [--pause-ms 0]
// Re-plans every stored pathway under the evidence set in force (after `npm run evidence -- publish`), with a
// progress bar on stderr. Each chunk is one atomic write; a job stopped part-way (Ctrl-C, kill -9, a crash) is
// resumed by running the command again. Environment: DATABASE_PATH (default var/send-pathways.sqlite), CONTENT_DIR.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getShippedContent } from '../src/content/bundled.js';
import { loadContentFromDir } from '../src/content/fs.js';
import { openSqlite } from '../src/repos/drivers/sqlite.js';
import { runningRecomputeJob, type RecomputeJob } from '../src/repos/recompute-jobs.js';
import { progressOf, runRecompute, startRecompute, type RecomputeDeps } from '../src/services/recompute.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../src/repos/migrations/', import.meta.url));

/** One progress line: a 30-character bar, the share, people done of total and the rate. */
export function progressLine(job: RecomputeJob, seconds: number, done0: number): string {
  const share = progressOf(job);
  const filled = Math.round(share * 30);
  const rate = seconds > 0 ? Math.round((job.done - done0) / seconds) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${(share * 100).toFixed(1).padStart(5)}%  ${job.done.toLocaleString('en-GB')} of ${job.total.toLocaleString('en-GB')} people  ${rate.toLocaleString('en-GB')}/s`;
}

function progressPrinter(done0: number): (job: RecomputeJob) => void {
  const t0 = performance.now();
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return (job) => {
    const line = progressLine(job, (performance.now() - t0) / 1000, done0);
    if (tty) process.stderr.write(`\r${line}`);
    else if (Math.floor(progressOf(job) * 10) > lastTenth || job.status === 'completed') {
      lastTenth = Math.floor(progressOf(job) * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { set: { type: 'string' }, chunk: { type: 'string', default: '500' }, 'pause-ms': { type: 'string', default: '0' } } });
  const chunk = Number(values.chunk);
  const pauseMs = Number(values['pause-ms']);
  if (!Number.isInteger(chunk) || chunk < 1 || chunk > 10_000) throw new Error('--chunk must be a whole number from 1 to 10000');
  if (!Number.isFinite(pauseMs) || pauseMs < 0) throw new Error('--pause-ms must be 0 or more');
  const content = process.env.CONTENT_DIR ? loadContentFromDir(resolve(process.env.CONTENT_DIR)) : getShippedContent();
  const database = openSqlite(process.env.DATABASE_PATH || 'var/send-pathways.sqlite', MIGRATIONS_DIR);
  try {
    const deps: RecomputeDeps = { database, content, now: () => new Date() };
    let job = await runningRecomputeJob(database);
    if (job) process.stdout.write(`Resuming job ${job.id} (evidence set ${job.evidenceSetId}) after ${job.done} of ${job.total} people.\n`);
    else {
      const started = await startRecompute(deps, values.set);
      if (!started.ok) {
        process.stderr.write(`recompute: ${started.problems.map((p) => p.message).join('; ')}\n`);
        return 1;
      }
      job = started.value;
      process.stdout.write(`Started job ${job.id}: re-planning ${job.total} people under evidence set ${job.evidenceSetId}.\n`);
    }
    const t0 = performance.now();
    const between = pauseMs > 0 ? () => new Promise<void>((r) => setTimeout(r, pauseMs)) : undefined;
    const final = await runRecompute(deps, job.id, { chunk, onProgress: progressPrinter(job.done), ...(between ? { between } : {}) });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const seconds = (performance.now() - t0) / 1000;
    if (final.status !== 'completed') {
      process.stdout.write(`Stopped after ${seconds.toFixed(1)} s: another run of job ${final.id} (the server's, or another command's) is carrying it on, ${final.done} of ${final.total} people so far.\n`);
      return 0;
    }
    process.stdout.write(`Completed job ${final.id}: ${final.done} people re-planned in ${seconds.toFixed(1)} s.\n`);
    return 0;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`recompute: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
