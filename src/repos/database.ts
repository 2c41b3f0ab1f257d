// The runtime-neutral database handle every repo receives: Kysely plus one atomic-write helper.
import type { CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema.js';

export interface Database {
  readonly kind: 'sqlite' | 'd1';
  readonly db: Kysely<DB>;
  /**
   * Runs the compiled write queries as one unit: all apply or none do.
   * A D1 `batch()` on Workers, a transaction on Node. The only way shared code writes atomically.
   */
  atomic(queries: readonly CompiledQuery[]): Promise<void>;
  /** True when a trivial query succeeds. */
  ping(): Promise<boolean>;
  /** True when the database takes a write lock (a read-only file, folder or disk answers false). Writes nothing. */
  writable(): Promise<boolean>;
  /**
   * After an erasure: makes the deleted rows unrecoverable from the storage the driver controls. Node: deleted
   * content is already zeroed (secure_delete), and the WAL, which still holds the old pages, is checkpointed into
   * the main file and truncated. D1: nothing to do here (see the README's Privacy section on Time Travel).
   */
  scrub(): Promise<void>;
}

/** True when a driver error is a uniqueness violation (better-sqlite3 and D1 word it alike). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && /UNIQUE constraint failed/i.test(err.message);
}
