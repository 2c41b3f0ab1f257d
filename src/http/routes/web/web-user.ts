// Who is viewing a web page: the signed-in person the authenticate middleware resolved for this request, or null
// (anonymous visitors, and API keys or the admin token, which do not sign in to pages).
import type { Context } from 'hono';
import type { UserPrincipal } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';

/** A signed-in person as pages see them: the request's user principal itself. */
export type WebUser = UserPrincipal;

/** The signed-in person of this request; read from `principal`, never looked up again. */
export function currentUser(c: Context<AppEnv>): UserPrincipal | null {
  const p = c.get('principal');
  return p?.kind === 'user' ? p : null;
}
