// What a coverage count reads for everyone in a setting or a trust, in one query: each person's role and phase,
// the areas where they are secure (null before a first self-assessment; the narrow row written with each pathway)
// and the modules they completed. A 50,000-staff trust is 50,000 short rows, with no stored response read.
import { sql, type Kysely } from 'kysely';
import type { CoveragePerson } from '../domain/coverage.js';
import type { DB } from './schema.js';

export interface CoverageRow extends CoveragePerson {
  readonly staffId: string;
}

const toPerson = (x: { job_role: string; phase: string; secure_areas: string | null; done: string | null }) => ({
  role: x.job_role,
  phase: x.phase,
  secure: x.secure_areas === null ? null : new Set(x.secure_areas ? x.secure_areas.split(',') : []),
  completed: new Set(x.done ? x.done.split(',') : []),
});

const DONE = sql<string | null>`(SELECT group_concat(p.module_id, ',') FROM progress p WHERE p.staff_id = s.id AND p.status = 'completed')`;

/** One row per member of staff of `orgId` (a setting, or a trust and its settings). */
export async function coverageRows(db: Kysely<DB>, orgId: string): Promise<CoverageRow[]> {
  const r = await sql<{ id: string; job_role: string; phase: string; secure_areas: string | null; done: string | null }>`
    SELECT s.id, s.job_role, s.phase, c.secure_areas, ${DONE} AS done
    FROM staff s LEFT JOIN staff_coverage c ON c.staff_id = s.id
    WHERE s.setting_id IN (SELECT o.id FROM orgs o WHERE o.id = ${orgId} OR o.parent_id = ${orgId})`.execute(db);
  return r.rows.map((x) => ({ staffId: x.id, ...toPerson(x) }));
}

