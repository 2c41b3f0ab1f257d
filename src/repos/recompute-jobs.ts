// Recompute jobs and the plans they write: the job row (progress and cursor), the stream of each person's latest
// pathway inputs in staff-id order, and one chunk's plans with the job's advance as a single atomic write.
import { sql, type CompiledQuery } from 'kysely';
import type { Database } from './database.js';
import { ASSESSMENT_ANSWERS, withAnswers } from './pathways.js';
import { chunksOfJson } from './bulk-json.js';
import type { Selectable } from 'kysely';
import type { PathwayPlansTable, RecomputeJobsTable } from './schema.js';

export interface RecomputeJob {
  readonly id: string;
  readonly evidenceSetId: string;
  readonly status: 'running' | 'completed';
  readonly total: number;
  readonly done: number;
  readonly cursor: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
  /** The run that wrote the last chunk (see writeRecomputeChunk), null before the first. */
  readonly runner: string | null;
}

/** A person's latest stored pathway, as much of it as a re-plan reads (JSON texts left unparsed). */
export interface PathwayInputs {
  readonly staffId: string;
  readonly pathwayId: string;
  readonly cause: 'assessment' | 'checkin';
  /** The engine request as stored, with its assessment's answers put back (JSON; read it with parseStoredRequest). */
  readonly request: string;
  readonly inputHash: string;
  /** The response's profile (JSON) for check-in pathways stored with their response (before migration 0012). */
  readonly profile: string | null;
  /** The stored derivation (JSON) of pathways stored as their inputs; null for plain recommendations. */
  readonly derivation: string | null;
}

export type NewPlan = Omit<PathwayPlansTable, 'job_id' | 'created_at'>;

function toJob(r: Selectable<RecomputeJobsTable>): RecomputeJob {
  return {
    id: r.id,
    evidenceSetId: r.evidence_set_id,
    status: r.status,
    total: r.total,
    done: r.done,
    cursor: r.cursor,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
    runner: r.runner,
  };
}

