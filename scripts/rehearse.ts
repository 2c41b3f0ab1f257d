// npm run rehearse -- [--staff 1500000] [--db var/rehearse.sqlite] [--chunk 500] [--seed 1] [--keep] [--reuse]
// A national rehearsal in SQLite through the product's own code: writes a population (scripts/lib/population.ts),
// publishes a revised evidence set, then measures in a child process the recompute of every stored pathway
// (services/recompute.ts) beside the bare scoring floor over the same people read the same way, with that process's
// peak RSS; then a large trust's coverage (GET /v1/orgs/{id}/coverage) and a large setting's dashboard (GET /dashboard)
// through the app, p50/p95; then bytes on disk per staff member and the national total. Ends with one summary line.
// The large trust has 50,000 staff from --staff 80000 up (5/8 of a smaller run), the large setting 2,000 from 40,000.
// --reuse re-measures the coverage, dashboard and bytes of a database an earlier run kept (--keep), migrated to the
// current schema on opening, without writing or recomputing: the same queries after a change to them.
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getShippedContent } from '../src/content/bundled.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/http/logger.js';
import { runRecompute, startRecompute } from '../src/services/recompute.js';
import { randomToken, sha256Hex } from '../src/repos/crypto.js';
import { openSqlite, type SqliteDatabase } from '../src/repos/drivers/sqlite.js';
import { seedShippedEvidenceSet } from '../src/repos/evidence-sets.js';
import { parseStoredRequest } from '../src/repos/pathways.js';
import { latestPathwayInputs } from '../src/repos/recompute-jobs.js';
import { insertSessionQuery } from '../src/repos/sessions.js';
import { newUser } from '../src/repos/users.js';
import { bareScoringPass, bareScratch } from './bench.js';
import { ownPeakRssMB } from './lib/peak-rss.js';
import { publishRevision, writePopulation } from './lib/population.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../src/repos/migrations/', import.meta.url));
const NATIONAL = 1_500_000;
const D1_LIMIT_GB = 10;

const { values } = parseArgs({
  options: {
    staff: { type: 'string', default: String(NATIONAL) },
    db: { type: 'string' },
    chunk: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    measure: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const staff = Number(values.staff);
const chunk = Number(values.chunk);
if (!Number.isInteger(staff) || staff < 1000) throw new Error('--staff must be a whole number of at least 1000');
const dbPath = values.db ?? `var/rehearse-${staff}.sqlite`;
const content = getShippedContent();
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

interface Measured { floorSeconds: number; recomputeSeconds: number; people: number; peakRssMB: number }

/** The floor: stream the same people in the same chunks with the same query, parse each request, bare scoring pass. */
async function floorPass(database: SqliteDatabase): Promise<number> {
  const scratch = bareScratch(content);
  let cursor: string | null = null;
  let check = 0;
  const t0 = performance.now();
  for (;;) {
    const people = await latestPathwayInputs(database, cursor, chunk);
    if (!people.length) break;
    for (const p of people) check += bareScoringPass(content, parseStoredRequest(p.request), scratch);
    cursor = people[people.length - 1]!.staffId;
  }
  if (check < 0) throw new Error('unreachable');
  return (performance.now() - t0) / 1000;
}

/** Child process: floor, recompute, floor again (the faster floor is the denominator), and this process's peak RSS. */
async function measure(): Promise<void> {
  const database = openSqlite(dbPath, MIGRATIONS_DIR);
  const floor1 = await floorPass(database);
  const deps = { database, content, now: () => new Date() };
  const started = await startRecompute(deps);
  if (!started.ok) throw new Error(started.problems.map((p) => p.message).join('; '));
  let last = 0;
  const t0 = performance.now();
  const job = await runRecompute(deps, started.value.id, {
    chunk,
    onProgress: (j) => {
      if (j.done - last >= 100_000 || j.status === 'completed') log(`recompute: ${(last = j.done).toLocaleString('en-GB')} of ${j.total.toLocaleString('en-GB')}`);
    },
  });
  const recomputeSeconds = (performance.now() - t0) / 1000;
  const floor2 = await floorPass(database);
  await database.close();
  const out: Measured = { floorSeconds: Math.min(floor1, floor2), recomputeSeconds, people: job.done, peakRssMB: ownPeakRssMB() };
  process.stdout.write(JSON.stringify(out) + '\n');
}

/** Whether the national total fits one D1 database with room (≤ 70% full), and if not how many it takes at 70%. */
function fit(gb: number): string {
  if (gb <= D1_LIMIT_GB * 0.7) return `fits one database with room (${Math.round((gb / D1_LIMIT_GB) * 100)}% full)`;
  return `does NOT fit one database with room: ${Math.ceil(gb / (D1_LIMIT_GB * 0.7))} databases at ≤ 70% full (one per group of trusts)`;
}

function quantiles(ms: number[]): { p50: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]! };
}

/** p50/p95 over `runs` timed requests after one warm-up (fewer, but at least 5, when they pass 90 s in all). */
async function timeRequests(fetcher: () => Promise<Response>, runs: number): Promise<{ p50: number; p95: number; runs: number }> {
  const first = await fetcher();
  if (first.status !== 200) throw new Error(`status ${first.status}: ${(await first.text()).slice(0, 200)}`);
  await first.arrayBuffer();
  const ms: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs && (i < 5 || performance.now() - start < 90_000); i++) {
    const t0 = performance.now();
    const res = await fetcher();
    await res.arrayBuffer();
    ms.push(performance.now() - t0);
  }
  return { ...quantiles(ms), runs: ms.length };
}

