// The shape of the learning report the panel reads (API and page): per module prior, learned effect, interval,
// observations and exploration share, and the totals. Data only; http/services/learning-report.ts fills it.
import type { ExplorationSettings } from './types.js';

export interface LearningRow {
  readonly moduleId: string;
  readonly title: string;
  /** The panel-judged figure learning starts from (0..1). */
  readonly prior: number;
  /** The figure in the set in force (learned or the panel's). */
  readonly inForce: number;
  readonly learned: number;
  readonly sd: number;
  /** 95% credible interval of the learned effect (lower end not below 0). */
  readonly interval: readonly [number, number];
  readonly observations: number;
  /** Share (0..1) of the sampled pathways with a step on this module chosen partly to learn. */
  readonly exploringShare: number;
  readonly needsData: boolean;
}

export interface LearningReport {
  readonly evidenceSetId: string;
  readonly observations: number;
  readonly byChannel: Readonly<Record<string, number>>;
  readonly window: { readonly from: string | null; readonly to: string | null };
  readonly minObservations: number;
  /** The set in force's settings; null = exploration off. */
  readonly exploration: ExplorationSettings | null;
  readonly pathways: { readonly sampled: number; readonly exploring: number; readonly meanLossShare: number; readonly maxLossShare: number };
  readonly modules: readonly LearningRow[];
  /** Modules that need more data, fewest observations first. */
  readonly needsData: readonly string[];
}
