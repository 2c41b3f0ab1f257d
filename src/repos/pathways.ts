// Recommended pathways per person (from an assessment or a check-in re-plan), with the engine request and provenance.
import { sql, type CompiledQuery, type ExpressionBuilder, type Kysely } from 'kysely';
import type { RecommendationRequest, RecommendationResponse } from '../domain/types.js';
import { newId } from './crypto.js';
import { chunks } from './page.js';
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

function toPathway(r: PathwaysTable): StoredPathway {
  return {
    id: r.id,
    staffId: r.staff_id,
    assessmentId: r.assessment_id,
    cause: r.cause,
    request: JSON.parse(r.request) as RecommendationRequest,
    response: JSON.parse(r.response) as RecommendationResponse,
    createdAt: r.created_at,
  };
}

/** The insert for a new pathway; provenance columns come from the response. */
export function newPathway(
  db: Kysely<DB>,
  p: { staffId: string; assessmentId: string | null; cause: 'assessment' | 'checkin'; request: RecommendationRequest; response: RecommendationResponse },
  now: Date,
): { id: string; query: CompiledQuery } {
  const id = newId('pth', now);
  const v = p.response.provenance;
  return {
    id,
    query: db
      .insertInto('pathways')
      .values({
        id,
        staff_id: p.staffId,
        assessment_id: p.assessmentId,
        cause: p.cause,
        request: JSON.stringify(p.request),
        response: JSON.stringify(p.response),
        algorithm_version: v.algorithmVersion,
        catalogue_version: v.catalogueVersion,
        evidence_set_id: v.evidenceSetId,
        input_hash: v.inputHash,
        created_at: now.toISOString(),
      })
      .compile(),
  };
}

/** The person's latest pathway, or null before their first assessment. */
export async function latestPathway(db: Kysely<DB>, staffId: string): Promise<StoredPathway | null> {
  const r = await db.selectFrom('pathways').selectAll().where('staff_id', '=', staffId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? toPathway(r) : null;
}

/** Every pathway of a person, oldest first (for their data export). */
export async function allPathways(db: Kysely<DB>, staffId: string): Promise<StoredPathway[]> {
  return (await db.selectFrom('pathways').selectAll().where('staff_id', '=', staffId).orderBy('id').execute()).map(toPathway);
}

/** The latest pathway of each listed person who has one. */
export async function latestPathways(db: Kysely<DB>, staffIds: readonly string[]): Promise<Map<string, StoredPathway>> {
  const out = new Map<string, StoredPathway>();
  for (const part of chunks(staffIds)) {
    const rows = await db
      .selectFrom('pathways as p')
      .selectAll('p')
      .where('p.staff_id', 'in', part)
      .where(({ eb, selectFrom }) => eb('p.id', '=', latestIdOf(selectFrom)))
      .execute();
    for (const r of rows) out.set(r.staff_id, toPathway(r));
  }
  return out;
}

/**
 * The confidence profile of each listed person's latest pathway (only the profile is read, via json_extract, so
 * coverage of a large trust does not parse whole pathways).
 */
export async function latestProfiles(db: Kysely<DB>, staffIds: readonly string[]): Promise<Map<string, RecommendationResponse['profile']>> {
  const out = new Map<string, RecommendationResponse['profile']>();
  for (const part of chunks(staffIds)) {
    const rows = await db
      .selectFrom('pathways as p')
      .select(['p.staff_id', sql<string>`json_extract(p.response, '$.profile')`.as('profile')])
      .where('p.staff_id', 'in', part)
      .where(({ eb, selectFrom }) => eb('p.id', '=', latestIdOf(selectFrom)))
      .execute();
    for (const r of rows) out.set(r.staff_id, JSON.parse(r.profile) as RecommendationResponse['profile']);
  }
  return out;
}

/** Correlated subquery: the newest pathway id of the outer row's person (`pathways as p`). */
function latestIdOf(selectFrom: ExpressionBuilder<DB & { p: PathwaysTable }, 'p'>['selectFrom']) {
  return selectFrom('pathways as q').select(({ fn }) => fn.max('q.id').as('id')).whereRef('q.staff_id', '=', 'p.staff_id');
}
