// Node driver: better-sqlite3 file database (WAL, foreign keys on, secure_delete on) behind the Database interface.
// A new file is created readable by its owner only (0600); SQLite gives its -wal and -shm files the same mode.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../database.js';
import type { DB } from '../schema.js';
import { applyMigrations } from './migrate-sqlite.js';
import { statementCache } from './statement-cache.js';

export interface SqliteDatabase extends Database {
  readonly raw: BetterSqlite3.Database;
  /** True when this open created the file (a first start, or a mistyped path). */
  readonly created: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create the file's folder when missing (default true; the server passes false for a path someone typed). */
  readonly createFolder?: boolean;
}

/** Opens (creating if needed, mode 0600) the database at `path` (`:memory:` allowed) and applies pending migrations. */
export function openSqlite(path: string, migrationsDir: string, options: OpenOptions = {}): SqliteDatabase {
  let created = false;
  if (path !== ':memory:') {
    if (options.createFolder !== false) mkdirSync(dirname(path), { recursive: true });
    if (!existsSync(path)) {
      // An empty file is a valid empty database; creating it here fixes its mode before SQLite writes a byte.
      closeSync(openSync(path, 'wx', 0o600));
      created = true;
    }
  }
  const raw = new BetterSqlite3(path, { fileMustExist: path !== ':memory:' });
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // Deleted content is overwritten with zeros, so an erased person's data does not linger in free pages.
    raw.pragma('secure_delete = ON');
    applyMigrations(raw, migrationsDir);
  } catch (e) {
    raw.close();
    throw e;
  }
  return sqliteDatabase(raw, created);
}

/** The Database interface over an open better-sqlite3 handle (migrations already applied). */
export function sqliteDatabase(raw: BetterSqlite3.Database, created = false): SqliteDatabase {
  const prepare = statementCache(raw);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: { close: () => raw.close(), prepare } }) });
  const atomic = raw.transaction((queries: readonly CompiledQuery[]) => {
    for (const q of queries) prepare(q.sql).run(...(q.parameters as unknown[]));
  });
  return {
    kind: 'sqlite',
    raw,
    created,
    db,
    async atomic(queries) {
      atomic(queries);
    },
    async ping() {
      return raw.prepare('SELECT 1 AS ok').get() !== undefined;
    },
    async writable() {
      try {
        // Matches no row, but must take the write lock: a read-only file, folder or mount refuses it.
        raw.prepare('DELETE FROM readiness_probe WHERE id < 0').run();
        return true;
      } catch {
        return false;
      }
    },
    async scrub() {
      if (raw.memory || raw.readonly) return;
      raw.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      await db.destroy();
      if (raw.open) raw.close();
    },
  };
}
