// Members of staff in a setting: name, optional email, job role, phase, named groups and their sharing choice.
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Phase, Role } from '../domain/types.js';
import { newId } from './crypto.js';
import { toPage, type Page, type PageRequest } from './page.js';
import type { DB, StaffTable } from './schema.js';
import { normaliseEmail } from './users.js';
import { chunksOfJson } from './bulk-json.js';

export interface Staff {
  readonly id: string;
  readonly settingId: string;
  readonly userId: string | null;
  readonly name: string;
  readonly email: string | null;
  readonly jobRole: Role;
  readonly phase: Phase;
  readonly groups: string[];
  /** The person lets their leader see their individual answers. */
  readonly shareWithLeader: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewStaff {
  readonly name: string;
  readonly email?: string | null | undefined;
  readonly jobRole: Role;
  readonly phase: Phase;
  readonly groups?: readonly string[] | undefined;
}

type Row = Omit<StaffTable, 'groups' | 'share_with_leader'> & { groups: string; share_with_leader: number };

export function toStaff(r: Row): Staff {
  return {
    id: r.id,
    settingId: r.setting_id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    jobRole: r.job_role as Role,
    phase: r.phase as Phase,
    groups: JSON.parse(r.groups) as string[],
    shareWithLeader: r.share_with_leader === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Group names are trimmed and lower-cased, duplicates dropped, sorted. */
export function normaliseGroups(groups: readonly string[]): string[] {
  return [...new Set(groups.map((g) => g.trim().toLowerCase()).filter(Boolean))].sort();
}

/** A new staff row and the query that inserts it (throws UNIQUE on a duplicate email in the setting when run). */
export function newStaff(db: Kysely<DB>, settingId: string, input: NewStaff, now: Date, userId: string | null = null): { staff: Staff; query: CompiledQuery } {
  const row = staffRow(settingId, input, now, userId);
  return { staff: toStaff(row), query: db.insertInto('staff').values(row).compile() };
}

/**
 * Many new staff at once, for imports of thousands of rows on D1 as on SQLite: each INSERT reads its rows from one
 * bound JSON array (json_each), so a statement binds one parameter (D1 allows 100) and 8,000 rows take about a dozen
 * statements, which the caller runs as one atomic batch (D1 counts each statement against its per-request limit).
 */
export function newStaffBatch(db: Kysely<DB>, settingId: string, inputs: readonly NewStaff[], now: Date): { staff: Staff[]; queries: CompiledQuery[] } {
  const rows = inputs.map((input) => staffRow(settingId, input, now, null));
  const queries = chunksOfJson(rows).map(
    (json) => sql`INSERT INTO staff (id, setting_id, user_id, name, email, job_role, phase, groups, share_with_leader, created_at, updated_at)
      SELECT json_extract(value, '$.id'), json_extract(value, '$.setting_id'), json_extract(value, '$.user_id'), json_extract(value, '$.name'),
        json_extract(value, '$.email'), json_extract(value, '$.job_role'), json_extract(value, '$.phase'), json_extract(value, '$.groups'),
        json_extract(value, '$.share_with_leader'), json_extract(value, '$.created_at'), json_extract(value, '$.updated_at')
      FROM json_each(${json}) ORDER BY key`.compile(db),
  );
  return { staff: rows.map(toStaff), queries };
}

function staffRow(settingId: string, input: NewStaff, now: Date, userId: string | null): Row {
  return {
    id: newId('stf', now),
    setting_id: settingId,
    user_id: userId,
    name: input.name.trim(),
    email: input.email ? normaliseEmail(input.email) : null,
    job_role: input.jobRole,
    phase: input.phase,
    groups: JSON.stringify(normaliseGroups(input.groups ?? [])),
    share_with_leader: 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

export async function getStaff(db: Kysely<DB>, id: string): Promise<Staff | null> {
  const r = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toStaff(r) : null;
}

export async function getStaffByUser(db: Kysely<DB>, userId: string): Promise<Staff | null> {
  const r = await db.selectFrom('staff').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return r ? toStaff(r) : null;
}

export interface StaffFilter {
  readonly jobRole?: string | undefined;
  readonly phase?: string | undefined;
  readonly group?: string | undefined;
}

/** A page of a setting's staff, by id, optionally filtered by job role, phase or group. */
export async function listStaff(db: Kysely<DB>, settingId: string, filter: StaffFilter, page: PageRequest): Promise<Page<Staff>> {
  let q = db.selectFrom('staff').selectAll().where('setting_id', '=', settingId);
  if (filter.jobRole) q = q.where('job_role', '=', filter.jobRole);
  if (filter.phase) q = q.where('phase', '=', filter.phase);
  if (filter.group) {
    const needle = JSON.stringify(filter.group.trim().toLowerCase());
    q = q.where((eb) => eb(eb.fn<number>('instr', [eb.ref('groups'), eb.val(needle)]), '>', 0));
  }
  if (page.after) q = q.where('id', '>', page.after);
  return toPage(await q.orderBy('id').limit(page.limit + 1).execute(), page.limit, toStaff);
}

/** Every member of staff of a setting, or of each setting under a trust. */
export async function allStaffUnder(db: Kysely<DB>, orgId: string): Promise<Staff[]> {
  const rows = await db
    .selectFrom('staff')
    .selectAll()
    .where((eb) => eb('setting_id', 'in', eb.selectFrom('orgs').select('id').where((o) => o.or([o('id', '=', orgId), o('parent_id', '=', orgId)]))))
    .orderBy('id')
    .execute();
  return rows.map(toStaff);
}

/** Which of these emails already belong to staff of the setting (lower-cased). */
export async function existingEmails(db: Kysely<DB>, settingId: string, emails: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // One bound JSON array per query (D1 allows 100 bound parameters), so 8,000 addresses take one or two queries.
  for (const json of chunksOfJson(emails.map(normaliseEmail))) {
    const rows = await db
      .selectFrom('staff')
      .select('email')
      .where('setting_id', '=', settingId)
      .where(sql<boolean>`email IN (SELECT value FROM json_each(${json}))`)
      .execute();
    for (const r of rows) if (r.email) found.add(r.email);
  }
  return found;
}

export type StaffPatch = Partial<NewStaff> & { readonly shareWithLeader?: boolean | undefined };

/** Updates the given fields and updated_at; returns the updated record. */
export async function updateStaff(db: Kysely<DB>, id: string, patch: StaffPatch, now: Date): Promise<Staff | null> {
  const set: Partial<Row> = { updated_at: now.toISOString() };
  if (patch.name !== undefined) set.name = patch.name.trim();
  if (patch.email !== undefined) set.email = patch.email ? normaliseEmail(patch.email) : null;
  if (patch.jobRole !== undefined) set.job_role = patch.jobRole;
  if (patch.phase !== undefined) set.phase = patch.phase;
  if (patch.groups !== undefined) set.groups = JSON.stringify(normaliseGroups(patch.groups));
  if (patch.shareWithLeader !== undefined) set.share_with_leader = patch.shareWithLeader ? 1 : 0;
  await db.updateTable('staff').set(set).where('id', '=', id).execute();
  return getStaff(db, id);
}

export function linkUserQuery(db: Kysely<DB>, staffId: string, userId: string, now: Date): CompiledQuery {
  return db.updateTable('staff').set({ user_id: userId, updated_at: now.toISOString() }).where('id', '=', staffId).compile();
}
