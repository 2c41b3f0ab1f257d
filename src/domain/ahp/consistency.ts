// Consistency of a pairwise matrix: Saaty's CI and CR (named RI table), the geometric consistency index (GCI),
// and the judgements that disagree most with the derived priorities. Flags inconsistency; never repairs it.

import { validatePairwiseMatrix, type MatrixOptions } from './matrix.js';
import { geometricMeanPriorities, principalEigen, type PriorityMethod } from './priority.js';
import { randomIndex, type RandomIndexTable } from './random-index.js';
import type { Checked, PairwiseMatrix } from './types.js';

/** Saaty's acceptance rule: CR <= 0.10. */
export const DEFAULT_CR_THRESHOLD = 0.1;

/** CI = (lambda_max - n) / (n - 1); 0 for n <= 2, and rounding noise below 0 is clamped to 0. */
export function consistencyIndex(lambdaMax: number, n: number): number {
  if (n <= 2) return 0;
  return Math.max(0, (lambdaMax - n) / (n - 1));
}

/** CR = CI / RI(n) from the named table; 0 for n <= 2; `null` when the table has no RI for n. */
export function consistencyRatio(ci: number, n: number, table: RandomIndexTable = 'saaty'): number | null {
  if (n <= 2) return 0;
  const ri = randomIndex(n, table);
  return ri === null || ri === 0 ? null : ci / ri;
}

/**
 * Geometric consistency index (Aguarón and Moreno-Jiménez 2003):
 * GCI = 2 / ((n-1)(n-2)) * sum_{i<j} ln^2(a_ij w_j / w_i), natural log, w = RGMM priorities unless given.
 * 0 for n <= 2 and for any consistent matrix.
 */
export function geometricConsistencyIndex(matrix: PairwiseMatrix, w: readonly number[] = geometricMeanPriorities(matrix)): number {
  const n = matrix.length;
  if (n <= 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) sum += Math.log((matrix[i]![j]! * w[j]!) / w[i]!) ** 2;
  }
  return (2 * sum) / ((n - 1) * (n - 2));
}

/** GCI acceptance thresholds of Aguarón and Moreno-Jiménez (2003): 0.31 (n = 3), 0.35 (n = 4), 0.37 (n > 4). */
export function gciThreshold(n: number): number | null {
  if (n <= 2) return null;
  return n === 3 ? 0.31 : n === 4 ? 0.35 : 0.37;
}

export interface InconsistentPair {
  readonly row: number;
  readonly column: number;
  /** Item names when known. */
  readonly a?: string;
  readonly b?: string;
  /** What the judge said: a_ij. */
  readonly judged: number;
  /** What the priorities imply: w_i / w_j. */
  readonly implied: number;
  /** The implied ratio rounded to the nearest point of the 1/9..9 scale (in log space). */
  readonly impliedOnScale: number;
  /** ln(a_ij w_j / w_i): > 0 when the judgement overstates i against j. */
  readonly logError: number;
}

