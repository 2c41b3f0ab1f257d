// Recompute after a publish: the CLI killed with SIGKILL part-way leaves only whole chunks (job progress equals the
// plans written), and running it again resumes from the cursor and completes; every plan is the engine's re-plan of
// that person's stored pathway under the new set. The API job reports progress and refuses a second job or a bad set.
import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { contentWithSet, planRow, replan, runRecompute, startRecompute } from '../../src/services/recompute.js';
import { openSqlite } from '../../src/repos/drivers/sqlite.js';
import { seedShippedEvidenceSet } from '../../src/repos/evidence-sets.js';
import { latestPathwayInputs } from '../../src/repos/recompute-jobs.js';
import { publishRevision, writePopulation } from '../../scripts/lib/population.js';
import { makeNodeApp, MIGRATIONS_DIR } from '../helpers/node-app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const content = getShippedContent();
const STAFF = 400;
const CHUNK = 20;

let dir: string;
let dbPath: string;
let newSetId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'recompute-'));
  dbPath = join(dir, 'db.sqlite');
  const database = openSqlite(dbPath, MIGRATIONS_DIR);
  await seedShippedEvidenceSet(database, content.evidence, new Date().toISOString());
  writePopulation(database, content, { staff: STAFF, bigTrustStaff: 100, bigSettingStaff: 40, seed: 3 });
  newSetId = await publishRevision(database, content, 4);
  await database.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(): { child: ReturnType<typeof spawn>; output: Promise<{ code: number | null; signal: string | null; stdout: string }> } {
  // node itself with the tsx loader (not the tsx wrapper, whose child would outlive a SIGKILL sent to the wrapper).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/recompute.ts', '--chunk', String(CHUNK), '--pause-ms', '40'], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: dbPath }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += String(d)));
  child.stderr!.resume();
  return { child, output: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout }))) };
}

interface JobRow { id: string; status: string; total: number; done: number; cursor: string | null }
const peek = <T>(f: (db: BetterSqlite3.Database) => T): T => {
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    return f(db);
  } finally {
    db.close();
  }
};
const job = () => peek((db) => db.prepare('SELECT * FROM recompute_jobs ORDER BY id DESC LIMIT 1').get() as JobRow | undefined);
const planCount = (jobId: string) => peek((db) => (db.prepare('SELECT count(*) AS n FROM pathway_plans WHERE job_id = ?').get(jobId) as { n: number }).n);

describe('recompute after a publish', () => {
  it('survives kill -9 part-way with only whole chunks written, then resumes and completes', async () => {
    const first = cli();
    let seen: JobRow | undefined;
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 25));
      seen = job();
      if (seen && seen.done >= 5 * CHUNK) break;
    }
    expect(seen?.done).toBeGreaterThanOrEqual(5 * CHUNK);
    first.child.kill('SIGKILL');
    const killed = await first.output;
    expect(killed.signal).toBe('SIGKILL');

    const stopped = job()!;
    expect(stopped.status).toBe('running');
    expect(stopped.done).toBeLessThan(STAFF);
    expect(stopped.done % CHUNK).toBe(0);
    // Nothing half-written: the plans stored for the job are exactly the chunks its progress counts.
    expect(planCount(stopped.id)).toBe(stopped.done);
    expect(peek((db) => (db.prepare('SELECT max(staff_id) AS m FROM pathway_plans WHERE job_id = ?').get(stopped.id) as { m: string }).m)).toBe(stopped.cursor);

    const second = cli();
    const done = await second.output;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`Resuming job ${stopped.id}`);
    const finished = job()!;
    expect(finished).toMatchObject({ id: stopped.id, status: 'completed', total: STAFF, done: STAFF });
    expect(planCount(finished.id)).toBe(STAFF);
  }, 180_000);

  it('stores for each person the engine re-plan of their latest pathway under the new set', async () => {
    const database = openSqlite(dbPath, MIGRATIONS_DIR);
    try {
      const next = (await contentWithSet({ database, content, now: () => new Date() }, newSetId))!;
      const people = await latestPathwayInputs(database, null, 60);
      const plans = peek((db) => new Map((db.prepare('SELECT * FROM pathway_plans').all() as { staff_id: string }[]).map((r) => [r.staff_id, r])));
      expect(people.some((p) => p.cause === 'checkin')).toBe(true);
      for (const p of people) {
        const want = planRow(p, replan(next, p));
        expect(plans.get(p.staffId)).toMatchObject({ ...want, evidence_set_id: newSetId });
      }
    } finally {
      await database.close();
    }
  });
});

