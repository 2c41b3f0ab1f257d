// coverage_people (migration 0014): the short per-person row coverage reads, stored together per setting, stays equal
// to what staff, staff_coverage and progress say after every kind of write (import, edit, pathway, progress, erasure),
// and the migration backfills it for people stored before it.
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { recommend } from '../../src/domain/recommend.js';
import type { RecommendationRequest } from '../../src/domain/types.js';
import { newAssessment } from '../../src/repos/assessments.js';
import { computeCoverage } from '../../src/domain/coverage.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/http/logger.js';
import { coverageRows, toCoverageRow } from '../../src/repos/coverage.js';
import { writePopulation } from '../../scripts/lib/population.js';
import { applyMigrations } from '../../src/repos/drivers/migrate-sqlite.js';
import { openSqlite, type SqliteDatabase } from '../../src/repos/drivers/sqlite.js';
import { seedShippedEvidenceSet } from '../../src/repos/evidence-sets.js';
import { newPathway } from '../../src/repos/pathways.js';
import { erasePersonQueries } from '../../src/repos/personal-data.js';
import { recordProgressQuery } from '../../src/repos/progress.js';
import { newStaffBatch, updateStaff } from '../../src/repos/staff.js';
import { MIGRATIONS_DIR } from '../helpers/node-app.js';

const content = getShippedContent();

/** What coverage read before migration 0014, from the tables themselves. */
const FROM_SOURCES = `
  SELECT s.setting_id, s.id AS staff_id, s.job_role, s.phase, c.secure_areas,
    coalesce((SELECT group_concat(p.module_id, ',') FROM (SELECT module_id FROM progress WHERE staff_id = s.id AND status = 'completed' ORDER BY module_id) p), '') AS done
  FROM staff s LEFT JOIN staff_coverage c ON c.staff_id = s.id ORDER BY s.id`;
const STORED = `
  SELECT setting_id, staff_id, job_role, phase, secure_areas, secure_bits, done FROM coverage_people ORDER BY staff_id`;
const S = Array.from({ length: 18 }, (_, i) => i);
/** The per-setting counters (coverage_counts), without the empty ones, and the same counted from the rows. */
const COUNTS = `SELECT setting_id, job_role, phase, n, assessed, ${S.map((i) => `s${i}`).join(', ')} FROM coverage_counts WHERE n > 0 ORDER BY 1, 2, 3`;
const COUNTED_FROM_ROWS = `SELECT setting_id, job_role, phase, count(*) AS n, count(secure_bits) AS assessed, ${S.map((i) => `coalesce(sum((secure_bits >> ${i}) & 1), 0) AS s${i}`).join(', ')}
  FROM coverage_people GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
/** The per-trust groups of people who completed modules (coverage_done), and the same grouped from the rows. */
const DONE = `SELECT group_id, job_role, phase, done, n FROM coverage_done ORDER BY 1, 2, 3, 4`;
const DONE_FROM_ROWS = `SELECT coalesce(o.parent_id, c.setting_id) AS group_id, c.job_role, c.phase, c.done, count(*) AS n
  FROM coverage_people c LEFT JOIN orgs o ON o.id = c.setting_id WHERE c.done <> '' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
/** The per-trust counters (coverage_group_counts), without the empty ones, and the same added up from the settings'. */
const GROUP_COUNTS = `SELECT group_id, job_role, phase, n, assessed, ${S.map((i) => `s${i}`).join(', ')} FROM coverage_group_counts WHERE n > 0 ORDER BY 1, 2, 3`;
const GROUP_COUNTED = `SELECT coalesce(o.parent_id, c.setting_id) AS group_id, c.job_role, c.phase, sum(c.n) AS n, sum(c.assessed) AS assessed, ${S.map((i) => `sum(c.s${i}) AS s${i}`).join(', ')}
  FROM coverage_counts c LEFT JOIN orgs o ON o.id = c.setting_id GROUP BY 1, 2, 3 HAVING sum(c.n) > 0 ORDER BY 1, 2, 3`;
const BITS = new Map<string, number>(content.taxonomy.areas.map((a, i) => [a.id, i]));

/** Stored rows with the completed modules in a fixed order (the set is what counts). */
function stored(raw: BetterSqlite3.Database) {
  return (raw.prepare(STORED).all() as { staff_id: string; secure_areas: string | null; secure_bits: number | null; done: string }[]).map(({ secure_bits, ...r }) => {
    // The bit set holds the same areas as the list.
    const bits = r.secure_areas === null ? null : r.secure_areas.split(',').filter(Boolean).reduce((b, id) => b | (1 << BITS.get(id)!), 0);
    expect(secure_bits).toBe(bits);
    return { ...r, done: r.done.split(',').filter(Boolean).sort().join(',') };
  });
}

