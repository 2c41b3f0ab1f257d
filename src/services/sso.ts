// Who a verified external identity signs in as, within one organisation: the account already linked to the
// issuer + subject, else the account with that verified email, else the staff record with that email (an account is
// made and linked). Never an account of another organisation, never panel or admin accounts.
import type { CompiledQuery } from 'kysely';
import { getOrg, settingIdsUnder } from '../repos/orgs.js';
import { findIdentity, linkIdentityQuery, listConnections, type OidcConnection } from '../repos/sso.js';
import { linkUserQuery } from '../repos/staff.js';
import { getUser, newUser, normaliseEmail } from '../repos/users.js';
import type { UsersTable } from '../repos/schema.js';
import { cachedMetadata } from '../integrations/oidc.js';
import { ProblemError } from './problems.js';
import type { Deps } from './deps.js';

export interface ExternalPerson {
  readonly issuer: string;
  readonly subject: string;
  readonly kind: 'oidc' | 'lti';
  readonly email: string | null;
  readonly name: string | null;
}

/** The org and the settings under it (a trust's settings, or the setting itself). */
async function orgScope(deps: Deps, orgId: string): Promise<Set<string>> {
  const org = await getOrg(deps.database.db, orgId);
  if (!org) return new Set();
  return new Set([org.id, ...(await settingIdsUnder(deps.database.db, org))]);
}

const refuse = (detail: string): never => {
  throw new ProblemError('forbidden', detail);
};

/**
 * The user id the person signs in as, with the writes that link them (identity, and a new account when a staff
 * record matches). Throws a 403 problem naming why when the person has no account in the organisation.
 */
export async function resolveAccount(deps: Deps, orgId: string, p: ExternalPerson): Promise<{ userId: string; queries: CompiledQuery[] }> {
  const db = deps.database.db;
  const now = deps.now();
  const scope = await orgScope(deps, orgId);
  const inScope = (u: UsersTable | undefined) => u && u.org_id !== null && scope.has(u.org_id) && (u.role === 'staff' || u.role === 'leader');
  const linked = await findIdentity(db, p.issuer, p.subject);
  if (linked) {
    const user = await getUser(db, linked);
    if (!inScope(user)) refuse('This identity is linked to an account outside this organisation.');
    return { userId: linked, queries: [linkIdentityQuery(db, { issuer: p.issuer, subject: p.subject, userId: linked, kind: p.kind }, now)] };
  }
  if (!p.email) refuse('The sign-in did not include an email address, so no account can be matched.');
  const email = normaliseEmail(p.email!);
  // Emails are unique per organisation, not across the service: prefer this organisation's account. The identity
  // provider has proven the person owns the email, so telling them their account is elsewhere leaks nothing.
  const accounts = await db.selectFrom('users').selectAll().where('email', '=', email).orderBy('created_at').orderBy('id').execute();
  const user = accounts.find((u) => inScope(u)) ?? accounts[0];
  if (user) {
    if (!inScope(user)) refuse('The account with this email belongs to another organisation; sign in there, or with your password.');
    return { userId: user.id, queries: [linkIdentityQuery(db, { issuer: p.issuer, subject: p.subject, userId: user.id, kind: p.kind }, now)] };
  }
  const staff = await db.selectFrom('staff').select(['id', 'setting_id', 'name']).where('email', '=', email).where('user_id', 'is', null).execute();
  const match = staff.filter((s) => scope.has(s.setting_id));
  if (match.length !== 1) refuse(match.length ? 'More than one staff record has this email; ask your leader to fix the staff list.' : 'No account or staff record in this organisation has this email; ask your leader to add you.');
  const s = match[0]!;
  const made = newUser(db, { email, name: p.name || s.name, role: 'staff', orgId: s.setting_id }, now);
  return {
    userId: made.row.id,
    queries: [made.query, linkUserQuery(db, s.id, made.row.id, now), linkIdentityQuery(db, { issuer: p.issuer, subject: p.subject, userId: made.row.id, kind: p.kind }, now)],
  };
}

/** A same-site path to go to after signing in (anything else becomes `/`). */
export function safeReturn(path: string | null | undefined): string {
  return path && /^\/(?![/\\])[\x21-\x7e]*$/.test(path) ? path : '/';
}

/**
 * The one connection whose domains include the email's domain, or why there is none (no domain, none, several).
 */
export async function connectionForEmail(deps: Deps, email: string): Promise<{ connection: OidcConnection } | { problem: string }> {
  const domain = email.trim().toLowerCase().split('@')[1];
  if (!domain) return { problem: 'Enter your work email address, like name@school.example.org.uk' };
  const all = (await listConnections(deps.database.db)).filter((k) => k.domains.includes(domain));
  if (all.length === 1) return { connection: all[0]! };
  return {
    problem: all.length
      ? 'More than one organisation uses this email domain; use the sign-in link your setting gave you'
      : `No setting signs in with ${domain} accounts here; sign in with your password`,
  };
}

/**
 * The origins a school-account sign-in may be sent on to (each connection's issuer and, once discovered, its
 * authorization endpoint), or null when no organisation has single sign-on connected.
 */
export async function ssoFormTargets(deps: Deps): Promise<string[] | null> {
  const all = await listConnections(deps.database.db);
  if (!all.length) return null;
  const origins = new Set<string>();
  for (const k of all) {
    for (const url of [k.issuer, cachedMetadata(k.issuer)?.authorization_endpoint]) {
      if (url && URL.canParse(url)) origins.add(new URL(url).origin);
    }
  }
  return [...origins];
}
