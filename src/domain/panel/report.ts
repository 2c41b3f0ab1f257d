// Report shapes for a panel aggregation (weights with CR, GCI, dispersion and flags) and the small helpers that
// turn the AHP maths' results into them. Numbers are rounded to 6 decimals for people; the body keeps 4.

import type {
  Agreement,
  FieldSummary,
  InconsistentPair,
  PanelPairwiseResult,
  RandomIndexTable,
  WeightChange,
} from '../ahp/index.js';

export const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;
const r6n = (x: number | null): number | null => (x === null ? null : r6(x));

/** An inconsistent judgement as shown to the expert: what they said, what their own priorities imply. */
export interface CompactPair {
  readonly a: string;
  readonly b: string;
  readonly judged: number;
  readonly implied: number;
  /** The implied ratio on Saaty's scale: a value to consider when revisiting the pair. */
  readonly impliedOnScale: number;
}

export function compactPairs(pairs: readonly InconsistentPair[]): CompactPair[] {
  return pairs.map((p) => ({ a: p.a ?? String(p.row), b: p.b ?? String(p.column), judged: r6(p.judged), implied: r6(p.implied), impliedOnScale: r6(p.impliedOnScale) }));
}

export interface Dispersion {
  /** Weighted mean, population SD, minimum and maximum of the experts' own priorities. */
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export interface WeightRow {
  readonly id: string;
  /** Group priority (sums to 1 over the comparison), by the chosen method. */
  readonly priority: number;
  /** The principal-eigenvector priority, as a cross-check. */
  readonly eigenvector: number;
  readonly dispersion: Dispersion;
}

export interface ExpertConsistency {
  readonly expert: string;
  /** Normalised weight in this comparison. */
  readonly weight: number;
  readonly cr: number | null;
  readonly gci: number;
  readonly inconsistent: boolean;
  readonly mostInconsistentPairs: readonly CompactPair[];
}

export interface ComparisonReport {
  /** `areas`, or `modules:<areaId>`. */
  readonly comparison: string;
  readonly items: readonly string[];
  /** The aggregated (group) matrix's consistency. */
  readonly consistency: {
    readonly lambdaMax: number;
    readonly ci: number;
    readonly randomIndex: number | null;
    readonly cr: number | null;
    readonly crThreshold: number;
    readonly gci: number;
    readonly gciThreshold: number | null;
    readonly inconsistent: boolean;
    /** max |RGMM - eigenvector| over items. */
    readonly methodDifference: number;
  };
  readonly weights: readonly WeightRow[];
  /** Between-expert spread of each judgement: geometric SD 1 = full agreement. */
  readonly pairs: readonly { a: string; b: string; group: number; geometricSd: number; min: number; max: number; n: number }[];
  readonly experts: readonly ExpertConsistency[];
}

export interface ModuleReport {
  readonly moduleId: string;
  readonly strength: FieldSummary | null;
  readonly strengthAgreement: Agreement | null;
  readonly expectedImpact: FieldSummary | null;
  /** Reported, not applied: the catalogue owns relevance. */
  readonly relevance: Readonly<Record<string, FieldSummary>>;
  /** What the aggregated body now holds, and where expected impact came from. */
  readonly applied: { readonly strength: number; readonly expectedImpact: number; readonly impactFrom: 'ratings' | 'comparisons' | 'base' };
}

export interface Flag {
  /** The expert whose matrix is inconsistent, or null for the aggregated panel matrix. */
  readonly expert: string | null;
  readonly comparison: string;
  readonly cr: number | null;
  readonly gci: number;
  readonly message: string;
  readonly mostInconsistentPairs: readonly CompactPair[];
}

export interface AggregationReport {
  readonly method: {
    readonly priorities: 'geometric-mean' | 'eigenvector';
    readonly crossCheck: 'eigenvector' | 'geometric-mean';
    readonly aggregation: string;
    readonly randomIndexTable: RandomIndexTable;
    readonly randomIndexSource: string;
    readonly crThreshold: number;
    readonly ratings: string;
    readonly moduleComparisons: string;
  };
  readonly experts: readonly { readonly expert: string; readonly weight: number }[];
  readonly areas: ComparisonReport | null;
  readonly moduleComparisons: readonly ComparisonReport[];
  readonly modules: readonly ModuleReport[];
  /** Every matrix with CR above the threshold (or GCI above its threshold when CR is unavailable). Never repaired. */
  readonly flags: readonly Flag[];
  /** Weight changes against the set the draft is based on, largest first. */
  readonly changes: readonly WeightChange[];
  readonly notes: readonly string[];
}

/** The comparison report for one aggregated comparison (items already in matrix order). */
export function comparisonReport(comparison: string, items: readonly string[], experts: readonly string[], r: PanelPairwiseResult): ComparisonReport {
  const g = r.group;
  return {
    comparison,
    items,
    consistency: {
      lambdaMax: r6(g.lambdaMax),
      ci: r6(g.ci),
      randomIndex: g.randomIndex,
      cr: r6n(g.cr),
      crThreshold: g.crThreshold,
      gci: r6(g.gci),
      gciThreshold: g.gciThreshold,
      inconsistent: g.inconsistent,
      methodDifference: r6(g.methodDifference),
    },
    weights: items.map((id, i) => {
      const d = r.items[i]!;
      return {
        id,
        priority: r6(g.priorities[i]!),
        eigenvector: r6(g.method === 'geometric-mean' ? g.eigenvector[i]! : g.geometricMean[i]!),
        dispersion: { mean: r6(d.mean), sd: r6(d.sd), min: r6(d.min), max: r6(d.max), n: r.experts.filter((e) => e.weight > 0).length },
      };
    }),
    pairs: r.pairs.map((p) => ({ a: items[p.row]!, b: items[p.column]!, group: r6(p.group), geometricSd: r6(p.geometricSd), min: r6(p.min), max: r6(p.max), n: p.n })),
    experts: r.experts.map((e, k) => ({
      expert: experts[k]!,
      weight: r6(e.weight),
      cr: r6n(e.analysis.cr),
      gci: r6(e.analysis.gci),
      inconsistent: e.analysis.inconsistent,
      mostInconsistentPairs: compactPairs(e.analysis.mostInconsistentPairs),
    })),
  };
}

/** Flags for every inconsistent expert matrix and an inconsistent group matrix in a comparison report. */
export function flagsOf(report: ComparisonReport, groupPairs: readonly CompactPair[]): Flag[] {
  const describe = (cr: number | null, gci: number) =>
    cr === null ? `GCI ${gci} is above the threshold` : `CR ${cr} is above ${report.consistency.crThreshold}`;
  const flags: Flag[] = report.experts
    .filter((e) => e.inconsistent)
    .map((e) => ({
      expert: e.expert,
      comparison: report.comparison,
      cr: e.cr,
      gci: e.gci,
      message: `${describe(e.cr, e.gci)}: please revisit the listed pairs (judgements are not changed for you)`,
      mostInconsistentPairs: e.mostInconsistentPairs,
    }));
  if (report.consistency.inconsistent) {
    flags.push({
      expert: null,
      comparison: report.comparison,
      cr: report.consistency.cr,
      gci: report.consistency.gci,
      message: `the aggregated panel matrix is inconsistent (${describe(report.consistency.cr, report.consistency.gci)})`,
      mostInconsistentPairs: groupPairs,
    });
  }
  return flags;
}
