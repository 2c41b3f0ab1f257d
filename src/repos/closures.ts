// A setting's closures (term holidays, training days): list, add unless it overlaps one already stored, remove.
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { newId } from './crypto.js';
import type { DB, SettingClosuresTable } from './schema.js';

export interface Closure {
  readonly id: string;
  readonly settingId: string;
  /** What the setting calls it, e.g. "Christmas holiday". */
  readonly label: string;
  /** First closed day, YYYY-MM-DD. */
  readonly from: string;
  /** Last closed day, YYYY-MM-DD (the same as `from` for one day). */
  readonly to: string;
  readonly createdAt: string;
}

export interface NewClosure {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

const toClosure = (r: SettingClosuresTable): Closure => ({ id: r.id, settingId: r.setting_id, label: r.label, from: r.starts_on, to: r.ends_on, createdAt: r.created_at });

/** The setting's closures, earliest first. */
export async function listClosures(db: Kysely<DB>, settingId: string): Promise<Closure[]> {
  const rows = await db.selectFrom('setting_closures').selectAll().where('setting_id', '=', settingId).orderBy('starts_on').orderBy('id').execute();
  return rows.map(toClosure);
}

export async function getClosure(db: Kysely<DB>, id: string): Promise<Closure | null> {
  const r = await db.selectFrom('setting_closures').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toClosure(r) : null;
}

/**
 * The new closure and the one statement that stores it only if no closure of the setting shares a day with it
 * (so two leaders adding at once cannot store an overlap); read it back to learn whether it was stored.
 */
export function newClosure(db: Kysely<DB>, settingId: string, input: NewClosure, createdBy: string | null, now: Date): { closure: Closure; query: CompiledQuery } {
  const row: SettingClosuresTable = {
    id: newId('cls', now),
    setting_id: settingId,
    label: input.label,
    starts_on: input.from,
    ends_on: input.to,
    created_by: createdBy,
    created_at: now.toISOString(),
  };
  const query = sql`INSERT INTO setting_closures (id, setting_id, label, starts_on, ends_on, created_by, created_at)
    SELECT ${row.id}, ${row.setting_id}, ${row.label}, ${row.starts_on}, ${row.ends_on}, ${row.created_by}, ${row.created_at}
    WHERE NOT EXISTS (SELECT 1 FROM setting_closures WHERE setting_id = ${settingId} AND starts_on <= ${row.ends_on} AND ends_on >= ${row.starts_on})`.compile(db);
  return { closure: toClosure(row), query };
}

/** The query that removes one closure of the setting. */
export function removeClosureQuery(db: Kysely<DB>, settingId: string, id: string): CompiledQuery {
  return db.deleteFrom('setting_closures').where('id', '=', id).where('setting_id', '=', settingId).compile();
}
