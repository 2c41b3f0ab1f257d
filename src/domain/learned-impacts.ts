// Puts what check-ins have taught into an evidence set without counting any check-in twice: learning always fits
// against the panel-judged figures (kept in `panelPrior` beside every learned figure), never a learned one.
import type { LearnedEffects } from './learning.js';
import type { EvidenceSet, ModuleEvidence } from './types.js';

/** Default number of observations a module needs before its learned effect replaces the panel's figure. */
export const MIN_OBSERVATIONS_FOR_LEARNED = 20;

export interface LearnedImpactChange {
  readonly moduleId: string;
  /** expectedImpact (0..1) in the set in force. */
  readonly before: number;
  /** The learned figure now in the draft. */
  readonly after: number;
  /** The panel-judged figure learning started from. */
  readonly prior: number;
  readonly n: number;
  /** Posterior sd of `after`. */
  readonly sd: number;
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** One module's evidence with any learned figure removed (its impactSd dropped). */
function withoutLearned(m: ModuleEvidence, panel: { expectedImpact: number; impactSource: string }): ModuleEvidence {
  const { impactSd: _sd, ...rest } = m;
  return { ...rest, expectedImpact: panel.expectedImpact, impactSource: panel.impactSource };
}

/**
 * The set as the panel judged it: every learned expectedImpact replaced by the panel's own figure (from
 * `panelPrior`), with no panelPrior left. A set with no learned figures is returned as it is. Learning fits here.
 */
export function panelJudged(evidence: EvidenceSet): EvidenceSet {
  if (!evidence.panelPrior) return evidence;
  const modules: Record<string, ModuleEvidence> = { ...evidence.modules };
  for (const [id, panel] of Object.entries(evidence.panelPrior)) {
    const m = modules[id];
    if (m) modules[id] = withoutLearned(m, panel);
  }
  const { panelPrior: _p, ...rest } = evidence;
  return { ...rest, modules };
}

export interface LearnedImpactOptions {
  /** Observations a module needs (default MIN_OBSERVATIONS_FOR_LEARNED). */
  readonly minObservations?: number | undefined;
  /** Modules the panel judged in this draft: their panel figure stands. */
  readonly keep?: ReadonlySet<string> | undefined;
  /** The set in force: changes are reported against its figures. */
  readonly current: EvidenceSet;
}

/**
 * From `judged` (panel figures only, e.g. panelJudged(...) or a fresh aggregation), each module with at least
 * `minObservations` observations and not in `keep` takes its learned effect (clamped ≥ 0, 4 decimals) with its
 * posterior sd as impactSd, and `panelPrior` records the panel's figure and source. `learned` must have been fitted
 * against `judged`. Changes list every learned figure that differs from the set in force.
 */
export function withLearnedImpacts(
  judged: EvidenceSet,
  learned: LearnedEffects,
  options: LearnedImpactOptions,
): { evidence: EvidenceSet; changes: LearnedImpactChange[] } {
  const min = options.minObservations ?? MIN_OBSERVATIONS_FOR_LEARNED;
  const modules: Record<string, ModuleEvidence> = { ...judged.modules };
  const panelPrior: Record<string, { expectedImpact: number; impactSource: string }> = {};
  const changes: LearnedImpactChange[] = [];
  for (const m of learned.modules) {
    const panel = judged.modules[m.moduleId];
    if (!panel || m.n < min || options.keep?.has(m.moduleId)) continue;
    const after = r4(Math.max(0, m.learned));
    const sd = r4(m.sd);
    panelPrior[m.moduleId] = { expectedImpact: panel.expectedImpact, impactSource: panel.impactSource };
    modules[m.moduleId] = {
      ...panel,
      expectedImpact: after,
      impactSd: sd,
      impactSource: `Learned from ${m.n} check-in observations (posterior sd ${sd.toFixed(3)}), starting from the panel's ${panel.expectedImpact} (${panel.impactSource})`,
    };
    const before = options.current.modules[m.moduleId]?.expectedImpact ?? panel.expectedImpact;
    if (after !== before) changes.push({ moduleId: m.moduleId, before, after, prior: panel.expectedImpact, n: m.n, sd });
  }
  const { panelPrior: _p, ...rest } = judged;
  const evidence = Object.keys(panelPrior).length ? { ...rest, modules, panelPrior } : { ...rest, modules };
  return { evidence, changes };
}

/**
 * For a draft aggregated without learning: `judged` is the panel's aggregation over panelJudged(base); the learned
 * figures of `base` carry over for every module the panel did not judge now (`keep`), with the panel's figure in
 * panelPrior; judged modules keep the panel's new figure.
 */
export function carryLearned(judged: EvidenceSet, base: EvidenceSet, keep: ReadonlySet<string>): EvidenceSet {
  if (!base.panelPrior) return judged;
  const modules: Record<string, ModuleEvidence> = { ...judged.modules };
  const panelPrior: Record<string, { expectedImpact: number; impactSource: string }> = {};
  for (const id of Object.keys(base.panelPrior)) {
    const learned = base.modules[id];
    const now = judged.modules[id];
    if (!learned || !now || keep.has(id)) continue;
    modules[id] = { ...now, expectedImpact: learned.expectedImpact, impactSource: learned.impactSource, ...(learned.impactSd === undefined ? {} : { impactSd: learned.impactSd }) };
    panelPrior[id] = { expectedImpact: now.expectedImpact, impactSource: now.impactSource };
  }
  const { panelPrior: _p, ...rest } = judged;
  return Object.keys(panelPrior).length ? { ...rest, modules, panelPrior } : { ...rest, modules };
}
