// Recompute after a publish: re-plan every person's latest stored pathway under a published evidence set, streaming
// people in staff-id order in chunks; each chunk's plans and the job's cursor are one atomic write, so a job stopped
// at any point resumes after its last whole chunk. Explicit dependencies (database, content, clock): the admin CLI,
// the API job route and the national rehearsal all call these functions.
import { profileFromResponse } from '../domain/checkin.js';
import { replanProfile, type Derivation } from '../domain/derivation.js';
import { planOnlyFromProfile, recommendFromProfile } from '../domain/recommend.js';
import { estimateProfile, type Profile } from '../domain/profile.js';
import type { Content, RecommendationRequest, RecommendationResponse } from '../domain/types.js';
import { newId } from '../repos/crypto.js';
import type { Database } from '../repos/database.js';
import { isUniqueViolation } from '../repos/database.js';
import { parseStoredRequest } from '../repos/pathways.js';
import { currentEvidenceSetId, getEvidenceSet } from '../repos/evidence-sets.js';
import {
  countPeopleWithPathways,
  getRecomputeJob,
  insertRecomputeJob,
  latestRecomputeJobFor,
  latestPathwayInputs,
  runningRecomputeJob,
  writeRecomputeChunk,
  finishRecomputeJob,
  type NewPlan,
  type PathwayInputs,
  type RecomputeJob,
  type RunPosition,
} from '../repos/recompute-jobs.js';
import { succeed, type Failure, type Outcome } from './outcome.js';

export interface RecomputeDeps {
  readonly database: Database;
  /** The service's content (catalogue, questionnaire, taxonomy); the job's evidence set replaces its evidence. */
  readonly content: Content;
  readonly now: () => Date;
}

export const DEFAULT_CHUNK = 500;

/**
 * The re-plan of one stored pathway under `content`'s evidence set. An assessment pathway is recommend() of its
 * stored request; a check-in pathway re-plans from the profile it reached (its own profile, as a response reports
 * it), with the stored input hash joining the new one. Deterministic: the same inputs and set give the same response.
 */
export function replan(content: Content, p: PathwayInputs): RecommendationResponse {
  const { request, profile, hashExtra } = replanStart(content, p);
  return recommendFromProfile(content, request, profile, hashExtra);
}

/**
 * What the re-plan of a stored pathway starts from (see replanFrom): its request, and the profile and hash extra; a
 * check-in's profile comes from its stored form directly where it has one (replanProfile: the same profile as
 * reading its response's, without building that), else from the response profile stored with older rows.
 */
function replanStart(content: Content, p: PathwayInputs): { request: RecommendationRequest; profile: Profile; hashExtra?: ReplanExtra } {
  const request = parseStoredRequest(p.request);
  const stored = p.cause === 'checkin' && p.derivation !== null ? (JSON.parse(p.derivation) as Derivation).profile : undefined;
  if (stored) return { request, profile: replanProfile(content, request, stored), hashExtra: replanExtra(p.inputHash) };
  const reported = p.cause === 'checkin' && p.profile !== null ? (JSON.parse(p.profile) as RecommendationResponse['profile']) : null;
  return { request, ...replanFrom(content, p.cause, request, reported, p.inputHash) };
}

/** replan() from a pathway as read (the HTTP layer's): its cause, request, its response's profile and input hash. */
export function replanParsed(
  content: Content,
  cause: 'assessment' | 'checkin',
  request: RecommendationRequest,
  profile: RecommendationResponse['profile'] | null,
  inputHash: string,
): RecommendationResponse {
  const from = replanFrom(content, cause, request, profile, inputHash);
  return recommendFromProfile(content, request, from.profile, from.hashExtra);
}

/**
 * What a re-plan starts from: for an assessment (or a check-in stored without its profile) the request's own
 * profile, as recommend() estimates it; for a check-in the profile it reached, as its response reports it, with the
 * stored input hash as the extra input the new hash joins.
 */
function replanFrom(
  content: Content,
  cause: 'assessment' | 'checkin',
  request: RecommendationRequest,
  profile: RecommendationResponse['profile'] | null,
  inputHash: string,
): { profile: Profile; hashExtra?: ReplanExtra } {
  if (cause !== 'checkin' || profile === null) return { profile: estimateProfile(content, request) };
  return { profile: profileFromResponse(content, request, { profile } as RecommendationResponse), hashExtra: replanExtra(inputHash) };
}

