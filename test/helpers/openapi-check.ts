// Checks real responses against the app's own OpenAPI document: every JSON success response an API test receives
// is validated against the schema its operation declares (JSON Schema 2020-12, as OpenAPI 3.1 uses), and the first
// request and response seen per operation are kept as that operation's example (scripts/openapi-examples.ts).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../src/http/docs.js';
import type { AppEnv } from '../../src/http/env.js';

export type Doc = { paths: Record<string, Record<string, Operation>>; components?: Record<string, unknown> };
type Media = { schema?: unknown };
type Operation = { requestBody?: { content?: Record<string, Media> }; responses?: Record<string, { content?: Record<string, Media> }> };
export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** One response's recorded body; `type` is set for bodies that are not JSON (e.g. text/csv), whose body is then the text. */
export interface RecordedResponse {
  body: unknown;
  type?: string;
}

/** One operation's recorded example: the JSON request body (if any) and the first success response per status. */
export interface RecordedExample {
  request?: unknown;
  responses?: Record<string, RecordedResponse>;
}

export interface OpenApiCheck {
  readonly fetch: Fetch;
  /** "GET /v1/path/{id} → 200: what is wrong", for every response that broke its schema. */
  readonly failures: string[];
  /** "METHOD /template" → status codes validated. */
  readonly validated: Map<string, Set<number>>;
  readonly examples: Map<string, RecordedExample>;
}

/** The operation key ("POST /v1/orgs/{orgId}/staff") for a concrete method and path, if the document has it. */
export function operationFor(doc: Doc, method: string, path: string): string | undefined {
  const clean = path.split('?')[0]!;
  for (const template of Object.keys(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(clean) && doc.paths[template]![method.toLowerCase()]) return `${method.toUpperCase()} ${template}`;
  }
  return undefined;
}

/**
 * A copy of `schema` that allows no property it does not describe: a response field the document leaves out is a
 * documentation fault (Redocly reads examples the same way). Each object schema, reference and allOf is closed with
 * `unevaluatedProperties: false` where it is used, except as a member of an allOf (the allOf itself is closed, so an
 * extension's fields count) and at the top of a shared component (closed where it is referenced instead).
 */
export function closed(schema: unknown, open = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => closed(s, open));
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) copy[k] = k === 'example' || k === 'examples' ? v : closed(v, k === 'allOf');
  const describes = 'properties' in copy || '$ref' in copy || 'allOf' in copy;
  if (!open && describes && !('additionalProperties' in copy) && !('unevaluatedProperties' in copy)) copy.unevaluatedProperties = false;
  return copy;
}

/** The document's shared schemas, each left open at its top (closed where referenced) and closed within. */
function closedComponents(components: Record<string, unknown>): Record<string, unknown> {
  const schemas = (components.schemas ?? {}) as Record<string, unknown>;
  return { ...components, schemas: Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, closed(s, true)])) };
}

