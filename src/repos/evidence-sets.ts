// Evidence sets as versioned rows (draft -> published -> superseded, one published at a time): reads, and the
// compiled writes callers run through database.atomic(). Migration 0002 guards immutability and status order.
import type { CompiledQuery } from 'kysely';
import type { EvidenceSet } from '../domain/types.js';
import type { Database } from './database.js';
import type { EvidenceSetsTable } from './schema.js';

export type EvidenceStatus = EvidenceSetsTable['status'];

export interface EvidenceSetRecord {
  readonly id: string;
  readonly version: number;
  readonly status: EvidenceStatus;
  readonly basedOn: string | null;
  readonly body: EvidenceSet;
  readonly createdAt: string;
  readonly publishedAt: string | null;
  readonly supersededAt: string | null;
  /** The last aggregation report of a draft (JSON value), or null. */
  readonly aggregation: Readonly<Record<string, unknown>> | null;
}

function toRecord(row: EvidenceSetsTable): EvidenceSetRecord {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    basedOn: row.based_on,
    body: JSON.parse(row.body) as EvidenceSet,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    supersededAt: row.superseded_at,
    aggregation: row.aggregation === null ? null : (JSON.parse(row.aggregation) as Record<string, unknown>),
  };
}

/** True when a write hit a 0002 guard (not a draft / status moving backwards). */
export function isNotDraftViolation(err: unknown): boolean {
  return err instanceof Error && /evidence set (is not a draft|status only moves forward)/i.test(err.message);
}

export async function getEvidenceSet(database: Database, id: string): Promise<EvidenceSetRecord | null> {
  const row = await database.db.selectFrom('evidence_sets').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Id of the published set in force, or null when none is (an empty database). One indexed lookup. */
export async function currentEvidenceSetId(database: Database): Promise<string | null> {
  const row = await database.db.selectFrom('evidence_sets').select('id').where('status', '=', 'published').executeTakeFirst();
  return row?.id ?? null;
}

export interface EvidenceSetPage {
  readonly data: readonly EvidenceSetRecord[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Newest version first; `cursor` is the last version of the previous page (opaque to callers). */
export async function listEvidenceSets(
  database: Database,
  options: { readonly statuses: readonly EvidenceStatus[]; readonly limit: number; readonly cursor?: number | undefined },
): Promise<EvidenceSetPage> {
  let q = database.db.selectFrom('evidence_sets').selectAll().where('status', 'in', [...options.statuses]);
  if (options.cursor !== undefined) q = q.where('version', '<', options.cursor);
  const rows = await q.orderBy('version', 'desc').limit(options.limit + 1).execute();
  const page = rows.slice(0, options.limit).map(toRecord);
  return { data: page, nextCursor: rows.length > options.limit ? String(page[page.length - 1]!.version) : null };
}

export async function maxEvidenceVersion(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('evidence_sets')
    .select((eb) => eb.fn.max('version').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export interface NewEvidenceSet {
  readonly body: EvidenceSet;
  readonly status: 'draft' | 'published';
  readonly basedOn: string | null;
  readonly now: string;
}

/** Insert of a new row; id and version come from `body`. */
export function insertEvidenceSetQuery(database: Database, s: NewEvidenceSet): CompiledQuery {
  return database.db
    .insertInto('evidence_sets')
    .values({
      id: s.body.id,
      version: s.body.version,
      status: s.status,
      based_on: s.basedOn,
      body: JSON.stringify(s.body),
      created_at: s.now,
      published_at: s.status === 'published' ? s.now : null,
      superseded_at: null,
      aggregation: null,
    })
    .compile();
}

/** Replaces a draft's body and aggregation report; matches nothing once the set left draft. */
export function updateDraftQuery(database: Database, id: string, body: EvidenceSet, aggregation: unknown): CompiledQuery {
  return database.db
    .updateTable('evidence_sets')
    .set({ body: JSON.stringify(body), aggregation: JSON.stringify(aggregation) })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .compile();
}

/**
 * The two statements that publish draft `id`: supersede the set in force (only while `id` is still a draft, so a
 * repeated publish cannot leave no current set), then publish the draft. Run them in one atomic() call.
 */
export function publishDraftQueries(database: Database, id: string, now: string): CompiledQuery[] {
  const { db } = database;
  return [
    db
      .updateTable('evidence_sets')
      .set({ status: 'superseded', superseded_at: now })
      .where('status', '=', 'published')
      .where((eb) => eb.exists(eb.selectFrom('evidence_sets as d').select('d.id').where('d.id', '=', id).where('d.status', '=', 'draft')))
      .compile(),
    db.updateTable('evidence_sets').set({ status: 'published', published_at: now }).where('id', '=', id).where('status', '=', 'draft').compile(),
  ];
}

/** Supersedes whatever is in force; put before an insert of a new published set in one atomic() call. */
export function supersedeCurrentQuery(database: Database, now: string): CompiledQuery {
  return database.db.updateTable('evidence_sets').set({ status: 'superseded', superseded_at: now }).where('status', '=', 'published').compile();
}

/**
 * Loads `shipped` as the first published version when the database has no evidence set at all. Idempotent and
 * race-safe: a concurrent seeder's insert conflicts on the id or the one-current index and is ignored.
 */
export async function seedShippedEvidenceSet(database: Database, shipped: EvidenceSet, now: string): Promise<void> {
  const any = await database.db.selectFrom('evidence_sets').select('id').limit(1).executeTakeFirst();
  if (any) return;
  await database.db
    .insertInto('evidence_sets')
    .values({
      id: shipped.id,
      version: shipped.version,
      status: 'published',
      based_on: null,
      body: JSON.stringify(shipped),
      created_at: now,
      published_at: now,
      superseded_at: null,
      aggregation: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
