// Runs the contract suites against the Node app in process, on a fresh in-memory SQLite database. Every JSON success
// response is checked against the app's own OpenAPI document (test/helpers/openapi-check.ts); with
// RECORD_OPENAPI_EXAMPLES=<file> the first request and response per operation are written there as examples.
import { writeFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { makeNodeApp } from '../helpers/node-app.js';
import { checkResponses, type Doc } from '../helpers/openapi-check.js';
import { accountsSuite } from './accounts-suite.js';
import { evidenceSuite } from './evidence-suite.js';
import { localCatalogueSuite } from './local-catalogue-suite.js';
import { contractSuite } from './suite.js';
import { xapiSuite } from './xapi-suite.js';

const ADMIN_TOKEN = 'node-contract-admin-token-0123456789';
const { app, close } = makeNodeApp({ adminToken: ADMIN_TOKEN });
afterAll(close);
const doc = (await (await app.request('/openapi.json')).json()) as Doc;
const checked = checkResponses(doc, (path, init) => Promise.resolve(app.request(path, init)));
const f = () => checked.fetch;
contractSuite('node', f);
accountsSuite('node', f, ADMIN_TOKEN);
xapiSuite('node', f, ADMIN_TOKEN);
localCatalogueSuite('node', f, ADMIN_TOKEN);
// Last: it publishes a new evidence set, which changes what is current for anything after it.
evidenceSuite('node', f, ADMIN_TOKEN);

it('every JSON success response the suites received matches its documented schema', () => {
  expect(checked.failures).toEqual([]);
  expect(checked.validated.size).toBeGreaterThan(50);
  const file = process.env.RECORD_OPENAPI_EXAMPLES;
  if (file) writeFileSync(file, JSON.stringify(Object.fromEntries([...checked.examples].sort(([a], [b]) => a.localeCompare(b))), null, 2) + '\n');
});
