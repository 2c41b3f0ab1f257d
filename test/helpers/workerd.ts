// Starts the Worker in workerd through Miniflare's API on 127.0.0.1: the script is bundled by `wrangler deploy
// --dry-run` (the same build a deploy uploads) and runs on a fresh local D1 migrated by `wrangler d1 migrations apply`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';

export interface RunningWorker {
  /** The Worker's origin, e.g. http://127.0.0.1:41234 (what it sees as its own address). */
  readonly base: string;
  readonly fetch: (path: string, init?: RequestInit) => Promise<Response>;
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

export async function startWorker(vars: Record<string, string> = {}): Promise<RunningWorker> {
  const dir = mkdtempSync(join(tmpdir(), 'send-workerd-'));
  const persistTo = join(dir, 'state');
  const bundle = join(dir, 'bundle');
  // The two wrangler steps are independent; run them side by side.
  await Promise.all([
    run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], { env: QUIET }),
    run(WRANGLER, ['deploy', '--dry-run', '--outdir', bundle], { env: QUIET }),
  ]);
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
    fetch: (path, init) => fetch(base + path, { redirect: 'manual', ...init }),
    stop: async () => {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