/** Each validation error with where it is and, for an undocumented property, its name. */
function describe(errors: ValidateFunction['errors']): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${'unevaluatedProperty' in e.params ? ` \`${String(e.params.unevaluatedProperty)}\`` : ''}`).join('; ');
}

/**
 * Makes `app.request` check every JSON success response against the app's own OpenAPI document (built on first
 * use) and throw when one breaks its schema, so any test that calls the app also tests the document. Returns the
 * check (once the app has been called), for what it validated and the examples it kept.
 */
export function checkAppResponses(app: OpenAPIHono<AppEnv>): () => OpenApiCheck {
  const original = app.request.bind(app);
  const inner: Fetch = (path, init) => Promise.resolve(original(path, init));
  let checked: OpenApiCheck | undefined;
  // The document is built in process, not requested, so tests that count log lines or requests see only their own.
  // With RECORD_OPENAPI_EXAMPLES_DIR set (scripts/openapi-examples.ts), every app's examples are also appended there.
  const dir = process.env.RECORD_OPENAPI_EXAMPLES_DIR;
  const onExample = dir ? (key: string, ex: RecordedExample) => appendFileSync(join(dir, `${process.pid}.jsonl`), JSON.stringify({ key, ...ex }) + '\n') : undefined;
  const check = () => (checked ??= checkResponses(openApiDocument(app) as unknown as Doc, inner, onExample));
  app.request = async (input, init, ...rest) => {
    if (typeof input !== 'string' || rest.length > 0) return original(input, init, ...rest);
    const c = check();
    const before = c.failures.length;
    const res = await c.fetch(input, init);
    if (c.failures.length > before) throw new Error(`Response does not match the OpenAPI document: ${c.failures.at(-1)}`);
    return res;
  };
  return check;
}

/** A fetch that validates every JSON success response against `doc`, recording failures and examples. */
export function checkResponses(doc: Doc, inner: Fetch, onExample?: (key: string, example: RecordedExample) => void): OpenApiCheck {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'openapi', components: closedComponents(doc.components ?? {}) });
  const compiled = new Map<string, ValidateFunction>();
  const failures: string[] = [];
  const validated = new Map<string, Set<number>>();
  const examples = new Map<string, RecordedExample>();

  const validatorFor = (key: string, status: number, schema: unknown): ValidateFunction => {
    const id = `${key} ${status}`;
    let v = compiled.get(id);
    const local = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as unknown;
    if (!v) compiled.set(id, (v = ajv.compile(closed(local) as object)));
    return v;
  };

  const validateJson = (key: string, template: string, m: string, status: number, body: unknown): void => {
    const declared = doc.paths[template]![m.toLowerCase()]!.responses?.[String(status)]?.content?.['application/json']?.schema;
    if (!declared) failures.push(`${key} → ${status}: not documented`);
    else {
      const validate = validatorFor(key, status, declared);
      if (!validate(body)) failures.push(`${key} → ${status}: ${describe(validate.errors)}`);
      else validated.set(key, (validated.get(key) ?? new Set()).add(status));
    }
  };

  /** The JSON request body sent, when the operation documents one. */
  const sentJson = (template: string, m: string, init: RequestInit | undefined): unknown => {
    const documented = doc.paths[template]![m.toLowerCase()]!.requestBody?.content?.['application/json'] !== undefined;
    return documented && typeof init?.body === 'string' && (new Headers(init.headers).get('content-type') ?? '').includes('json') ? (JSON.parse(init.body) as unknown) : undefined;
  };

  const check = async (method: string, path: string, init: RequestInit | undefined, res: Response): Promise<void> => {
    const key = operationFor(doc, method, path);
    if (!key || res.status < 200 || res.status >= 300) return;
    const [m, template] = key.split(' ') as [string, string];
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const json = type === 'application/json';
    const body = json ? ((await res.clone().json()) as unknown) : type.startsWith('text/') ? await res.clone().text() : undefined;
    if (json) validateJson(key, template, m, res.status, body);
    const documented = doc.paths[template]![m.toLowerCase()]!.responses?.[String(res.status)]?.content?.[type] !== undefined;
    const response: RecordedResponse | undefined = body !== undefined && documented ? { body, ...(json ? {} : { type }) } : undefined;
    const seen = examples.get(key) ?? {};
    const status = String(res.status);
    // The first request body per operation and the first response per success status.
    const request = seen.request !== undefined ? seen.request : sentJson(template, m, init);
    const addsResponse = response !== undefined && !seen.responses?.[status];
    if (request === seen.request && !addsResponse) return;
    const responses = addsResponse ? { ...seen.responses, [status]: response } : seen.responses;
    const example: RecordedExample = { ...(request === undefined ? {} : { request }), ...(responses ? { responses } : {}) };
    examples.set(key, example);
    onExample?.(key, example);
  };

  const fetch: Fetch = async (path, init) => {
    const res = await inner(path, init);
    await check(init?.method ?? 'GET', path, init, res);
    return res;
  };
  return { fetch, failures, validated, examples };
}

/** `had` completed by `more`: the first request body, and each status's first response. */
export function mergeExamples(had: RecordedExample | undefined, more: RecordedExample): RecordedExample {
  const request = had?.request !== undefined ? had.request : more.request;
  const responses = { ...more.responses, ...had?.responses };
  return { ...(request === undefined ? {} : { request }), ...(Object.keys(responses).length ? { responses } : {}) };
}
