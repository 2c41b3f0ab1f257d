// Workers driver: Kysely over a D1 binding; atomic writes go through D1 batch().
import { Kysely } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { Database } from '../database.js';
import type { DB } from '../schema.js';

const cache = new WeakMap<D1Database, Database>();

/** One Database per D1 binding, cached for the isolate's life. */
export function d1Database(binding: D1Database): Database {
  const hit = cache.get(binding);
  if (hit) return hit;
  const db = new Kysely<DB>({ dialect: new D1Dialect({ database: binding }) });
  const made: Database = {
    kind: 'd1',
    db,
    async atomic(queries) {
      if (queries.length === 0) return;
      await binding.batch(queries.map((q) => binding.prepare(q.sql).bind(...(q.parameters as unknown[]))));
    },
    async ping() {
      const row = await binding.prepare('SELECT 1 AS ok').first<{ ok: number }>();
      return row?.ok === 1;
    },
    async writable() {
      // A delete that matches no row still takes the write lock; a read-only database refuses it. No row is written.
      await binding.prepare('DELETE FROM readiness_probe WHERE id < 0').run();
      return true;
    },
    async scrub() {
      // D1 manages its own storage; deleted rows stay only in Time Travel history (see README, Privacy).
    },
  };
  cache.set(binding, made);
  return made;
}
