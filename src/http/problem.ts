// RFC 9457 problem+json: the one error shape of the service, its zod schema and helpers to send it.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { formatPath } from '../content/problems.js';
import type { JsonResponse } from './respond.js';
import { PROBLEMS, ProblemError, type FieldError, type ProblemKind } from '../services/problems.js';

/** Problem `type`s are addresses of pages this service serves, /problems/<kind>, on the origin that answered. */
export const PROBLEM_PATH = '/problems/';

export const FieldErrorSchema = z
  .object({
    path: z.string().openapi({ example: 'role' }),
    message: z.string().openapi({ example: 'Invalid option: expected one of "teacher"|"teaching_assistant"' }),
  })
  .openapi('FieldError');

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: `https://training.school.example${PROBLEM_PATH}validation` }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;
export { PROBLEMS, ProblemError };
export type { FieldError, ProblemKind };

export interface ProblemExtras {
  /** Echoed so a person can quote it. */
  readonly requestId?: string | undefined;
  readonly errors?: readonly FieldError[] | undefined;
  /** The path that answered. */
  readonly instance?: string | undefined;
  /** The service's origin, making `type` an absolute address; without it `type` is the relative `/problems/<kind>`. */
  readonly origin?: string | undefined;
}

/** Builds the problem body for a kind. */
export function problemBody(kind: ProblemKind, detail: string, extras: ProblemExtras = {}): Problem {
  const p = PROBLEMS[kind];
  const { requestId, errors, instance, origin } = extras;
  return {
    type: (origin ?? '') + PROBLEM_PATH + kind,
    title: p.title,
    status: p.status,
    detail,
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...(errors && errors.length ? { errors: [...errors] } : {}),
  };
}

/** Sends a problem+json response on the given context. */
export function sendProblem<K extends ProblemKind>(
  c: Context,
  kind: K,
  detail: string,
  errors?: readonly FieldError[],
  headers?: Record<string, string>,
): JsonResponse<Problem, (typeof PROBLEMS)[K]['status']> {
  const requestId = c.get('requestId') as string | undefined;
  const body = problemBody(kind, detail, { requestId, errors, instance: c.req.path, origin: new URL(c.req.url).origin });
  const res = new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
  return res as JsonResponse<Problem, (typeof PROBLEMS)[K]['status']>;
}

/** Turns zod issues into field errors a person can act on. */
export function zodFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((i) => ({ path: formatPath(i.path, '(body)'), message: i.message }));
}

const problemContent = { 'application/problem+json': { schema: ProblemSchema } } as const;
const doc = (description: string) => ({ description, content: problemContent });

/** 429 with the header that says when to try again (every /v1 route is rate-limited per key or client address). */
const rateLimited = {
  ...doc('Rate limit exceeded: wait for the seconds in Retry-After'),
  headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' as const, minimum: 1 } } },
};

/** 405 with the methods the path does answer. */
const methodNotAllowed = {
  ...doc('The path exists but not with this method'),
  headers: { Allow: { description: 'The methods this path answers, e.g. `GET, HEAD`', schema: { type: 'string' as const } } },
};

/** Error responses spread into every route's OpenAPI `responses`. */
export const commonErrors = {
  400: doc('Malformed JSON or bad request'),
  405: methodNotAllowed,
  413: doc('Request body over 1 MB'),
  415: doc('Body is not application/json'),
  422: doc('Validation failed; `errors` names each failing field'),
  429: rateLimited,
  500: doc('Unexpected error; no internals are included'),
} as const;

export const readErrors = {
  404: doc('Not found'),
  405: methodNotAllowed,
  429: rateLimited,
  500: doc('Unexpected error; no internals are included'),
} as const;

export const authErrors = {
  401: doc('Missing or invalid credentials'),
  403: doc('Credentials lack the needed role or scope'),
} as const;

export { doc as problemDoc };
