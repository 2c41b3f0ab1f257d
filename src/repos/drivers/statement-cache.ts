// Prepared statements kept by SQL text for Kysely on better-sqlite3. Kysely's SQLite driver prepares every query
// anew, so SQLite parses and plans the same SQL on each request (an API key lookup, the newest catalogue versions…);
// this keeps the most recently used statements and hands them back. A statement is reused only when idle, so a
// streamed read still iterating never shares its cursor. Statements are only run (never configured with raw(),
// pluck() and the like), and SQLite re-prepares one itself if a migration changes the schema. The Node driver's
// atomic writes share the same statements.
import type BetterSqlite3 from 'better-sqlite3';

/** Distinct SQL texts kept; the least recently used is dropped beyond this. */
const MAX_STATEMENTS = 500;

/** Prepares each SQL text once while it stays in use (the same statement again when idle, else a fresh one); Kysely and atomic() both prepare through it. */
export function statementCache(raw: BetterSqlite3.Database): (sql: string) => BetterSqlite3.Statement {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return (sql) => {
    const kept = statements.get(sql);
    if (kept && !kept.busy) {
      // Re-inserted so the Map's order stays least recently used first.
      statements.delete(sql);
      statements.set(sql, kept);
      return kept;
    }
    const fresh = raw.prepare(sql);
    if (!kept) {
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(sql, fresh);
    }
    return fresh;
  };
}