/** The extra input a check-in re-plan's hash joins: the input hash of the pathway it re-plans. */
type ReplanExtra = { readonly replanOf: string };
const replanExtra = (inputHash: string): ReplanExtra => ({ replanOf: inputHash });

/**
 * The compact plan row for the re-plan of one stored pathway: the same plan as replan() (module ids in step order,
 * minutes, provenance), planned without building the explained response, which is not stored.
 */
export function replanRow(content: Content, p: PathwayInputs): NewPlan {
  const { request, profile, hashExtra } = replanStart(content, p);
  const plan = planOnlyFromProfile(content, request, profile, hashExtra);
  return row(p, plan.moduleIds, plan.totalMinutes, plan.provenance);
}

/** The compact plan row for a re-planned response (module ids in step order). */
export function planRow(p: PathwayInputs, r: RecommendationResponse): NewPlan {
  return row(p, r.pathway.steps.map((s) => s.moduleId), r.pathway.totalMinutes, r.provenance);
}

function row(p: PathwayInputs, moduleIds: readonly string[], totalMinutes: number, provenance: RecommendationResponse['provenance']): NewPlan {
  return {
    staff_id: p.staffId,
    pathway_id: p.pathwayId,
    evidence_set_id: provenance.evidenceSetId,
    algorithm_version: provenance.algorithmVersion,
    input_hash: provenance.inputHash,
    module_ids: moduleIds.join(','),
    total_minutes: totalMinutes,
  };
}

/** The service content with a stored, non-draft set's evidence; null when the set is unknown or a draft. */
export async function contentWithSet(deps: RecomputeDeps, setId: string): Promise<Content | null> {
  const record = await getEvidenceSet(deps.database, setId);
  if (!record || record.status === 'draft') return null;
  return record.id === deps.content.evidence.id ? deps.content : { ...deps.content, evidence: record.body };
}

type StartFailure = Failure<'no-set' | 'not-published' | 'running'>;

/**
 * Starts a job for the published set `setId` (default: the set in force): counts the people to re-plan and stores
 * the job. Fails when the set is not the one in force, or another job is running (resume that one instead).
 */
export async function startRecompute(deps: RecomputeDeps, setId?: string): Promise<Outcome<RecomputeJob, StartFailure>> {
  const current = await currentEvidenceSetId(deps.database);
  const id = setId ?? current;
  if (id === null) return { ok: false, reason: 'no-set', problems: [{ kind: 'conflict', path: 'evidenceSetId', message: 'no evidence set is published yet' }] };
  if (id !== current) {
    const known = await getEvidenceSet(deps.database, id);
    const message = known ? `'${id}' is ${known.status}; only the set in force (${current}) can be recomputed` : `unknown evidence set '${id}'`;
    return { ok: false, reason: known ? 'not-published' : 'no-set', problems: [{ kind: known ? 'conflict' : 'validation', path: 'evidenceSetId', message }] };
  }
  const running = await runningRecomputeJob(deps.database);
  if (running) return runningFailure(running);
  const now = deps.now();
  const jobId = newId('rcj', now);
  try {
    await insertRecomputeJob(deps.database, { id: jobId, evidenceSetId: id, total: await countPeopleWithPathways(deps.database), now: now.toISOString() });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const other = await runningRecomputeJob(deps.database);
    if (other) return runningFailure(other);
    throw err;
  }
  return succeed((await getRecomputeJob(deps.database, jobId))!);
}

function runningFailure(job: RecomputeJob): { ok: false; reason: 'running'; problems: StartFailure['problems'] } {
  return { ok: false, reason: 'running', problems: [{ kind: 'conflict', path: 'jobId', message: `job ${job.id} is running (${job.done} of ${job.total}); resume it instead` }] };
}

export interface RunOptions {
  readonly chunk?: number;
  /** Called after every chunk with the job as stored. */
  readonly onProgress?: (job: RecomputeJob) => void;
  /** Called between chunks; a background run awaits it to let requests in. */
  readonly between?: () => Promise<void>;
  /** Stop (between chunks, the job still running) once this many milliseconds have passed: a bounded turn. */
  readonly budgetMs?: number;
  /** The run's name, written on the job with each chunk (default: a new one). */
  readonly runner?: string;
}

/**
 * Runs (or resumes) job `jobId` from its cursor, one atomic chunk at a time, and answers with the job as finally
 * stored. It stops when the job is completed; when another run of the same job wrote a chunk since this run read
 * its own (that run carries on, and this one's chunk wrote nothing: writeRecomputeChunk); or, with `budgetMs`,
 * when the time is up. A completed job is answered as it is.
 */
