// Shared shapes for the AHP panel maths: pairwise matrices, judgements and the problems found in them.
// Problems are data (path + message), never exceptions, so callers can show every one at once.

/** A square pairwise comparison matrix: entry [i][j] says how many times more important item i is than j. */
export type PairwiseMatrix = readonly (readonly number[])[];

/** One expert judgement: `a` is `value` times as important as `b` (Saaty 1..9 scale, or its reciprocal). */
export interface Judgement {
  readonly a: string;
  readonly b: string;
  readonly value: number;
}

/** One thing wrong with an input; `path` locates it (e.g. `[2][3]`, `judgements[4]`, `experts[1][0][2]`). */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** Success with a value, or failure with every problem found. */
export type Checked<T> =
  | ({ readonly ok: true } & T)
  | { readonly ok: false; readonly problems: readonly Problem[] };
