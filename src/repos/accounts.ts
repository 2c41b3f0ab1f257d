// Creating an account with its first invite, and an administrator's password reset, each in one atomic write
// (used by the API and the admin CLI).
import type { CompiledQuery } from 'kysely';
import { auditQuery, type AuditActor } from './audit.js';
import type { Database } from './database.js';
import { newInvite } from './invites.js';
import type { UserRole } from './schema.js';
import { deleteUserSessionsQuery } from './sessions.js';
import { clearPasswordQuery, getUser, newUser, toUser, type User } from './users.js';

export interface AccountWithInvite {
  readonly user: User;
  /** Shown once. */
  readonly token: string;
  readonly expiresAt: string;
}

/**
 * Inserts a user (no password) and a single-use invite, plus any `alsoRun` queries (e.g. linking a staff
 * record), atomically. Throws the driver's UNIQUE error when the email is taken.
 */
export async function createAccountWithInvite(
  database: Database,
  input: { email: string; name: string; role: UserRole; orgId: string | null },
  createdBy: string | null,
  now: Date,
  alsoRun: (userId: string) => readonly CompiledQuery[] = () => [],
): Promise<AccountWithInvite> {
  const { row, query } = newUser(database.db, input, now);
  const invite = await newInvite(database.db, row.id, createdBy, now);
  await database.atomic([query, ...invite.queries, ...alsoRun(row.id)]);
  return { user: toUser(row), token: invite.token, expiresAt: invite.expiresAt };
}

/**
 * An administrator's password reset (until email delivery exists): removes the password, ends every session,
 * withdraws unused invites and issues a single-use reset link for the owner to choose a new password, with the
 * audit event, in one atomic write. Null when there is no such user.
 */
export async function resetPassword(database: Database, userId: string, actor: AuditActor, now: Date): Promise<AccountWithInvite | null> {
  const row = await getUser(database.db, userId);
  if (!row) return null;
  const invite = await newInvite(database.db, row.id, actor.kind === 'user' ? actor.id : null, now);
  await database.atomic([
    clearPasswordQuery(database.db, row.id),
    deleteUserSessionsQuery(database.db, row.id),
    ...invite.queries,
    auditQuery(database.db, { action: 'password.reset', actor, orgId: row.org_id, subjectUserId: row.id }, now),
  ]);
  return { user: toUser({ ...row, password_hash: null }), token: invite.token, expiresAt: invite.expiresAt };
}
