// Panel aggregation of pairwise judgements (AIJ): the weighted geometric mean of the experts' matrices, its
// priorities and consistency, each expert's own priorities, and the disagreement between experts beside each weight.

import { analysePairwise, type AnalyseOptions, type PairwiseAnalysis } from './consistency.js';
import type { Checked, PairwiseMatrix, Problem } from './types.js';

export interface ExpertMatrix {
  readonly expertId: string;
  readonly matrix: PairwiseMatrix;
  /** Relative weight of this expert, >= 0; default 1 (equal weights). Normalised across the panel. */
  readonly weight?: number;
}

export interface ExpertResult {
  readonly expertId: string;
  /** Normalised weight, 0..1; the panel's weights sum to 1. */
  readonly weight: number;
  readonly analysis: PairwiseAnalysis;
}

export interface PairDispersion {
  readonly row: number;
  readonly column: number;
  readonly a?: string;
  readonly b?: string;
  /** Group judgement: weighted geometric mean of the experts' a_ij. */
  readonly group: number;
  /** exp(weighted SD of ln a_ij) over experts: 1 when all agree; 2 means a typical factor-of-2 spread. */
  readonly geometricSd: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export interface PriorityDispersion {
  readonly index: number;
  readonly item?: string;
  /** The group's priority for this item (from the aggregated matrix). */
  readonly group: number;
  /** Weighted mean, population SD, minimum and maximum of the experts' own priorities for this item. */
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

export interface PanelPairwiseResult {
  readonly groupMatrix: PairwiseMatrix;
  readonly group: PairwiseAnalysis;
  readonly experts: readonly ExpertResult[];
  /** One entry per pair i < j, in row-major order. */
  readonly pairs: readonly PairDispersion[];
  /** One entry per item, in row order. */
  readonly items: readonly PriorityDispersion[];
}

/**
 * Element-wise weighted geometric mean of same-sized positive matrices: g_ij = prod_k a_ij(k)^w_k with weights
 * normalised to sum 1. The lower triangle is set to 1/upper, so the result is exactly reciprocal when the inputs are.
 * Invariants assumed, not checked: at least one matrix, all n x n and positive, weights >= 0 with a positive sum.
 */
export function weightedGeometricMeanMatrix(matrices: readonly PairwiseMatrix[], weights?: readonly number[]): PairwiseMatrix {
  const n = matrices[0]!.length;
  const raw = weights ?? matrices.map(() => 1);
  const total = raw.reduce((s, w) => s + w, 0);
  const g: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const log = matrices.reduce((s, m, k) => s + (raw[k]! / total) * Math.log(m[i]![j]!), 0);
      g[i]![j] = Math.exp(log);
      g[j]![i] = Math.exp(-log);
    }
  }
  return g;
}

function weightProblems(experts: readonly ExpertMatrix[]): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  experts.forEach((e, k) => {
    if (ids.has(e.expertId)) problems.push({ path: `experts[${k}].expertId`, message: `duplicate expert '${e.expertId}'` });
    ids.add(e.expertId);
    const w = e.weight ?? 1;
    if (!Number.isFinite(w) || w < 0) problems.push({ path: `experts[${k}].weight`, message: `weight must be a finite number >= 0, got ${w}` });
  });
  if (problems.length === 0 && experts.reduce((s, e) => s + (e.weight ?? 1), 0) <= 0) {
    problems.push({ path: 'experts', message: 'expert weights must not all be zero' });
  }
  return problems;
}

/**
 * Aggregate a panel's pairwise matrices by AIJ (weighted geometric mean, which keeps reciprocity), then analyse the
 * group matrix (priorities, CR with the named RI table, GCI, most inconsistent pairs) and each expert's matrix, and
 * report the between-expert dispersion per pair and per item. Under RGMM the group priorities equal the normalised
 * weighted geometric mean of the experts' priorities (AIJ = AIP). Zero-weight experts are analysed but not counted.
 */
export function aggregatePairwise(
  experts: readonly ExpertMatrix[],
  options: AnalyseOptions = {},
): Checked<{ readonly result: PanelPairwiseResult }> {
  if (experts.length === 0) return { ok: false, problems: [{ path: 'experts', message: 'no experts given' }] };
  const problems = weightProblems(experts);
  const n = experts[0]!.matrix.length;
  const analyses: (PairwiseAnalysis | null)[] = experts.map((e, k) => {
    const checked = analysePairwise(e.matrix, options);
    if (!checked.ok) {
      for (const p of checked.problems) problems.push({ path: `experts[${k}]${p.path.startsWith('[') ? '' : '.'}${p.path}`, message: p.message });
      return null;
    }
    if (checked.analysis.n !== n) {
      problems.push({ path: `experts[${k}]`, message: `matrix is ${checked.analysis.n}x${checked.analysis.n}; experts[0] is ${n}x${n}` });
    }
    return checked.analysis;
  });
  if (problems.length > 0) return { ok: false, problems };

  const total = experts.reduce((s, e) => s + (e.weight ?? 1), 0);
  const weights = experts.map((e) => (e.weight ?? 1) / total);
  const groupMatrix = weightedGeometricMeanMatrix(experts.map((e) => e.matrix), weights);
  const groupChecked = analysePairwise(groupMatrix, options);
  if (!groupChecked.ok) return groupChecked; // unreachable for valid inputs: the geometric mean stays on the scale
  const group = groupChecked.analysis;
  const counted = experts.map((_, k) => k).filter((k) => weights[k]! > 0);
  const names = options.items;

  const pairs = pairDispersions(experts, weights, counted, groupMatrix, names);

  const items: PriorityDispersion[] = group.priorities.map((g, i) => {
    const values = counted.map((k) => analyses[k]!.priorities[i]!);
    const mean = counted.reduce((s, k, c) => s + weights[k]! * values[c]!, 0);
    const sd = Math.sqrt(counted.reduce((s, k, c) => s + weights[k]! * (values[c]! - mean) ** 2, 0));
    return { index: i, ...(names ? { item: names[i]! } : {}), group: g, mean, sd, min: Math.min(...values), max: Math.max(...values) };
  });

  return {
    ok: true,
    result: {
      groupMatrix,
      group,
      experts: experts.map((e, k) => ({ expertId: e.expertId, weight: weights[k]!, analysis: analyses[k]! })),
      pairs,
      items,
    },
  };
}

/** Between-expert dispersion of each judged pair (i < j): weighted geometric SD, range and the group's value. */
function pairDispersions(
  experts: readonly ExpertMatrix[],
  weights: readonly number[],
  counted: readonly number[],
  groupMatrix: readonly (readonly number[])[],
  names: readonly string[] | undefined,
): PairDispersion[] {
  const n = groupMatrix.length;
  const pairs: PairDispersion[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const values = counted.map((k) => experts[k]!.matrix[i]![j]!);
      const logs = values.map(Math.log);
      const meanLog = counted.reduce((s, k, c) => s + weights[k]! * logs[c]!, 0);
      const varLog = counted.reduce((s, k, c) => s + weights[k]! * (logs[c]! - meanLog) ** 2, 0);
      pairs.push({
        row: i,
        column: j,
        ...(names ? { a: names[i]!, b: names[j]! } : {}),
        group: groupMatrix[i]![j]!,
        geometricSd: Math.exp(Math.sqrt(varLog)),
        min: Math.min(...values),
        max: Math.max(...values),
        n: counted.length,
      });
    }
  }
  return pairs;
}
