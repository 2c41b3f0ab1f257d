// Runs the contract suites against the Node app in process, on a fresh in-memory SQLite database.
import { afterAll } from 'vitest';
import { makeNodeApp } from '../helpers/node-app.js';
import { accountsSuite } from './accounts-suite.js';
import { evidenceSuite } from './evidence-suite.js';
import { localCatalogueSuite } from './local-catalogue-suite.js';
import { contractSuite } from './suite.js';
import { xapiSuite } from './xapi-suite.js';

const ADMIN_TOKEN = 'node-contract-admin-token-0123456789';
const { app, close } = makeNodeApp({ adminToken: ADMIN_TOKEN });
afterAll(close);
contractSuite('node', () => (path, init) => Promise.resolve(app.request(path, init)));
accountsSuite('node', () => (path, init) => Promise.resolve(app.request(path, init)), ADMIN_TOKEN);
xapiSuite('node', () => (path, init) => Promise.resolve(app.request(path, init)), ADMIN_TOKEN);
localCatalogueSuite('node', () => (path, init) => Promise.resolve(app.request(path, init)), ADMIN_TOKEN);
// Last: it publishes a new evidence set, which changes what is current for anything after it.
evidenceSuite('node', () => (path, init) => Promise.resolve(app.request(path, init)), ADMIN_TOKEN);
