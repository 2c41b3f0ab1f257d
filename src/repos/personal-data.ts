// A person's data rights: everything held about them as one export, and the queries that erase it.
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { listAssessments } from './assessments.js';
import { auditAbout, auditQuery, eraseAuditQueries, type AuditActor } from './audit.js';
import { sha256Hex } from './crypto.js';
import type { Database } from './database.js';
import { assignmentsFor } from './assignments.js';
import { listCheckIns } from './checkins.js';
import { allPathways, type Rederive } from './pathways.js';
import { listProgress } from './progress.js';
import type { DB } from './schema.js';
import { getStaff } from './staff.js';
import { getUser, toUser } from './users.js';
import { statementsAbout } from './xapi-statements.js';

/** Everything stored about a user and their staff record (answers included: it is their own data). */
export async function exportPerson(db: Kysely<DB>, ids: { userId: string | null; staffId: string | null }, rederive: Rederive) {
  const user = ids.userId ? await getUser(db, ids.userId) : undefined;
  const staff = ids.staffId ? await getStaff(db, ids.staffId) : null;
  const sessions = ids.userId
    ? await db.selectFrom('sessions').select(['created_at as createdAt', 'expires_at as expiresAt']).where('user_id', '=', ids.userId).orderBy('created_at').execute()
    : [];
  const auditEvents = await auditAbout(db, ids);
  // Accounts at an identity provider or learning platform linked to this one (issuer and subject, never tokens).
  const externalIdentities = ids.userId
    ? await db
        .selectFrom('external_identities')
        .select(['kind', 'issuer', 'subject', 'created_at as linkedAt', 'last_used_at as lastUsedAt'])
        .where('user_id', '=', ids.userId)
        .orderBy('created_at')
        .execute()
    : [];
  if (!staff) return { user: user ? toUser(user) : null, sessions, auditEvents, externalIdentities, staff: null };
  return {
    user: user ? toUser(user) : null,
    sessions,
    auditEvents,
    externalIdentities,
    staff,
    xapiStatements: await statementsAbout(db, staff.id),
    assessments: (await listAssessments(db, staff.id, { limit: 100_000 })).data,
    pathways: await allPathways(db, staff.id, rederive),
    progress: await listProgress(db, staff.id),
    checkIns: await listCheckIns(db, staff.id),
    assignments: await assignmentsFor(db, staff),
  };
}

export interface PersonIds {
  readonly userId: string | null;
  readonly staffId: string | null;
  /** Their email, so stored responses that show it (e.g. a leader's replayable "staff added") go too. */
  readonly email?: string | null | undefined;
}

/**
 * The deletes that erase a person: their staff record and everything hanging off it (answers, pathways,
 * progress, check-ins, person-targeted assignments), their account, sessions, invites, the audit events about
 * them, and every stored idempotent response that shows them, whoever's it is (a leader's "staff added" reply
 * holds their name and email). De-identified module observations stay (they hold no person id). Run atomically.
 */
export function erasePersonQueries(db: Kysely<DB>, ids: PersonIds): CompiledQuery[] {
  const q: CompiledQuery[] = [];
  const { staffId, userId } = ids;
  const shown = [staffId, userId, ids.email].filter((x): x is string => !!x);
  if (shown.length) {
    q.push(db.deleteFrom('idempotency_keys').where((eb) => eb.or(shown.map((x) => eb(sql<number>`instr(body, ${x})`, '>', 0)))).compile());
  }
  q.push(...eraseAuditQueries(db, ids));
  if (staffId) {
    q.push(db.deleteFrom('checkins').where('staff_id', '=', staffId).compile());
    q.push(db.deleteFrom('pathways').where('staff_id', '=', staffId).compile());
    q.push(db.deleteFrom('staff_coverage').where('staff_id', '=', staffId).compile());
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

/**
 * Erases a person atomically, records the erasure (by whom, in which organisation, and a SHA-256 of the erased id
 * so an operator restoring an older copy can find and erase them again), then scrubs the storage where it can.
 */
export async function erasePerson(database: Database, ids: PersonIds, by: { actor: AuditActor; orgId: string | null }, now: Date): Promise<void> {
  const fingerprint = await sha256Hex(ids.staffId ?? ids.userId ?? '');
  // A person erasing themselves is not named as the actor either.
  const self = by.actor.kind === 'user' && by.actor.id !== null && by.actor.id === ids.userId;
  const actor = self ? { kind: 'user' as const, id: null } : by.actor;
  await database.atomic([
    ...erasePersonQueries(database.db, ids),
    auditQuery(database.db, { action: 'person.erased', actor, orgId: by.orgId, targetId: fingerprint, detail: self ? 'self' : ids.staffId ? 'staff' : 'account' }, now),
  ]);
  await database.scrub();
}
