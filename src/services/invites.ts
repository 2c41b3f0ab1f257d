// Invites for members of staff, for the API (/v1/staff/{id}/invite, new staff with `invite: true`) and the leader
// dashboard alike: creates and links the person's account if needed, then issues a one-time invite link. An account
// whose owner has set a password is never re-invited: only its owner (or an audited admin reset) may change it.
import { createAccountWithInvite } from '../repos/accounts.js';
import { auditQuery, type AuditActor } from '../repos/audit.js';
import { isUniqueViolation } from '../repos/database.js';
import { newInvite } from '../repos/invites.js';
import { linkUserQuery, type Staff } from '../repos/staff.js';
import { getUser } from '../repos/users.js';
import { succeed, type Failure, type Outcome } from './outcome.js';
import type { Deps } from './deps.js';

/** How many days an invite link works. */
export { INVITE_TTL_DAYS } from '../repos/invites.js';

/** Absolute URL of the invite page for `token` (the request log records paths, never query strings). */
export function invitePageUrl(origin: string, token: string): string {
  return `${origin}/invite?token=${encodeURIComponent(token)}`;
}

/** The one-time invite body: token and link (the route marks its answer as not to be cached or replayed). */
function inviteView(origin: string, made: { user: { id: string }; token: string; expiresAt: string }): StaffInvite {
  return { userId: made.user.id, token: made.token, url: invitePageUrl(origin, made.token), expiresAt: made.expiresAt };
}

/** The invite as shown once: the account it signs in to, the token, the link to follow and when it stops working. */
export interface StaffInvite {
  readonly userId: string;
  readonly token: string;
  readonly url: string;
  readonly expiresAt: string;
}

/**
 * Why no invite was made: the record has no email; another account of the same setting has the email; or the
 * person has set a password already (re-inviting would let the inviter replace it and sign in as them).
 */
export type InviteFailure = Failure<'no-email' | 'email-taken' | 'already-active'>;

/**
 * A one-time invite for `staff`, issued by `actor` (audited): a fresh invite replacing any unused one when the
 * record's account is not yet activated, else a new staff account linked to the record in the same write.
 */
export async function inviteStaff(deps: Deps, staff: Staff, actor: AuditActor): Promise<Outcome<StaffInvite, InviteFailure>> {
  if (!staff.email) return { ok: false, reason: 'no-email', problems: [{ kind: 'validation', path: 'email', message: 'Required to invite.' }] };
  const database = deps.database;
  const now = deps.now();
  const byUserId = actor.kind === 'user' ? actor.id : null;
  const audit = (userId: string) =>
    auditQuery(database.db, { action: 'invite.issued', actor, orgId: staff.settingId, subjectUserId: userId, subjectStaffId: staff.id }, now);
  if (staff.userId) {
    const user = await getUser(database.db, staff.userId);
    if (user && (user.activated_at !== null || user.password_hash !== null)) {
      return { ok: false, reason: 'already-active', problems: [{ kind: 'conflict', path: 'staffId', message: 'This person has set their own password.' }] };
    }
    const inv = await newInvite(database.db, staff.userId, byUserId, now);
    await database.atomic([...inv.queries, audit(staff.userId)]);
    return succeed(inviteView(deps.origin, { user: { id: staff.userId }, token: inv.token, expiresAt: inv.expiresAt }));
  }
  try {
    const made = await createAccountWithInvite(database, { email: staff.email, name: staff.name, role: 'staff', orgId: staff.settingId }, byUserId, now, (userId) => [
      linkUserQuery(database.db, staff.id, userId, now),
      audit(userId),
    ]);
    return succeed(inviteView(deps.origin, made));
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return { ok: false, reason: 'email-taken', problems: [{ kind: 'conflict', path: 'email', message: 'Another account of this setting has this email address.' }] };
  }
}
