// Panel judgements: one submission per expert per draft evidence set (a resubmission replaces the earlier one).
// Migration 0002 rejects inserts for sets that are not drafts, whichever code path writes.
import type { CompiledQuery } from 'kysely';
import type { Database } from './database.js';

export interface JudgementRecord<B = unknown> {
  readonly id: string;
  readonly evidenceSetId: string;
  readonly expert: string;
  /** Relative weight of the expert in aggregation, >= 0. */
  readonly weight: number;
  readonly body: B;
  readonly submittedAt: string;
}

/** Delete-then-insert for (set, expert): run both in one atomic() call so a resubmission never leaves two or none. */
export function upsertJudgementQueries(database: Database, j: JudgementRecord): CompiledQuery[] {
  const { db } = database;
  return [
    db.deleteFrom('judgements').where('evidence_set_id', '=', j.evidenceSetId).where('expert', '=', j.expert).compile(),
    db
      .insertInto('judgements')
      .values({
        id: j.id,
        evidence_set_id: j.evidenceSetId,
        expert: j.expert,
        weight: j.weight,
        body: JSON.stringify(j.body),
        submitted_at: j.submittedAt,
      })
      .compile(),
  ];
}

/** Every submission for a set, by expert name. */
export async function listJudgements<B = unknown>(database: Database, evidenceSetId: string): Promise<JudgementRecord<B>[]> {
  const rows = await database.db
    .selectFrom('judgements')
    .selectAll()
    .where('evidence_set_id', '=', evidenceSetId)
    .orderBy('expert')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    evidenceSetId: r.evidence_set_id,
    expert: r.expert,
    weight: r.weight,
    body: JSON.parse(r.body) as B,
    submittedAt: r.submitted_at,
  }));
}

/** True when `expert` already has a submission for the set. */
export async function hasJudgement(database: Database, evidenceSetId: string, expert: string): Promise<boolean> {
  const row = await database.db
    .selectFrom('judgements')
    .select('id')
    .where('evidence_set_id', '=', evidenceSetId)
    .where('expert', '=', expert)
    .executeTakeFirst();
  return row !== undefined;
}
