// The link a person follows to accept an invite (this site's /invite page), and the invite as the API shows it once.
import type { Context } from 'hono';

/** Absolute URL of the invite page for `token` (the request log records paths, never query strings). */
export function inviteUrl(c: Context, token: string): string {
  return `${new URL(c.req.url).origin}/invite?token=${encodeURIComponent(token)}`;
}

/**
 * Marks the response as carrying a one-time secret: never cached, and not kept for Idempotency-Key replays (a retry
 * with the same key is told the request already succeeded; the secret is stored nowhere but in its hash).
 */
export function oneTimeSecret(c: Context): void {
  c.header('Cache-Control', 'no-store');
}

/** The one-time invite body: token and link, shown once. */
export function inviteView(c: Context, made: { user: { id: string }; token: string; expiresAt: string }) {
  oneTimeSecret(c);
  return { userId: made.user.id, token: made.token, url: inviteUrl(c, made.token), expiresAt: made.expiresAt };
}
