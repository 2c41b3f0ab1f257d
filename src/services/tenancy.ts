// Who may manage an organisation, for the API, the pages and the CLIs alike: admins every one; leaders and API keys
// their own organisation and, for a trust, the settings under it. Everyone else none.
import { getOrg, type Org } from '../repos/orgs.js';
import type { Deps } from './deps.js';

/** Who acts: an API principal or a signed-in person (the rule reads only these fields). */
export interface Actor {
  readonly kind?: string;
  readonly role: string;
  readonly orgId?: string | null;
}

export function mayManageOrg(who: Actor | null | undefined, org: Org): boolean {
  if (!who) return false;
  if (who.role === 'admin') return true;
  if (who.kind === 'key' || who.role === 'leader') return who.orgId != null && (org.id === who.orgId || org.trustId === who.orgId);
  return false;
}

/** The organisation `orgId`, or null when there is none. */
export function orgById(deps: Deps, orgId: string): Promise<Org | null> {
  return getOrg(deps.database.db, orgId);
}

/** The setting `settingId` when `who` may manage it; null when it is unknown, a trust, or not theirs. */
export async function managedSetting(deps: Deps, who: Actor | null | undefined, settingId: string): Promise<Org | null> {
  const org = await getOrg(deps.database.db, settingId);
  return org && org.kind === 'setting' && mayManageOrg(who, org) ? org : null;
}

/** The trust of `setting` when `who` may manage the trust too (its endpoints and modules then apply); else null. */
export async function managedTrustOf(deps: Deps, who: Actor | null | undefined, setting: Org): Promise<Org | null> {
  if (!setting.trustId) return null;
  const trust = await getOrg(deps.database.db, setting.trustId);
  return trust && mayManageOrg(who, trust) ? trust : null;
}

/** The settings a person may open a dashboard for: their own, or those under their trust (none without an org). */
export async function settingsOf(deps: Deps, who: Actor): Promise<Org[]> {
  const db = deps.database.db;
  if (!who.orgId) return [];
  const org = await getOrg(db, who.orgId);
  if (!org) return [];
  if (org.kind === 'setting') return [org];
  const rows = await db.selectFrom('orgs').select('id').where('parent_id', '=', org.id).orderBy('name').execute();
  const out: Org[] = [];
  for (const r of rows) {
    const o = await getOrg(db, r.id);
    if (o) out.push(o);
  }
  return out;
}

/** Every setting by name, for an administrator choosing one. */
export function allSettings(deps: Deps): Promise<{ id: string; name: string }[]> {
  return deps.database.db.selectFrom('orgs').select(['id', 'name']).where('kind', '=', 'setting').orderBy('name').execute();
}
