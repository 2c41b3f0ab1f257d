// `npm run lint:openapi`: writes the app's own OpenAPI document and checks it with Redocly's recommended rules.
// Exits non-zero when Redocly reports an error (warnings are printed, not fatal).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getShippedContent } from '../src/content/bundled.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/http/logger.js';
import { openSqlite } from '../src/repos/drivers/sqlite.js';

const migrations = fileURLToPath(new URL('../src/repos/migrations/', import.meta.url));
const database = openSqlite(':memory:', migrations);
const app = createApp({
  database: () => database,
  content: getShippedContent,
  logger: createLogger('error', () => {}),
  config: { adminToken: 'openapi-lint-admin-token' },
  now: () => new Date(),
});

const dir = mkdtempSync(join(tmpdir(), 'send-openapi-'));
const file = join(dir, 'openapi.json');
try {
  writeFileSync(file, await (await app.request('/openapi.json')).text());
  const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));
  const run = spawnSync(redocly, ['lint', file, '--extends=recommended', '--format=summary'], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) process.stderr.write(run.stderr);
  process.exitCode = run.status ?? 1;
} finally {
  database.close();
  rmSync(dir, { recursive: true, force: true });
}
