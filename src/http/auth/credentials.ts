// Checking a password at sign-in and setting one from an invite or reset link, shared by the API and the web pages.
// One email may have an account in several organisations (one each); sign-in finds the one the password opens.
import type { Context } from 'hono';
import { auditQuery } from '../../repos/audit.js';
import { consumeInvite, findOpenInvite } from '../../repos/invites.js';
import { deleteUserSessionsQuery } from '../../repos/sessions.js';
import type { UsersTable } from '../../repos/schema.js';
import { findUsersByEmail, getUser, setPasswordQuery } from '../../repos/users.js';
import type { AppEnv } from '../env.js';
import { burnPasswordCheck, hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import { createSession } from './session.js';

/** Password checks every failed sign-in costs, so no, one or two accounts for an email take the same time. */
const MIN_CHECKS = 2;

/** The account that `password` opens among those with `email`, or null (after the same work either way). */
export async function checkCredentials(c: Context<AppEnv>, email: string, password: string): Promise<UsersTable | null> {
  const candidates = await findUsersByEmail(c.get('database').db, email);
  const checks = candidates.map((u) => verifyPassword(password, u.password_hash!));
  const burns = Array.from({ length: Math.max(0, MIN_CHECKS - candidates.length) }, () => burnPasswordCheck(password));
  const [results] = await Promise.all([Promise.all(checks), Promise.all(burns)]);
  const i = results.indexOf(true);
  return i >= 0 ? candidates[i]! : null;
}

export type AcceptResult = { ok: true; user: UsersTable; expiresAt: string } | { ok: false; reason: 'gone' } | { ok: false; reason: 'password'; problems: string[] };

/** The account an open invite (or reset) link is for, or undefined. */
export async function inviteAccount(c: Context<AppEnv>, token: string): Promise<UsersTable | undefined> {
  const db = c.get('database').db;
  const userId = token ? await findOpenInvite(db, token, c.get('clock')()) : null;
  return userId ? await getUser(db, userId) : undefined;
}

/**
 * Uses an invite or reset link: the owner's chosen password is set, every other session of the account ends and
 * this one starts (audited). A password that already opens another account with the same email is refused, so
 * sign-in always knows which account is meant; only someone who knows that password learns the account exists.
 */
export async function acceptInvite(c: Context<AppEnv>, token: string, password: string): Promise<AcceptResult> {
  const database = c.get('database');
  const now = c.get('clock')();
  const user = await inviteAccount(c, token);
  if (!user) return { ok: false, reason: 'gone' };
  const problems = passwordProblems(password, user.email);
  if (!problems.length) {
    const other = await checkCredentials(c, user.email, password);
    if (other && other.id !== user.id) problems.push('You use this password for another account with this email address; choose a different one.');
  }
  if (problems.length) return { ok: false, reason: 'password', problems };
  const hash = await hashPassword(password);
  if ((await consumeInvite(database.db, token, now)) !== user.id) return { ok: false, reason: 'gone' };
  const { expiresAt } = await createSession(c, user.id, [
    setPasswordQuery(database.db, user.id, hash, now),
    deleteUserSessionsQuery(database.db, user.id),
    auditQuery(database.db, { action: 'password.set', actor: { kind: 'user', id: user.id }, orgId: user.org_id, subjectUserId: user.id }, now),
  ]);
  return { ok: true, user: { ...user, password_hash: hash, activated_at: user.activated_at ?? now.toISOString() }, expiresAt };
}
