// A seeded national population written through the product's repos and engine: trusts and settings, staff with a
// realistic role and phase mix, a year of self-assessments (recommend() → stored pathway), check-ins (the engine's
// check-in re-plan → stored pathway, check-in, progress, de-identified observations) and leaders' assignments.
// Workforce shares: /work/shared/research/domain.md §3 (DfE School workforce in England, November 2024; DfE
// Childcare and early years provider survey 2023; FE headcount there is marked unverified, so FE is a small share).
import type { CompiledQuery } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { checkIn } from '../../src/domain/checkin.js';
import { recommend } from '../../src/domain/recommend.js';
import { createRng, type Rng } from '../../src/domain/rng.js';
import type { Content, Format, Phase, RecommendationRequest, RecommendationResponse, Role } from '../../src/domain/types.js';
import { FORMATS } from '../../src/domain/types.js';
import { newAssessment } from '../../src/repos/assessments.js';
import { currentEvidenceSetId, getEvidenceSet, insertEvidenceSetQuery, maxEvidenceVersion, supersedeCurrentQuery } from '../../src/repos/evidence-sets.js';
import { newCheckIn, observationQueries } from '../../src/repos/checkins.js';
import { newId } from '../../src/repos/crypto.js';
import type { SqliteDatabase } from '../../src/repos/drivers/sqlite.js';
import { newPathway } from '../../src/repos/pathways.js';
import { recordProgressQuery } from '../../src/repos/progress.js';
import { newStaffBatch, type NewStaff } from '../../src/repos/staff.js';

type Kind = 'nursery' | 'primary' | 'secondary' | 'special' | 'college';
interface SettingKind {
  readonly kind: Kind;
  readonly type: 'school' | 'nursery' | 'college';
  readonly phase: Phase;
  /** Share of all staff (domain.md §3: ~1.3m school staff, ~0.35m early years, FE the remainder). */
  readonly share: number;
  /** Mean staff per setting. */
  readonly size: number;
  readonly roles: readonly (readonly [Role, number])[];
}

// Schools: ~513k teachers, ~410k TAs, ~355k other support staff; early years ~347k paid staff; FE ~0.1m.
export const SETTING_KINDS: readonly SettingKind[] = [
  { kind: 'nursery', type: 'nursery', phase: 'early_years', share: 0.2, size: 30, roles: [['early_years_practitioner', 0.85], ['leader', 0.08], ['senco', 0.05], ['learning_support', 0.02]] },
  { kind: 'primary', type: 'school', phase: 'primary', share: 0.33, size: 50, roles: [['teacher', 0.38], ['teaching_assistant', 0.36], ['learning_support', 0.18], ['leader', 0.06], ['senco', 0.02]] },
  { kind: 'secondary', type: 'school', phase: 'secondary', share: 0.3, size: 130, roles: [['teacher', 0.48], ['teaching_assistant', 0.18], ['learning_support', 0.265], ['leader', 0.06], ['senco', 0.015]] },
  { kind: 'special', type: 'school', phase: 'special', share: 0.11, size: 90, roles: [['teacher', 0.25], ['teaching_assistant', 0.5], ['learning_support', 0.17], ['leader', 0.06], ['senco', 0.02]] },
  { kind: 'college', type: 'college', phase: 'post16', share: 0.06, size: 300, roles: [['fe_lecturer', 0.55], ['learning_support', 0.35], ['leader', 0.07], ['senco', 0.03]] },
];

export interface PopulationPlan {
  readonly staff: number;
  /** Staff in the one large trust whose coverage is measured (50,000 nationally). */
  readonly bigTrustStaff: number;
  /** Staff in the one large setting whose dashboard is measured (2,000 nationally). */
  readonly bigSettingStaff: number;
  readonly seed: number;
  /** People written per transaction (default 1,000; the rehearsal writes larger ones). */
  readonly perTransaction?: number;
}

export interface Population {
  readonly settings: number;
  readonly trusts: number;
  readonly bigTrustId: string;
  readonly bigSettingId: string;
  readonly pathways: number;
  readonly checkins: number;
}

function pick<T>(rng: Rng, weighted: readonly (readonly [T, number])[]): T {
  let x = rng.next() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1]![0];
}

/** Runs compiled queries on the raw connection, preparing each distinct SQL text once. */
function runner(raw: BetterSqlite3.Database): (qs: readonly CompiledQuery[]) => void {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return (qs) => {
    for (const q of qs) {
      let st = cache.get(q.sql);
      if (!st) cache.set(q.sql, (st = raw.prepare(q.sql)));
      st.run(...(q.parameters as unknown[]));
    }
  };
}

