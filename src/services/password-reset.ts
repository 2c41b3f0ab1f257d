// Password resets by email: an administrator's reset emails its link to the person, and a person who forgot their
// password asks for a link by email address. Asking always gets the same answer and never changes the password;
// the link (an hour, single use) sets a new one through the same invite path. Sending runs after the answer, so
// neither the answer nor its timing says whether an account exists.
import { resetMessage } from '../integrations/mail.js';
import { auditQuery } from '../repos/audit.js';
import { newInvite, RESET_TTL_MS } from '../repos/invites.js';
import { getOrg } from '../repos/orgs.js';
import { findUsersByEmail } from '../repos/users.js';
import { invitePageUrl } from './invites.js';
import type { Deps } from './deps.js';

/** Emails an administrator's reset link; true when sent, false when refused, undefined without a mailer. */
export async function mailAdminReset(deps: Deps, made: { user: { email: string; name: string; orgId: string | null }; token: string; expiresAt: string }): Promise<boolean | undefined> {
  const mailer = deps.config.mailer;
  if (!mailer) return undefined;
  const org = made.user.orgId ? await getOrg(deps.database.db, made.user.orgId) : null;
  try {
    await mailer.send(resetMessage({ to: made.user.email, name: made.user.name, orgName: org?.name ?? null, url: invitePageUrl(deps.origin, made.token), expiresAt: made.expiresAt, byAdmin: true }));
    return true;
  } catch (e) {
    console.error(JSON.stringify({ level: 'error', msg: 'reset email failed', requestId: deps.requestId, error: String(e).slice(0, 300) }));
    return false;
  }
}

/** Issues and emails a reset link to each account with this email and a password (one per organisation). */
async function sendResetLinks(deps: Deps, email: string): Promise<void> {
  const mailer = deps.config.mailer!;
  const database = deps.database;
  const now = deps.now();
  for (const user of await findUsersByEmail(database.db, email)) {
    const link = await newInvite(database.db, user.id, null, now, RESET_TTL_MS);
    await database.atomic([...link.queries, auditQuery(database.db, { action: 'password.reset', actor: { kind: 'user', id: user.id }, orgId: user.org_id, subjectUserId: user.id, detail: 'link emailed on request' }, now)]);
    const org = user.org_id ? await getOrg(database.db, user.org_id) : null;
    await mailer.send(resetMessage({ to: user.email, name: user.name, orgName: org?.name ?? null, url: invitePageUrl(deps.origin, link.token), expiresAt: link.expiresAt, byAdmin: false }));
  }
}

/** True when this server can email reset links (a mailer is configured). */
export const canEmailResets = (deps: Deps): boolean => !!deps.config.mailer;

/**
 * Starts emailing reset links for `email` after the response (Workers: waitUntil; Node: the promise runs on).
 * Failures are logged, never shown: the caller always answers the same way.
 */
export function requestPasswordReset(deps: Deps, email: string): Promise<void> {
  const run = sendResetLinks(deps, email).catch((e: unknown) => {
    console.error(JSON.stringify({ level: 'error', msg: 'reset link not sent', requestId: deps.requestId, error: String(e).slice(0, 300) }));
  });
  deps.background(run);
  return run;
}
