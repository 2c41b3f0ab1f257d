// `npm run openapi:examples`: records a real request and response per operation from the Node contract suite
// (test/contract/node.test.ts with RECORD_OPENAPI_EXAMPLES), shortens them (lists to two items, maps keyed by ids with more
// than six like entries to three), checks each shortened example against its operation's schema (keeping the longer
// one where shortening broke it), and writes src/http/openapi-examples.json, which the OpenAPI document embeds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkResponses, type Doc, type RecordedExample } from '../test/helpers/openapi-check.js';
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

function record(): Record<string, RecordedExample> {
  const dir = mkdtempSync(join(tmpdir(), 'send-openapi-examples-'));
  try {
    const file = join(dir, 'examples.json');
    const run = spawnSync('npx', ['vitest', 'run', 'test/contract/node.test.ts'], { env: { ...process.env, RECORD_OPENAPI_EXAMPLES: file }, stdio: 'inherit' });
    if (run.status !== 0) throw new Error('the contract suite failed; no examples written');
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, RecordedExample>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when `example`'s response body matches its documented schema (validated through the same checker as the tests). */
async function matches(doc: Doc, key: string, example: RecordedExample): Promise<boolean> {
  if (!example.response) return true;
  const [method, template] = key.split(' ') as [string, string];
  const path = template.replace(/\{[^}]+\}/g, 'x');
  const reply = new Response(JSON.stringify(example.response.body), { status: example.response.status, headers: { 'content-type': 'application/json' } });
  const check = checkResponses(doc, () => Promise.resolve(reply));
  await check.fetch(path, { method });
  return check.failures.length === 0;
}

async function main(): Promise<void> {
  const raw = record();
  const { app, close } = makeNodeApp();
  const doc = (await (await app.request('/openapi.json')).json()) as Doc;
  close();
  const out: Record<string, RecordedExample> = {};
  for (const [key, example] of Object.entries(raw)) {
    const short = { ...example, ...(example.request === undefined ? {} : { request: shorten(example.request) }), ...(example.response ? { response: { ...example.response, body: shorten(example.response.body) } } : {}) };
    out[key] = (await matches(doc, key, short)) ? short : example;
  }
  writeFileSync(OUT, JSON.stringify(out, null, 1) + '\n');
  process.stdout.write(`Wrote ${Object.keys(out).length} operations' examples to src/http/openapi-examples.json (${(JSON.stringify(out).length / 1024).toFixed(0)} KB).\n`);
}

await main();
