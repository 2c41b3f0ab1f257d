// Builds the Node app in process for tests: in-memory SQLite with migrations applied, shipped content, quiet logs.
import { fileURLToPath } from 'node:url';
import { getShippedContent } from '../../src/content/bundled.js';
import { createApp } from '../../src/http/app.js';
import type { AppConfig } from '../../src/http/env.js';
import { createLogger } from '../../src/http/logger.js';
import { openSqlite } from '../../src/repos/drivers/sqlite.js';
import { checkAppResponses } from './openapi-check.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/repos/migrations/', import.meta.url));

/** `now` defaults to a fixed instant; tests of expiry pass a clock they can move. */
export function makeNodeApp(config: AppConfig = {}, lines: string[] = [], now: () => Date = () => new Date('2026-11-22T10:00:00Z')) {
  const database = openSqlite(':memory:', MIGRATIONS_DIR);
  const app = createApp({
    database: () => database,
    content: getShippedContent,
    logger: createLogger('info', (l) => lines.push(l)),
    config,
    now,
  });
  const openapi = checkAppResponses(app);
  return { app, database, lines, openapi, close: () => database.close() };
}
