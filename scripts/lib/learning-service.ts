// Drives the product's own service functions for scripts/simulate-learning.ts: an in-memory database with the
// real migrations, staff records, self-assessments, check-ins after each module, learned drafts and a signed-off
// publish, exactly as the API routes call them. Nothing here scores anything; the world stays in sim-world.ts.

import { fileURLToPath } from 'node:url';
import { evidenceInForce } from '../../src/services/evidence-cache.js';
import { toEngineRequest } from '../../src/services/engine-request.js';
import { aggregateDraft, createDraft, publishDraft } from '../../src/services/evidence-sets.js';
import { checkIn, takeAssessment } from '../../src/services/staff-progress.js';
import type { PlanningState } from '../../src/services/pathway-view.js';
import type { Deps } from '../../src/services/deps.js';
import { cliDeps } from '../../src/services/cli-deps.js';
import { openSqlite, type SqliteDatabase } from '../../src/repos/drivers/sqlite.js';
import { getEvidenceSet } from '../../src/repos/evidence-sets.js';
import { createOrg } from '../../src/repos/orgs.js';
import { newStaffBatch, type Staff } from '../../src/repos/staff.js';
import type { Content, ExplorationSettings, Format, Phase, RecommendationRequest, RecommendationResponse, Role } from '../../src/domain/types.js';

const MIGRATIONS = fileURLToPath(new URL('../../src/repos/migrations/', import.meta.url));

/** One deployment of the service in process: its database, content, clock and a request context for services. */
export interface Service {
  readonly deps: Deps;
  readonly database: SqliteDatabase;
  /** Moves the service's clock (observations carry the month). */
  setNow(d: Date): void;
  /** Moves the clock on a minute: a person's next action comes later than their last (pathways are ordered by time). */
  tick(): void;
  close(): void;
}

/**
 * A fresh service on an empty in-memory database with the real migrations. The context carries exactly what the
 * app sets for a request (src/http/service-deps.ts); services read nothing else.
 */
export function startService(content: Content, start: Date): Service {
  const database = openSqlite(':memory:', MIGRATIONS);
  compileStatementsOnce(database);
  let now = start;
  const deps = cliDeps(database, content, { requestId: 'simulation', now: () => now, principal: { kind: 'admin-token', role: 'admin' } });
  return { deps, database, setNow: (d) => (now = d), tick: () => (now = new Date(now.getTime() + 60_000)), close: () => database.close() };
}

/**
 * Compiles each distinct SQL text once for this in-memory database (better-sqlite3 statements are reusable: every
 * call binds its own parameters and runs to completion). The service sends the same few dozen statements tens of
 * thousands of times per cohort; compiling them again each time was an eighth of the simulation's time. What runs
 * and what is stored are unchanged.
 */
function compileStatementsOnce(database: SqliteDatabase): void {
  const raw = database.raw;
  const compile = raw.prepare.bind(raw);
  const compiled = new Map<string, ReturnType<typeof compile>>();
  raw.prepare = ((sql: string) => {
    let statement = compiled.get(sql);
    if (!statement) compiled.set(sql, (statement = compile(sql)));
    return statement;
  }) as typeof raw.prepare;
}

/** Creates one setting and `people` staff records (role and phase each), in one write. */
export async function enrol(s: Service, people: readonly { role: Role; phase: Phase }[]): Promise<Staff[]> {
  const now = s.deps.now();
  const org = await createOrg(s.database.db, { kind: 'setting', name: 'Simulated setting', settingType: 'school' }, now);
  const out: Staff[] = [];
  for (let i = 0; i < people.length; i += 200) {
    const batch = newStaffBatch(s.database.db, org.id, people.slice(i, i + 200).map((p, k) => ({ name: `Learner ${i + k + 1}`, jobRole: p.role, phase: p.phase })), now);
    await s.database.atomic(batch.queries);
    out.push(...batch.staff);
  }
  return out;
}

export interface AssessmentAnswers {
  readonly responses: RecommendationRequest['responses'];
  readonly formats: readonly Format[];
  readonly timeBudgetMinutes: number;
  readonly weeklyMinutes: number;
  /** Modules done elsewhere before (recorded as completed, as the body's completedModuleIds are). */
  readonly completed: readonly string[];
}

/** POST /v1/me/assessments as the route does it: the body becomes an engine request for the person's role and phase. */
export async function assess(s: Service, staff: Staff, a: AssessmentAnswers): Promise<{ content: Content; state: PlanningState }> {
  const { content } = await evidenceInForce(s.deps);
  const body = { role: staff.jobRole, phase: staff.phase, responses: [...a.responses], confidence: {}, completedModuleIds: [...a.completed], timeBudgetMinutes: a.timeBudgetMinutes, weeklyMinutes: a.weeklyMinutes, formats: [...a.formats], priorities: {} };
  const request = toEngineRequest(content, body);
  const taken = await takeAssessment(s.deps, content, staff, { request, answers: body, alsoCompleted: a.completed });
  return { content, state: taken.state };
}

/** POST /v1/me/checkins as the route does it: re-ratings after a module; answers with the re-planned state. */
export async function checkInAfter(s: Service, staff: Staff, moduleId: string, ratings: Record<string, number>): Promise<PlanningState> {
  const { content } = await evidenceInForce(s.deps);
  const done = await checkIn(s.deps, content, staff, { moduleId, ratings });
  if (!done.ok) throw new Error(`check-in refused: ${done.reason}`);
  return done.value.state;
}

/** The first step of the person's latest pathway, or null when nothing is left. */
export function nextStep(state: PlanningState): RecommendationResponse['pathway']['steps'][number] | null {
  return state.latest?.response.pathway.steps[0] ?? null;
}

/**
 * A panel round as the API runs it: a draft from the set in force, aggregated from learned effects alone (no
 * judgements; optionally setting exploration), then published with a named sign-off. Answers with the new set id.
 */
export async function publishLearned(s: Service, round: number, options: { exploration?: ExplorationSettings | undefined; minObservations?: number | undefined } = {}): Promise<string> {
  const made = await createDraft(s.deps, { provenance: { panel: 'Simulated panel', members: [], notes: `learning round ${round}` } });
  if (!made.ok) throw new Error(`draft: ${made.reason}`);
  const aggregated = await aggregateDraft(s.deps, made.value, { useLearnedEffects: true, minObservations: options.minObservations ?? 20, exploration: options.exploration });
  if (!aggregated.ok) throw new Error(`aggregate: ${aggregated.problems.map((p) => p.message).join('; ')}`);
  const draft = (await getEvidenceSet(s.database, made.value.id))!;
  const published = await publishDraft(s.deps, draft, 'Simulated panel chair');
  if (!published.ok) throw new Error(`publish: ${published.reason}`);
  return published.value.id;
}

/** The engine content for the set in force now (what POST /v1/recommendations uses). */
export async function contentInForce(s: Service): Promise<Content> {
  return (await evidenceInForce(s.deps)).content;
}
