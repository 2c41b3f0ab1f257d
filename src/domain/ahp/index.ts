// Public surface of the AHP panel maths (issue 5): validate and build pairwise matrices, derive priorities and
// consistency, aggregate a panel, and apply the result to an EvidenceSet. Pure: no I/O, no clock.

export type { Checked, Judgement, PairwiseMatrix, Problem } from './types.js';
export { buildPairwiseMatrix, formatNumber, validatePairwiseMatrix, type MatrixOptions } from './matrix.js';
export { RANDOM_INDEX_TABLES, randomIndex, randomIndexSource, type RandomIndexTable } from './random-index.js';
export {
  geometricMeanPriorities,
  multiply,
  powerIteration,
  principalEigen,
  priorities,
  type PriorityMethod,
  type PrincipalEigen,
} from './priority.js';
export {
  DEFAULT_CR_THRESHOLD,
  analysePairwise,
  consistencyIndex,
  consistencyRatio,
  describeConsistency,
  gciThreshold,
  geometricConsistencyIndex,
  mostInconsistentPairs,
  nearestScaleValue,
  type AnalyseOptions,
  type InconsistentPair,
  type PairwiseAnalysis,
} from './consistency.js';
export {
  aggregatePairwise,
  weightedGeometricMeanMatrix,
  type ExpertMatrix,
  type ExpertResult,
  type PairDispersion,
  type PanelPairwiseResult,
  type PriorityDispersion,
} from './aggregate.js';
export { agreement, summarise, weightedQuantile, type Agreement, type Centre, type FieldSummary } from './stats.js';
export { aggregateModuleRatings, type ModuleRating, type ModuleRatingAggregate, type RatingOptions } from './ratings.js';
export {
  applyPanelResults,
  diffEvidenceSets,
  type AppliedPanel,
  type PanelResults,
  type WeightChange,
  type WeightField,
} from './apply.js';
