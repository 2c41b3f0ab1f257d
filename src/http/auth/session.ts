// Cookie sessions for people: create on sign-in, read per request, destroy on sign-out. The cookie value is a
// random 256-bit token; only its SHA-256 is stored. Cookie: __Host-sp_session; HttpOnly, Secure, SameSite=Lax.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CompiledQuery } from 'kysely';
import { randomToken, sha256Hex } from '../../repos/crypto.js';
import { deleteExpiredSessionsQuery, deleteSession, findSessionUser, insertSessionQuery, type SessionUser } from '../../repos/sessions.js';
import type { AppEnv } from '../env.js';
import type { UserPrincipal } from './principal.js';

/** Cookie name without its `__Host-` prefix (Hono adds the prefix). */
export const SESSION_COOKIE = 'sp_session';
/** The full cookie name as browsers send it. */
export const SESSION_COOKIE_HEADER_NAME = `__Host-${SESSION_COOKIE}`;
/** Absolute session lifetime. */
export const SESSION_TTL_HOURS = 12;

export interface ReadSession {
  readonly user: SessionUser;
  /** SHA-256 of the cookie value. */
  readonly tokenHash: string;
}

/**
 * Starts a session for `userId` and sets the cookie. `alsoRun` queries (e.g. setting a password) are applied
 * atomically with the session insert.
 */
export async function createSession(c: Context<AppEnv>, userId: string, alsoRun: readonly CompiledQuery[] = []): Promise<{ expiresAt: string }> {
  const database = c.get('database');
  const now = c.get('clock')();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_HOURS * 3_600_000).toISOString();
  await database.atomic([
    ...alsoRun,
    deleteExpiredSessionsQuery(database.db, userId, now.toISOString()),
    insertSessionQuery(database.db, { tokenHash: await sha256Hex(token), userId, createdAt: now.toISOString(), expiresAt }),
  ]);
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    prefix: 'host',
    maxAge: SESSION_TTL_HOURS * 3600,
  });
  return { expiresAt };
}

/** The signed-in user of this request (with their staff id), or null when there is no valid, unexpired session. */
export async function readSession(c: Context<AppEnv>): Promise<ReadSession | null> {
  const token = getCookie(c, SESSION_COOKIE, 'host');
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const tokenHash = await sha256Hex(token);
  const user = await findSessionUser(c.get('database').db, tokenHash, c.get('clock')().toISOString());
  return user ? { user, tokenHash } : null;
}

/** Ends the request's session (if any) and clears the cookie. */
export async function destroySession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE, 'host');
  if (token) await deleteSession(c.get('database').db, await sha256Hex(token));
  if (c.get('principal')?.kind === 'user') c.set('principal', null);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, prefix: 'host' });
}

/** The principal a read session stands for. */
export function sessionPrincipal(s: ReadSession): UserPrincipal {
  const u = s.user;
  return { kind: 'user', role: u.role, userId: u.userId, name: u.name, email: u.email, orgId: u.orgId, staffId: u.staffId, sessionHash: s.tokenHash };
}
