// Pairwise comparison matrices: validation (a list of problems, never a throw) and building one from named
// judgements. A valid matrix is square, n >= 2, positive, 1 on the diagonal, reciprocal and on Saaty's 1/9..9 scale.

import type { Checked, Judgement, PairwiseMatrix, Problem } from './types.js';

export interface MatrixOptions {
  /** Relative tolerance for reciprocity (|a_ij * a_ji - 1|), the diagonal and the scale ends. Default 0.01,
   * so judgements typed as 0.333 or 0.111 for 1/3 and 1/9 pass. */
  readonly tolerance?: number;
  /** Largest allowed judgement; the smallest is its reciprocal. Default 9 (Saaty's scale). */
  readonly scaleMax?: number;
}

const DEFAULT_TOLERANCE = 0.01;
const DEFAULT_SCALE_MAX = 9;

/** A number as people read it in a message: up to 4 significant figures. */
export function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

function isPositiveFinite(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0;
}

function scaleProblem(x: number, scaleMax: number, tolerance: number): string | null {
  if (x > scaleMax * (1 + tolerance) || x < (1 / scaleMax) * (1 - tolerance)) {
    return `${formatNumber(x)} is outside the 1/${scaleMax}..${scaleMax} judgement scale`;
  }
  return null;
}

/**
 * Every problem with a pairwise comparison matrix, or `[]` when it is valid. Checks: an array of n >= 2 rows of
 * n entries each; every entry a positive finite number; diagonal 1; a_ij * a_ji = 1 (reported once per pair, at
 * the upper triangle `[i][j]`, i < j); every entry within 1/scaleMax..scaleMax. Never throws.
 */
export function validatePairwiseMatrix(matrix: unknown, options: MatrixOptions = {}): readonly Problem[] {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const scaleMax = options.scaleMax ?? DEFAULT_SCALE_MAX;
  if (!Array.isArray(matrix)) return [{ path: '', message: 'matrix must be an array of rows' }];
  const n = matrix.length;
  if (n < 2) return [{ path: '', message: `matrix must have at least 2 rows, got ${n}` }];

  const problems: Problem[] = [];
  for (let i = 0; i < n; i++) {
    const row: unknown = matrix[i];
    if (!Array.isArray(row)) problems.push({ path: `[${i}]`, message: 'row must be an array' });
    else if (row.length !== n) {
      problems.push({ path: `[${i}]`, message: `row has ${row.length} entries; a square matrix of ${n} rows needs ${n}` });
    }
  }
  if (problems.length > 0) return problems;

  const rows = matrix as unknown[][];
  const positive = (i: number, j: number): boolean => isPositiveFinite(rows[i]![j]);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = rows[i]![j];
      const path = `[${i}][${j}]`;
      if (!isPositiveFinite(x)) {
        problems.push({ path, message: `must be a positive finite number, got ${typeof x === 'number' ? formatNumber(x) : typeof x}` });
        continue;
      }
      if (i === j) {
        if (Math.abs(x - 1) > tolerance) problems.push({ path, message: `diagonal must be 1, got ${formatNumber(x)}` });
        continue;
      }
      const outside = scaleProblem(x, scaleMax, tolerance);
      if (outside) problems.push({ path, message: outside });
      if (i < j && positive(j, i)) {
        const y = rows[j]![i] as number;
        if (Math.abs(x * y - 1) > tolerance) {
          problems.push({
            path,
            message: `not reciprocal: [${i}][${j}] = ${formatNumber(x)} but [${j}][${i}] = ${formatNumber(y)} (expected ${formatNumber(1 / x)})`,
          });
        }
      }
    }
  }
  return problems;
}

/**
 * Build an n x n reciprocal matrix over `items` (row/column order = `items` order) from judgements
 * `{ a, b, value }` meaning a is `value` times as important as b; the reverse cell gets 1/value. Every unordered
 * pair must be judged exactly once (either direction). Reports unknown or duplicated items, self-comparisons,
 * non-positive or off-scale values, duplicate pairs and every missing pair (path `[i][j]`, i < j).
 */
export function buildPairwiseMatrix(
  items: readonly string[],
  judgements: readonly Judgement[],
  options: MatrixOptions = {},
): Checked<{ readonly matrix: PairwiseMatrix }> {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const scaleMax = options.scaleMax ?? DEFAULT_SCALE_MAX;
  const problems: Problem[] = [];
  const n = items.length;
  if (n < 2) problems.push({ path: 'items', message: `need at least 2 items to compare, got ${n}` });

  const index = new Map<string, number>();
  items.forEach((id, k) => {
    if (index.has(id)) problems.push({ path: `items[${k}]`, message: `duplicate item '${id}'` });
    else index.set(id, k);
  });

  const cells: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : NaN)));
  const seen = new Map<string, number>();
  judgements.forEach((jd, k) => {
    const path = `judgements[${k}]`;
    const i = index.get(jd.a);
    const j = index.get(jd.b);
    if (i === undefined) problems.push({ path: `${path}.a`, message: `unknown item '${jd.a}'` });
    if (j === undefined) problems.push({ path: `${path}.b`, message: `unknown item '${jd.b}'` });
    if (i === undefined || j === undefined) return;
    if (i === j) return void problems.push({ path, message: `'${jd.a}' is compared with itself` });
    if (!isPositiveFinite(jd.value)) {
      return void problems.push({ path: `${path}.value`, message: `must be a positive finite number, got ${formatNumber(jd.value)}` });
    }
    const outside = scaleProblem(jd.value, scaleMax, tolerance);
    if (outside) return void problems.push({ path: `${path}.value`, message: outside });
    const key = i < j ? `${i},${j}` : `${j},${i}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return void problems.push({ path, message: `'${jd.a}' and '${jd.b}' were already compared in judgements[${earlier}]` });
    }
    seen.set(key, k);
    cells[i]![j] = jd.value;
    cells[j]![i] = 1 / jd.value;
  });

  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Number.isNaN(cells[i]![j])) {
        problems.push({ path: `[${i}][${j}]`, message: `missing judgement between '${items[i]}' and '${items[j]}'` });
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, matrix: cells };
}
