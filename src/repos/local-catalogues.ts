// An organisation's own catalogue versions (immutable, numbered from 1), bookings on its live sessions, and its
// session plans. No rules here: services decide what a valid next version is.
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { LocalCatalogueBody, LocalLayer } from '../domain/local-catalogue.js';
import type { DB } from './schema.js';

/** The newest version number of each org (0 when none), one indexed query; for cache checks. */
export async function latestVersions(db: Kysely<DB>, orgIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map(orgIds.map((id) => [id, 0]));
  if (orgIds.length === 0) return out;
  const rows = await db
    .selectFrom('local_catalogues')
    .select(['org_id', (e) => e.fn.max('version').as('version')])
    // One bound JSON array: a trust's hundreds of settings stay within D1's 100 bound parameters.
    .where(sql<boolean>`org_id IN (SELECT value FROM json_each(${JSON.stringify(orgIds)}))`)
    .groupBy('org_id')
    .execute();
  for (const r of rows) out.set(r.org_id, Number(r.version));
  return out;
}

/** One stored version, or null. */
export async function getLayer(db: Kysely<DB>, orgId: string, version: number): Promise<LocalLayer | null> {
  const r = await db.selectFrom('local_catalogues').select('body').where('org_id', '=', orgId).where('version', '=', version).executeTakeFirst();
  return r ? { orgId, version, body: JSON.parse(r.body) as LocalCatalogueBody } : null;
}

/** The insert of the next version; fails with a UNIQUE error if another writer took that number first. */
export function newVersionQuery(db: Kysely<DB>, layer: LocalLayer, createdBy: string | null, now: Date): CompiledQuery {
  return db
    .insertInto('local_catalogues')
    .values({ org_id: layer.orgId, version: layer.version, body: JSON.stringify(layer.body), created_by: createdBy, created_at: now.toISOString() })
    .compile();
}

export interface Booking {
  readonly sessionId: string;
  readonly staffId: string;
  readonly attendedAt: string | null;
}

const toBooking = (r: { session_id: string; staff_id: string; attended_at: string | null }): Booking => ({
  sessionId: r.session_id,
  staffId: r.staff_id,
  attendedAt: r.attended_at,
});

/** Bookings on an org's sessions (all of them, or the given ones). */
export async function bookingsFor(db: Kysely<DB>, orgId: string, sessionIds?: readonly string[]): Promise<Booking[]> {
  let q = db.selectFrom('session_attendees').select(['session_id', 'staff_id', 'attended_at']).where('org_id', '=', orgId);
  if (sessionIds) {
    if (sessionIds.length === 0) return [];
    q = q.where('session_id', 'in', [...sessionIds]);
  }
  return (await q.orderBy('session_id').orderBy('staff_id').execute()).map(toBooking);
}

/** Bookings on the sessions of all of `orgIds` in one query, in their order, then by session and person. */
export async function bookingsForAll(db: Kysely<DB>, orgIds: readonly string[]): Promise<Booking[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('session_attendees')
    .select(['org_id', 'session_id', 'staff_id', 'attended_at'])
    .where(sql<boolean>`org_id IN (SELECT value FROM json_each(${JSON.stringify(orgIds)}))`)
    .execute();
  const at = new Map(orgIds.map((id, i) => [id, i]));
  const key = (r: (typeof rows)[number]) => [at.get(r.org_id)!, r.session_id, r.staff_id] as const;
  rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
  });
  return rows.map(toBooking);
}

/** One person's bookings, across organisations. */
export async function bookingsOf(db: Kysely<DB>, staffId: string): Promise<Booking[]> {
  const rows = await db.selectFrom('session_attendees').select(['session_id', 'staff_id', 'attended_at']).where('staff_id', '=', staffId).orderBy('session_id').execute();
  return rows.map(toBooking);
}

export function bookQuery(db: Kysely<DB>, orgId: string, sessionId: string, staffId: string, now: Date): CompiledQuery {
  return db
    .insertInto('session_attendees')
    .values({ org_id: orgId, session_id: sessionId, staff_id: staffId, attended_at: null, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['session_id', 'staff_id']).doNothing())
    .compile();
}

export function unbookQuery(db: Kysely<DB>, sessionId: string, staffId: string): CompiledQuery {
  return db.deleteFrom('session_attendees').where('session_id', '=', sessionId).where('staff_id', '=', staffId).compile();
}

export function attendedQuery(db: Kysely<DB>, sessionId: string, staffId: string, now: Date): CompiledQuery {
  return db.updateTable('session_attendees').set({ attended_at: now.toISOString() }).where('session_id', '=', sessionId).where('staff_id', '=', staffId).compile();
}

export interface StoredPlan {
  readonly id: string;
  readonly orgId: string;
  readonly status: 'proposed' | 'accepted';
  readonly request: unknown;
  readonly body: unknown;
  readonly createdAt: string;
  readonly acceptedAt: string | null;
}

export function newPlanQuery(db: Kysely<DB>, plan: Omit<StoredPlan, 'acceptedAt' | 'status'>): CompiledQuery {
  return db
    .insertInto('session_plans')
    .values({ id: plan.id, org_id: plan.orgId, status: 'proposed', request: JSON.stringify(plan.request), body: JSON.stringify(plan.body), created_at: plan.createdAt, accepted_at: null })
    .compile();
}

export async function getPlan(db: Kysely<DB>, id: string): Promise<StoredPlan | null> {
  const r = await db.selectFrom('session_plans').selectAll().where('id', '=', id).executeTakeFirst();
  return r
    ? { id: r.id, orgId: r.org_id, status: r.status, request: JSON.parse(r.request), body: JSON.parse(r.body), createdAt: r.created_at, acceptedAt: r.accepted_at }
    : null;
}

/** Marks a plan accepted only if it is still proposed (the WHERE makes a second accept a no-op). */
export function acceptPlanQuery(db: Kysely<DB>, id: string, body: unknown, now: Date): CompiledQuery {
  return db
    .updateTable('session_plans')
    .set({ status: 'accepted', body: JSON.stringify(body), accepted_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .compile();
}
