// Public surface of the panel workflow maths: checking one expert's submission and aggregating a panel into a
// draft evidence set with its report. Pure; the AHP maths itself lives in ../ahp.
export { checkJudgement, type Comparison, type ComparisonInput, type JudgementInput, type OwnConsistency, type PanelJudgement, type RatingInput } from './judgement.js';
export { aggregatePanel, type PanelOptions, type PanelOutcome, type PanelTarget, type Submission } from './aggregate.js';
export type { AggregationReport, ComparisonReport, CompactPair, Flag, ModuleReport, WeightRow } from './report.js';
