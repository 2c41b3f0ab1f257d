// What voiding a progress statement leaves behind: the person's other standing (unvoided) progress statements, and
// the writes that take back a start or completion no other evidence supports.
import type { CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema.js';

export interface ProgressStatementRow {
  readonly id: string;
  readonly verbId: string;
  readonly objectId: string;
  /** The statement's own time (UTC ISO). */
  readonly timestamp: string;
}

/** The person's statements with one of `verbs` that no statement has voided, excluding `except`. */
export async function standingProgressStatements(db: Kysely<DB>, staffId: string, verbs: readonly string[], except: ReadonlySet<string>): Promise<ProgressStatementRow[]> {
  const rows = await db
    .selectFrom('xapi_statements')
    .select(['id', 'verb_id', 'object_id', 'timestamp'])
    .where('staff_id', '=', staffId)
    .where('verb_id', 'in', [...verbs])
    .where('voided_by', 'is', null)
    .execute();
  return rows.filter((r) => !except.has(r.id)).map((r) => ({ id: r.id, verbId: r.verb_id, objectId: r.object_id, timestamp: r.timestamp }));
}

/** The module is no longer started or completed for the person. */
export const forgetProgressQuery = (db: Kysely<DB>, staffId: string, moduleId: string): CompiledQuery =>
  db.deleteFrom('progress').where('staff_id', '=', staffId).where('module_id', '=', moduleId).compile();

/** The module goes back to started (a start still stands, the completion does not). */
export const backToStartedQuery = (db: Kysely<DB>, staffId: string, moduleId: string): CompiledQuery =>
  db.updateTable('progress').set({ status: 'started', completed_at: null }).where('staff_id', '=', staffId).where('module_id', '=', moduleId).compile();

/** The completion stands on other statements: it dates from the earliest of them. */
export const completedAtQuery = (db: Kysely<DB>, staffId: string, moduleId: string, at: string): CompiledQuery =>
  db.updateTable('progress').set({ completed_at: at }).where('staff_id', '=', staffId).where('module_id', '=', moduleId).where('status', '=', 'completed').compile();

/** A check-in recorded from a statement that is now voided no longer counts (the person may check in again). */
export const forgetCheckInQuery = (db: Kysely<DB>, checkInId: string): CompiledQuery => db.deleteFrom('checkins').where('id', '=', checkInId).compile();
