// /readyz is honest: a database that cannot be written is not ready (503 problem), while a writable one is (200).
import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/http/logger.js';
import { openSqlite, sqliteDatabase, type SqliteDatabase } from '../../src/repos/drivers/sqlite.js';
import { MIGRATIONS_DIR } from '../helpers/node-app.js';

const dir = mkdtempSync(join(tmpdir(), 'send-ready-'));
const file = join(dir, 'db.sqlite');
const opened: SqliteDatabase[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
  rmSync(dir, { recursive: true, force: true });
});

const appOver = (database: SqliteDatabase) =>
  createApp({ database: () => database, content: getShippedContent, logger: createLogger('silent'), config: {}, now: () => new Date() });

describe('/readyz', () => {
  it('answers 200 on a writable file database, and 503 once the file is read-only', async () => {
    const writable = openSqlite(file, MIGRATIONS_DIR, { createFolder: false });
    const ok = await appOver(writable).request('/readyz');
    expect(ok.status).toBe(200);
    await writable.close();
    chmodSync(file, 0o444);
    // A read-only file opens read-only for anyone but root, who ignores file modes: open it read-only explicitly then.
    const raw = new BetterSqlite3(file, { readonly: process.getuid?.() === 0, fileMustExist: true });
    const readOnly = sqliteDatabase(raw);
    opened.push(readOnly);
    const app = appOver(readOnly);
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/cannot be written/);
    // Reads still work: the process is alive, just not ready for traffic that writes.
    expect((await app.request('/healthz')).status).toBe(200);
  });
});