export async function runRecompute(deps: RecomputeDeps, jobId: string, opts: RunOptions = {}): Promise<RecomputeJob> {
  let job = await getRecomputeJob(deps.database, jobId);
  if (!job) throw new RangeError(`no recompute job ${jobId}`);
  if (job.status === 'completed') return job;
  const content = await contentWithSet(deps, job.evidenceSetId);
  if (!content) throw new RangeError(`evidence set ${job.evidenceSetId} is not stored`);
  const size = opts.chunk ?? DEFAULT_CHUNK;
  const runner = opts.runner ?? newId('rcr', null);
  const started = performance.now();
  for (;;) {
    const after = job.cursor;
    await runChunk(deps, content, { id: job.id, runner, after }, size);
    job = (await getRecomputeJob(deps.database, job.id))!;
    opts.onProgress?.(job);
    if (job.status === 'completed' || job.runner !== runner) return job;
    if (opts.budgetMs !== undefined && performance.now() - started >= opts.budgetMs) return job;
    if (opts.between) await opts.between();
  }
}

/** Re-plans the people after `run.after` (up to `size`) and writes them as one chunk; an empty chunk finishes the job. */
async function runChunk(deps: RecomputeDeps, content: Content, run: RunPosition, size: number): Promise<void> {
  const people = await latestPathwayInputs(deps.database, run.after, size);
  const now = deps.now().toISOString();
  if (people.length === 0) return finishRecomputeJob(deps.database, { ...run, now });
  const plans: NewPlan[] = [];
  for (const p of people) plans.push(replanRow(content, p));
  const finished = people.length < size;
  await writeRecomputeChunk(deps.database, { ...run, cursor: people[people.length - 1]!.staffId, plans, finished, now });
}

/** A `between` for runs beside other work: lets the event loop answer what is waiting before the next chunk. */
export const yieldToRequests = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** How long a running job must have made no progress before the background work continues it. */
export const IDLE_BEFORE_CONTINUING_MS = 20_000;
/** How long one background turn at a job runs (Workers give a cron invocation 30 s of CPU by default). */
export const BACKGROUND_TURN_MS = 20_000;

/** The run of this process's last background turn, when the turn ended on its time with the job still running. */
let turnLeftRunning: string | null = null;

/**
 * The background work's part in recompute jobs (every minute on Workers by the cron trigger, every few seconds on
 * Node): a running job that has made no progress for IDLE_BEFORE_CONTINUING_MS (its run was stopped: a Workers
 * request's time ran out, the process restarted), or that this process's last turn left running, is continued for
 * one turn of `turnMs` (default BACKGROUND_TURN_MS). Answers the job after the turn, or null when there was none
 * to continue.
 */
export async function continueIdleRecompute(deps: RecomputeDeps, opts: Pick<RunOptions, 'chunk' | 'between'> & { turnMs?: number } = {}): Promise<RecomputeJob | null> {
  const job = await runningRecomputeJob(deps.database);
  if (!job) return null;
  const ours = job.runner !== null && job.runner === turnLeftRunning;
  if (!ours && deps.now().getTime() - Date.parse(job.updatedAt) < IDLE_BEFORE_CONTINUING_MS) return null;
  const runner = newId('rcr', null);
  const after = await runRecompute(deps, job.id, { chunk: opts.chunk, between: opts.between, budgetMs: opts.turnMs ?? BACKGROUND_TURN_MS, runner });
  // Left running by this turn's own run (not by another run that took the job over): the next turn need not wait.
  turnLeftRunning = after.status === 'running' && after.runner === runner ? runner : null;
  return after;
}

/** Whether set `setId` is the one in force (only it can be re-planned under), and its newest re-plan job if any. */
export async function recomputeStatusOf(deps: Pick<RecomputeDeps, 'database'>, setId: string): Promise<{ inForce: boolean; job: RecomputeJob | null }> {
  return { inForce: (await currentEvidenceSetId(deps.database)) === setId, job: await latestRecomputeJobFor(deps.database, setId) };
}

/** The share of the job done, 0..1 (1 once completed, even when people were added while it ran). */
export function progressOf(job: RecomputeJob): number {
  if (job.status === 'completed') return 1;
  return job.total === 0 ? 0 : Math.min(0.9999, job.done / job.total);
}
