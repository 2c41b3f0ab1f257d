// Population learning for evidence drafts: fits module effects from every stored observation against the
// panel-judged figures (so no check-in counts twice), builds the report of a draft made from learned effects alone,
// and the sign-off a set with learned effects must carry when it is published.
import { panelJudged, withLearnedImpacts, type LearnedImpactChange } from '../domain/learned-impacts.js';
import { learnModuleEffects, type LearnedEffects } from '../domain/learning.js';
import { randomIndexSource, type RandomIndexTable } from '../domain/ahp/index.js';
import type { AggregationReport } from '../domain/panel/index.js';
import type { EvidenceSet, ExplorationSettings, LearningSignOff } from '../domain/types.js';
import { allObservations, observationSummary } from '../repos/checkins.js';
import type { Deps } from './deps.js';

/** What a learned draft was fitted on: stored in its aggregation, copied into the provenance at sign-off. */
export interface LearningBasis {
  readonly observations: number;
  readonly byChannel: Readonly<Record<string, number>>;
  readonly window: { readonly from: string | null; readonly to: string | null };
  readonly minObservations: number;
  readonly modulesLearned: number;
  readonly fittedAgainst: string;
}

/** Module effects fitted on every stored observation with `evidence`'s panel-judged figures as the prior. */
export async function fitAgainstPanel(deps: Deps, evidence: EvidenceSet): Promise<{ learned: LearnedEffects; judged: EvidenceSet }> {
  const judged = panelJudged(evidence);
  const observations = await allObservations(deps.database.db);
  return { learned: learnModuleEffects({ ...deps.content, evidence: judged }, observations), judged };
}

/**
 * `judged` (the draft's panel figures) with learned effects for well-observed modules the panel did not judge now
 * (`keep`), the changes against `current`, and what the fit was based on.
 */
export async function applyLearning(
  deps: Deps,
  judged: EvidenceSet,
  current: EvidenceSet,
  keep: ReadonlySet<string>,
  minObservations: number,
): Promise<{ evidence: EvidenceSet; changes: LearnedImpactChange[]; basis: LearningBasis }> {
  const { learned } = await fitAgainstPanel(deps, judged);
  const { evidence, changes } = withLearnedImpacts(judged, learned, { minObservations, keep, current });
  const summary = await observationSummary(deps.database.db);
  return {
    evidence,
    changes,
    basis: {
      observations: learned.observations,
      byChannel: summary.byChannel,
      window: { from: summary.from, to: summary.to },
      minObservations,
      modulesLearned: Object.keys(evidence.panelPrior ?? {}).length,
      fittedAgainst: 'the panel-judged expected impact of each module (never a learned figure), so each observation counts once',
    },
  };
}

/** The aggregation report of a draft built from learned effects alone (no judgements); `changes` filled by the caller. */
export function learnedOnlyReport(options: { randomIndexTable?: RandomIndexTable | undefined; crThreshold?: number | undefined; method?: 'geometric-mean' | 'eigenvector' | undefined }): AggregationReport {
  const table = options.randomIndexTable ?? 'saaty';
  const method = options.method ?? 'geometric-mean';
  return {
    method: {
      priorities: method,
      crossCheck: method === 'geometric-mean' ? 'eigenvector' : 'geometric-mean',
      aggregation: 'none: no judgements were submitted; module effects come from check-ins alone',
      randomIndexTable: table,
      randomIndexSource: randomIndexSource(table),
      crThreshold: options.crThreshold ?? 0.1,
      ratings: 'none',
      moduleComparisons: 'none',
    },
    experts: [],
    areas: null,
    moduleComparisons: [],
    modules: [],
    flags: [],
    changes: [],
    notes: ['No judgements: every change comes from learned module effects. Publishing needs an explicit sign-off.'],
  };
}

/** The exploration settings to store: the requested ones, else the base set's (absent = off). */
export function explorationFor(requested: ExplorationSettings | undefined, base: EvidenceSet): ExplorationSettings | undefined {
  return requested ?? base.exploration;
}

/** The learning basis a draft's stored aggregation carries, or null when it did not use learned effects. */
export function learningBasisOf(aggregation: unknown): LearningBasis | null {
  const learning = (aggregation as { learning?: LearningBasis } | null)?.learning;
  return learning && typeof learning.observations === 'number' ? learning : null;
}

/** The provenance sign-off for a learned set published now by `signedOffBy`. */
export function signOff(basis: LearningBasis, signedOffBy: string, now: Date): LearningSignOff {
  return {
    signedOffBy,
    signedOffAt: now.toISOString(),
    observations: basis.observations,
    window: basis.window,
    modulesLearned: basis.modulesLearned,
    minObservations: basis.minObservations,
  };
}
