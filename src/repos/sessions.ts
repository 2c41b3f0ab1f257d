// Sign-in sessions: the SHA-256 of the cookie value, the user and an absolute expiry.
import type { CompiledQuery, Kysely } from 'kysely';
import type { DB, UserRole } from './schema.js';

export interface SessionUser {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly orgId: string | null;
  /** The staff record linked to this user, if any. */
  readonly staffId: string | null;
  readonly expiresAt: string;
}

export function insertSessionQuery(db: Kysely<DB>, s: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }): CompiledQuery {
  return db
    .insertInto('sessions')
    .values({ token_hash: s.tokenHash, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt })
    .compile();
}

/** The user of an unexpired session, with their staff id; null when unknown or expired. */
export async function findSessionUser(db: Kysely<DB>, tokenHash: string, nowIso: string): Promise<SessionUser | null> {
  const r = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('staff', 'staff.user_id', 'users.id')
    .select(['users.id as userId', 'users.email', 'users.name', 'users.role', 'users.org_id as orgId', 'staff.id as staffId', 'sessions.expires_at as expiresAt'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', nowIso)
    .executeTakeFirst();
  return r ?? null;
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user (after a password change, invite acceptance or removal). */
export function deleteUserSessionsQuery(db: Kysely<DB>, userId: string): CompiledQuery {
  return db.deleteFrom('sessions').where('user_id', '=', userId).compile();
}

/** Removes a user's expired sessions (kept tidy at each sign-in). */
export function deleteExpiredSessionsQuery(db: Kysely<DB>, userId: string, nowIso: string): CompiledQuery {
  return db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', nowIso).compile();
}