function request(role: RecommendationRequest['role'], seed: number): RecommendationRequest {
  return {
    role,
    phase: 'primary',
    responses: content.questionnaire.items.map((it, i) => ({ itemId: it.id, value: 1 + ((i * 7 + seed) % 5) })),
    confidence: {},
    completedModuleIds: [],
    timeBudgetMinutes: 360,
    weeklyMinutes: 60,
    formats: ['online', 'in_person'],
    priorities: {},
  };
}

async function world(database: SqliteDatabase, now: Date) {
  await seedShippedEvidenceSet(database, content.evidence, now.toISOString());
  const org = (id: string, kind: 'trust' | 'setting', parent: string | null) =>
    database.db.insertInto('orgs').values({ id, kind, parent_id: parent, name: id, setting_type: kind === 'setting' ? 'school' : null, phase: null, urn: null, ukprn: null, created_at: now.toISOString() }).compile();
  await database.atomic([org('trust_a', 'trust', null), org('set_a1', 'setting', 'trust_a'), org('set_a2', 'setting', 'trust_a'), org('set_b', 'setting', null)]);
  const a1 = newStaffBatch(database.db, 'set_a1', Array.from({ length: 4 }, (_, i) => ({ name: `A${i}`, jobRole: 'teacher' as const, phase: 'primary' as const })), now);
  const b = newStaffBatch(database.db, 'set_b', [{ name: 'B0', jobRole: 'senco' as const, phase: 'primary' as const }], now);
  await database.atomic([...a1.queries, ...b.queries]);
  return [...a1.staff, ...b.staff];
}

describe('coverage_people', () => {
  it('follows imports, edits, pathways, progress and erasure, and coverage reads a trust’s settings from it', async () => {
    const database = openSqlite(':memory:', MIGRATIONS_DIR);
    const now = new Date('2026-02-02T09:00:00Z');
    const people = await world(database, now);
    const check = () => {
      expect(stored(database.raw)).toEqual(database.raw.prepare(FROM_SOURCES).all());
      expect(database.raw.prepare(COUNTS).all()).toEqual(database.raw.prepare(COUNTED_FROM_ROWS).all());
      expect(database.raw.prepare(DONE).all()).toEqual(database.raw.prepare(DONE_FROM_ROWS).all());
      expect(database.raw.prepare(GROUP_COUNTS).all()).toEqual(database.raw.prepare(GROUP_COUNTED).all());
    };
    check();
    for (const [i, st] of people.entries()) {
      const req = request(st.jobRole, i);
      const a = newAssessment(database.db, st.id, { responses: req.responses }, now);
      const p = newPathway(database.db, { staffId: st.id, assessmentId: a.id, cause: 'assessment', request: req, response: recommend(content, req) }, new Date(now.getTime() + i));
      await database.atomic([a.query, ...p.queries]);
    }
    const [m1, m2] = content.catalogue.modules.map((m) => m.id);
    await database.atomic([
      recordProgressQuery(database.db, people[0]!.id, m1!, 'started', 'self', now),
      recordProgressQuery(database.db, people[1]!.id, m1!, 'completed', 'self', now),
      recordProgressQuery(database.db, people[1]!.id, m2!, 'completed', 'self', now),
    ]);
    check();
    expect(stored(database.raw).find((r) => r.staff_id === people[1]!.id)!.done.split(',').length).toBe(2);
    await database.atomic([recordProgressQuery(database.db, people[0]!.id, m1!, 'completed', 'self', now)]);
    await updateStaff(database.db, people[2]!.id, { jobRole: 'leader', phase: 'secondary' }, now);
    await database.atomic([database.db.updateTable('staff').set({ setting_id: 'set_a2' }).where('id', '=', people[3]!.id).compile()]);
    check();
    expect((database.raw.prepare(`SELECT sum(n) AS n FROM coverage_done WHERE group_id = 'trust_a'`).get() as { n: number }).n).toBe(2);
    // A setting leaving its trust, and joining it again, takes its people's groups with it.
    database.raw.prepare(`UPDATE orgs SET parent_id = NULL WHERE id = 'set_a1'`).run();
    check();
    expect((database.raw.prepare(`SELECT sum(n) AS n FROM coverage_done WHERE group_id = 'set_a1'`).get() as { n: number }).n).toBe(2);
    database.raw.prepare(`UPDATE orgs SET parent_id = 'trust_a' WHERE id = 'set_a1'`).run();
    check();
    await database.atomic(erasePersonQueries(database.db, { userId: null, staffId: people[1]!.id }));
    await database.atomic([database.db.deleteFrom('staff_coverage').where('staff_id', '=', people[0]!.id).compile()]);
    check();
    const trust = await coverageRows(database.db, 'trust_a');
    expect(trust.map((r) => r.staffId).sort()).toEqual([people[0]!.id, people[2]!.id, people[3]!.id].sort());
    expect(trust.find((r) => r.staffId === people[3]!.id)!.settingId).toBe('set_a2');
    expect(trust.find((r) => r.staffId === people[0]!.id)!.secureAreas).toBeNull();
    expect((await coverageRows(database.db, 'set_b')).map((r) => r.staffId)).toEqual([people[4]!.id]);
    const plan = database.raw.prepare(`EXPLAIN QUERY PLAN SELECT * FROM coverage_people WHERE setting_id IN (SELECT id FROM orgs WHERE id = ? OR parent_id = ?)`).all('trust_a', 'trust_a') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH coverage_people USING PRIMARY KEY \(setting_id=\?\)/);
    await database.close();
  });
});

