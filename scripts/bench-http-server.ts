// The Node app for scripts/bench-http.ts: in-memory SQLite, shipped content, no rate limits, silent logs, plus the
// same-size baseline route (./lib/bench-baseline.ts), which only this server has. Listens on 127.0.0.1:$PORT; prints "ready" once listening.
import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { getShippedContent } from '../src/content/bundled.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/http/logger.js';
import { openSqlite } from '../src/repos/drivers/sqlite.js';
import { registerBenchBaseline } from './lib/bench-baseline.js';

const database = openSqlite(':memory:', fileURLToPath(new URL('../src/repos/migrations/', import.meta.url)));
const content = getShippedContent();
const app = createApp({
  database: () => database,
  content: () => content,
  logger: createLogger('silent'),
  config: {},
  now: () => new Date(),
});
registerBenchBaseline(app);
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
