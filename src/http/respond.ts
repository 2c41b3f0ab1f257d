// Typed JSON answers for OpenAPI routes. A route's handler must return Hono's TypedResponse for the body its zod
// schema describes; these helpers type a response as what a client parses back: JSON has no `readonly`, so the
// read-only arrays and properties of the in-memory value become plain ones. The value's shape is still checked
// against the route's schema by the compiler.
import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed, JSONValue } from 'hono/utils/types';

/**
 * `T` as a client reads it back from JSON: Hono's JSONParsed, without `readonly` at any depth. JSONValue itself (what
 * JSONParsed makes of `unknown`, a recursive type) is kept as it is.
 */
export type Wire<T> = JSONValue extends T ? T : T extends readonly unknown[] | object ? { -readonly [K in keyof T]: Wire<T[K]> } : T;

/** A response whose body is the JSON of a `T`, with status `S`. */
export type JsonResponse<T, S extends ContentfulStatusCode> = Response & TypedResponse<Wire<JSONParsed<T>>, S, 'json'>;

/** JSON text that is the serialisation of a `T` (made by `jsonTextOf`, or read back from storage as such). */
export type JsonText<T> = string & { readonly __jsonOf?: T };

/** Answers `value` as JSON, typed as the JSON a client parses. */
export function sendJson<T extends object, S extends ContentfulStatusCode>(c: Context, value: T, status: S, headers?: Record<string, string>): JsonResponse<T, S> {
  const res: Response = c.json(value, status, headers);
  return res as JsonResponse<T, S>;
}

/** Serialises `value`, keeping its type on the text so `sendJsonText` can answer with it. */
export const jsonTextOf = <T>(value: T): JsonText<T> => JSON.stringify(value);

/** Answers JSON text made earlier (by `jsonTextOf`, or stored), typed as the value it encodes. */
export function sendJsonText<T, S extends ContentfulStatusCode>(c: Context, text: JsonText<T>, status: S, headers?: Record<string, string>): JsonResponse<T, S> {
  const res: Response = c.body(text, status, { ...headers, 'content-type': 'application/json' });
  return res as JsonResponse<T, S>;
}
