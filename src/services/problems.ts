// The problems a use case can answer with: stable kinds (slug, HTTP status, title) and the error that carries one.
// The HTTP layer turns a thrown ProblemError into an RFC 9457 problem+json answer (src/http/problem.ts).

/** One field that was wrong, by its path in the input. */
export interface FieldError {
  path: string;
  message: string;
}

/** Stable problem kinds: slug and title per HTTP status we emit. */
export const PROBLEMS = {
  'malformed-json': { status: 400, title: 'Malformed JSON' },
  'bad-request': { status: 400, title: 'Bad request' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  validation: { status: 422, title: 'Validation failed' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  'bad-gateway': { status: 502, title: 'Bad gateway' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof PROBLEMS;

/** An error a handler may throw to answer with a problem; caught by the app's onError. */
export class ProblemError extends Error {
  readonly kind: ProblemKind;
  readonly errors: readonly FieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;
  constructor(kind: ProblemKind, detail: string, errors?: readonly FieldError[], headers?: Record<string, string>) {
    super(detail);
    this.kind = kind;
    this.errors = errors;
    this.headers = headers;
  }
}
