// A person's data rights: everything held about them as one export, and the queries that erase it.
import type { CompiledQuery, Kysely } from 'kysely';
import { listAssessments } from './assessments.js';
import { assignmentsFor } from './assignments.js';
import { listCheckIns } from './checkins.js';
import { allPathways } from './pathways.js';
import { listProgress } from './progress.js';
import type { DB } from './schema.js';
import { getStaff } from './staff.js';
import { getUser, toUser } from './users.js';

/** Everything stored about a user and their staff record (answers included: it is their own data). */
export async function exportPerson(db: Kysely<DB>, ids: { userId: string | null; staffId: string | null }) {
  const user = ids.userId ? await getUser(db, ids.userId) : undefined;
  const staff = ids.staffId ? await getStaff(db, ids.staffId) : null;
  const sessions = ids.userId
    ? await db.selectFrom('sessions').select(['created_at as createdAt', 'expires_at as expiresAt']).where('user_id', '=', ids.userId).orderBy('created_at').execute()
    : [];
  if (!staff) return { user: user ? toUser(user) : null, sessions, staff: null };
  return {
    user: user ? toUser(user) : null,
    sessions,
    staff,
    assessments: (await listAssessments(db, staff.id, { limit: 100_000 })).data,
    pathways: await allPathways(db, staff.id),
    progress: await listProgress(db, staff.id),
    checkIns: await listCheckIns(db, staff.id),
    assignments: await assignmentsFor(db, staff),
  };
}

/**
 * The deletes that erase a person: their staff record and everything hanging off it (answers, pathways,
 * progress, check-ins, person-targeted assignments), their account, sessions, invites and stored
 * idempotent responses. De-identified module observations stay (they hold no person id). Run atomically.
 */
export function erasePersonQueries(db: Kysely<DB>, ids: { userId: string | null; staffId: string | null }): CompiledQuery[] {
  const q: CompiledQuery[] = [];
  const { staffId, userId } = ids;
  if (staffId) {
    q.push(db.deleteFrom('checkins').where('staff_id', '=', staffId).compile());
    q.push(db.deleteFrom('pathways').where('staff_id', '=', staffId).compile());
    q.push(db.deleteFrom('assessments').where('staff_id', '=', staffId).compile());
    q.push(db.deleteFrom('progress').where('staff_id', '=', staffId).compile());
    q.push(db.deleteFrom('assignments').where('target_staff_id', '=', staffId).compile());
    q.push(db.deleteFrom('staff').where('id', '=', staffId).compile());
  }
  if (userId) {
    q.push(db.deleteFrom('idempotency_keys').where('scope', '=', `user:${userId}`).compile());
    q.push(db.deleteFrom('sessions').where('user_id', '=', userId).compile());
    q.push(db.deleteFrom('invites').where('user_id', '=', userId).compile());
    q.push(db.deleteFrom('users').where('id', '=', userId).compile());
  }
  return q;
}
