// Puts what check-ins have taught into an evidence set: each well-observed module's expected impact becomes its
// learned effect, with the source saying so; the panel decides whether to publish it.
import type { LearnedEffects } from './learning.js';
import type { EvidenceSet, ModuleEvidence } from './types.js';

/** Default number of observations a module needs before its learned effect replaces the panel's figure. */
export const MIN_OBSERVATIONS_FOR_LEARNED = 20;

export interface LearnedImpactChange {
  readonly moduleId: string;
  readonly before: number;
  readonly after: number;
  readonly n: number;
}

/**
 * Returns `evidence` with expectedImpact (0..1) replaced by the learned effect (clamped ≥ 0, 4 decimals) for every
 * module with at least `minObservations` observations, and the list of changes. Strength, sources, areas and the
 * set's id are unchanged: the caller is building a draft, which gets its own id and provenance.
 */
export function withLearnedImpacts(
  evidence: EvidenceSet,
  learned: LearnedEffects,
  minObservations = MIN_OBSERVATIONS_FOR_LEARNED,
): { evidence: EvidenceSet; changes: LearnedImpactChange[] } {
  const modules: Record<string, ModuleEvidence> = { ...evidence.modules };
  const changes: LearnedImpactChange[] = [];
  for (const m of learned.modules) {
    const current = modules[m.moduleId];
    if (!current || m.n < minObservations) continue;
    const after = Math.round(Math.max(0, m.learned) * 1e4) / 1e4;
    if (after === current.expectedImpact) continue;
    modules[m.moduleId] = {
      ...current,
      expectedImpact: after,
      impactSource: `Learned from ${m.n} check-in observations (posterior sd ${m.sd.toFixed(3)}), starting from the panel's ${current.expectedImpact} (${current.impactSource})`,
    };
    changes.push({ moduleId: m.moduleId, before: current.expectedImpact, after, n: m.n });
  }
  return { evidence: { ...evidence, modules }, changes };
}
