// The key that signs web cookies and CSRF tokens: config.sessionSecret (set by the entry from SESSION_SECRET, or
// generated on Node), else a fixed public fallback that is the same in every process and isolate.
//
// Why a public fallback is acceptable: the CSRF cookie is a random __Host- cookie (no subdomain or plain-http site can
// set it, SameSite=Lax), so an attacker cannot learn or plant the id the token is bound to; and the journey cookie is
// the visitor's own answers, validated on every read. A configured secret adds defence in depth; a random per-process
// key would instead break forms after every restart and across Workers isolates.
import type { Context } from 'hono';

export const FALLBACK_SECRET = 'send-pathways/web-cookies/v1 (set SESSION_SECRET to replace)';

/** The secret for signing web cookies; the entry files decide what counts as configured. */
export function webSecret(c: Context): string {
  const configured = (c.get('config') as { sessionSecret?: string } | undefined)?.sessionSecret;
  return configured ?? FALLBACK_SECRET;
}