/** Coverage of the large trust (admin token) and the dashboard page of the large setting (its leader's session). */
async function queries(database: SqliteDatabase, trustId: string, settingId: string) {
  const adminToken = randomToken(24);
  const app = createApp({ database: () => database, content: () => content, logger: createLogger('silent'), config: { adminToken, sessionSecret: randomToken(32) }, now: () => new Date() });
  const leader = newUser(database.db, { email: `leader-${randomToken(6).toLowerCase()}@rehearsal.example`, name: 'Rehearsal Leader', role: 'leader', orgId: settingId }, new Date());
  const token = randomToken(32);
  const now = new Date();
  await database.atomic([leader.query, insertSessionQuery(database.db, { tokenHash: await sha256Hex(token), userId: leader.row.id, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 3_600_000).toISOString() })]);
  const coverage = await timeRequests(() => Promise.resolve(app.request(`/v1/orgs/${trustId}/coverage`, { headers: { authorization: `Bearer ${adminToken}` } })), 20);
  const dashboard = await timeRequests(() => Promise.resolve(app.request(`/dashboard/${settingId}`, { headers: { cookie: `__Host-sp_session=${token}` } })), 20);
  return { coverage, dashboard };
}

/** Bytes on disk after a checkpoint, in total and per table or index (dbstat). */
function bytesOnDisk(database: SqliteDatabase): { total: number; byName: [string, number][] } {
  database.raw.pragma('wal_checkpoint(TRUNCATE)');
  const total = statSync(dbPath).size;
  const rows = database.raw.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as { name: string; bytes: number }[];
  return { total, byName: rows.map((r) => [r.name, r.bytes]) };
}

/**
 * The generator's own settings while it writes the population, a throwaway file: the journal in memory (defensive
 * mode, on in better-sqlite3, refuses none), no syncs, and a page cache that holds its indexes (random staff ids
 * otherwise make every insert a disk read past ~100,000 staff);
 * `false` puts back what the product opens with (WAL, secure delete, the default cache) before anything is measured.
 */
function writerPragmas(database: SqliteDatabase, generating: boolean): void {
  const raw = database.raw;
  if (generating) {
    raw.pragma('journal_mode = MEMORY');
    raw.pragma('synchronous = OFF');
    raw.pragma('secure_delete = OFF');
    raw.pragma('temp_store = MEMORY');
    raw.pragma('cache_size = -4000000');
  } else {
    raw.pragma('cache_size = -2000');
    raw.pragma('secure_delete = ON');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('journal_mode = WAL');
  }
}

