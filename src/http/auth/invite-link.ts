// The link a person follows to accept an invite (this site's /invite page), and the invite as the API shows it once.
import type { Context } from 'hono';

/** Absolute URL of the invite page for `token` (the request log records paths, never query strings). */
export function inviteUrl(c: Context, token: string): string {
  return `${new URL(c.req.url).origin}/invite?token=${encodeURIComponent(token)}`;
}

/** The one-time invite body: token and link, shown once. */
export function inviteView(c: Context, made: { user: { id: string }; token: string; expiresAt: string }) {
  return { userId: made.user.id, token: made.token, url: inviteUrl(c, made.token), expiresAt: made.expiresAt };
}
