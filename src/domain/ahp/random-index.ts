// Named random-index (RI) tables for Saaty's consistency ratio CR = CI / RI(n). A CR is only comparable when
// the table is recorded, so every result names the table it used.

export const RANDOM_INDEX_TABLES = ['saaty', 'saaty-2005', 'donegan-dodd'] as const;
export type RandomIndexTable = (typeof RANDOM_INDEX_TABLES)[number];

interface TableSpec {
  readonly source: string;
  /** RI by matrix size n (n = 1 and 2 are always 0: every 1x1 and reciprocal 2x2 matrix is consistent). */
  readonly values: Readonly<Record<number, number>>;
}

const TABLES: Readonly<Record<RandomIndexTable, TableSpec>> = {
  // The table most implementations code (n = 1..10); the project's domain brief §6.3.
  saaty: {
    source: 'Saaty (1980), The Analytic Hierarchy Process; n = 1..10 as widely coded',
    values: { 1: 0, 2: 0, 3: 0.58, 4: 0.9, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49 },
  },
  // As coded in AHPy (PhilipGriffith/AHPy, src/ahpy/ahpy.py, random_index='saaty').
  'saaty-2005': {
    source: 'Saaty (2005), Theory and Applications of the Analytic Network Process, p. 31, via AHPy',
    values: {
      1: 0, 2: 0, 3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.4, 9: 1.45,
      10: 1.49, 11: 1.52, 12: 1.54, 13: 1.56, 14: 1.58, 15: 1.59,
    },
  },
  // AHPy's default (random_index='dd'); values copied from its source, including 90 -> 1.6213 which breaks
  // monotonicity in the original and is kept as published there.
  'donegan-dodd': {
    source: "Donegan and Dodd (1991), 'A note on Saaty's random indexes', Math. Comput. Modelling 15(10):135-137, via AHPy",
    values: {
      1: 0, 2: 0, 3: 0.4914, 4: 0.8286, 5: 1.0591, 6: 1.1797, 7: 1.2519, 8: 1.3171, 9: 1.3733, 10: 1.4055,
      11: 1.4213, 12: 1.4497, 13: 1.4643, 14: 1.4822, 15: 1.4969, 16: 1.5078, 17: 1.5153, 18: 1.5262,
      19: 1.5313, 20: 1.5371, 25: 1.5619, 30: 1.5772, 40: 1.5976, 50: 1.6102, 60: 1.6178, 70: 1.6237,
      80: 1.6277, 90: 1.6213, 100: 1.6339,
    },
  },
};

/** Where a table's values come from, for provenance notes. */
export function randomIndexSource(table: RandomIndexTable): string {
  return TABLES[table].source;
}

/**
 * RI(n) from the named table, or `null` when n is outside it. Between two tabulated sizes (Donegan-Dodd above
 * n = 20) the value is interpolated linearly, as AHPy does. Invariant: RI(1) = RI(2) = 0.
 */
export function randomIndex(n: number, table: RandomIndexTable = 'saaty'): number | null {
  if (!Number.isInteger(n) || n < 1) return null;
  const values = TABLES[table].values;
  const exact = values[n];
  if (exact !== undefined) return exact;
  const sizes = Object.keys(values).map(Number).sort((x, y) => x - y);
  const upper = sizes.find((s) => s > n);
  const lower = [...sizes].reverse().find((s) => s < n);
  if (upper === undefined || lower === undefined) return null;
  const lo = values[lower]!;
  const hi = values[upper]!;
  return lo + ((hi - lo) * (n - lower)) / (upper - lower);
}
