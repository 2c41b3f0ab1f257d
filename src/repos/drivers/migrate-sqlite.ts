// Applies wrangler-format SQL migrations (NNNN_name.sql) on Node, recorded in d1_migrations like wrangler does.
import type BetterSqlite3 from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Applies every migration file not yet recorded, each in its own transaction; returns the names applied. */
export function applyMigrations(raw: BetterSqlite3.Database, dir: string): string[] {
  raw.exec(`CREATE TABLE IF NOT EXISTS d1_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT UNIQUE,
    applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
  )`);
  const done = new Set((raw.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((r) => r.name));
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const name of files) {
    if (done.has(name)) continue;
    const sql = readFileSync(join(dir, name), 'utf8');
    raw.transaction(() => {
      raw.exec(sql);
      raw.prepare('INSERT INTO d1_migrations (name) VALUES (?)').run(name);
    })();
    applied.push(name);
  }
  return applied;
}
