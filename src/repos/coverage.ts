// What a coverage count reads for everyone in a setting or a trust, in one query over coverage_people (migration
// 0014): one short row a person, stored together per setting and kept in step by triggers, with the person's role and
// phase, the areas where they are secure (null before a first self-assessment) and the modules they completed. A
// 50,000-staff trust reads its settings' contiguous ranges of that table, with no other table touched.
import { sql, type Kysely } from 'kysely';
import type { CoveragePerson } from '../domain/coverage.js';
import type { DB } from './schema.js';
import { chunksOfJson } from './bulk-json.js';

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
    FROM coverage_people c WHERE ${UNDER(orgId)}`.execute(db);
  return r.rows.map((x) => ({ staffId: x.staff_id, settingId: x.setting_id, role: x.job_role, phase: x.phase, secureAreas: x.secure_areas, done: x.done }));
}

/** Everyone of one role in one phase: how many, how many assessed, how many secure in each area asked for. */
export interface SecureCount {
  readonly role: string;
  readonly phase: string;
  readonly n: number;
  readonly assessed: number;
  readonly secure: number[];
}

/** People alike in role, phase and completed modules (and setting, when asked), for those who completed any. */
export interface DoneCount {
  readonly settingId: string | null;
  readonly role: string;
  readonly phase: string;
  readonly done: string;
  readonly n: number;
}

const UNDER = (orgId: string) => sql`c.setting_id IN (SELECT o.id FROM orgs o WHERE o.id = ${orgId} OR o.parent_id = ${orgId})`;

/** The bit of each area in coverage_people.secure_bits (migration 0014). */
export async function areaBits(db: Kysely<DB>): Promise<Map<string, number>> {
  const r = await sql<{ area_id: string; bit: number }>`SELECT area_id, bit FROM coverage_areas`.execute(db);
  return new Map(r.rows.map((x) => [x.area_id, Number(x.bit)]));
}

/** coverage_counts keeps s0 … s17: areas numbered 0–17 in coverage_areas. */
const COUNTED_BITS = 18;

/**
 * Whether `orgId` is a group the counters are kept for (coverage_group_counts, coverage_done; migration 0015): a
 * trust, or a setting in none.
 */
async function isGroup(db: Kysely<DB>, orgId: string): Promise<boolean> {
  const org = await db.selectFrom('orgs').select('parent_id').where('id', '=', orgId).executeTakeFirst();
  return org !== undefined && org.parent_id === null;
}

/**
 * Per role and phase under `orgId`, added up in the database: people, people assessed, and people secure in each of
 * `areaIds`. When every area has a counter: a trust (or a setting in none) reads its own counters (coverage_group_counts,
 * about 15 rows), a setting in a trust its per-setting counters (coverage_counts); otherwise each person's row is read
 * (an area without a bit from their list).
 */
export async function secureCounts(db: Kysely<DB>, orgId: string, areaIds: readonly string[], bits: ReadonlyMap<string, number>): Promise<SecureCount[]> {
  const counted = areaIds.every((id) => (bits.get(id) ?? COUNTED_BITS) < COUNTED_BITS);
  const secure = areaIds.map((id, i) => {
    const bit = bits.get(id);
    if (counted) return sql`sum(c.${sql.raw(`s${bit}`)}) AS ${sql.raw(`s${i}`)}`;
    const one = bit === undefined ? sql`(coalesce(instr(',' || c.secure_areas || ',', ${`,${id},`}), 0) > 0)` : sql`((c.secure_bits >> ${bit}) & 1)`;
    return sql`coalesce(sum(${one}), 0) AS ${sql.raw(`s${i}`)}`;
  });
  const toCount = (x: Record<string, string | number>): SecureCount => ({ role: String(x.job_role), phase: String(x.phase), n: Number(x.n), assessed: Number(x.assessed), secure: areaIds.map((_, i) => Number(x[`s${i}`])) });
  if (counted && (await isGroup(db, orgId))) {
    const own = areaIds.map((id, i) => sql`c.${sql.raw(`s${bits.get(id)}`)} AS ${sql.raw(`s${i}`)}`);
    const r = await sql<Record<string, string | number>>`
      SELECT c.job_role, c.phase, c.n, c.assessed, ${sql.join(own)}
      FROM coverage_group_counts c WHERE c.group_id = ${orgId} AND c.n > 0`.execute(db);
    return r.rows.map(toCount);
  }
  const r = counted
    ? await sql<Record<string, string | number>>`
      SELECT c.job_role, c.phase, sum(c.n) AS n, sum(c.assessed) AS assessed, ${sql.join(secure)}
      FROM coverage_counts c WHERE ${UNDER(orgId)}
      GROUP BY c.job_role, c.phase HAVING sum(c.n) > 0`.execute(db)
    : await sql<Record<string, string | number>>`
      SELECT c.job_role, c.phase, count(*) AS n, count(c.secure_areas) AS assessed, ${sql.join(secure)}
      FROM coverage_people c WHERE ${UNDER(orgId)}
      GROUP BY c.job_role, c.phase`.execute(db);
  return r.rows.map(toCount);
}

/**
 * People under `orgId` who completed any module, counted per role, phase and set of modules (and setting). A trust, or
 * a setting in none, counted without settings reads its groups as kept (coverage_done, migration 0015); otherwise the
 * people's rows are grouped here.
 */
export async function doneCounts(db: Kysely<DB>, orgId: string, bySetting: boolean): Promise<DoneCount[]> {
  if (!bySetting && (await isGroup(db, orgId))) {
    const r = await sql<{ job_role: string; phase: string; done: string; n: number }>`
      SELECT d.job_role, d.phase, d.done, d.n FROM coverage_done d WHERE d.group_id = ${orgId}`.execute(db);
    return r.rows.map((x) => ({ settingId: null, role: x.job_role, phase: x.phase, done: x.done, n: Number(x.n) }));
  }
  const setting = bySetting ? sql`c.setting_id` : sql`NULL`;
  const r = await sql<{ setting_id: string | null; job_role: string; phase: string; done: string; n: number }>`
    SELECT ${setting} AS setting_id, c.job_role, c.phase, c.done, count(*) AS n
    FROM coverage_people c WHERE ${UNDER(orgId)} AND c.done <> ''
    GROUP BY 1, c.job_role, c.phase, c.done`.execute(db);
  return r.rows.map((x) => ({ settingId: x.setting_id, role: x.job_role, phase: x.phase, done: x.done, n: Number(x.n) }));
}

/** Which of `staffIds` are on the staff lists under `orgId`. */
export async function listedUnder(db: Kysely<DB>, orgId: string, staffIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const json of chunksOfJson([...new Set(staffIds)])) {
    const r = await sql<{ id: string }>`
      SELECT s.id FROM staff s
      WHERE s.id IN (SELECT value FROM json_each(${json}))
        AND s.setting_id IN (SELECT o.id FROM orgs o WHERE o.id = ${orgId} OR o.parent_id = ${orgId})`.execute(db);
    for (const x of r.rows) found.add(x.id);
  }
  return found;
}
