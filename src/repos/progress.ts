// Module progress per person: started, then completed; repeating a step never double-counts.
import type { CompiledQuery, Kysely } from 'kysely';
import { chunks } from './page.js';
import type { DB, ProgressTable } from './schema.js';

export interface Progress {
  readonly moduleId: string;
  readonly status: 'started' | 'completed';
  /** Who reported it: `self`, `leader`, `api`, `xapi`. */
  readonly source: string;
  readonly startedAt: string;
  readonly completedAt: string | null;
}

function toProgress(r: ProgressTable): Progress {
  return { moduleId: r.module_id, status: r.status, source: r.source, startedAt: r.started_at, completedAt: r.completed_at };
}

/**
 * Records a start or a completion. A start never undoes a completion; a second completion keeps the first time.
 */
export function recordProgressQuery(
  db: Kysely<DB>,
  staffId: string,
  moduleId: string,
  status: 'started' | 'completed',
  source: string,
  now: Date,
): CompiledQuery {
  const at = now.toISOString();
  const insert = db.insertInto('progress').values({
    staff_id: staffId,
    module_id: moduleId,
    status,
    source,
    started_at: at,
    completed_at: status === 'completed' ? at : null,
  });
  if (status === 'started') return insert.onConflict((oc) => oc.columns(['staff_id', 'module_id']).doNothing()).compile();
  return insert
    .onConflict((oc) =>
      oc
        .columns(['staff_id', 'module_id'])
        .doUpdateSet({ status: 'completed', source, completed_at: at })
        .where('progress.status', '=', 'started'),
    )
    .compile();
}

export async function getProgress(db: Kysely<DB>, staffId: string, moduleId: string): Promise<Progress | null> {
  const r = await db.selectFrom('progress').selectAll().where('staff_id', '=', staffId).where('module_id', '=', moduleId).executeTakeFirst();
  return r ? toProgress(r) : null;
}

/** A person's progress, in order of starting. */
export async function listProgress(db: Kysely<DB>, staffId: string): Promise<Progress[]> {
  return (await db.selectFrom('progress').selectAll().where('staff_id', '=', staffId).orderBy('started_at').orderBy('module_id').execute()).map(toProgress);
}

/** Completed module ids per person, for the listed people. */
export async function completedModules(db: Kysely<DB>, staffIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const part of chunks(staffIds)) {
    const rows = await db.selectFrom('progress').select(['staff_id', 'module_id']).where('staff_id', 'in', part).where('status', '=', 'completed').execute();
    for (const r of rows) {
      let set = out.get(r.staff_id);
      if (!set) out.set(r.staff_id, (set = new Set()));
      set.add(r.module_id);
    }
  }
  return out;
}
