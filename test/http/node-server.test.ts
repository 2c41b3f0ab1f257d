// The real Node process: starts on a port, answers over HTTP, stops cleanly on SIGTERM, refuses bad config.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'send-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>): { child: ChildProcess; out: () => string; exited: Promise<number | null> } {
  let out = '';
  const child = spawn(TSX, ['src/entry/node.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  return { child, out: () => out, exited };
}

async function waitFor(url: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error(`not up: ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Node server process', () => {
  it('serves on HOST:PORT with a file database and exits 0 within 5 s of SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const s = start({ PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'info' });
    try {
      await waitFor(`http://127.0.0.1:${port}/readyz`);
      const big = await fetch(`http://127.0.0.1:${port}/v1/recommendations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(3 * 1024 * 1024),
      });
      expect(big.status).toBe(413);
      const t0 = Date.now();
      s.child.kill('SIGTERM');
      const code = await s.exited;
      expect(code).toBe(0);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(s.out(), s.out()).toContain('"msg":"stopped"');
    } finally {
      if (s.child.exitCode === null) s.child.kill('SIGKILL');
    }
  });

  it('refuses to start on a bad value with one line naming it', async () => {
    const s = start({ PORT: 'abc' });
    const code = await s.exited;
    expect(code).toBe(2);
    expect(s.out().trim()).toMatch(/^Invalid configuration: PORT="abc"/);
  });
});
