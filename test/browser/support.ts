// Shared by the real-browser tests: start the Node app on 127.0.0.1 (temp database, free port, stopped by pid),
// launch Debian's Chromium, run axe-core, take screenshots, and skip clearly only when Chromium is absent outside CI.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/repos/database.js';
import { openSqlite } from '../../src/repos/drivers/sqlite.js';
import { MIGRATIONS_DIR } from '../helpers/node-app.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(process.cwd(), 'test-artifacts', 'screenshots');
/** Per-test limit: a real browser walking many pages under a parallel test run needs more than vitest's default. */
export const BROWSER_TEST_MS = 180_000;
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs the suite when Chromium is installed or in CI (where a missing browser must fail); else one skipped test says why. */
export function browserSuite(name: string, body: () => void): void {
  if (existsSync(CHROMIUM) || process.env.CI) {
    describe(name, body);
  } else {
    describe(name, () => {
      it.skip(`skipped: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`, () => undefined);
    });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  readonly base: string;
  readonly pid: number;
  readonly dir: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx src/entry/node.ts` on a free 127.0.0.1 port with a temp database; waits for /readyz.
 * `seed` runs first on that database (migrated), e.g. to add people who can sign in.
 */
export async function startApp(options: { env?: Record<string, string>; seed?: (database: Database) => Promise<unknown> } = {}): Promise<RunningApp> {
  const env = options.env ?? {};
  const dir = mkdtempSync(join(tmpdir(), 'send-web-'));
  const port = await freePort();
  if (options.seed) {
    const database = openSqlite(join(dir, 'db.sqlite'), MIGRATIONS_DIR);
    try {
      await options.seed(database);
    } finally {
      await database.close();
    }
  }
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid!, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const end = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited early:\n${out}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > end) {
      await stop();
      throw new Error(`app did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, pid: child.pid!, dir, output: () => out, stop };
}

/** Launches Debian's Chromium (never a downloaded browser). */
/** The app and Chromium a suite shares; the fields are set before its first test, so read them inside tests. */
export interface AppAndBrowser {
  app: RunningApp;
  browser: Browser;
}

/** Starts the app (with `options`) and Chromium before a suite's tests and stops both after them. */
export function useAppAndBrowser(options: Parameters<typeof startApp>[0] = {}): AppAndBrowser {
  const shared = {} as AppAndBrowser;
  beforeAll(async () => {
    shared.app = await startApp(options);
    shared.browser = await launchBrowser();
  });
  afterAll(async () => {
    await shared.browser?.close();
    await shared.app?.stop();
  });
  return shared;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  return context.newPage();
}

const AXE_SOURCE = () => readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let axeSource: string | undefined;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core with the WCAG 2.2 AA tags and fails listing every violation with its elements. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  axeSource ??= AXE_SOURCE();
  await page.addScriptTag({ content: axeSource });
  const { violations, passes } = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      passes: r.passes.length,
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })),
    };
  }, AXE_TAGS);
  expect(passes, `axe ran no rules on ${label}`).toBeGreaterThan(0);
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
  expect(violations, `axe violations on ${label} (${page.url()}):\n${report}`).toEqual([]);
}

// Very long pages (the API reference) are captured down to this depth: enough to review, quick to encode.
const MAX_SCREENSHOT_HEIGHT = 6000;

/** Full-page screenshots at 375 px and 1280 px wide under test-artifacts/screenshots/<name>-<width>.png. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const clip = { x: 0, y: 0, width, height: Math.min(height, MAX_SCREENSHOT_HEIGHT) };
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true, clip });
  }
  if (original) await page.setViewportSize(original);
}

/**
 * Nothing scrolls sideways at 320 CSS px (WCAG 1.4.10 reflow, the same as 400% zoom of 1280 px) nor at 640 px
 * (200% zoom); wide tables and the heatmap may scroll inside their own labelled region.
 */
export async function expectNoHorizontalScrollAt320(page: Page, label: string): Promise<void> {
  const original = page.viewportSize();
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 640 });
    const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
      const root = document.documentElement;
      const wide: string[] = [];
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.right > root.clientWidth + 1 && !el.closest('.table-wrap, .chart-wrap')) wide.push(`${el.tagName.toLowerCase()}.${el.className}`);
      }
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 5) };
    });
    expect(scrollWidth, `${label} scrolls sideways at ${width}px; too wide: ${wide.join(', ')}`).toBeLessThanOrEqual(clientWidth);
  }
  if (original) await page.setViewportSize(original);
}

/** A new page signed in as `email`, left where signing in sends that person (a leader: their dashboard). */
export async function signedInPage(browser: Browser, base: string, email: string, password: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await newPage(browser, { bypassCSP: true, ...options });
  await page.goto(base + '/sign-in');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  return page;
}
