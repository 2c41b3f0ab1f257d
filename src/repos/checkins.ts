// Check-ins after a module (the person's re-ratings), and the de-identified before/after observations they feed.
import type { CompiledQuery, Kysely } from 'kysely';
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

/**
 * Inserts for observations with no person, setting or exact time: a random id and the month only.
 * Ten rows per statement keeps each under D1's 100 bound parameters.
 */
export function observationQueries(db: Kysely<DB>, observations: readonly EffectObservation[], now: Date): CompiledQuery[] {
  const month = now.toISOString().slice(0, 7);
  const rows = observations.map((o) => ({
    id: newId('obs', null),
    module_id: o.moduleId,
    area_id: o.areaId,
    relevance: o.relevance,
    level_fit: o.levelFit,
    headroom: o.headroom,
    before: o.before,
    after: o.after,
    observed_month: month,
  }));
  const out: CompiledQuery[] = [];
  for (let i = 0; i < rows.length; i += 10) out.push(db.insertInto('module_observations').values(rows.slice(i, i + 10)).compile());
  return out;
}

/** Every stored observation, for population learning (domain/learning.ts). */
export async function allObservations(db: Kysely<DB>): Promise<EffectObservation[]> {
  const rows = await db.selectFrom('module_observations').selectAll().orderBy('module_id').orderBy('id').execute();
  return rows.map((r) => ({ moduleId: r.module_id, areaId: r.area_id, relevance: r.relevance, levelFit: r.level_fit, headroom: r.headroom, before: r.before, after: r.after }));
}
