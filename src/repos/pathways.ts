// Recommended pathways per person (from an assessment or a check-in re-plan), stored as their engine inputs and
// provenance with the compact plan; the explained response is re-derived on read (rows from before migration 0012
// keep theirs). Each write also updates the person's narrow coverage row. A request whose answers are its
// assessment's, as given, stores `"responses":0` in their place and reads them from the assessment row (migration 0015).
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { coverageConfidence, secureAreas } from '../domain/coverage.js';
import type { Derivation } from '../domain/derivation.js';
import type { RecommendationRequest, RecommendationResponse } from '../domain/types.js';
import { newId } from './crypto.js';
import { answersList, storedAnswers } from './stored-answers.js';
import type { DB, PathwaysTable } from './schema.js';

export interface StoredPathway {
  readonly id: string;
  readonly staffId: string;
  readonly assessmentId: string | null;
  readonly cause: 'assessment' | 'checkin';
  readonly request: RecommendationRequest;
  readonly response: RecommendationResponse;
  readonly createdAt: string;
}

/** What re-derives a pathway stored as its inputs: the request, the derivation, and the versions that made it. */
export interface PathwayInputsRecord {
  readonly request: RecommendationRequest;
  readonly derivation: Derivation | null;
  readonly evidenceSetId: string;
  readonly algorithmVersion: string;
  readonly catalogueVersion: string;
  readonly inputHash: string;
}

/** Re-derives a stored pathway's response from its inputs (the HTTP layer knows the content and sets). */
export type Rederive = (p: PathwayInputsRecord) => Promise<RecommendationResponse>;

/**
 * The request as stored: answers as one object where that loses nothing (stored-answers.ts), and the fields left at
 * their defaults (no direct ratings, no completed modules, no priorities) left out; parseStoredRequest puts them back.
 * `answers`: the request's answers in their stored form, when the caller has worked them out already.
 */
export function storedRequestJson(request: RecommendationRequest, answers = storedAnswers(request.responses)): string {
  return JSON.stringify(withoutDefaults({ ...request, responses: answers }));
}

/** The request fields stored only when not empty, each with the empty value it takes back when read. */
const STORED_IF_SET = { confidence: () => ({}), completedModuleIds: () => [], priorities: () => ({}) };
const DEFAULTED = Object.keys(STORED_IF_SET) as (keyof typeof STORED_IF_SET)[];

/** The request without the fields that hold their defaults (an empty record or list); those set come last. */
function withoutDefaults<T extends Pick<RecommendationRequest, (typeof DEFAULTED)[number]>>(request: T): Record<string, unknown> {
  const stored: Record<string, unknown> = { ...request };
  for (const field of DEFAULTED) delete stored[field];
  for (const field of DEFAULTED) if (!isEmpty(request[field])) stored[field] = request[field];
  return stored;
}

const isEmpty = (record: object): boolean => Object.keys(record).length === 0;

/** The stored request when its answers are read from the assessment row instead (they stand where they were). */
const ANSWERS_REF = '"responses":0';

/** The request text as stored with the answers its assessment holds. */
export function refToAnswersJson(request: RecommendationRequest): string {
  return JSON.stringify(withoutDefaults({ ...request, responses: 0 }));
}

/**
 * A stored request text with the assessment's answers (`answers`: the JSON stored in the assessment row) put
 * back where it keeps a reference to them; any other text as it is. Role and phase come before the answers and
 * hold no quotes, so the first `"responses":0` is the request's own key.
 */
export function withAnswers(text: string, answers: string | null): string {
  if (answers === null) return text;
  const at = text.indexOf(ANSWERS_REF);
  if (at < 0) return text;
  return text.slice(0, at) + '"responses":' + answers + text.slice(at + ANSWERS_REF.length);
}

/** The SQL text of a pathway's assessment answers (as stored: a list or an object), for readers of stored requests. */
export const ASSESSMENT_ANSWERS = (pathwayAlias: string) =>
  sql<string | null>`(SELECT json_extract(a.answers, '$.responses') FROM assessments a WHERE a.id = ${sql.ref(`${pathwayAlias}.assessment_id`)})`;

/** The request a stored text holds (any form: answers as a list or an object, defaults present or left out). */
export function parseStoredRequest(text: string): RecommendationRequest {
  const r = JSON.parse(text) as Record<string, unknown> & { responses: unknown };
  const request: Record<string, unknown> = { ...r, responses: answersList(r.responses) };
  for (const field of DEFAULTED) request[field] ??= STORED_IF_SET[field]();
  return request as unknown as RecommendationRequest;
}

