// Pathways stored as their inputs (migration 0012): the row keeps the request, the derivation and the compact plan,
// never the explained response, and re-deriving gives the response the engine issued, byte for byte, for
// assessments and check-ins alike; the narrow coverage row follows each person's latest pathway; and the migration
// backfills coverage rows and compact plans from pathways stored with their full response; a request's answers are
// stored once, in its assessment's row, where they are the same list (migration 0015 for rows stored before).
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { checkIn } from '../../src/domain/checkin.js';
import { coverageConfidence, secureAreas } from '../../src/domain/coverage.js';
import { coverageRows, toCoverageRow } from '../../src/repos/coverage.js';
import { derive } from '../../src/domain/derivation.js';
import { recommend } from '../../src/domain/recommend.js';
import { createRng } from '../../src/domain/rng.js';
import type { RecommendationRequest, RecommendationResponse } from '../../src/domain/types.js';
import { newAssessment } from '../../src/repos/assessments.js';
import { applyMigrations } from '../../src/repos/drivers/migrate-sqlite.js';
import { openSqlite, sqliteDatabase } from '../../src/repos/drivers/sqlite.js';
import { allPathways, newPathway, type Rederive } from '../../src/repos/pathways.js';
import { seedShippedEvidenceSet } from '../../src/repos/evidence-sets.js';
import { newStaffBatch } from '../../src/repos/staff.js';
import { MIGRATIONS_DIR } from '../helpers/node-app.js';

const content = getShippedContent();
const rederive: Rederive = async (p) => derive(content, p.request, p.derivation);

function requestFor(seed: number): RecommendationRequest {
  const rng = createRng(seed);
  return {
    role: (['teacher', 'teaching_assistant', 'senco', 'leader'] as const)[seed % 4]!,
    phase: (['primary', 'secondary', 'early_years', 'special'] as const)[seed % 4]!,
    responses: content.questionnaire.items.map((it) => ({ itemId: it.id, value: rng.next() < 0.1 ? null : 1 + Math.floor(rng.next() * 5) })),
    confidence: {},
    completedModuleIds: [],
    timeBudgetMinutes: 240 + 60 * (seed % 6),
    weeklyMinutes: 60,
    formats: ['online', 'in_person'],
    priorities: {},
  };
}

describe('pathways stored as their inputs', () => {
  it('re-derive each assessment and check-in response byte for byte, and keep the latest coverage row', async () => {
    const database = openSqlite(':memory:', MIGRATIONS_DIR);
    const now = new Date('2026-01-05T09:00:00Z');
    await seedShippedEvidenceSet(database, content.evidence, now.toISOString());
    const org = { id: 'org_one', kind: 'setting' as const, parent_id: null, name: 'One', setting_type: 'school' as const, phase: 'primary', urn: null, ukprn: null, created_at: now.toISOString() };
    await database.atomic([database.db.insertInto('orgs').values(org).compile()]);
    const made = newStaffBatch(database.db, org.id, Array.from({ length: 6 }, (_, i) => ({ name: `P${i}`, jobRole: 'teacher' as const, phase: 'primary' as const })), now);
    await database.atomic(made.queries);
    const issued = new Map<string, string[]>();
    let at = now.getTime();
    for (const [i, st] of made.staff.entries()) {
      let request = requestFor(i + 1);
      let response = recommend(content, request);
      const a = newAssessment(database.db, st.id, { responses: request.responses }, new Date(at));
      const first = newPathway(database.db, { staffId: st.id, assessmentId: a.id, cause: 'assessment', request, response }, new Date((at += 1000)));
      await database.atomic([a.query, ...first.queries]);
      const texts = [JSON.stringify(response)];
      for (let k = 0; k < 3 && response.pathway.steps.length; k++) {
        const step = response.pathway.steps[0]!;
        const ratings = Object.fromEntries(step.targets.slice(0, 2).map((t, j) => [t.areaId, 2 + ((i + j + k) % 4)]));
        const result = checkIn(content, request, response, { moduleId: step.moduleId, ratings });
        const next = newPathway(database.db, { staffId: st.id, assessmentId: a.id, cause: 'checkin', request: result.request, response: result.response, derivation: result.derivation }, new Date((at += 1000)));
        await database.atomic(next.queries);
        ({ request, response } = result);
        texts.push(JSON.stringify(response));
      }
      issued.set(st.id, texts);
    }
    // A seventh person whose stored assessment holds other answers than the request's: their request keeps its own.
    const other = newStaffBatch(database.db, org.id, [{ name: 'P6', jobRole: 'teacher' as const, phase: 'primary' as const }], now);
    const request7 = requestFor(7);
    const response7 = recommend(content, request7);
    const a7 = newAssessment(database.db, other.staff[0]!.id, { responses: request7.responses.slice(1) }, new Date(at));
    const p7 = newPathway(database.db, { staffId: other.staff[0]!.id, assessmentId: a7.id, cause: 'assessment', request: request7, response: response7 }, new Date(at + 1000));
    await database.atomic([...other.queries, a7.query, ...p7.queries]);
    issued.set(other.staff[0]!.id, [JSON.stringify(response7)]);
    const stored = database.raw
      .prepare(`SELECT count(*) AS n, sum(response = '') AS lean, max(length(request) + coalesce(length(derivation), 0)) AS widest,
        sum(instr(request, '"responses":0') > 0) AS referenced FROM pathways`)
      .get() as { n: number; lean: number; widest: number; referenced: number };
    expect(stored.lean).toBe(stored.n);
    expect(stored.widest).toBeLessThan(4000);
    // The answers are stored once, in the assessment row, wherever they are the same list (all but the seventh person).
    expect(stored.referenced).toBe(stored.n - 1);
    expect((database.raw.prepare('SELECT request FROM pathways WHERE id = ?').get(p7.id) as { request: string }).request).not.toContain('"responses":0');
    for (const [staffId, texts] of issued) {
      const back = await allPathways(database.db, staffId, rederive);
      expect(back.map((p) => JSON.stringify(p.response))).toEqual(texts);
    }
    const rows = new Map((await coverageRows(database.db, org.id)).map((r) => [r.staffId, toCoverageRow(r)]));
    expect(rows.size).toBe(7);
    for (const [staffId, texts] of issued) {
      const latest = coverageConfidence((JSON.parse(texts[texts.length - 1]!) as RecommendationResponse).profile);
      expect(rows.get(staffId)!.secure).not.toBeNull();
      expect([...rows.get(staffId)!.secure!].sort()).toEqual(secureAreas(latest).sort());
    }
    await database.close();
  });
});

