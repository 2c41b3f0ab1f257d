// Public surface of the panel workflow maths: checking one expert's submission and aggregating a panel into a
// draft evidence set with its report. Pure; the AHP maths itself lives in ../ahp.
export { checkJudgement, type JudgementInput, type OwnConsistency, type PanelJudgement } from './judgement.js';
export { aggregatePanel, type PanelOptions } from './aggregate.js';
export type { AggregationReport, ComparisonReport } from './report.js';
