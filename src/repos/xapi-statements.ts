// Stored xAPI statements: one row per statement id, the full statement as JSON, with the person and setting it
// concerns so reads stay within the caller's organisations and a person's deletion removes theirs.
import type { CompiledQuery, Kysely } from 'kysely';
import { chunks } from './page.js';
import type { DB, XapiStatementsTable } from './schema.js';

export interface StoredStatement {
  readonly id: string;
  readonly settingId: string;
  readonly staffId: string | null;
  /** The statement as stored, with id, timestamp, stored, authority and version. */
  readonly statement: Record<string, unknown>;
  /** True once another statement voided this one. */
  readonly voided: boolean;
}

const toStored = (r: XapiStatementsTable): StoredStatement => ({
  id: r.id,
  settingId: r.setting_id,
  staffId: r.staff_id,
  statement: JSON.parse(r.body) as Record<string, unknown>,
  voided: !!r.voided_by,
});

export function insertStatementQuery(db: Kysely<DB>, row: XapiStatementsTable): CompiledQuery {
  return db.insertInto('xapi_statements').values(row).compile();
}

export async function getStatement(db: Kysely<DB>, id: string): Promise<StoredStatement | null> {
  const r = await db.selectFrom('xapi_statements').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst();
  return r ? toStored(r) : null;
}

/** The stored statements among `ids` (lower-case UUIDs). */
export async function getStatements(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, StoredStatement>> {
  const out = new Map<string, StoredStatement>();
  for (const part of chunks(ids)) {
    for (const r of await db.selectFrom('xapi_statements').selectAll().where('id', 'in', part).execute()) out.set(r.id, toStored(r));
  }
  return out;
}

/** Every statement stored about a member of staff, as stored, oldest first (for their data export). */
export async function statementsAbout(db: Kysely<DB>, staffId: string): Promise<Record<string, unknown>[]> {
  const rows = await db.selectFrom('xapi_statements').select('body').where('staff_id', '=', staffId).orderBy('stored').orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.body) as Record<string, unknown>);
}
