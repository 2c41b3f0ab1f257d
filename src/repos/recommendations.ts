// Stored recommendations (a staff member's pathway as issued): the engine request, the exact response JSON, the
// evidence set and input hash, so any of them can be replayed byte for byte later.
import type { CompiledQuery } from 'kysely';
import type { RecommendationRequest, RecommendationResponse } from '../domain/types.js';
import type { Database } from './database.js';

export interface StoredRecommendation {
  readonly id: string;
  readonly createdAt: string;
  readonly evidenceSetId: string;
  readonly inputHash: string;
  readonly request: RecommendationRequest;
  readonly response: RecommendationResponse;
  /** The response exactly as stored (JSON.stringify of what was sent): replays are compared with these bytes. */
  readonly responseJson: string;
}

export interface NewRecommendation {
  /** Default: a random UUID. */
  readonly id?: string;
  readonly createdAt: string;
  readonly request: RecommendationRequest;
  readonly response: RecommendationResponse;
}

/** The insert as a compiled query, for callers that store a recommendation atomically with other writes. */
export function saveRecommendationQuery(database: Database, rec: NewRecommendation): { id: string; query: CompiledQuery } {
  const id = rec.id ?? crypto.randomUUID();
  const query = database.db
    .insertInto('recommendations')
    .values({
      id,
      created_at: rec.createdAt,
      evidence_set_id: rec.response.provenance.evidenceSetId,
      input_hash: rec.response.provenance.inputHash,
      request: JSON.stringify(rec.request),
      response: JSON.stringify(rec.response),
    })
    .compile();
  return { id, query };
}

/** Stores a recommendation; returns its id. The evidence set it names must be in the database. */
export async function saveRecommendation(database: Database, rec: NewRecommendation): Promise<string> {
  const { id, query } = saveRecommendationQuery(database, rec);
  await database.atomic([query]);
  return id;
}

export async function getRecommendation(database: Database, id: string): Promise<StoredRecommendation | null> {
  const row = await database.db.selectFrom('recommendations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    createdAt: row.created_at,
    evidenceSetId: row.evidence_set_id,
    inputHash: row.input_hash,
    request: JSON.parse(row.request) as RecommendationRequest,
    response: JSON.parse(row.response) as RecommendationResponse,
    responseJson: row.response,
  };
}
