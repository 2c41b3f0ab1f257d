// The key that signs web cookies and CSRF tokens: config.sessionSecret, else a SESSION_SECRET binding (Workers),
// else a fixed public fallback that is the same in every process and isolate.
//
// Why a public fallback is acceptable: the CSRF cookie is a random __Host- cookie (no subdomain or plain-http site can
// set it, SameSite=Lax), so an attacker cannot learn or plant the id the token is bound to; and the journey cookie is
// the visitor's own answers, validated on every read. A configured secret adds defence in depth; a random per-process
// key would instead break forms after every restart and across Workers isolates.
import type { Context } from 'hono';

export const FALLBACK_SECRET = 'send-pathways/web-cookies/v1 (set SESSION_SECRET to replace)';

/** The secret for signing web cookies (a configured one must be at least 16 characters). */
export function webSecret(c: Context): string {
  const config = (c.get('config') ?? {}) as Record<string, unknown>;
  const bindings = (c.env ?? {}) as Record<string, unknown>;
  for (const v of [config.sessionSecret, bindings.SESSION_SECRET]) {
    if (typeof v === 'string' && v.length >= 16) return v;
  }
  return FALLBACK_SECRET;
}
