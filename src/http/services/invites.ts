// Invites for members of staff, for the API (/v1/staff/{id}/invite, new staff with `invite: true`) and the leader
// dashboard alike: creates and links the person's account if needed, then issues a one-time invite link.
import type { Context } from 'hono';
import { createAccountWithInvite } from '../../repos/accounts.js';
import { isUniqueViolation } from '../../repos/database.js';
import { newInvite } from '../../repos/invites.js';
import { linkUserQuery, type Staff } from '../../repos/staff.js';
import { getUser } from '../../repos/users.js';
import { inviteView } from '../auth/invite-link.js';
import type { AppEnv } from '../env.js';
import { succeed, type Failure, type Outcome } from './outcome.js';

type C = Context<AppEnv>;

/** The invite as shown once: the account it signs in to, the token, the link to follow and when it stops working. */
export interface StaffInvite {
  readonly userId: string;
  readonly token: string;
  readonly url: string;
  readonly expiresAt: string;
}

/** Why no invite was made: the record has no email, the email belongs to another account, or (when refused) the person has a password already. */
export type InviteFailure = Failure<'no-email' | 'email-taken' | 'already-active'>;

export interface InviteOptions {
  /** Refuse (`already-active`) when the person's account already has a password, rather than issue a link that would replace it. */
  readonly onlyWithoutPassword?: boolean;
}

/**
 * A one-time invite for `staff`, issued by the user `byUserId` (null for an API key): a fresh invite replacing any
 * unused one when the record has an account, else a new staff account linked to the record in the same write.
 */
export async function inviteStaff(c: C, staff: Staff, byUserId: string | null, options: InviteOptions = {}): Promise<Outcome<StaffInvite, InviteFailure>> {
  if (!staff.email) return { ok: false, reason: 'no-email', problems: [{ kind: 'validation', path: 'email', message: 'Required to invite.' }] };
  const database = c.get('database');
  const now = c.get('clock')();
  if (staff.userId) {
    const user = options.onlyWithoutPassword ? await getUser(database.db, staff.userId) : undefined;
    if (user && user.password_hash !== null) {
      return { ok: false, reason: 'already-active', problems: [{ kind: 'conflict', path: 'userId', message: 'The account has a password already.' }] };
    }
    const inv = await newInvite(database.db, staff.userId, byUserId, now);
    await database.atomic(inv.queries);
    return succeed(inviteView(c, { user: { id: staff.userId }, token: inv.token, expiresAt: inv.expiresAt }));
  }
  try {
    const made = await createAccountWithInvite(database, { email: staff.email, name: staff.name, role: 'staff', orgId: staff.settingId }, byUserId, now, (userId) => [
      linkUserQuery(database.db, staff.id, userId, now),
    ]);
    return succeed(inviteView(c, made));
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return { ok: false, reason: 'email-taken', problems: [{ kind: 'conflict', path: 'email', message: 'Another account has this email address.' }] };
  }
}