export async function getRecomputeJob(database: Database, id: string): Promise<RecomputeJob | null> {
  const r = await database.db.selectFrom('recompute_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toJob(r) : null;
}

/** The newest job for evidence set `setId`, if it ever had one. */
export async function latestRecomputeJobFor(database: Database, setId: string): Promise<RecomputeJob | null> {
  const r = await database.db.selectFrom('recompute_jobs').selectAll().where('evidence_set_id', '=', setId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? toJob(r) : null;
}

/** The job still running (or stopped part-way), if any: at most one exists. */
export async function runningRecomputeJob(database: Database): Promise<RecomputeJob | null> {
  const r = await database.db.selectFrom('recompute_jobs').selectAll().where('status', '=', 'running').executeTakeFirst();
  return r ? toJob(r) : null;
}

/** How many people have at least one stored pathway. */
export async function countPeopleWithPathways(database: Database): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM staff s WHERE EXISTS (SELECT 1 FROM pathways p WHERE p.staff_id = s.id)`.execute(database.db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Inserts a running job; throws a uniqueness violation when another job is running. */
export async function insertRecomputeJob(database: Database, job: { id: string; evidenceSetId: string; total: number; now: string }): Promise<void> {
  const q = database.db
    .insertInto('recompute_jobs')
    .values({ id: job.id, evidence_set_id: job.evidenceSetId, status: 'running', total: job.total, cursor: null, created_at: job.now, updated_at: job.now, finished_at: null })
    .compile();
  await database.atomic([q]);
}

/**
 * Up to `limit` people after staff id `after` (null: from the start), in staff-id order, with their latest
 * pathway's inputs. People without a pathway are skipped.
 */
export async function latestPathwayInputs(database: Database, after: string | null, limit: number): Promise<PathwayInputs[]> {
  const r = await sql<{ staff_id: string; id: string; cause: 'assessment' | 'checkin'; request: string; answers: string | null; input_hash: string; profile: string | null; derivation: string | null }>`
    SELECT s.id AS staff_id, p.id, p.cause, p.request, ${ASSESSMENT_ANSWERS('p')} AS answers, p.input_hash, p.derivation,
      CASE WHEN p.cause = 'checkin' AND p.response <> '' THEN json_extract(p.response, '$.profile') END AS profile
    FROM staff s JOIN pathways p ON p.id = (SELECT max(q.id) FROM pathways q WHERE q.staff_id = s.id)
    WHERE s.id > ${after ?? ''}
    ORDER BY s.id
    LIMIT ${limit}`.execute(database.db);
  return r.rows.map((x) => ({
    staffId: x.staff_id,
    pathwayId: x.id,
    cause: x.cause,
    request: withAnswers(x.request, x.answers),
    inputHash: x.input_hash,
    profile: x.profile,
    derivation: x.derivation,
  }));
}

/** Where a run of a job is: its name, and the cursor it read the chunk it is writing after. */
export interface RunPosition {
  readonly id: string;
  readonly runner: string;
  /** The job's cursor when the run read this chunk's people (null before the first chunk). */
  readonly after: string | null;
}

/**
 * One chunk as one atomic write: its plans (replacing each person's previous plan) and the job's advance to
 * `cursor` (the chunk's last staff id) under the run's name; `finished` also marks the job completed. Both apply
 * only while the job is running and still at the cursor the run read (`after`): when another run of the job has
 * moved it on since, the chunk writes nothing, and the run finds that run's name on the job. The plans go in as few
 * INSERTs as their JSON allows (one for a chunk of 500), each reading its rows from one bound JSON array
 * (json_each), so a statement binds few parameters on D1 as on SQLite, and Node prepares it once.
 */
export async function writeRecomputeChunk(
  database: Database,
  job: RunPosition & { cursor: string; plans: readonly NewPlan[]; finished: boolean; now: string },
): Promise<void> {
  const queries: CompiledQuery[] = chunksOfJson(job.plans).map(
    (json) => sql`INSERT OR REPLACE INTO pathway_plans (staff_id, pathway_id, job_id, evidence_set_id, algorithm_version, input_hash, module_ids, total_minutes, created_at)
      SELECT json_extract(value, '$.staff_id'), json_extract(value, '$.pathway_id'), ${job.id}, json_extract(value, '$.evidence_set_id'),
        json_extract(value, '$.algorithm_version'), json_extract(value, '$.input_hash'), json_extract(value, '$.module_ids'),
        json_extract(value, '$.total_minutes'), ${job.now}
      FROM json_each(${json})
      WHERE EXISTS (SELECT 1 FROM recompute_jobs WHERE id = ${job.id} AND status = 'running' AND cursor IS ${job.after})
      ORDER BY key`.compile(database.db),
  );
  queries.push(
    database.db
      .updateTable('recompute_jobs')
      .set((eb) => ({
        done: eb('done', '+', job.plans.length),
        cursor: job.cursor,
        runner: job.runner,
        updated_at: job.now,
        ...(job.finished ? { status: 'completed' as const, finished_at: job.now } : {}),
      }))
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('cursor', 'is', job.after)
      .compile(),
  );
  await database.atomic(queries);
}

/** Marks a job completed (a job whose last chunk was empty), if it is still at the cursor the run read. */
export async function finishRecomputeJob(database: Database, job: RunPosition & { now: string }): Promise<void> {
  await database.atomic([
    database.db
      .updateTable('recompute_jobs')
      .set({ status: 'completed', finished_at: job.now, updated_at: job.now, runner: job.runner })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('cursor', 'is', job.after)
      .compile(),
  ]);
}

export interface StoredPlan {
  readonly staffId: string;
  readonly pathwayId: string;
  readonly evidenceSetId: string;
  readonly algorithmVersion: string;
  readonly inputHash: string;
  readonly moduleIds: readonly string[];
  readonly totalMinutes: number;
}

/** Each listed person's plan, if they have one. */
export async function plansFor(database: Database, staffIds: readonly string[]): Promise<Map<string, StoredPlan>> {
  const out = new Map<string, StoredPlan>();
  for (let i = 0; i < staffIds.length; i += 90) {
    const rows = await database.db.selectFrom('pathway_plans').selectAll().where('staff_id', 'in', staffIds.slice(i, i + 90)).execute();
    for (const r of rows) {
      out.set(r.staff_id, {
        staffId: r.staff_id,
        pathwayId: r.pathway_id,
        evidenceSetId: r.evidence_set_id,
        algorithmVersion: r.algorithm_version,
        inputHash: r.input_hash,
        moduleIds: r.module_ids ? r.module_ids.split(',') : [],
        totalMinutes: r.total_minutes,
      });
    }
  }
  return out;
}
