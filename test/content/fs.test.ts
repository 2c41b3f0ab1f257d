// Loading content from a directory (CONTENT_DIR) and the content-check script, against copies of data/.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFromDir } from '../../src/content/fs.js';
import { ContentError, type Problem } from '../../src/content/problems.js';
import { cloneShipped } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A temporary copy of data/. */
function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'send-content-'));
  dirs.push(dir);
  cpSync(join(process.cwd(), 'data'), dir, { recursive: true });
  return dir;
}

function problemsFromDir(dir: string): Problem[] {
  try {
    loadContentFromDir(dir);
    return [];
  } catch (err) {
    if (err instanceof ContentError) return [...err.problems];
    throw err;
  }
}

describe('loadContentFromDir', () => {
  it('loads a copy of the shipped content', () => {
    const content = loadContentFromDir(copyOfData());
    expect(content.evidence.id).toBe('national-v1');
    expect(content.catalogue.modules.length).toBeGreaterThanOrEqual(60);
  });

  it('names a missing file', () => {
    const dir = copyOfData();
    unlinkSync(join(dir, 'questionnaire.json'));
    expect(problemsFromDir(dir)).toEqual([{ file: join(dir, 'questionnaire.json'), path: '(root)', message: 'file not found' }]);
  });

  it('names a file that is not valid JSON', () => {
    const dir = copyOfData();
    writeFileSync(join(dir, 'modules.json'), '{ "version": "1.0.0", "modules": [ }');
    const problems = problemsFromDir(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(join(dir, 'modules.json'));
    expect(problems[0]?.path).toBe('(root)');
    expect(problems[0]?.message).toMatch(/^invalid JSON: /);
  });

  it('reports a missing evidence set', () => {
    const dir = copyOfData();
    rmSync(join(dir, 'evidence'), { recursive: true });
    const problems = problemsFromDir(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(join(dir, 'evidence', 'v1.json'));
    expect(problems[0]?.message).toMatch(/^file not found/);
  });

  it('uses the highest-numbered evidence set, and labels its problems with its path', () => {
    const dir = copyOfData();
    const c = cloneShipped();
    c.evidence.id = 'national-v2';
    c.evidence.version = 2;
    writeFileSync(join(dir, 'evidence', 'v2.json'), JSON.stringify(c.evidence));
    writeFileSync(join(dir, 'evidence', 'v10.json'), JSON.stringify({ ...c.evidence, id: 'national-v10', version: 'ten' }));
    expect(problemsFromDir(dir)).toEqual([
      { file: join(dir, 'evidence', 'v10.json'), path: 'version', message: 'Invalid input: expected number, received string' },
    ]);
    unlinkSync(join(dir, 'evidence', 'v10.json'));
    expect(loadContentFromDir(dir).evidence.id).toBe('national-v2');
  });
});

describe('content-check script', () => {
  const run = (args: string[]) => {
    try {
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/content-check.ts', ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { code: 0, out: stdout };
    } catch (err) {
      const e = err as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  };

  it('prints a summary and exits 0 for the shipped content', () => {
    const { code, out } = run([]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Content OK/);
    expect(out).toMatch(/role x phase: {2}at least \d+ suitable modules for every pair/);
  });

  it('prints each problem as file: path: message and exits 1', () => {
    const dir = copyOfData();
    const c = cloneShipped();
    c.catalogue.modules[12]!.areas[0]!.relevance = 1.7;
    writeFileSync(join(dir, 'modules.json'), JSON.stringify(c.catalogue));
    const { code, out } = run([dir]);
    expect(code).toBe(1);
    expect(out).toContain(`${join(dir, 'modules.json')}: modules[12].areas[0].relevance: must be between 0 and 1 (got 1.7)`);
  });
});
