// People who can sign in: staff, leaders (of a setting or a trust), panel experts and admins. Emails are unique.
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
  };
  return { row, query: db.insertInto('users').values(row).compile() };
}

export async function getUser(db: Kysely<DB>, id: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Kysely<DB>, email: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export function setPasswordQuery(db: Kysely<DB>, userId: string, passwordHash: string): CompiledQuery {
  return db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).compile();
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
