// What a coverage count reads for everyone in a setting or a trust, in one query over coverage_people (migration
// 0014): one short row a person, stored together per setting and kept in step by triggers, with the person's role and
// phase, the areas where they are secure (null before a first self-assessment) and the modules they completed. A
// 50,000-staff trust reads its settings' contiguous ranges of that table, with no other table touched.
import { sql, type Kysely } from 'kysely';
import type { CoveragePerson } from '../domain/coverage.js';
import type { DB } from './schema.js';

/** A person's row as stored: secure areas and completed modules still comma-separated. */
export interface StoredCoverageRow {
  readonly staffId: string;
  readonly settingId: string;
  readonly role: string;
  readonly phase: string;
  /** Comma-separated secure area ids, '' for none, null before a first self-assessment. */
  readonly secureAreas: string | null;
  /** Comma-separated ids of completed modules, '' for none. */
  readonly done: string;
}

export interface CoverageRow extends CoveragePerson {
  readonly staffId: string;
}

/** Ids from a comma-separated list ('' is none). */
export const idList = (s: string): string[] => (s ? s.split(',') : []);

/** The row as coverage counts it, with sets. */
export function toCoverageRow(r: StoredCoverageRow): CoverageRow {
  return {
    staffId: r.staffId,
    role: r.role,
    phase: r.phase,
    secure: r.secureAreas === null ? null : new Set(idList(r.secureAreas)),
    completed: new Set(idList(r.done)),
  };
}

/** One row per member of staff of `orgId` (a setting, or a trust and its settings), in setting then staff id order. */
export async function coverageRows(db: Kysely<DB>, orgId: string): Promise<StoredCoverageRow[]> {
  const r = await sql<{ staff_id: string; setting_id: string; job_role: string; phase: string; secure_areas: string | null; done: string }>`
    SELECT c.staff_id, c.setting_id, c.job_role, c.phase, c.secure_areas, c.done
    FROM coverage_people c
    WHERE c.setting_id IN (SELECT o.id FROM orgs o WHERE o.id = ${orgId} OR o.parent_id = ${orgId})`.execute(db);
  return r.rows.map((x) => ({ staffId: x.staff_id, settingId: x.setting_id, role: x.job_role, phase: x.phase, secureAreas: x.secure_areas, done: x.done }));
}
