// Platform API keys per organisation: random, shown once, stored as SHA-256 with a visible prefix; scoped, revocable.
import type { Kysely } from 'kysely';
import { newId, randomToken, sha256Hex } from './crypto.js';
import { toPage, type Page, type PageRequest } from './page.js';
import type { ApiKeysTable, DB } from './schema.js';

export const KEY_PREFIX = 'spk_';
/** Characters of the key shown in listings so people can tell keys apart. */
const VISIBLE = 12;

export interface ApiKey {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  /** The first characters of the key, e.g. `spk_Ab3dE9xQ`. */
  readonly prefix: string;
  readonly scopes: string[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export function toApiKey(r: ApiKeysTable): ApiKey {
  return { id: r.id, orgId: r.org_id, name: r.name, prefix: r.prefix, scopes: JSON.parse(r.scopes) as string[], createdAt: r.created_at, revokedAt: r.revoked_at };
}

/** Creates a key; returns the record and the key itself, which is never stored or shown again. */
export async function createApiKey(
  db: Kysely<DB>,
  input: { orgId: string; name: string; scopes: readonly string[]; createdBy: string | null },
  now: Date,
): Promise<{ key: string; record: ApiKey }> {
  const key = KEY_PREFIX + randomToken(32);
  const row: ApiKeysTable = {
    id: newId('key', now),
    org_id: input.orgId,
    name: input.name,
    prefix: key.slice(0, VISIBLE),
    key_hash: await sha256Hex(key),
    scopes: JSON.stringify([...new Set(input.scopes)].sort()),
    created_by: input.createdBy,
    created_at: now.toISOString(),
    revoked_at: null,
  };
  await db.insertInto('api_keys').values(row).execute();
  return { key, record: toApiKey(row) };
}

/** The unrevoked key with this SHA-256, or null. */
export async function findActiveKey(db: Kysely<DB>, key: string): Promise<ApiKey | null> {
  const r = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', await sha256Hex(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r ? toApiKey(r) : null;
}

export async function getApiKey(db: Kysely<DB>, id: string): Promise<ApiKey | null> {
  const r = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toApiKey(r) : null;
}

/** Keys of one org (not those of settings under a trust), revoked ones included, by id. */
export async function listApiKeys(db: Kysely<DB>, orgId: string, page: PageRequest): Promise<Page<ApiKey>> {
  let q = db.selectFrom('api_keys').selectAll().where('org_id', '=', orgId);
  if (page.after) q = q.where('id', '>', page.after);
  return toPage(await q.orderBy('id').limit(page.limit + 1).execute(), page.limit, toApiKey);
}

/** Revokes the key (idempotent: a revoked key keeps its first revocation time). */
export async function revokeApiKey(db: Kysely<DB>, id: string, now: Date): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
