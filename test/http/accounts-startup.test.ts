// The real Node process: every start-up failure is one line naming the setting and what to do (never a stack trace
// or a secret); the default var/ folder is still made on first start; `npm start` stops cleanly, closing the
// database, even when npm exits on SIGTERM or SIGINT without passing the signal on.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
// Node with tsx's loader, as `npm start` runs it (the tsx CLI would add a process of its own in between).
const NODE_ARGS = ['--import', pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(ROOT, 'src', 'entry', 'node.ts')];
const dir = mkdtempSync(join(tmpdir(), 'send-start-'));
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let nextPort = 19230;

// Whatever a failing test leaves running is stopped: spawned processes (their group when detached) and servers.
const spawned: { child: ChildProcess; detached: boolean }[] = [];
const servers: number[] = [];
afterEach(() => {
  for (const { child, detached } of spawned.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      if (detached) process.kill(-child.pid!, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
  for (const pid of servers.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

interface Run {
  readonly child: ChildProcess;
  readonly out: () => string;
  readonly err: () => string;
  readonly exited: Promise<number | null>;
}

function run(cmd: string, args: string[], env: Record<string, string>, opts: { cwd?: string; uid?: number; detached?: boolean } = {}): Run {
  let out = '';
  let err = '';
  const child = spawn(cmd, args, {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.detached ?? false,
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  spawned.push({ child, detached: opts.detached ?? false });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  return { child, out: () => out, err: () => err, exited };
}

/** Starts the server directly and expects it to refuse with one line on stderr. */
async function refusal(env: Record<string, string>, opts: { uid?: number } = {}): Promise<{ code: number | null; line: string }> {
  const r = run(process.execPath, NODE_ARGS, { PORT: String(nextPort++), ...env }, { ...opts, ...(opts.uid !== undefined ? { cwd: ROOT } : {}) });
  const code = await r.exited;
  const lines = r.err().trim().split('\n');
  expect(lines, r.err()).toHaveLength(1);
  expect(r.err()).not.toMatch(/\n\s+at |Error:/);
  return { code, line: lines[0]! };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('start-up failures are one line', { timeout: 90_000 }, () => {
  it('a path under a file, and a missing folder for a typed path (no folder or database made)', async () => {
    const bad = await refusal({ DATABASE_PATH: '/dev/null/x/db.sqlite' });
    expect(bad.code).toBe(4);
    expect(bad.line).toMatch(/^DATABASE_PATH="\/dev\/null\/x\/db.sqlite": .*not a folder; correct the path/);
    const missing = join(dir, 'typo', 'db.sqlite');
    const gone = await refusal({ DATABASE_PATH: missing });
    expect(gone.line).toMatch(/^DATABASE_PATH=".*typo\/db.sqlite": the folder ".*typo" does not exist; create it first/);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('a port in use', async () => {
    const port = nextPort++;
    const holder = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => holder.once('listening', r));
    try {
      const r = await refusal({ PORT: String(port), DATABASE_PATH: join(dir, 'port.sqlite') });
      expect(r.code).toBe(5);
      expect(r.line).toBe(`PORT=${port}: the port is already in use on 127.0.0.1; stop the other server or choose another PORT.`);
    } finally {
      holder.close();
    }
  });

  it('short secrets, named with their length and never printed', async () => {
    const r = await refusal({ ADMIN_TOKEN: 'tok-abc', SESSION_SECRET: 'session-secret-too-short' });
    expect(r.code).toBe(2);
    expect(r.line).toMatch(/^Invalid configuration: ADMIN_TOKEN \(7 characters\) must be at least 16 .*; SESSION_SECRET \(24 characters\) must be at least 32/);
    expect(r.line).not.toContain('tok-abc');
    expect(r.line).not.toContain('session-secret-too-short');
  });

  it('a read-only database', { timeout: 120_000 }, async () => {
    // Make a database, then make it and its folder read-only for an unprivileged user (root ignores file modes).
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    const file = join(ro, 'db.sqlite');
    const first = run(process.execPath, NODE_ARGS, { PORT: String(nextPort++), DATABASE_PATH: file, SESSION_SECRET: 'z'.repeat(40) });
    expect(await until(() => first.out().includes('"listening"'), 50_000), first.out() + first.err()).toBe(true);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    if (uid !== undefined) chownSync(ro, uid, uid);
    chmodSync(file, 0o444);
    chmodSync(ro, 0o555);
    const r = await refusal({ DATABASE_PATH: file, SESSION_SECRET: 'z'.repeat(40), HOME: dir }, uid !== undefined ? { uid } : {});
    expect(r.code).toBe(4);
    expect(r.line).toMatch(/^DATABASE_PATH=".*ro\/db.sqlite" cannot be written \(a read-only file, folder or disk\); make it writable/);
  });

  it('still creates the default var/ folder and database on first start', { timeout: 90_000 }, async () => {
    const home = join(dir, 'fresh-clone');
    mkdirSync(home);
    const r = run(process.execPath, NODE_ARGS, { PORT: String(nextPort++), DATABASE_PATH: '' }, { cwd: home });
    expect(await until(() => r.out().includes('"listening"'), 50_000), r.out() + r.err()).toBe(true);
    expect(existsSync(join(home, 'var', 'send-pathways.sqlite'))).toBe(true);
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
  });
});

describe('npm start stops with no orphan', { timeout: 90_000 }, () => {
  // SIGTERM to npm alone, as a supervisor sends it (npm exits without passing it on); SIGINT to the whole process
  // group, as Ctrl-C in a terminal sends it.
  for (const [signal, group] of [['SIGTERM', false], ['SIGINT', true], ['SIGTERM', true]] as const) {
    it(`when ${group ? 'npm’s process group' : 'npm alone'} gets ${signal}: the server stops, frees the port and closes the database`, { timeout: 90_000 }, async () => {
      const port = nextPort++;
      const db = join(dir, `npm-${signal}-${group}.sqlite`);
      const npm = run('npm', ['start', '--silent'], { PORT: String(port), DATABASE_PATH: db, SESSION_SECRET: 's'.repeat(40) }, { detached: true });
      expect(await until(() => /"listening".*"pid":\d+/.test(npm.out()), 60_000), npm.out() + npm.err()).toBe(true);
      const pid = Number(/"listening".*"pid":(\d+)/.exec(npm.out())![1]);
      servers.push(pid);
      expect(pid).not.toBe(npm.child.pid);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      if (group) process.kill(-npm.child.pid!, signal);
      else npm.child.kill(signal);
      expect(await until(() => !alive(pid), 10_000), `server ${pid} still running`).toBe(true);
      await expect(fetch(`http://127.0.0.1:${port}/readyz`)).rejects.toThrow();
      expect(npm.out()).toContain('"msg":"stopped"');
      // A clean close checkpoints and removes the WAL.
      expect(existsSync(`${db}-wal`)).toBe(false);
    });
  }
});
