// Who is viewing a web page: the signed-in user behind the session cookie, or null for anonymous visitors.
import type { Context } from 'hono';
import type { AppEnv } from '../../env.js';
import { readSession } from '../../middleware/auth.js';

export interface WebUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: 'staff' | 'leader' | 'panel' | 'admin';
  /** The setting (staff, setting leader) or trust (trust leader); null for panel and admin. */
  readonly orgId: string | null;
  /** The staff record linked to this account, when the person is a member of staff. */
  readonly staffId: string | null;
}

const cache = new WeakMap<Context, Promise<WebUser | null>>();

/** The signed-in user for this request (looked up once per request). */
export function currentUser(c: Context): Promise<WebUser | null> {
  let p = cache.get(c);
  if (!p) {
    p = lookup(c);
    cache.set(c, p);
  }
  return p;
}

async function lookup(c: Context): Promise<WebUser | null> {
  const s = await readSession(c as Context<AppEnv>);
  if (!s) return null;
  const u = s.user;
  return { id: u.userId, name: u.name, email: u.email, role: u.role, orgId: u.orgId, staffId: u.staffId };
}
