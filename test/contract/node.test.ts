// Runs the contract suite against the Node app in process, on a fresh in-memory SQLite database.
import { afterAll } from 'vitest';
import { makeNodeApp } from '../helpers/node-app.js';
import { contractSuite } from './suite.js';

const { app, close } = makeNodeApp();
afterAll(close);
contractSuite('node', () => (path, init) => Promise.resolve(app.request(path, init)));
