// Emails an invite that the invite services made, when the server has a mailer; the invite itself is unchanged and
// still shown once, with `emailed` saying whether the message went (absent when email is not configured).
import { inviteMessage } from '../integrations/mail.js';
import { getOrg } from '../repos/orgs.js';
import type { Deps } from './deps.js';

export interface InviteToMail {
  readonly url: string;
  readonly expiresAt: string;
}

/** Sends the invite to `to`; a transport failure is logged and reported as `emailed: false`, never an error. */
export async function deliverInvite<T extends InviteToMail>(deps: Deps, invite: T, to: { email: string; name: string; orgId?: string | null }): Promise<T & { emailed?: boolean }> {
  const mailer = deps.config.mailer;
  if (!mailer) return invite;
  const org = to.orgId ? await getOrg(deps.database.db, to.orgId) : null;
  try {
    await mailer.send(inviteMessage({ to: to.email, name: to.name, orgName: org?.name ?? null, url: invite.url, expiresAt: invite.expiresAt }));
    return { ...invite, emailed: true };
  } catch (e) {
    console.error(JSON.stringify({ level: 'error', msg: 'invite email failed', requestId: deps.requestId, error: String(e).slice(0, 300) }));
    return { ...invite, emailed: false };
  }
}
