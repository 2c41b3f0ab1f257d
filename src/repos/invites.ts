// Single-use, expiring invites that let a user set their password; only the token's SHA-256 is stored.
import type { CompiledQuery, Kysely } from 'kysely';
import { randomToken, sha256Hex } from './crypto.js';
import { chunks } from './page.js';
import type { DB } from './schema.js';

/** How long an invite link works. */
export const INVITE_TTL_DAYS = 7;

export interface NewInvite {
  /** Shown once, never stored. */
  readonly token: string;
  readonly expiresAt: string;
  /** Withdraws the user's earlier unused invites, then inserts this one. */
  readonly queries: CompiledQuery[];
}

/** How long a password-reset link a person asked for works. */
export const RESET_TTL_MS = 60 * 60_000;

/** A fresh invite (or reset link) for `userId`, replacing any unused one; it works for `ttlMs` (default 7 days). */
export async function newInvite(db: Kysely<DB>, userId: string, createdBy: string | null, now: Date, ttlMs = INVITE_TTL_DAYS * 86_400_000): Promise<NewInvite> {
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  return {
    token,
    expiresAt,
    queries: [
      db.deleteFrom('invites').where('user_id', '=', userId).where('used_at', 'is', null).compile(),
      db
        .insertInto('invites')
        .values({ token_hash: await sha256Hex(token), user_id: userId, created_by: createdBy, created_at: now.toISOString(), expires_at: expiresAt })
        .compile(),
    ],
  };
}

/** The user of an unused, unexpired invite, without using it up; null otherwise. */
export async function findOpenInvite(db: Kysely<DB>, token: string, now: Date): Promise<string | null> {
  const r = await db
    .selectFrom('invites')
    .select('user_id')
    .where('token_hash', '=', await sha256Hex(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return r?.user_id ?? null;
}

/**
 * Marks the invite used if it exists, is unused and unexpired; returns its user id, or null.
 * One conditional UPDATE, so two racing acceptances cannot both succeed.
 */
export async function consumeInvite(db: Kysely<DB>, token: string, now: Date): Promise<string | null> {
  const hash = await sha256Hex(token);
  const nowIso = now.toISOString();
  const r = await db
    .updateTable('invites')
    .set({ used_at: nowIso })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .returning('user_id')
    .executeTakeFirst();
  return r?.user_id ?? null;
}

/** Of `userIds`, those with an unused, unexpired invite. */
export async function usersWithOpenInvite(db: Kysely<DB>, userIds: readonly string[], now: Date): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(userIds)) {
    const rows = await db.selectFrom('invites').select('user_id').where('user_id', 'in', part).where('used_at', 'is', null).where('expires_at', '>', now.toISOString()).execute();
    for (const r of rows) out.add(r.user_id);
  }
  return out;
}
