// What a coverage count reads for everyone in a setting or a trust, in one query over coverage_people (migration
// 0014): one short row a person, stored together per setting and kept in step by triggers, with the person's role and
// phase, the areas where they are secure (null before a first self-assessment) and the modules they completed. A
// 50,000-staff trust reads its settings' contiguous ranges of that table, with no other table touched.
import { sql, type Kysely } from 'kysely';
import type { CoveragePerson } from '../domain/coverage.js';
import type { DB } from './schema.js';
import { chunksOfJson } from './staff.js';

/** Characters of one bound JSON array of ids (as staff imports bind them, within D1's limits). */
const JSON_CHARS = 250_000;

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

/** People alike in role, phase, completed modules (and setting, when asked) with their counts, secure per area. */
export interface CoverageCount {
  readonly settingId: string | null;
  readonly role: string;
  readonly phase: string;
  readonly done: string;
  readonly n: number;
  readonly assessed: number;
  /** People secure in each of the areas asked for, in their order. */
  readonly secure: number[];
}

/**
 * The coverage counts of everyone under `orgId`, added up in the database: one row per role, phase and set of
 * completed modules (and setting, with `bySetting`, for own modules that resolve per setting), with how many people
 * it stands for, how many of them are assessed and how many are secure in each of `areaIds`. A 50,000-staff trust
 * returns a few thousand short rows instead of 50,000.
 */
export async function coverageCounts(db: Kysely<DB>, orgId: string, areaIds: readonly string[], bySetting: boolean): Promise<CoverageCount[]> {
  const secure = areaIds.map((id, i) => sql`sum(coalesce(instr(',' || c.secure_areas || ',', ${`,${id},`}), 0) > 0) AS ${sql.raw(`s${i}`)}`);
  const setting = bySetting ? sql`c.setting_id` : sql`NULL`;
  const r = await sql<Record<string, string | number | null>>`
    SELECT ${setting} AS setting_id, c.job_role, c.phase, c.done, count(*) AS n, count(c.secure_areas) AS assessed, ${sql.join(secure)}
    FROM coverage_people c
    WHERE c.setting_id IN (SELECT o.id FROM orgs o WHERE o.id = ${orgId} OR o.parent_id = ${orgId})
    GROUP BY 1, c.job_role, c.phase, c.done`.execute(db);
  return r.rows.map((x) => ({
    settingId: x.setting_id === null ? null : String(x.setting_id),
    role: String(x.job_role),
    phase: String(x.phase),
    done: String(x.done),
    n: Number(x.n),
    assessed: Number(x.assessed),
    secure: areaIds.map((_, i) => Number(x[`s${i}`])),
  }));
}

/** Which of `staffIds` are on the staff lists under `orgId`. */
export async function listedUnder(db: Kysely<DB>, orgId: string, staffIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const json of chunksOfJson([...new Set(staffIds)], JSON_CHARS)) {
    const r = await sql<{ id: string }>`
      SELECT s.id FROM staff s
      WHERE s.id IN (SELECT value FROM json_each(${json}))
        AND s.setting_id IN (SELECT o.id FROM orgs o WHERE o.id = ${orgId} OR o.parent_id = ${orgId})`.execute(db);
    for (const x of r.rows) found.add(x.id);
  }
  return found;
}
