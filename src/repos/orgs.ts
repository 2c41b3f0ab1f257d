// Organisations: trusts and the settings (schools, nurseries, colleges) they contain; settings may stand alone.
import type { Kysely } from 'kysely';
import type { Phase } from '../domain/types.js';
import { newId } from './crypto.js';
import { toPage, type Page, type PageRequest } from './page.js';
import type { DB, OrgKind, OrgsTable, SettingType } from './schema.js';

export interface Org {
  readonly id: string;
  readonly kind: OrgKind;
  readonly name: string;
  /** The trust a setting belongs to; null for trusts and standalone settings. */
  readonly trustId: string | null;
  readonly settingType: SettingType | null;
  /** Default phase for staff of a setting. */
  readonly phase: Phase | null;
  readonly urn: string | null;
  readonly ukprn: string | null;
  readonly createdAt: string;
}

export interface NewOrg {
  readonly kind: OrgKind;
  readonly name: string;
  readonly trustId?: string | null | undefined;
  readonly settingType?: SettingType | null | undefined;
  readonly phase?: Phase | null | undefined;
  readonly urn?: string | null | undefined;
  readonly ukprn?: string | null | undefined;
}

export function toOrg(r: OrgsTable): Org {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    trustId: r.parent_id,
    settingType: r.setting_type,
    phase: r.phase as Phase | null,
    urn: r.urn,
    ukprn: r.ukprn,
    createdAt: r.created_at,
  };
}

/** Inserts an org; throws the driver's UNIQUE error when the URN or UKPRN is taken. */
export async function createOrg(db: Kysely<DB>, input: NewOrg, now: Date): Promise<Org> {
  const row: OrgsTable = {
    id: newId(input.kind === 'trust' ? 'trs' : 'set', now),
    kind: input.kind,
    parent_id: input.kind === 'setting' ? (input.trustId ?? null) : null,
    name: input.name,
    setting_type: input.kind === 'setting' ? (input.settingType ?? null) : null,
    phase: input.kind === 'setting' ? (input.phase ?? null) : null,
    urn: input.urn ?? null,
    ukprn: input.ukprn ?? null,
    created_at: now.toISOString(),
  };
  await db.insertInto('orgs').values(row).execute();
  return toOrg(row);
}

export async function getOrg(db: Kysely<DB>, id: string): Promise<Org | null> {
  const r = await db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toOrg(r) : null;
}

/** Orgs by id order; `within` limits to one org and the settings under it (null = every org). */
export async function listOrgs(db: Kysely<DB>, within: string | null, page: PageRequest): Promise<Page<Org>> {
  let q = db.selectFrom('orgs').selectAll();
  if (within !== null) q = q.where((eb) => eb.or([eb('id', '=', within), eb('parent_id', '=', within)]));
  if (page.after) q = q.where('id', '>', page.after);
  const rows = await q.orderBy('id').limit(page.limit + 1).execute();
  return toPage(rows, page.limit, toOrg);
}

export type OrgPatch = Partial<Pick<NewOrg, 'name' | 'phase' | 'urn' | 'ukprn' | 'settingType'>>;

/** Updates the given fields; returns the updated org (null if it does not exist). */
export async function updateOrg(db: Kysely<DB>, id: string, patch: OrgPatch): Promise<Org | null> {
  const set: Partial<OrgsTable> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.phase !== undefined) set.phase = patch.phase;
  if (patch.urn !== undefined) set.urn = patch.urn;
  if (patch.ukprn !== undefined) set.ukprn = patch.ukprn;
  if (patch.settingType !== undefined) set.setting_type = patch.settingType;
  if (Object.keys(set).length) await db.updateTable('orgs').set(set).where('id', '=', id).execute();
  return getOrg(db, id);
}

/** The setting ids an org covers: itself for a setting, its settings for a trust. */
export async function settingIdsUnder(db: Kysely<DB>, org: Org): Promise<string[]> {
  if (org.kind === 'setting') return [org.id];
  const rows = await db.selectFrom('orgs').select('id').where('parent_id', '=', org.id).orderBy('id').execute();
  return rows.map((r) => r.id);
}