/** A folder with the migrations numbered before `number` (removed after this file's tests). */
function migrationsBefore(number: string): string {
  const dir = mkdtempSync(join(tmpdir(), `send-mig${number}-`));
  for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => n < number)) copyFileSync(join(MIGRATIONS_DIR, f), join(dir, f));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An in-memory database migrated with `dir`'s migrations, holding setting set_1 and its member of staff stf_1. */
function oneStaffDatabase(dir: string): BetterSqlite3.Database {
  const raw = new BetterSqlite3(':memory:');
  raw.pragma('foreign_keys = ON');
  applyMigrations(raw, dir);
  raw.exec(`
    INSERT INTO orgs VALUES ('set_1', 'setting', NULL, 'One', 'school', 'primary', NULL, NULL, 't');
    INSERT INTO staff (id, setting_id, name, job_role, phase, created_at, updated_at) VALUES ('stf_1', 'set_1', 'A', 'teacher', 'primary', 't', 't');`);
  return raw;
}

const before = migrationsBefore('0012');

describe('migration 0012_pathway_inputs', () => {
  it('backfills each person’s coverage row from their latest stored response, and the compact plan of every row', () => {
    const raw = oneStaffDatabase(before);
    const older = recommend(content, requestFor(1));
    const newer = recommend(content, requestFor(2));
    const insert = raw.prepare(`INSERT INTO pathways (id, staff_id, assessment_id, cause, request, response, algorithm_version, catalogue_version, evidence_set_id, input_hash, created_at)
      VALUES (?, 'stf_1', NULL, 'assessment', '{}', ?, 'a', 'c', 'e', 'h', 't')`);
    insert.run('pth_1', JSON.stringify(older));
    insert.run('pth_2', JSON.stringify(newer));
    expect(applyMigrations(raw, MIGRATIONS_DIR)).toContain('0012_pathway_inputs.sql');
    const row = raw.prepare('SELECT staff_id, pathway_id, secure_areas FROM staff_coverage').get() as { staff_id: string; pathway_id: string; secure_areas: string };
    expect(row.pathway_id).toBe('pth_2');
    expect(secureAreas(coverageConfidence(newer.profile)).length).toBeGreaterThan(0);
    expect(row.secure_areas.split(',').filter(Boolean).sort()).toEqual(secureAreas(coverageConfidence(newer.profile)).sort());
    const plans = raw.prepare('SELECT id, module_ids, total_minutes FROM pathways ORDER BY id').all();
    expect(plans).toEqual([
      { id: 'pth_1', module_ids: older.pathway.steps.map((s) => s.moduleId).join(','), total_minutes: older.pathway.totalMinutes },
      { id: 'pth_2', module_ids: newer.pathway.steps.map((s) => s.moduleId).join(','), total_minutes: newer.pathway.totalMinutes },
    ]);
    expect(raw.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });
});

const before15 = migrationsBefore('0015');

describe('migration 0015_national_scale', () => {
  it('stores a request’s answers once where they are its assessment’s list, and reads back the same request', async () => {
    const raw = oneStaffDatabase(before15);
    const requests = [requestFor(1), requestFor(2), requestFor(3)];
    const addAssessment = raw.prepare(`INSERT INTO assessments (id, staff_id, answers, created_at) VALUES (?, 'stf_1', ?, 't')`);
    addAssessment.run('asm_1', JSON.stringify({ responses: requests[0]!.responses, formats: ['online'] }));
    addAssessment.run('asm_2', JSON.stringify({ responses: requests[1]!.responses }));
    addAssessment.run('asm_3', JSON.stringify({ responses: requests[2]!.responses.slice(1) }));
    const insert = raw.prepare(`INSERT INTO pathways (id, staff_id, assessment_id, cause, request, response, algorithm_version, catalogue_version, evidence_set_id, input_hash, created_at)
      VALUES (?, 'stf_1', ?, 'assessment', ?, '', 'a', 'c', 'e', 'h', 't')`);
    // The compact object form (as stored since 0012), the list form, and answers other than the assessment's.
    const compact = (r: RecommendationRequest) => JSON.stringify({ ...r, responses: Object.fromEntries(r.responses.map((x) => [x.itemId, x.value])) });
    insert.run('pth_1', 'asm_1', compact(requests[0]!));
    insert.run('pth_2', 'asm_2', JSON.stringify(requests[1]));
    insert.run('pth_3', 'asm_3', compact(requests[2]!));
    expect(applyMigrations(raw, MIGRATIONS_DIR)).toContain('0015_national_scale.sql');
    const texts = raw.prepare('SELECT request FROM pathways ORDER BY id').all() as { request: string }[];
    expect(texts.map((t) => t.request.includes('"responses":0'))).toEqual([true, true, false]);
    const back = await allPathways(sqliteDatabase(raw).db, 'stf_1', async () => ({}) as RecommendationResponse);
    expect(back.map((p) => p.request)).toEqual(requests);
    raw.close();
  });
});
