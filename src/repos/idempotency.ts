// Idempotency-Key records per credential: a claim with the request hash, then the response to replay on retries.
import type { Kysely } from 'kysely';
import type { DB, IdempotencyKeysTable } from './schema.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** How long an unfinished claim blocks retries (a crashed request frees its key after this). */
export const IDEMPOTENCY_LOCK_SECONDS = 60;

export type IdempotencyRecord = Pick<IdempotencyKeysTable, 'request_hash' | 'status' | 'content_type' | 'body' | 'created_at'>;

export async function findIdempotency(db: Kysely<DB>, scope: string, key: string, nowIso: string): Promise<IdempotencyRecord | null> {
  const r = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status', 'content_type', 'body', 'created_at'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
  return r ?? null;
}

/**
 * Claims the key for this request; false when another claim holds it. An expired record, or an unfinished
 * claim older than the lock, is replaced.
 */
export async function claimIdempotency(db: Kysely<DB>, scope: string, key: string, requestHash: string, now: Date): Promise<boolean> {
  const nowIso = now.toISOString();
  const staleClaim = new Date(now.getTime() - IDEMPOTENCY_LOCK_SECONDS * 1000).toISOString();
  await db
    .deleteFrom('idempotency_keys')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where((eb) => eb.or([eb('expires_at', '<=', nowIso), eb.and([eb('status', 'is', null), eb('created_at', '<=', staleClaim)])]))
    .execute();
  const r = await db
    .insertInto('idempotency_keys')
    .values({
      scope,
      key,
      request_hash: requestHash,
      status: null,
      content_type: null,
      body: null,
      created_at: nowIso,
      expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000).toISOString(),
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function completeIdempotency(db: Kysely<DB>, scope: string, key: string, res: { status: number; contentType: string | null; body: string }): Promise<void> {
  await db.updateTable('idempotency_keys').set({ status: res.status, content_type: res.contentType, body: res.body }).where('scope', '=', scope).where('key', '=', key).execute();
}

/** Frees a claim whose request failed on our side, so the client may retry. */
export async function releaseIdempotency(db: Kysely<DB>, scope: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).where('status', 'is', null).execute();
}

/** Drops expired records (called now and then, not on every request). */
export async function purgeIdempotency(db: Kysely<DB>, nowIso: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('expires_at', '<=', nowIso).execute();
}
