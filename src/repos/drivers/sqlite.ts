// Node driver: better-sqlite3 file database (WAL, foreign keys on) behind the Database interface.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../database.js';
import type { DB } from '../schema.js';
import { applyMigrations } from './migrate-sqlite.js';

export interface SqliteDatabase extends Database {
  readonly raw: BetterSqlite3.Database;
  close(): Promise<void>;
}

/** Opens (creating if needed) the database at `path` (`:memory:` allowed) and applies pending migrations. */
export function openSqlite(path: string, migrationsDir: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  applyMigrations(raw, migrationsDir);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  const atomic = raw.transaction((queries: readonly CompiledQuery[]) => {
    for (const q of queries) raw.prepare(q.sql).run(...(q.parameters as unknown[]));
  });
  return {
    kind: 'sqlite',
    raw,
    db,
    async atomic(queries) {
      atomic(queries);
    },
    async ping() {
      return raw.prepare('SELECT 1 AS ok').get() !== undefined;
    },
    async close() {
      await db.destroy();
      if (raw.open) raw.close();
    },
  };
}
