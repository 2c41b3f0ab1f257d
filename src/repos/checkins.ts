// Check-ins after a module (the person's re-ratings), and the de-identified before/after observations they feed,
// stored once per person and module whichever channel reports them.
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { EffectObservation } from '../domain/types.js';
import { newId } from './crypto.js';
import type { DB } from './schema.js';

export interface StoredCheckIn {
  readonly id: string;
  readonly moduleId: string;
  readonly ratings: Record<string, number>;
  readonly pathwayId: string | null;
  readonly createdAt: string;
}

export function newCheckIn(db: Kysely<DB>, c: { staffId: string; moduleId: string; ratings: Record<string, number>; pathwayId: string }, now: Date): { id: string; query: CompiledQuery } {
  const id = newId('chk', now);
  return {
    id,
    query: db
      .insertInto('checkins')
      .values({ id, staff_id: c.staffId, module_id: c.moduleId, ratings: JSON.stringify(c.ratings), pathway_id: c.pathwayId, created_at: now.toISOString() })
      .compile(),
  };
}

export async function listCheckIns(db: Kysely<DB>, staffId: string): Promise<StoredCheckIn[]> {
  const rows = await db.selectFrom('checkins').selectAll().where('staff_id', '=', staffId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, moduleId: r.module_id, ratings: JSON.parse(r.ratings) as Record<string, number>, pathwayId: r.pathway_id, createdAt: r.created_at }));
}

/** Who contributed observations of which module, and through which kind of channel. */
export interface Contributor {
  readonly staffId: string;
  readonly moduleId: string;
  /** 'checkin' (web or API) or 'xapi'. */
  readonly channel: 'checkin' | 'xapi';
}

/**
 * The writes that store a person's observations of one module, counted once: each insert runs only while the
 * person has not contributed observations of this module (through any channel), and the last statement records
 * that they have. Rows hold no person, setting or exact time: a random id and the month only. Run atomically.
 */
export function observationQueries(db: Kysely<DB>, contributor: Contributor, observations: readonly EffectObservation[], now: Date): CompiledQuery[] {
  const month = now.toISOString().slice(0, 7);
  const { staffId, moduleId, channel } = contributor;
  const own = observations.filter((o) => o.moduleId === moduleId);
  if (!own.length) return [];
  const notYet = sql`not exists (select 1 from observation_contributions where staff_id = ${staffId} and module_id = ${moduleId})`;
  const out: CompiledQuery[] = own.map((o) =>
    sql`insert into module_observations (id, module_id, area_id, relevance, level_fit, headroom, before, after, observed_month, channel)
        select ${newId('obs', null)}, ${o.moduleId}, ${o.areaId}, ${o.relevance}, ${o.levelFit}, ${o.headroom}, ${o.before}, ${o.after}, ${month}, ${channel}
        where ${notYet}`.compile(db),
  );
  out.push(db.insertInto('observation_contributions').values({ staff_id: staffId, module_id: moduleId }).onConflict((oc) => oc.doNothing()).compile());
  return out;
}

/** How many observations are stored, by channel, and the months (YYYY-MM) they span. */
export async function observationSummary(db: Kysely<DB>): Promise<{ count: number; byChannel: Record<string, number>; from: string | null; to: string | null }> {
  const rows = await db
    .selectFrom('module_observations')
    .select((eb) => ['channel', eb.fn.countAll<number>().as('n'), eb.fn.min('observed_month').as('from'), eb.fn.max('observed_month').as('to')])
    .groupBy('channel')
    .execute();
  const byChannel = Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
  const months = rows.flatMap((r) => [r.from, r.to]).filter((m): m is string => typeof m === 'string').sort();
  return { count: rows.reduce((s, r) => s + Number(r.n), 0), byChannel, from: months[0] ?? null, to: months[months.length - 1] ?? null };
}

/** Every stored observation, for population learning (domain/learning.ts). */
export async function allObservations(db: Kysely<DB>): Promise<EffectObservation[]> {
  const rows = await db.selectFrom('module_observations').selectAll().orderBy('module_id').orderBy('id').execute();
  return rows.map((r) => ({ moduleId: r.module_id, areaId: r.area_id, relevance: r.relevance, levelFit: r.level_fit, headroom: r.headroom, before: r.before, after: r.after }));
}