const SCALE = [...[9, 8, 7, 6, 5, 4, 3, 2].map((x) => 1 / x), 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Nearest point of Saaty's 1/9..9 scale to a positive ratio, measured in log space. */
export function nearestScaleValue(ratio: number): number {
  let best = 1;
  for (const s of SCALE) if (Math.abs(Math.log(s / ratio)) < Math.abs(Math.log(best / ratio))) best = s;
  return best;
}

/**
 * The `limit` pairs (i < j) whose judgement departs most from the priorities, ranked by |ln(a_ij w_j / w_i)|
 * descending (ties by position); pairs that agree (|log error| < 1e-9) are left out.
 */
export function mostInconsistentPairs(
  matrix: PairwiseMatrix,
  w: readonly number[],
  items?: readonly string[],
  limit = 3,
): readonly InconsistentPair[] {
  const pairs: InconsistentPair[] = [];
  for (let i = 0; i < matrix.length; i++) {
    for (let j = i + 1; j < matrix.length; j++) {
      const judged = matrix[i]![j]!;
      const implied = w[i]! / w[j]!;
      const logError = Math.log(judged / implied);
      if (Math.abs(logError) < 1e-9) continue;
      const names = items ? { a: items[i]!, b: items[j]! } : {};
      pairs.push({ row: i, column: j, ...names, judged, implied, impliedOnScale: nearestScaleValue(implied), logError });
    }
  }
  return pairs.sort((p, q) => Math.abs(q.logError) - Math.abs(p.logError) || p.row - q.row || p.column - q.column).slice(0, limit);
}

export interface AnalyseOptions extends MatrixOptions {
  /** Which vector becomes `priorities`. Default 'geometric-mean' (RGMM); the eigenvector is always reported too. */
  readonly method?: PriorityMethod;
  readonly randomIndexTable?: RandomIndexTable;
  readonly crThreshold?: number;
  /** Item names in row order, used to label inconsistent pairs. */
  readonly items?: readonly string[];
  /** How many inconsistent pairs to report. Default 3. */
  readonly pairLimit?: number;
}

export interface PairwiseAnalysis {
  readonly n: number;
  readonly method: PriorityMethod;
  /** Priorities (sum 1) by `method`. */
  readonly priorities: readonly number[];
  readonly geometricMean: readonly number[];
  readonly eigenvector: readonly number[];
  /** max_i |geometricMean_i - eigenvector_i|: how much the choice of method matters here. */
  readonly methodDifference: number;
  readonly lambdaMax: number;
  readonly ci: number;
  readonly randomIndexTable: RandomIndexTable;
  readonly randomIndex: number | null;
  /** CI / RI; null when the table has no RI for n. */
  readonly cr: number | null;
  readonly crThreshold: number;
  readonly gci: number;
  readonly gciThreshold: number | null;
  /** CR > crThreshold (or, when CR is unavailable, GCI > its threshold). Reported; the matrix is never altered. */
  readonly inconsistent: boolean;
  /** Judgements furthest from the priorities, worst first; shown to the judge to revisit. */
  readonly mostInconsistentPairs: readonly InconsistentPair[];
}

/**
 * Validate a matrix, then derive both priority vectors, lambda_max, CI, CR (named RI table), GCI, the
 * inconsistency flag and the most inconsistent pairs (measured against `priorities`).
 */
export function analysePairwise(matrix: PairwiseMatrix, options: AnalyseOptions = {}): Checked<{ readonly analysis: PairwiseAnalysis }> {
  const problems = validatePairwiseMatrix(matrix, options);
  if (problems.length > 0) return { ok: false, problems };
  const n = matrix.length;
  if (options.items && options.items.length !== n) {
    return { ok: false, problems: [{ path: 'items', message: `${options.items.length} item names for a ${n}x${n} matrix` }] };
  }
  const method = options.method ?? 'geometric-mean';
  const table = options.randomIndexTable ?? 'saaty';
  const crThreshold = options.crThreshold ?? DEFAULT_CR_THRESHOLD;
  const geometricMean = geometricMeanPriorities(matrix);
  const eigen = principalEigen(matrix);
  const chosen = method === 'geometric-mean' ? geometricMean : eigen.priorities;
  const ci = consistencyIndex(eigen.lambdaMax, n);
  const cr = consistencyRatio(ci, n, table);
  const gci = geometricConsistencyIndex(matrix, geometricMean);
  const gciLimit = gciThreshold(n);
  const inconsistent = cr !== null ? cr > crThreshold : gciLimit !== null && gci > gciLimit;
  return {
    ok: true,
    analysis: {
      n,
      method,
      priorities: chosen,
      geometricMean,
      eigenvector: eigen.priorities,
      methodDifference: Math.max(...geometricMean.map((x, i) => Math.abs(x - eigen.priorities[i]!))),
      lambdaMax: eigen.lambdaMax,
      ci,
      randomIndexTable: table,
      randomIndex: randomIndex(n, table),
      cr,
      crThreshold,
      gci,
      gciThreshold: gciLimit,
      inconsistent,
      mostInconsistentPairs: mostInconsistentPairs(matrix, chosen, options.items, options.pairLimit ?? 3),
    },
  };
}