async function main(): Promise<void> {
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
  const database = openSqlite(dbPath, MIGRATIONS_DIR);
  writerPragmas(database, true);
  await seedShippedEvidenceSet(database, content.evidence, new Date().toISOString());
  const plan = { staff, bigTrustStaff: Math.min(50_000, Math.floor((staff * 5) / 8)), bigSettingStaff: Math.min(2_000, Math.floor(staff / 20)), seed: Number(values.seed), perTransaction: 10_000 };
  log(`writing ${staff.toLocaleString('en-GB')} staff (a trust of ${plan.bigTrustStaff.toLocaleString('en-GB')}, a setting of ${plan.bigSettingStaff.toLocaleString('en-GB')}) to ${dbPath}`);
  const g0 = performance.now();
  const pop = writePopulation(database, content, plan, (n) => {
    if (n % 10_000 !== 0 || n === staff) return;
    const rate = n / ((performance.now() - g0) / 1000);
    log(`written ${n.toLocaleString('en-GB')} staff (${Math.round(rate)}/s; the rest in about ${Math.round((staff - n) / rate / 60)} min at that rate)`);
  });
  log(`population written in ${((performance.now() - g0) / 1000).toFixed(0)} s: ${pop.settings.toLocaleString('en-GB')} settings, ${pop.trusts.toLocaleString('en-GB')} trusts, ${pop.pathways.toLocaleString('en-GB')} pathways, ${pop.checkins.toLocaleString('en-GB')} check-ins`);
  writerPragmas(database, false);
  const setId = await publishRevision(database, content, plan.seed + 1);
  log(`published ${setId}; measuring the recompute in a child process`);
  database.raw.pragma('wal_checkpoint(TRUNCATE)');
  await database.close();

  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--measure', '--staff', String(staff), '--db', dbPath, '--chunk', String(chunk)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`measuring child failed (${child.status})`);
  const m = JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured;
  log(`recompute ${m.recomputeSeconds.toFixed(1)} s, floor ${m.floorSeconds.toFixed(1)} s, ratio ${(m.recomputeSeconds / m.floorSeconds).toFixed(2)}, peak RSS ${m.peakRssMB} MB`);

  const db2 = openSqlite(dbPath, MIGRATIONS_DIR);
  log('timing the coverage and dashboard queries');
  const q = await queries(db2, pop.bigTrustId, pop.bigSettingId);
  const bytes = bytesOnDisk(db2);
  await db2.close();
  if (!values.keep) for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });

  const ratio = m.recomputeSeconds / m.floorSeconds;
  const perStaff = bytes.total / staff;
  const nationalGB = (perStaff * NATIONAL) / 1e9;
  const lines = [
    `# National rehearsal: ${staff.toLocaleString('en-GB')} staff, ${pop.settings.toLocaleString('en-GB')} settings, ${pop.trusts.toLocaleString('en-GB')} trusts (${process.version})`,
    `population: ${pop.pathways.toLocaleString('en-GB')} stored pathways, ${pop.checkins.toLocaleString('en-GB')} check-ins, one "everyone" assignment per setting`,
    `recompute after publishing ${setId}: ${m.people.toLocaleString('en-GB')} people re-planned in ${m.recomputeSeconds.toFixed(1)} s (${Math.round(m.people / m.recomputeSeconds).toLocaleString('en-GB')}/s)`,
    `scoring floor over the same people (same query and chunks, parse, bare scoring pass; faster of two passes): ${m.floorSeconds.toFixed(1)} s; ratio ${ratio.toFixed(2)} (target ≤ 2) ${ratio <= 2 ? 'met' : 'NOT met'}`,
    `peak RSS of the measuring process: ${m.peakRssMB} MB (target ≤ 1024) ${m.peakRssMB <= 1024 ? 'met' : 'NOT met'}`,
    `coverage of a ${plan.bigTrustStaff.toLocaleString('en-GB')}-staff trust (GET /v1/orgs/{id}/coverage): p50 ${q.coverage.p50.toFixed(0)} ms, p95 ${q.coverage.p95.toFixed(0)} ms over ${q.coverage.runs} runs (target p95 ≤ 200) ${q.coverage.p95 <= 200 ? 'met' : 'NOT met'}`,
    `dashboard of a ${plan.bigSettingStaff.toLocaleString('en-GB')}-staff setting (GET /dashboard/{id}): p50 ${q.dashboard.p50.toFixed(0)} ms, p95 ${q.dashboard.p95.toFixed(0)} ms over ${q.dashboard.runs} runs`,
    `bytes on disk: ${(bytes.total / 1e9).toFixed(2)} GB, ${Math.round(perStaff).toLocaleString('en-GB')} B per staff; × 1,500,000 = ${nationalGB.toFixed(1)} GB (one D1 database holds ${D1_LIMIT_GB} GB) ${fit(nationalGB)}`,
    `largest tables and indexes (B per staff): ${bytes.byName.slice(0, 8).map(([n, b]) => `${n} ${Math.round(b / staff)}`).join(', ')}`,
    `rehearse: staff ${staff}, recompute ${m.recomputeSeconds.toFixed(1)} s, ratio ${ratio.toFixed(2)} to the scoring floor, peak RSS ${m.peakRssMB} MB, bytes per staff ${Math.round(perStaff)}, national total ${nationalGB.toFixed(1)} GB`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** --reuse: the large trust's coverage, the large setting's dashboard and the bytes of a kept database, again. */
async function remeasure(): Promise<void> {
  const database = openSqlite(dbPath, MIGRATIONS_DIR);
  const one = (q: string, ...p: unknown[]) => database.raw.prepare(q).get(...p) as Record<string, string | number>;
  const trust = one(`SELECT id FROM orgs WHERE name = 'Rehearsal Trust (large)'`);
  const setting = one(`SELECT id FROM orgs WHERE name = 'Rehearsal College (large)'`);
  if (!trust || !setting) throw new Error(`${dbPath} was not written by npm run rehearse -- --keep`);
  const count = (q: string, ...p: unknown[]) => Number(one(`SELECT count(*) AS n FROM ${q}`, ...p).n);
  const people = count('staff');
  const inTrust = count('staff WHERE setting_id IN (SELECT id FROM orgs WHERE parent_id = ?)', trust.id);
  const inSetting = count('staff WHERE setting_id = ?', setting.id);
  log('timing the coverage and dashboard queries');
  const q = await queries(database, String(trust.id), String(setting.id));
  const bytes = bytesOnDisk(database);
  await database.close();
  const perStaff = bytes.total / people;
  const nationalGB = (perStaff * NATIONAL) / 1e9;
  const lines = [
    `# Re-measured: ${dbPath}, ${people.toLocaleString('en-GB')} staff (${process.version})`,
    `coverage of a ${inTrust.toLocaleString('en-GB')}-staff trust (GET /v1/orgs/{id}/coverage): p50 ${q.coverage.p50.toFixed(0)} ms, p95 ${q.coverage.p95.toFixed(0)} ms over ${q.coverage.runs} runs (target p95 ≤ 200) ${q.coverage.p95 <= 200 ? 'met' : 'NOT met'}`,
    `dashboard of a ${inSetting.toLocaleString('en-GB')}-staff setting (GET /dashboard/{id}): p50 ${q.dashboard.p50.toFixed(0)} ms, p95 ${q.dashboard.p95.toFixed(0)} ms over ${q.dashboard.runs} runs`,
    `bytes on disk: ${(bytes.total / 1e9).toFixed(2)} GB, ${Math.round(perStaff).toLocaleString('en-GB')} B per staff; × 1,500,000 = ${nationalGB.toFixed(1)} GB (one D1 database holds ${D1_LIMIT_GB} GB) ${fit(nationalGB)}`,
    `largest tables and indexes (B per staff): ${bytes.byName.slice(0, 8).map(([n, b]) => `${n} ${Math.round(b / people)}`).join(', ')}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (values.measure) await measure();
  else if (values.reuse) await remeasure();
  else await main();
}
