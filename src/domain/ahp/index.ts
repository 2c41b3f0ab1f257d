// Public surface of the AHP panel maths (issue 5): validate and build pairwise matrices, derive priorities and
// consistency, aggregate a panel, and apply the result to an EvidenceSet. Pure: no I/O, no clock.

export type { Judgement, PairwiseMatrix, Problem } from './types.js';
export { buildPairwiseMatrix, formatNumber, validatePairwiseMatrix } from './matrix.js';
export { RANDOM_INDEX_TABLES, randomIndex, randomIndexSource, type RandomIndexTable } from './random-index.js';
export {
  geometricMeanPriorities,
  powerIteration,
  principalEigen,
  type PriorityMethod,
} from './priority.js';
export {
  analysePairwise,
  type AnalyseOptions,
  type InconsistentPair,
  type PairwiseAnalysis,
} from './consistency.js';
export {
  aggregatePairwise,
  type PanelPairwiseResult,
} from './aggregate.js';
export type { Agreement, FieldSummary } from './stats.js';
export { aggregateModuleRatings, type ModuleRating } from './ratings.js';
export { applyPanelResults, diffEvidenceSets, type WeightChange } from './apply.js';