interface SettingSpec { readonly id: string; readonly trustId: string | null; readonly kind: SettingKind; readonly staff: number }

/** Settings with their sizes and trusts: one big trust and one big setting first, then the national mix. */
function layout(plan: PopulationPlan, rng: Rng, now: Date): { settings: SettingSpec[]; trusts: string[] } {
  const trusts: string[] = [newId('org', now)];
  const settings: SettingSpec[] = [{ id: newId('org', now), trustId: null, kind: SETTING_KINDS[4]!, staff: plan.bigSettingStaff }];
  let left = plan.staff - plan.bigSettingStaff;
  let bigTrustLeft = plan.bigTrustStaff;
  while (left > 0) {
    const kind = pick(rng, SETTING_KINDS.map((k) => [k, k.share / k.size] as const));
    const size = Math.min(left, Math.max(3, Math.round(kind.size * (0.4 + 1.2 * rng.next()))));
    let trustId: string | null = null;
    if (bigTrustLeft > 0 && kind.type === 'school') {
      trustId = trusts[0]!;
      bigTrustLeft -= size;
    } else if (kind.type === 'school' && rng.next() < 0.8) {
      // About five schools a trust (~2,500 trusts nationally): a new trust for one school in five, else a recent one.
      if (trusts.length === 1 || rng.next() < 0.2) trusts.push(newId('org', now));
      trustId = trusts[1 + Math.floor(rng.next() * Math.min(trusts.length - 1, 20)) + Math.max(0, trusts.length - 21)]!;
    }
    settings.push({ id: newId('org', now), trustId, kind, staff: size });
    left -= size;
  }
  return { settings, trusts };
}

function answers(content: Content, rng: Rng, role: Role): RecommendationRequest['responses'] {
  const lean = role === 'senco' ? 0.8 : role === 'leader' ? 0.4 : role === 'teacher' ? 0.1 : -0.2;
  return content.questionnaire.items.map((it) => {
    if (rng.next() < 0.05) return { itemId: it.id, value: null };
    const v = Math.round(3 + lean + (rng.next() + rng.next() + rng.next() - 1.5) * 1.6);
    return { itemId: it.id, value: Math.min(5, Math.max(1, v)) };
  });
}

const BUDGETS = [240, 360, 360, 480, 600] as const;

/** One person's year: an assessment in the autumn, then 0–3 check-ins on their first steps. */
function personYear(content: Content, rng: Rng, staffId: string, role: Role, phase: Phase, start: number): { queries: CompiledQuery[]; pathways: number; checkins: number } {
  const formats = FORMATS.filter(() => rng.next() < 0.7);
  const request: RecommendationRequest = {
    role,
    phase,
    responses: answers(content, rng, role),
    confidence: {},
    completedModuleIds: [],
    timeBudgetMinutes: BUDGETS[Math.floor(rng.next() * BUDGETS.length)]!,
    weeklyMinutes: 60,
    formats: formats.length ? formats : (['online'] as Format[]),
    priorities: {},
  };
  let at = new Date(start + Math.floor(rng.next() * 90) * 86_400_000);
  let response: RecommendationResponse = recommend(content, request);
  const assessment = newAssessment(DBQ, staffId, { responses: request.responses, timeBudgetMinutes: request.timeBudgetMinutes, weeklyMinutes: 60, formats: request.formats }, at);
  let pathway = newPathway(DBQ, { staffId, assessmentId: assessment.id, cause: 'assessment', request, response }, at);
  const queries = [assessment.query, ...pathway.queries];
  const n = Math.floor(rng.next() * rng.next() * 4.2);
  let req = request;
  let k = 0;
  for (; k < n && response.pathway.steps.length > 0; k++) {
    at = new Date(at.getTime() + (14 + Math.floor(rng.next() * 60)) * 86_400_000);
    const step = response.pathway.steps[0]!;
    const ratings: Record<string, number> = {};
    for (const t of step.targets.slice(0, 2)) ratings[t.areaId] = Math.min(5, 2 + Math.floor(rng.next() * 4));
    const result = checkIn(content, req, response, { moduleId: step.moduleId, ratings });
    pathway = newPathway(DBQ, { staffId, assessmentId: assessment.id, cause: 'checkin', request: result.request, response: result.response, derivation: result.derivation }, at);
    const stored = newCheckIn(DBQ, { staffId, moduleId: step.moduleId, ratings, pathwayId: pathway.id }, at);
    queries.push(recordProgressQuery(DBQ, staffId, step.moduleId, 'completed', 'self', at), ...pathway.queries, stored.query, ...observationQueries(DBQ, { staffId, moduleId: step.moduleId, channel: 'checkin' }, result.observations, at));
    req = result.request;
    response = result.response;
  }
  return { queries, pathways: 1 + k, checkins: k };
}

