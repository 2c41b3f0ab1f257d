// scripts/evidence.ts end to end on a temporary SQLite file: publish (idempotent, refusing stale versions and invalid
// files with exit code 1), list and show, and usage errors with exit code 2.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'send-evidence-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function run(...args: string[]): { code: number; out: string; err: string } {
  try {
    const out = execFileSync(TSX, ['scripts/evidence.ts', ...args], { env: { ...process.env, DATABASE_PATH: join(dir, 'db.sqlite') }, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, out, err: '' };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

function file(name: string, change: (set: Record<string, unknown>) => void): string {
  const set = JSON.parse(readFileSync('data/evidence/v1.json', 'utf8')) as Record<string, unknown>;
  change(set);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(set));
  return path;
}

describe('npm run evidence', () => {
  it('publishes files as new versions, lists and shows them', { timeout: 60_000 }, () => {
    expect(run('publish', 'data/evidence/v1.json')).toMatchObject({ code: 0, out: expect.stringMatching(/Published national-v1 \(version 1\)/) });
    expect(run('publish', 'data/evidence/v1.json')).toMatchObject({ code: 0, out: expect.stringMatching(/already the set in force/) });
    const v2 = file('v2.json', (s) => Object.assign(s, { id: 'national-v2', version: 2 }));
    expect(run('publish', v2)).toMatchObject({ code: 0, out: expect.stringMatching(/national-v1 is superseded/) });
    const list = run('list').out.split('\n');
    expect(list[1]).toMatch(/^\s+2\s+published\s+national-v2/);
    expect(list[2]).toMatch(/^\s+1\s+superseded\s+national-v1/);
    expect(JSON.parse(run('show', 'national-v2').out)).toMatchObject({ id: 'national-v2', version: 2, status: 'published', basedOn: 'national-v1' });
  });

  it('refuses stale versions, taken ids and invalid files with exit code 1, and bad usage with 2', { timeout: 60_000 }, () => {
    run('publish', 'data/evidence/v1.json');
    const stale = file('stale.json', (s) => Object.assign(s, { id: 'national-v9', version: 1 }));
    expect(run('publish', stale)).toMatchObject({ code: 1, err: expect.stringMatching(/not above the latest stored version/) });
    const bad = file('bad.json', (s) => Object.assign(s, { id: 'national-v8', version: 8, areaImportance: { ...(s.areaImportance as object), slcn: 3 } }));
    expect(run('publish', bad)).toMatchObject({ code: 1, err: expect.stringMatching(/areaImportance\.slcn: must be between 0 and 1/) });
    expect(run('publish', join(dir, 'missing.json'))).toMatchObject({ code: 1, err: expect.stringMatching(/file not found/) });
    expect(run('show', 'nope')).toMatchObject({ code: 1, err: expect.stringMatching(/no evidence set 'nope'/) });
    expect(run('publish').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
  });
});
