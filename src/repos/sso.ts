// Single sign-on and LTI state: OIDC connections per organisation, one-time login states (state, nonce, PKCE
// verifier), used id_token nonces, and the external identities (issuer + subject) linked to accounts.
import type { CompiledQuery, Kysely } from 'kysely';
import { newId } from './crypto.js';
import type { DB, LoginStatesTable, OidcConnectionsTable } from './schema.js';

export interface OidcConnection {
  readonly id: string;
  readonly orgId: string;
  readonly issuer: string;
  readonly clientId: string;
  /** Never shown after creation; null for a public client (PKCE only). */
  readonly clientSecret: string | null;
  readonly domains: string[];
  readonly createdAt: string;
}

const toConnection = (r: OidcConnectionsTable): OidcConnection => ({
  id: r.id,
  orgId: r.org_id,
  issuer: r.issuer,
  clientId: r.client_id,
  clientSecret: r.client_secret,
  domains: JSON.parse(r.domains) as string[],
  createdAt: r.created_at,
});

export async function insertConnection(db: Kysely<DB>, c: Omit<OidcConnection, 'id' | 'createdAt'>, now: Date): Promise<OidcConnection> {
  const row: OidcConnectionsTable = {
    id: newId('sso', now),
    org_id: c.orgId,
    issuer: c.issuer,
    client_id: c.clientId,
    client_secret: c.clientSecret,
    domains: JSON.stringify(c.domains),
    created_at: now.toISOString(),
  };
  await db.insertInto('oidc_connections').values(row).execute();
  return toConnection(row);
}

export async function getConnection(db: Kysely<DB>, id: string): Promise<OidcConnection | null> {
  const r = await db.selectFrom('oidc_connections').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toConnection(r) : null;
}

export async function listConnections(db: Kysely<DB>, orgId?: string): Promise<OidcConnection[]> {
  let q = db.selectFrom('oidc_connections').selectAll();
  if (orgId) q = q.where('org_id', '=', orgId);
  return (await q.orderBy('id').execute()).map(toConnection);
}

export async function deleteConnection(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('oidc_connections').where('id', '=', id).execute();
}

export async function insertLoginState(db: Kysely<DB>, row: LoginStatesTable): Promise<void> {
  await db.deleteFrom('login_states').where('expires_at', '<', new Date().toISOString()).execute();
  await db.insertInto('login_states').values(row).execute();
}

/** Takes the state out (single use) if it exists, is of `kind` and unexpired; null otherwise. */
export async function consumeLoginState(db: Kysely<DB>, state: string, kind: 'oidc' | 'lti', now: Date): Promise<LoginStatesTable | null> {
  const r = await db.deleteFrom('login_states').where('state', '=', state).where('kind', '=', kind).returningAll().executeTakeFirst();
  return r && r.expires_at > now.toISOString() ? r : null;
}

/** Records a used nonce; false when it was used already (a replay). */
export async function useNonce(db: Kysely<DB>, issuer: string, nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
  await db.deleteFrom('used_nonces').where('expires_at', '<', now.toISOString()).execute();
  const r = await db.insertInto('used_nonces').values({ issuer, nonce, expires_at: expiresAt.toISOString() }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findIdentity(db: Kysely<DB>, issuer: string, subject: string): Promise<string | null> {
  const r = await db.selectFrom('external_identities').select('user_id').where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
  return r?.user_id ?? null;
}

/** Links issuer + subject to the user (or notes its use again). */
export function linkIdentityQuery(db: Kysely<DB>, i: { issuer: string; subject: string; userId: string; kind: 'oidc' | 'lti' }, now: Date): CompiledQuery {
  const at = now.toISOString();
  return db
    .insertInto('external_identities')
    .values({ issuer: i.issuer, subject: i.subject, user_id: i.userId, kind: i.kind, created_at: at, last_used_at: at })
    .onConflict((oc) => oc.columns(['issuer', 'subject']).doUpdateSet({ last_used_at: at }))
    .compile();
}
