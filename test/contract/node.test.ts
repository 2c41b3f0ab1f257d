// Runs the contract suites against the Node app in process; each suite has its own app on a fresh in-memory SQLite
// database, so none sees another's data and they pass in any order. Every JSON success response is checked against
// the app's own OpenAPI document (test/helpers/openapi-check.ts); with RECORD_OPENAPI_EXAMPLES=<file> the first
// request and response per operation are written there as examples.
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeNodeApp } from '../helpers/node-app.js';
import { mergeExamples, type Fetch, type OpenApiCheck, type RecordedExample } from '../helpers/openapi-check.js';
import { accountsSuite } from './accounts-suite.js';
import { evidenceSuite } from './evidence-suite.js';
import { localCatalogueSuite } from './local-catalogue-suite.js';
import { contractSuite } from './suite.js';
import { xapiSuite } from './xapi-suite.js';

const ADMIN_TOKEN = 'node-contract-admin-token-0123456789';

const checks: (() => OpenApiCheck)[] = [];
/** Registers `suite` inside its own block, over its own app and database (whose responses makeNodeApp checks). */
function onOwnDatabase(name: string, suite: (getFetch: () => Fetch) => void): void {
  describe(name, () => {
    const { app, close, openapi } = makeNodeApp({ adminToken: ADMIN_TOKEN });
    afterAll(close);
    checks.push(openapi);
    suite(() => (path, init) => Promise.resolve(app.request(path, init)));
  });
}

onOwnDatabase('contract', (f) => contractSuite('node', f));
onOwnDatabase('accounts', (f) => accountsSuite('node', f, ADMIN_TOKEN));
onOwnDatabase('xapi', (f) => xapiSuite('node', f, ADMIN_TOKEN));
onOwnDatabase('local catalogue', (f) => localCatalogueSuite('node', f, ADMIN_TOKEN));
onOwnDatabase('evidence', (f) => evidenceSuite('node', f, ADMIN_TOKEN));

it('every JSON success response the suites received matches its documented schema', () => {
  const done = checks.map((get) => get());
  expect(done.flatMap((c) => c.failures)).toEqual([]);
  expect(new Set(done.flatMap((c) => [...c.validated.keys()])).size).toBeGreaterThan(50);
  const file = process.env.RECORD_OPENAPI_EXAMPLES;
  if (!file) return;
  // The first suite to call an operation gives its example, as when the suites shared one app.
  const examples = new Map<string, RecordedExample>();
  for (const c of done) for (const [op, ex] of c.examples) examples.set(op, mergeExamples(examples.get(op), ex));
  writeFileSync(file, JSON.stringify(Object.fromEntries([...examples].sort(([a], [b]) => a.localeCompare(b))), null, 2) + '\n');
});
