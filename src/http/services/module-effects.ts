// What staff check-ins say about each module's effect: the panel's figure and the learned one side by side,
// fitted from the de-identified observations in the database against the evidence set in force.
import type { Context } from 'hono';
import { learnModuleEffects, type LearnedEffects } from '../../domain/learning.js';
import { allObservations } from '../../repos/checkins.js';
import type { AppEnv } from '../env.js';
import { evidenceInForce } from '../evidence-cache.js';

export interface ModuleEffects {
  readonly evidenceSetId: string;
  readonly learned: LearnedEffects;
}

/** Fits module effects from every stored observation, with the set in force as the prior. */
export async function moduleEffects(c: Context<AppEnv>): Promise<ModuleEffects> {
  const { record, content } = await evidenceInForce(c);
  const observations = await allObservations(c.get('database').db);
  return { evidenceSetId: record.id, learned: learnModuleEffects(content, observations) };
}
