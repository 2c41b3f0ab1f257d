// Starts the Worker in workerd through Miniflare's API on 127.0.0.1: the script is bundled by `wrangler deploy
// --dry-run` (the same build a deploy uploads) and runs on a fresh local D1 migrated by `wrangler d1 migrations apply`.
// Both are made once per test file; each worker then starts on its own copy of the migrated database.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';

export interface RunningWorker {
  /** The Worker's origin, e.g. http://127.0.0.1:41234 (what it sees as its own address). */
  readonly base: string;
  readonly fetch: (path: string, init?: RequestInit) => Promise<Response>;
  /** Runs the Worker's scheduled handler once, as the cron trigger of wrangler.toml does. */
  readonly scheduled: () => Promise<void>;
  /** Runs one SQL statement on the Worker's local D1 (to set up a state the API cannot reach quickly). */
  readonly sql: (query: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;
  readonly stop: () => Promise<void>;
}

const WRANGLER = join(process.cwd(), 'node_modules', '.bin', 'wrangler');
const run = promisify(execFile);
const QUIET = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' };

/** The settings Miniflare needs from wrangler.toml (one D1 binding, a compatibility date and flags). */
function wranglerSettings(): { compatibilityDate: string; compatibilityFlags: string[]; databaseId: string } {
  const toml = readFileSync('wrangler.toml', 'utf8');
  const value = (key: string) => new RegExp(`^${key}\\s*=\\s*"([^"]+)"`, 'm').exec(toml)?.[1];
  const flags = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? '';
  return {
    compatibilityDate: value('compatibility_date') ?? '2026-04-01',
    compatibilityFlags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1]!),
    databaseId: value('database_id') ?? 'send-pathways',
  };
}

/** The bundle and a migrated, empty local D1, made once per test file (removed when the process exits). */
let prepared: Promise<{ dir: string; bundle: string; state: string }> | undefined;
function prepare() {
  prepared ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'send-workerd-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const state = join(dir, 'state');
    const bundle = join(dir, 'bundle');
    // The two wrangler steps are independent; run them side by side.
    await Promise.all([
      run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], { env: QUIET }),
      run(WRANGLER, ['deploy', '--dry-run', '--outdir', bundle], { env: QUIET }),
    ]);
    return { dir, bundle, state };
  })();
  return prepared;
}

export async function startWorker(vars: Record<string, string> = {}): Promise<RunningWorker> {
  const { bundle, state } = await prepare();
  const dir = mkdtempSync(join(tmpdir(), 'send-workerd-db-'));
  const persistTo = join(dir, 'state');
  cpSync(state, persistTo, { recursive: true });
  const settings = wranglerSettings();
  const mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    modules: true,
    scriptPath: join(bundle, 'worker.js'),
    modulesRoot: bundle,
    compatibilityDate: settings.compatibilityDate,
    compatibilityFlags: settings.compatibilityFlags,
    d1Databases: { DB: settings.databaseId },
    // wrangler keeps local D1 files under <persist-to>/v3/d1, where the migrations above were applied.
    d1Persist: join(persistTo, 'v3', 'd1'),
    bindings: { LOG_LEVEL: 'warn', ...vars },
  });
  const base = (await mf.ready).origin;
  return {
    base: base.replace(/\/$/, ''),
    fetch: (path, init) => fetchPastClosedSockets(base + path, { redirect: 'manual', ...init }),
    scheduled: async () => {
      const result = await (await mf.getWorker()).scheduled({ cron: '* * * * *' });
      if (result.outcome !== 'ok') throw new Error(`scheduled handler: ${result.outcome}`);
    },
    sql: async (query, ...params) => (await (await mf.getD1Database('DB')).prepare(query).bind(...params).all<Record<string, unknown>>()).results,
    stop: async () => {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * fetch, sent again when a kept-alive connection turned out to be closed by workerd as the request went out, before
 * any answer: "other side closed" (UND_ERR_SOCKET) when workerd ended it, ECONNRESET when it reset it. A transport
 * race, not an answer. The pool can hold more than one such connection, so up to three tries, each on the next
 * connection (a closed one leaves the pool as it fails).
 */
async function fetchPastClosedSockets(url: string, init: RequestInit): Promise<Response> {
  for (let tries = 1; ; tries++) {
    try {
      return await fetch(url, init);
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause;
      if (!CLOSED_SOCKET.includes(cause?.code ?? '') || tries === 3) throw err;
    }
  }
}

/** The error codes of a request that met a connection workerd had closed (see fetchPastClosedSockets). */
const CLOSED_SOCKET = ['UND_ERR_SOCKET', 'ECONNRESET'];
