// `npm run openapi:examples`: records a real request and response per operation from the tests that call the Node app
// in process: the Node contract suite first (test/contract/node.test.ts with RECORD_OPENAPI_EXAMPLES), then the HTTP,
// integration and page tests (every app they build appends its examples under RECORD_OPENAPI_EXAMPLES_DIR) for the
// operations, request bodies or responses the contract suite leaves without one. Shortens them (lists to two items,
// maps keyed by ids with more than six like entries to three, CSV to three lines), checks each shortened example
// against its operation's schema (keeping the longer one where shortening broke it), writes
// src/http/openapi-examples.json, which the OpenAPI document embeds, and names what still has no example.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkResponses, mergeExamples, type Doc, type RecordedExample, type RecordedResponse } from '../test/helpers/openapi-check.js';
import { makeNodeApp } from '../test/helpers/node-app.js';

const OUT = fileURLToPath(new URL('../src/http/openapi-examples.json', import.meta.url));

/** Lists cut to two items; objects whose many values share one shape (maps keyed by id) cut to three entries. */
export function shorten(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 2).map(shorten);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const shape = (v: unknown) => (v && typeof v === 'object' ? Object.keys(v).sort().join(',') : typeof v);
  const idLike = entries.some(([k]) => /[-_]/.test(k));
  const map = entries.length > 6 && idLike && entries.every(([, v]) => shape(v) === shape(entries[0]![1]));
  return Object.fromEntries((map ? entries.slice(0, 3) : entries).map(([k, v]) => [k, shorten(v)]));
}

/** Tests that build the Node app in process; browser and workerd tests, and the placeholder calls of the security walk, are left out. */
const TESTS = ['test/contract/node.test.ts', 'test/http', 'test/integrations', 'test/web'];
const SKIP = ['**/*workerd*', '**/openapi-security.test.ts', '**/browser/**'];

type Line = RecordedExample & { key: string };

function record(): Record<string, RecordedExample> {
  const dir = mkdtempSync(join(tmpdir(), 'send-openapi-examples-'));
  try {
    const file = join(dir, 'contract.json');
    const lines = join(dir, 'apps');
    mkdirSync(lines);
    const args = ['vitest', 'run', ...TESTS, ...SKIP.flatMap((g) => ['--exclude', g])];
    const run = spawnSync('npx', args, { env: { ...process.env, RECORD_OPENAPI_EXAMPLES: file, RECORD_OPENAPI_EXAMPLES_DIR: lines }, stdio: 'inherit' });
    if (run.status !== 0) throw new Error('the tests failed; no examples written');
    const out: Record<string, RecordedExample> = {};
    for (const [key, ex] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, RecordedExample>)) out[key] = mergeExamples(out[key], ex);
    for (const name of readdirSync(lines).sort()) {
      for (const text of readFileSync(join(lines, name), 'utf8').split('\n').filter(Boolean)) {
        const { key, ...ex } = JSON.parse(text) as Line;
        out[key] = mergeExamples(out[key], ex);
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when a JSON response body matches its documented schema (validated through the same checker as the tests). */
async function matches(doc: Doc, key: string, status: string, response: RecordedResponse): Promise<boolean> {
  if (response.type) return true;
  const [method, template] = key.split(' ') as [string, string];
  const path = template.replace(/\{[^}]+\}/g, 'x');
  const reply = new Response(JSON.stringify(response.body), { status: Number(status), headers: { 'content-type': 'application/json' } });
  const check = checkResponses(doc, () => Promise.resolve(reply));
  await check.fetch(path, { method });
  return check.failures.length === 0;
}

/** A text body (CSV) cut to its header and two rows; JSON shortened as above. */
function shortenResponse(r: RecordedResponse): RecordedResponse {
  if (r.type && typeof r.body === 'string') return { ...r, body: r.body.split('\n').slice(0, 3).join('\n') + '\n' };
  return { ...r, body: shorten(r.body) };
}

/** Each response shortened, keeping the recorded one where shortening broke its schema. */
async function shortenResponses(doc: Doc, key: string, responses: Record<string, RecordedResponse>): Promise<Record<string, RecordedResponse>> {
  const out: Record<string, RecordedResponse> = {};
  for (const [status, response] of Object.entries(responses)) {
    const short = shortenResponse(response);
    out[status] = (await matches(doc, key, status, short)) ? short : response;
  }
  return out;
}

type DocOp = { requestBody?: { content?: Record<string, unknown> }; responses?: Record<string, { content?: Record<string, unknown> }> };

/** What the document asks an example for (JSON request bodies, success responses with a body) and which still lack one. */
function coverage(doc: Doc, out: Record<string, RecordedExample>) {
  const missing: string[] = [];
  let requests = 0;
  let responses = 0;
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops as Record<string, DocOp>)) {
      const key = `${method.toUpperCase()} ${template}`;
      if (op.requestBody?.content?.['application/json']) {
        requests++;
        if (out[key]?.request === undefined) missing.push(`${key}: request`);
      }
      const success = Object.entries(op.responses ?? {}).filter(([status, r]) => status.startsWith('2') && r.content);
      responses += success.length;
      for (const [status] of success) if (!out[key]?.responses?.[status]) missing.push(`${key}: ${status} response`);
    }
  }
  return { requests, responses, missing };
}

async function main(): Promise<void> {
  const raw = record();
  const { app, close } = makeNodeApp();
  const doc = (await (await app.request('/openapi.json')).json()) as Doc;
  close();
  const out: Record<string, RecordedExample> = {};
  for (const [key, example] of Object.entries(raw)) {
    out[key] = {
      ...(example.request === undefined ? {} : { request: shorten(example.request) }),
      ...(example.responses ? { responses: await shortenResponses(doc, key, example.responses) } : {}),
    };
  }
  const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(OUT, JSON.stringify(sorted, null, 1) + '\n');
  const { requests, responses, missing } = coverage(doc, sorted);
  const lacking = (what: string) => missing.filter((m) => m.endsWith(what)).length;
  process.stdout.write(
    `Wrote ${Object.keys(out).length} operations' examples to src/http/openapi-examples.json (${(JSON.stringify(out).length / 1024).toFixed(0)} KB): ` +
      `request bodies ${requests - lacking('request')} of ${requests}, success responses ${responses - lacking('response')} of ${responses}.\n` +
      missing.map((m) => `  no example: ${m}\n`).join(''),
  );
}

await main();
