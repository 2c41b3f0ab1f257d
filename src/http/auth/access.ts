// Tenancy checks shared by routes: which organisations and staff records the caller may see, and page parameters.
// Anything outside the caller's organisation answers 404, so ids of other tenants reveal nothing.
import type { Context } from 'hono';
import { getOrg, type Org } from '../../repos/orgs.js';
import { decodeCursor, type PageRequest } from '../../repos/page.js';
import { getStaff, type Staff } from '../../repos/staff.js';
import type { AppEnv } from '../env.js';
import { ProblemError } from '../problem.js';
import type { Principal } from './principal.js';

/** Admins manage every org; leaders and API keys their own org and, for a trust, the settings under it. */
export function mayManageOrg(p: Principal | null, org: Org): boolean {
  if (!p) return false;
  if (p.role === 'admin') return true;
  if (p.kind === 'key' || p.role === 'leader') return p.orgId !== null && (org.id === p.orgId || org.trustId === p.orgId);
  return false;
}

/** The org if the caller may manage it; a 404 problem otherwise. */
export async function visibleOrg(c: Context<AppEnv>, orgId: string): Promise<Org> {
  const org = await getOrg(c.get('database').db, orgId);
  if (!org || !mayManageOrg(c.get('principal'), org)) throw new ProblemError('not-found', `No organisation ${orgId} is visible to you.`);
  return org;
}

/** As visibleOrg, and the org must be a setting (staff, assignments and invites belong to settings). */
export async function visibleSetting(c: Context<AppEnv>, orgId: string): Promise<Org> {
  const org = await visibleOrg(c, orgId);
  if (org.kind !== 'setting') {
    throw new ProblemError('validation', `${orgId} is a trust; staff belong to its settings. Use a setting id.`, [{ path: 'orgId', message: 'Must be a setting, not a trust.' }]);
  }
  return org;
}

/**
 * The staff record if the caller manages its setting, or (when `self` is allowed) it is the caller's own
 * record; a 404 problem otherwise.
 */
export async function visibleStaff(c: Context<AppEnv>, staffId: string, opts: { self: boolean }): Promise<Staff> {
  const p = c.get('principal');
  const staff = await getStaff(c.get('database').db, staffId);
  if (staff) {
    if (opts.self && p?.kind === 'user' && p.staffId === staff.id) return staff;
    const setting = await getOrg(c.get('database').db, staff.settingId);
    if (setting && mayManageOrg(p, setting)) return staff;
  }
  throw new ProblemError('not-found', `No member of staff ${staffId} is visible to you.`);
}

/** True when the caller is the person themselves (not their leader or a key). */
export function isSelf(p: Principal | null, staff: Staff): boolean {
  return p?.kind === 'user' && p.staffId === staff.id;
}

/** The caller's own staff record (403 for accounts without one, e.g. panel experts). */
export async function ownStaff(c: Context<AppEnv>): Promise<Staff> {
  const p = c.get('principal');
  const staff = p?.kind === 'user' && p.staffId ? await getStaff(c.get('database').db, p.staffId) : null;
  if (!staff) throw new ProblemError('forbidden', 'Your account has no staff record; ask your leader to add you to a setting.');
  return staff;
}

/** Parses `cursor` and `limit` query values into a page request (422 for a cursor we did not issue). */
export function pageRequest(q: { cursor?: string | undefined; limit?: number | undefined }): PageRequest {
  let after: string | undefined;
  if (q.cursor !== undefined) {
    const id = decodeCursor(q.cursor);
    if (!id) throw new ProblemError('validation', 'The cursor is not one this service issued.', [{ path: 'cursor', message: 'Use nextCursor from a previous page.' }]);
    after = id;
  }
  return { after, limit: q.limit ?? 50 };
}
