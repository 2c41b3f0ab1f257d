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
}

/** True when a driver error is a uniqueness violation (better-sqlite3 and D1 word it alike). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && /UNIQUE constraint failed/i.test(err.message);
}
