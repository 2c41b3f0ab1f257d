// Kysely table types, written by hand to match the SQL files in migrations/ (the single schema source).
import type { Generated } from 'kysely';

export interface EvidenceSetsTable {
  id: string;
  version: number;
  status: 'draft' | 'published' | 'superseded';
  based_on: string | null;
  body: string;
  created_at: string;
  published_at: string | null;
  superseded_at: string | null;
}

export interface JudgementsTable {
  id: string;
  evidence_set_id: string;
  expert: string;
  weight: Generated<number>;
  body: string;
  submitted_at: string;
}

export interface RecommendationsTable {
  id: string;
  created_at: string;
  evidence_set_id: string;
  input_hash: string;
  request: string;
  response: string;
}

export interface DB {
  evidence_sets: EvidenceSetsTable;
  judgements: JudgementsTable;
  recommendations: RecommendationsTable;
}
