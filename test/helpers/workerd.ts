// Starts the Worker in workerd via wrangler's unstable_dev on 127.0.0.1, with a fresh local D1 migrated by wrangler.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unstable_dev } from 'wrangler';

export interface RunningWorker {
  readonly fetch: (path: string, init?: RequestInit) => Promise<Response>;
  readonly stop: () => Promise<void>;
}

const WRANGLER = join(process.cwd(), 'node_modules', '.bin', 'wrangler');

export async function startWorker(vars: Record<string, string> = {}): Promise<RunningWorker> {
  const persistTo = mkdtempSync(join(tmpdir(), 'send-d1-'));
  execFileSync(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    stdio: 'pipe',
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
  });
  const worker = await unstable_dev('src/entry/worker.ts', {
    config: 'wrangler.toml',
    ip: '127.0.0.1',
    persistTo,
    vars: { LOG_LEVEL: 'warn', ...vars },
    logLevel: 'error',
    experimental: { disableExperimentalWarning: true, disableDevRegistry: true, testMode: true },
  });
  const base = `http://127.0.0.1:${worker.port}`;
  return {
    fetch: (path, init) => fetch(base + path, { redirect: 'manual', ...init }),
    stop: async () => {
      await worker.stop();
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}
