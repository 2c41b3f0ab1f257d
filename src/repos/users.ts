// People who can sign in: staff, leaders (of a setting or a trust), panel experts and admins. An email is unique
// within one organisation (and among panel and admin accounts), so one organisation can neither block nor probe another.
import type { CompiledQuery, Kysely } from 'kysely';
import { newId } from './crypto.js';
import { chunks } from './page.js';
import type { DB, UserRole, UsersTable } from './schema.js';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  /** Setting (staff, setting leader) or trust (trust leader); null for panel and admin. */
  readonly orgId: string | null;
  /** False until an invite is accepted. */
  readonly hasPassword: boolean;
  readonly createdAt: string;
}

export function toUser(r: UsersTable): User {
  return { id: r.id, email: r.email, name: r.name, role: r.role, orgId: r.org_id, hasPassword: r.password_hash !== null, createdAt: r.created_at };
}

/** Emails compare case-insensitively; stored trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A new user row (no password yet) and the query that inserts it. */
export function newUser(db: Kysely<DB>, input: { email: string; name: string; role: UserRole; orgId: string | null }, now: Date): { row: UsersTable; query: CompiledQuery } {
  const row: UsersTable = {
    id: newId('usr', now),
    email: normaliseEmail(input.email),
    name: input.name,
    role: input.role,
    org_id: input.orgId,
    password_hash: null,
    created_at: now.toISOString(),
    activated_at: null,
  };
  return { row, query: db.insertInto('users').values(row).compile() };
}

export async function getUser(db: Kysely<DB>, id: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many accounts one email may sign in to (one per organisation); more are not tried at sign-in. */
export const MAX_ACCOUNTS_PER_EMAIL = 8;

/** The accounts with this email that have a password, oldest first (at most MAX_ACCOUNTS_PER_EMAIL). */
export async function findUsersByEmail(db: Kysely<DB>, email: string): Promise<UsersTable[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .where('password_hash', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(MAX_ACCOUNTS_PER_EMAIL)
    .execute();
}

/**
 * Sets the password the owner chose; the first time also marks the account activated (no one may re-invite it).
 * `now` defaults to the wall clock for seeding scripts; request paths pass the app's clock.
 */
export function setPasswordQuery(db: Kysely<DB>, userId: string, passwordHash: string, now: Date = new Date()): CompiledQuery {
  return db
    .updateTable('users')
    .set((eb) => ({ password_hash: passwordHash, activated_at: eb.fn.coalesce('activated_at', eb.val(now.toISOString())) }))
    .where('id', '=', userId)
    .compile();
}

/** Removes the password (an admin reset): the account cannot sign in until its owner uses the reset link. */
export function clearPasswordQuery(db: Kysely<DB>, userId: string): CompiledQuery {
  return db.updateTable('users').set({ password_hash: null }).where('id', '=', userId).compile();
}

export async function renameUser(db: Kysely<DB>, userId: string, name: string): Promise<void> {
  await db.updateTable('users').set({ name }).where('id', '=', userId).execute();
}

/** Users with any of the roles, optionally only those of the given orgs, by id. */
export async function listUsers(db: Kysely<DB>, roles: readonly UserRole[], orgIds?: readonly string[]): Promise<User[]> {
  let q = db.selectFrom('users').selectAll().where('role', 'in', roles);
  if (orgIds) {
    if (!orgIds.length) return [];
    q = q.where('org_id', 'in', orgIds);
  }
  return (await q.orderBy('id').execute()).map(toUser);
}

/** Of `ids`, the users who have set a password (accepted an invite). */
export async function usersWithPassword(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('users').select('id').where('id', 'in', part).where('password_hash', 'is not', null).execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}