// The repos build queries from a Kysely instance; any instance over the same schema compiles the same SQL.
let DBQ: SqliteDatabase['db'];

/**
 * Writes the population into `database` (migrated, evidence set seeded), `plan.perTransaction` people a transaction, calling
 * `onProgress(staffWritten)` as it goes. Deterministic for a seed apart from the random parts of ids.
 */
export function writePopulation(database: SqliteDatabase, content: Content, plan: PopulationPlan, onProgress?: (n: number) => void): Population {
  DBQ = database.db;
  const rng = createRng(plan.seed);
  const t0 = Date.UTC(2025, 8, 1);
  const now = new Date(t0);
  const run = runner(database.raw);
  const perTransaction = plan.perTransaction ?? 1000;
  const { settings, trusts } = layout(plan, rng, now);
  const orgRow = (id: string, kind: 'trust' | 'setting', parent: string | null, name: string, type: string | null, phase: string | null) =>
    DBQ.insertInto('orgs').values({ id, kind, parent_id: parent, name, setting_type: type as never, phase, urn: null, ukprn: null, created_at: now.toISOString() }).compile();
  database.raw.transaction(() => {
    run(trusts.map((id, i) => orgRow(id, 'trust', null, i === 0 ? 'Rehearsal Trust (large)' : `Rehearsal Trust ${i}`, null, null)));
    run(settings.map((s, i) => orgRow(s.id, 'setting', s.trustId, i === 0 ? 'Rehearsal College (large)' : `Rehearsal ${s.kind} ${i}`, s.kind.type, s.kind.phase)));
  })();
  let written = 0;
  let pathways = 0;
  let checkins = 0;
  let batch: CompiledQuery[] = [];
  const flush = () => {
    database.raw.transaction(() => run(batch))();
    batch = [];
    onProgress?.(written);
  };
  for (const s of settings) {
    const people: NewStaff[] = [];
    for (let i = 0; i < s.staff; i++) people.push({ name: `Person ${written + i + 1}`, jobRole: pick(rng, s.kind.roles), phase: s.kind.phase });
    const made = newStaffBatch(DBQ, s.id, people, now);
    batch.push(...made.queries);
    batch.push(
      DBQ.insertInto('assignments')
        .values({ id: newId('asg', now), setting_id: s.id, target_kind: 'everyone', target_value: null, target_staff_id: null, kind: 'personalised', module_ids: '[]', due_date: '2026-07-20', assigned_by: null, created_at: now.toISOString() })
        .compile(),
    );
    for (const st of made.staff) {
      const year = personYear(content, rng, st.id, st.jobRole, st.phase, t0);
      batch.push(...year.queries);
      pathways += year.pathways;
      checkins += year.checkins;
      if (++written % perTransaction === 0) flush();
    }
  }
  flush();
  return { settings: settings.length, trusts: trusts.length, bigTrustId: trusts[0]!, bigSettingId: settings[0]!.id, pathways, checkins };
}

/**
 * Publishes a revision of the set in force as the panel might: module evidence strengths nudged and area
 * importance re-weighted (deterministic per seed), stored as the next version and made current, as
 * `npm run evidence -- publish` does. Returns the new set's id.
 */
export async function publishRevision(database: SqliteDatabase, content: Content, seed: number): Promise<string> {
  const previous = (await currentEvidenceSetId(database))!;
  const base = (await getEvidenceSet(database, previous))?.body ?? content.evidence;
  const rng = createRng(seed);
  const version = (await maxEvidenceVersion(database)) + 1;
  const modules = Object.fromEntries(
    Object.entries(base.modules).map(([id, ev]) => [id, { ...ev, strength: Math.min(5, Math.max(0, ev.strength + (rng.next() < 0.3 ? (rng.next() < 0.5 ? -1 : 1) : 0))) }]),
  );
  const areaImportance = Object.fromEntries(Object.entries(base.areaImportance).map(([id, w]) => [id, Math.round(Math.min(1, Math.max(0.05, w * (0.7 + 0.6 * rng.next()))) * 1000) / 1000]));
  const body = { ...base, id: `${content.evidence.id.replace(/-v\d+$/, '')}-v${version}`, version, modules, areaImportance };
  const now = new Date().toISOString();
  await database.atomic([supersedeCurrentQuery(database, now), insertEvidenceSetQuery(database, { body, status: 'published', basedOn: previous, now })]);
  return body.id;
}
