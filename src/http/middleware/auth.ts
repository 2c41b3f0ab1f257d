// Authentication and role checks: resolves the caller once per request, API and pages alike (Bearer API key or
// ADMIN_TOKEN, else session cookie) into c.get('principal'), and guards routes by role and key scope. Re-exports the
// session helpers for pages.
import type { Context, MiddlewareHandler } from 'hono';
import { findActiveKey, KEY_PREFIX } from '../../repos/api-keys.js';
import { sha256Hex, timingSafeEqual } from '../../repos/crypto.js';
import type { Principal, Role, Scope } from '../auth/principal.js';
import { readSession, sessionPrincipal } from '../auth/session.js';
import type { AppEnv } from '../env.js';
import { ProblemError, sendProblem } from '../problem.js';

export { createSession, destroySession } from '../auth/session.js';

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/=-]{16,200})$/i;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="send-pathways"' };

/**
 * Sets `principal` on every request: a Bearer credential must be valid (401 otherwise, even on public routes, so a
 * revoked key is noticed); else a valid session cookie; else null. Unsafe API requests authenticated by cookie must
 * come from this site (Origin / Sec-Fetch-Site), as a second line behind SameSite=Lax; pages leave that check to
 * their CSRF middleware, which answers with a page.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const m = BEARER.exec(header.trim());
      if (!m) return sendProblem(c, 'unauthorized', 'Send credentials as `Authorization: Bearer <key>`.', undefined, CHALLENGE);
      const token = m[1]!;
      const adminToken = c.get('config').adminToken;
      let principal: Principal | null = null;
      // Digests first, so the comparison reveals neither content nor length of the configured token.
      if (adminToken && timingSafeEqual(await sha256Hex(token), await sha256Hex(adminToken))) principal = { kind: 'admin-token', role: 'admin' };
      else if (token.startsWith(KEY_PREFIX)) {
        const key = await findActiveKey(c.get('database').db, token);
        if (key) principal = { kind: 'key', role: 'platform', keyId: key.id, orgId: key.orgId, scopes: key.scopes };
      }
      if (!principal && !adminToken && !token.startsWith(KEY_PREFIX)) {
        return sendProblem(c, 'forbidden', 'This server has no ADMIN_TOKEN configured, so only API keys (spk_…) are accepted as bearer credentials.');
      }
      if (!principal) return sendProblem(c, 'unauthorized', 'The API key is not known or has been revoked.', undefined, CHALLENGE);
      c.set('principal', principal);
      return next();
    }
    const session = await readSession(c);
    if (session && UNSAFE.has(c.req.method) && isApiPath(c.req.path) && !fromThisSite(c.req.header('origin'), c.req.header('sec-fetch-site'), c.req.url)) {
      return sendProblem(c, 'forbidden', 'Cross-site requests cannot use your session.');
    }
    c.set('principal', session ? sessionPrincipal(session) : null);
    return next();
  };
}

const isApiPath = (path: string) => path === '/v1' || path.startsWith('/v1/');

/** False when the browser says the request comes from another site (host compared, so TLS proxies pass). */
function fromThisSite(origin: string | undefined, fetchSite: string | undefined, url: string): boolean {
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === new URL(url).host;
  } catch {
    return false;
  }
}

export interface AccessRule {
  /** Roles allowed; `platform` means API keys. */
  readonly roles: readonly Role[];
  /** The scope an API key needs (keys without it get 403). */
  readonly scope?: Scope | undefined;
}

/** Route guard: 401 without credentials, 403 for a role (or key scope) the route does not allow. */
export function requireAuth(rule: AccessRule): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = c.get('principal');
    if (!p) return sendProblem(c, 'unauthorized', 'Sign in, or send an API key as `Authorization: Bearer <key>`.', undefined, CHALLENGE);
    if (!rule.roles.includes(p.role)) return sendProblem(c, 'forbidden', `This needs one of these roles: ${rule.roles.join(', ')}.`);
    if (p.kind === 'key' && rule.scope && !p.scopes.includes(rule.scope)) {
      return sendProblem(c, 'forbidden', `This API key lacks the scope \`${rule.scope}\`.`);
    }
    return next();
  };
}

/**
 * Inline role check for routes whose rule depends on the request (e.g. drafts visible only to the panel): throws a
 * 401 problem without credentials, 403 for another role.
 */
export function assertRole(c: Context<AppEnv>, roles: readonly Role[]): void {
  const p = c.get('principal');
  if (!p) throw new ProblemError('unauthorized', 'Sign in, or send an API key as `Authorization: Bearer <key>`.', undefined, CHALLENGE);
  if (!roles.includes(p.role)) throw new ProblemError('forbidden', `This needs one of these roles: ${roles.join(', ')}.`);
}

/** For public routes: anyone may call, but an API key must carry `scope` (403 otherwise). */
export function requireScopeForKeys(scope: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = c.get('principal');
    if (p?.kind === 'key' && !p.scopes.includes(scope)) return sendProblem(c, 'forbidden', `This API key lacks the scope \`${scope}\`.`);
    return next();
  };
}

/** For pages and routes only people may use: a session whose user has one of `roles` (401 / 403 otherwise). */
export function requireUser(roles: readonly Exclude<Role, 'platform'>[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = c.get('principal');
    if (!p) return sendProblem(c, 'unauthorized', 'Sign in to continue.');
    if (p.kind !== 'user') return sendProblem(c, 'forbidden', 'This is for signed-in people, not API keys or the admin token.');
    if (!roles.includes(p.role)) return sendProblem(c, 'forbidden', `This needs one of these roles: ${roles.join(', ')}.`);
    return next();
  };
}