describe('recompute jobs over the API', () => {
  const TOKEN = 'test-admin-token-0123456789';
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

  it('starts a job, reports its progress to completion, and refuses a bad set or an unknown job', async () => {
    const made = makeNodeApp({ adminToken: TOKEN });
    try {
      const f = (p: string, i?: RequestInit) => Promise.resolve(made.app.request(p, i));
      await f('/v1/recommendations', { method: 'POST', headers: auth, body: JSON.stringify({ role: 'teacher', phase: 'primary' }) });
      expect((await f('/v1/recompute-jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
      const bad = await f('/v1/recompute-jobs', { method: 'POST', headers: auth, body: JSON.stringify({ evidenceSetId: 'no-such-set' }) });
      expect(bad.status).toBe(422);
      const res = await f('/v1/recompute-jobs', { method: 'POST', headers: auth, body: '{}' });
      expect(res.status).toBe(202);
      const started = (await res.json()) as { id: string; total: number; progress: number };
      let shown = started as { id: string; status?: string; progress: number };
      for (let i = 0; i < 100 && shown.status !== 'completed'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        shown = (await (await f(`/v1/recompute-jobs/${started.id}`, { headers: auth })).json()) as typeof shown;
      }
      expect(shown).toMatchObject({ id: started.id, status: 'completed', progress: 1 });
      // Resuming a finished job leaves it as it is; an unknown job is not found.
      const again = await f(`/v1/recompute-jobs/${started.id}/resume`, { method: 'POST', headers: auth });
      expect(again.status).toBe(202);
      expect(await again.json()).toMatchObject({ id: started.id, status: 'completed', progress: 1 });
      expect((await f('/v1/recompute-jobs/rcj_nope/resume', { method: 'POST', headers: auth })).status).toBe(404);
      expect((await f('/v1/recompute-jobs/rcj_nope', { headers: auth })).status).toBe(404);
    } finally {
      made.close();
    }
  });
});

describe('a person after a recompute', () => {
  it('sees their pathway re-planned under the new set, re-derived from their stored inputs', async () => {
    const TOKEN = 'test-admin-token-0123456789';
    const made = makeNodeApp({ adminToken: TOKEN });
    try {
      const f = (p: string) => Promise.resolve(made.app.request(p, { headers: { authorization: `Bearer ${TOKEN}` } }));
      await seedShippedEvidenceSet(made.database, content.evidence, new Date().toISOString());
      writePopulation(made.database, content, { staff: 60, bigTrustStaff: 20, bigSettingStaff: 10, seed: 5 });
      made.database.raw.prepare('UPDATE staff SET share_with_leader = 1').run();
      const ids = (made.database.raw.prepare('SELECT id FROM staff ORDER BY id').all() as { id: string }[]).map((r) => r.id);
      const shown = async (id: string) => (await (await f(`/v1/staff/${id}/pathway`)).json()) as { provenance: { evidenceSetId: string; inputHash: string }; steps: { moduleId: string; status: string }[] };
      const before = await Promise.all(ids.slice(0, 10).map(shown));
      expect(before.every((p) => p.provenance.evidenceSetId === content.evidence.id)).toBe(true);

      const setId = await publishRevision(made.database, content, 6);
      const deps = { database: made.database, content, now: () => new Date() };
      const started = await startRecompute(deps);
      if (!started.ok) throw new Error('recompute did not start');
      await runRecompute(deps, started.value.id, { chunk: 7 });

      const next = (await contentWithSet(deps, setId))!;
      const inputs = new Map((await latestPathwayInputs(made.database, null, 100)).map((p) => [p.staffId, p]));
      for (const id of ids.slice(0, 10)) {
        const after = await shown(id);
        const want = replan(next, inputs.get(id)!);
        expect(after.provenance).toEqual(want.provenance);
        expect(after.steps.filter((s) => s.status !== 'completed').map((s) => s.moduleId)).toEqual(
          expect.arrayContaining(want.pathway.steps.map((s) => s.moduleId)),
        );
      }
    } finally {
      made.close();
    }
  });
});
