// Creating an account with its first invite in one atomic write (used by the API and the admin CLI).
import type { CompiledQuery } from 'kysely';
import type { Database } from './database.js';
import { newInvite } from './invites.js';
import type { UserRole } from './schema.js';
import { newUser, toUser, type User } from './users.js';

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