async function toPathway(r: PathwaysTable & { answers: string | null }, rederive: Rederive): Promise<StoredPathway> {
  const request = parseStoredRequest(withAnswers(r.request, r.answers));
  const response =
    r.response !== ''
      ? (JSON.parse(r.response) as RecommendationResponse)
      : await rederive({
          request,
          derivation: r.derivation ? (JSON.parse(r.derivation) as Derivation) : null,
          evidenceSetId: r.evidence_set_id,
          algorithmVersion: r.algorithm_version,
          catalogueVersion: r.catalogue_version,
          inputHash: r.input_hash,
        });
  return { id: r.id, staffId: r.staff_id, assessmentId: r.assessment_id, cause: r.cause, request, response, createdAt: r.created_at };
}

/**
 * The writes for a new pathway, run atomically by the caller: the pathway as its inputs (request, `derivation`
 * when the profile is more than the request, versions, compact plan; no explained response) and the person's
 * coverage row. Provenance columns come from the response.
 */
export function newPathway(
  db: Kysely<DB>,
  p: { staffId: string; assessmentId: string | null; cause: 'assessment' | 'checkin'; request: RecommendationRequest; response: RecommendationResponse; derivation?: Derivation },
  now: Date,
): { id: string; queries: CompiledQuery[] } {
  const id = newId('pth', now);
  const v = p.response.provenance;
  // The answers are kept once: the pathway refers to its assessment's when they are byte for byte the same list.
  const answers = storedAnswers(p.request.responses);
  const full = storedRequestJson(p.request, answers);
  const request =
    p.assessmentId === null
      ? full
      : sql<string>`CASE WHEN (SELECT json_extract(a.answers, '$.responses') FROM assessments a WHERE a.id = ${p.assessmentId}) = ${JSON.stringify(answers)} THEN ${refToAnswersJson(p.request)} ELSE ${full} END`;
  let moduleIds = '';
  for (const s of p.response.pathway.steps) moduleIds += moduleIds ? ',' + s.moduleId : s.moduleId;
  const pathway = db
    .insertInto('pathways')
    .values({
      id,
      staff_id: p.staffId,
      assessment_id: p.assessmentId,
      cause: p.cause,
      request,
      response: '',
      derivation: p.derivation && (p.derivation.profile || p.derivation.extra !== undefined) ? JSON.stringify(p.derivation) : null,
      module_ids: moduleIds,
      total_minutes: p.response.pathway.totalMinutes,
      exploration: p.response.exploration ? JSON.stringify(p.response.exploration) : null,
      algorithm_version: v.algorithmVersion,
      catalogue_version: v.catalogueVersion,
      evidence_set_id: v.evidenceSetId,
      input_hash: v.inputHash,
      created_at: now.toISOString(),
    })
    .compile();
  const coverageRow = db
    .insertInto('staff_coverage')
    .values({ staff_id: p.staffId, pathway_id: id, secure_areas: secureAreas(coverageConfidence(p.response.profile)).join(',') })
    .onConflict((oc) =>
      oc
        .column('staff_id')
        .doUpdateSet((eb) => ({ pathway_id: eb.ref('excluded.pathway_id'), secure_areas: eb.ref('excluded.secure_areas') }))
        .where('staff_coverage.pathway_id', '<', id),
    )
    .compile();
  return { id, queries: [pathway, coverageRow] };
}

/** The person's latest pathway, or null before their first assessment. */
export async function latestPathway(db: Kysely<DB>, staffId: string, rederive: Rederive): Promise<StoredPathway | null> {
  const r = await db.selectFrom('pathways').selectAll().select(ASSESSMENT_ANSWERS('pathways').as('answers')).where('staff_id', '=', staffId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? toPathway(r, rederive) : null;
}

/** Every pathway of a person, oldest first (for their data export). */
export async function allPathways(db: Kysely<DB>, staffId: string, rederive: Rederive): Promise<StoredPathway[]> {
  const rows = await db.selectFrom('pathways').selectAll().select(ASSESSMENT_ANSWERS('pathways').as('answers')).where('staff_id', '=', staffId).orderBy('id').execute();
  const out: StoredPathway[] = [];
  for (const r of rows) out.push(await toPathway(r, rederive));
  return out;
}