describe('coverage added up in the database', () => {
  it('gives a trust and a setting the same figures as counting each person, groups hidden alike', async () => {
    const database = openSqlite(':memory:', MIGRATIONS_DIR);
    await seedShippedEvidenceSet(database, content.evidence, new Date().toISOString());
    const pop = writePopulation(database, content, { staff: 400, bigTrustStaff: 250, bigSettingStaff: 30, seed: 7 });
    const token = 'coverage-people-admin-token-0123456789';
    const app = createApp({ database: () => database, content: () => content, logger: createLogger('silent'), config: { adminToken: token }, now: () => new Date('2026-03-01T00:00:00Z') });
    const small = database.raw.prepare(`SELECT o.id FROM orgs o WHERE o.kind = 'setting' AND (SELECT count(*) FROM staff s WHERE s.setting_id = o.id) BETWEEN 6 AND 20 LIMIT 1`).get() as { id: string };
    let hidden = 0;
    for (const orgId of [pop.bigTrustId, pop.bigSettingId, small.id]) {
      const res = await app.request(`/v1/orgs/${orgId}/coverage`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const { orgId: _o, generatedAt: _g, areas: _a, ownTraining: _t, ...counted } = (await res.json()) as Record<string, unknown>;
      const each = computeCoverage(content, (await coverageRows(database.db, orgId)).map(toCoverageRow));
      expect(counted).toEqual(JSON.parse(JSON.stringify(each)));
      hidden += [...each.byRole, ...each.byPhase].filter((g) => g.suppressed || g.areas.some((a) => a.suppressed)).length;
    }
    expect(hidden).toBeGreaterThan(0);
    const trust = computeCoverage(content, (await coverageRows(database.db, pop.bigTrustId)).map(toCoverageRow));
    expect(trust.overall.staffCount).toBeGreaterThanOrEqual(250);
    await database.close();
  }, 60_000);
});

const before = mkdtempSync(join(tmpdir(), 'send-mig14-'));
for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => n < '0014')) copyFileSync(join(MIGRATIONS_DIR, f), join(before, f));
afterAll(() => rmSync(before, { recursive: true, force: true }));

describe('migration 0014_coverage_by_setting', () => {
  it('backfills a row for everyone on a staff list, with their secure areas and completed modules', () => {
    const raw = new BetterSqlite3(':memory:');
    raw.pragma('foreign_keys = ON');
    applyMigrations(raw, before);
    raw.exec(`
      INSERT INTO orgs VALUES ('set_1', 'setting', NULL, 'One', 'school', 'primary', NULL, NULL, 't');
      INSERT INTO staff (id, setting_id, name, job_role, phase, created_at, updated_at) VALUES
        ('stf_1', 'set_1', 'A', 'teacher', 'primary', 't', 't'), ('stf_2', 'set_1', 'B', 'leader', 'primary', 't', 't');
      INSERT INTO staff_coverage VALUES ('stf_1', 'pth_1', 'asd,vi');
      INSERT INTO progress VALUES ('stf_1', 'm1', 'completed', 'self', 't', 't'), ('stf_1', 'm2', 'started', 'self', 't', NULL),
        ('stf_2', 'm3', 'completed', 'self', 't', 't');`);
    expect(applyMigrations(raw, MIGRATIONS_DIR)).toContain('0014_coverage_by_setting.sql');
    expect(stored(raw)).toEqual([
      { setting_id: 'set_1', staff_id: 'stf_1', job_role: 'teacher', phase: 'primary', secure_areas: 'asd,vi', done: 'm1' },
      { setting_id: 'set_1', staff_id: 'stf_2', job_role: 'leader', phase: 'primary', secure_areas: null, done: 'm3' },
    ]);
    // Migration 0015 then groups those who completed modules (a setting in no trust is its own group).
    expect(raw.prepare(DONE).all()).toEqual([
      { group_id: 'set_1', job_role: 'leader', phase: 'primary', done: 'm3', n: 1 },
      { group_id: 'set_1', job_role: 'teacher', phase: 'primary', done: 'm1', n: 1 },
    ]);
  });
});
