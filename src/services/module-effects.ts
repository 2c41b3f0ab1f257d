// What staff check-ins say about each module's effect: the panel's figure and the learned one side by side,
// fitted from the de-identified observations against the panel-judged figures behind the set in force (never a
// learned figure, so publishing a learned set and fitting again counts no check-in twice).
import type { LearnedEffects } from '../domain/learning.js';
import type { EvidenceSet } from '../domain/types.js';
import { evidenceInForce } from './evidence-cache.js';
import { fitAgainstPanel } from './learning.js';
import type { Deps } from './deps.js';

export interface ModuleEffects {
  readonly evidenceSetId: string;
  /** The set in force (its figures may be learned ones). */
  readonly inForce: EvidenceSet;
  /** `learned.modules[].prior` is the panel-judged figure. */
  readonly learned: LearnedEffects;
}

/** Fits module effects from every stored observation, with the panel-judged figures of the set in force as the prior. */
export async function moduleEffects(deps: Deps): Promise<ModuleEffects> {
  const { record } = await evidenceInForce(deps);
  const { learned } = await fitAgainstPanel(deps, record.body);
  return { evidenceSetId: record.id, inForce: record.body, learned };
}
