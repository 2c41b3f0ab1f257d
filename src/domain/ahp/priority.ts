// Priority vectors of a pairwise matrix: row geometric mean (the project's default) and the principal
// eigenvector with lambda_max (Saaty's method, via ml-matrix, with a power-iteration fallback as a cross-check).

import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { PairwiseMatrix } from './types.js';

export type PriorityMethod = 'geometric-mean' | 'eigenvector';

export interface PrincipalEigen {
  /** Perron root of the matrix; >= n for a positive reciprocal matrix, = n exactly when it is consistent. */
  readonly lambdaMax: number;
  /** The matching eigenvector, normalised to sum 1 (all entries > 0). */
  readonly priorities: readonly number[];
  /** How it was found: ml-matrix's eigendecomposition, or power iteration when that gave no usable vector. */
  readonly via: 'evd' | 'power-iteration';
}

function normalise(v: readonly number[]): number[] {
  const sum = v.reduce((s, x) => s + x, 0);
  return v.map((x) => x / sum);
}

/**
 * Row geometric mean method (RGMM): w_i proportional to (prod_j a_ij)^(1/n), normalised to sum 1. Computed in log
 * space. Invariant for a valid matrix: every w_i > 0 and sum w = 1; exact for a consistent matrix.
 */
export function geometricMeanPriorities(matrix: PairwiseMatrix): readonly number[] {
  const n = matrix.length;
  return normalise(matrix.map((row) => Math.exp(row.reduce((s, x) => s + Math.log(x), 0) / n)));
}

/** (A w)_i for a square matrix and vector of the same size. */
export function multiply(matrix: PairwiseMatrix, w: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((s, x, j) => s + x * w[j]!, 0));
}

/**
 * Principal eigenvector and eigenvalue by power iteration: w <- A w / sum(A w) until the largest change is below
 * `tolerance` or `maxIterations` is reached. Converges for any positive matrix (Perron-Frobenius).
 * lambda_max is estimated as the mean of (A w)_i / w_i.
 */
export function powerIteration(matrix: PairwiseMatrix, tolerance = 1e-13, maxIterations = 10_000): PrincipalEigen {
  const n = matrix.length;
  let w: number[] = new Array<number>(n).fill(1 / n);
  for (let k = 0; k < maxIterations; k++) {
    const next = normalise(multiply(matrix, w));
    const change = Math.max(...next.map((x, i) => Math.abs(x - w[i]!)));
    w = next;
    if (change < tolerance) break;
  }
  const aw = multiply(matrix, w);
  const lambdaMax = aw.reduce((s, x, i) => s + x / w[i]!, 0) / n;
  return { lambdaMax, priorities: w, via: 'power-iteration' };
}

/**
 * Principal (Perron) eigenvalue lambda_max and its eigenvector normalised to sum 1, from ml-matrix's
 * EigenvalueDecomposition; falls back to power iteration if the decomposition yields no real, single-signed vector.
 */
export function principalEigen(matrix: PairwiseMatrix): PrincipalEigen {
  const evd = new EigenvalueDecomposition(new Matrix(matrix.map((row) => [...row])));
  const real = evd.realEigenvalues;
  const imaginary = evd.imaginaryEigenvalues;
  let k = -1;
  for (let i = 0; i < real.length; i++) {
    if (Math.abs(imaginary[i]!) > 1e-9) continue;
    if (k < 0 || real[i]! > real[k]!) k = i;
  }
  if (k >= 0) {
    const v = normalise(evd.eigenvectorMatrix.getColumn(k));
    if (v.every((x) => Number.isFinite(x) && x > 0)) return { lambdaMax: real[k]!, priorities: v, via: 'evd' };
  }
  return powerIteration(matrix);
}
