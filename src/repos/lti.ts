// LTI 1.3 platforms registered per organisation, and the tool's own signing keys (published as a JWKS).
import type { Kysely } from 'kysely';
import { newId } from './crypto.js';
import type { DB, LtiPlatformsTable } from './schema.js';

export interface LtiPlatform {
  readonly id: string;
  readonly orgId: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly deploymentIds: string[];
  readonly jwksUrl: string;
  readonly authLoginUrl: string;
  readonly authTokenUrl: string | null;
  readonly createdAt: string;
}

const toPlatform = (r: LtiPlatformsTable): LtiPlatform => ({
  id: r.id,
  orgId: r.org_id,
  issuer: r.issuer,
  clientId: r.client_id,
  deploymentIds: JSON.parse(r.deployment_ids) as string[],
  jwksUrl: r.jwks_url,
  authLoginUrl: r.auth_login_url,
  authTokenUrl: r.auth_token_url,
  createdAt: r.created_at,
});

/** Inserts a platform; throws the driver's UNIQUE error when issuer + client id is registered already. */
export async function insertPlatform(db: Kysely<DB>, p: Omit<LtiPlatform, 'id' | 'createdAt'>, now: Date): Promise<LtiPlatform> {
  const row: LtiPlatformsTable = {
    id: newId('lti', now),
    org_id: p.orgId,
    issuer: p.issuer,
    client_id: p.clientId,
    deployment_ids: JSON.stringify([...new Set(p.deploymentIds)]),
    jwks_url: p.jwksUrl,
    auth_login_url: p.authLoginUrl,
    auth_token_url: p.authTokenUrl,
    created_at: now.toISOString(),
  };
  await db.insertInto('lti_platforms').values(row).execute();
  return toPlatform(row);
}

export async function getPlatform(db: Kysely<DB>, id: string): Promise<LtiPlatform | null> {
  const r = await db.selectFrom('lti_platforms').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPlatform(r) : null;
}

/** Platforms with this issuer (and client id, when given). */
export async function findPlatforms(db: Kysely<DB>, issuer: string, clientId?: string): Promise<LtiPlatform[]> {
  let q = db.selectFrom('lti_platforms').selectAll().where('issuer', '=', issuer);
  if (clientId) q = q.where('client_id', '=', clientId);
  return (await q.execute()).map(toPlatform);
}

export async function listPlatforms(db: Kysely<DB>, orgId: string): Promise<LtiPlatform[]> {
  return (await db.selectFrom('lti_platforms').selectAll().where('org_id', '=', orgId).orderBy('id').execute()).map(toPlatform);
}

export async function deletePlatform(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('lti_platforms').where('id', '=', id).execute();
}

export interface StoredKey {
  readonly kid: string;
  readonly privateJwk: string;
  readonly publicJwk: string;
}

export async function signingKeys(db: Kysely<DB>): Promise<StoredKey[]> {
  return (await db.selectFrom('signing_keys').selectAll().orderBy('created_at').execute()).map((r) => ({ kid: r.kid, privateJwk: r.private_jwk, publicJwk: r.public_jwk }));
}

/** Stores a key unless one exists already (two first requests racing keep one). */
export async function insertSigningKey(db: Kysely<DB>, k: StoredKey, now: Date): Promise<void> {
  await db.insertInto('signing_keys').values({ kid: k.kid, private_jwk: k.privateJwk, public_jwk: k.publicJwk, created_at: now.toISOString() }).onConflict((oc) => oc.doNothing()).execute();
}
