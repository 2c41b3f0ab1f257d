// The result shape of the service modules: the value, or a typed failure naming why (so the API and the web pages
// can each word it their own way) and the fields concerned.
export type ServiceProblemKind = 'conflict' | 'validation' | 'not-found';

export interface ServiceProblem {
  readonly kind: ServiceProblemKind;
  readonly path: string;
  readonly message: string;
}

export interface Failure<R extends string> {
  readonly ok: false;
  /** What went wrong, for the caller to put in its own words. */
  readonly reason: R;
  readonly problems: readonly ServiceProblem[];
}

export type Outcome<T, F extends Failure<string>> = { readonly ok: true; readonly value: T } | F;

export const succeed = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

/** The problems as the API's field errors (path and message). */
export const fieldErrors = (problems: readonly ServiceProblem[]): { path: string; message: string }[] => problems.map(({ path, message }) => ({ path, message }));
