// scripts/fit-priors.ts over self-assessments taken through the service functions the API uses: people who take
// the assessment twice give retest pairs, unless they completed a module in between; the written set publishes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { createRng } from '../../src/domain/rng.js';
import { fitFromDatabase, peopleAndRetests } from '../../scripts/fit-priors.js';
import { assess, checkInAfter, enrol, nextStep, startService } from '../../scripts/lib/learning-service.js';
import { answerQuestionnaire, makePerson, makeTruth, WORLDS } from '../../scripts/lib/sim-world.js';

const content = getShippedContent();
const dir = mkdtempSync(join(tmpdir(), 'send-fit-priors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function run(script: string, ...args: string[]): string {
  return execFileSync(TSX, [script, ...args], { env: { ...process.env, DATABASE_PATH: join(dir, 'db.sqlite') }, encoding: 'utf8', stdio: 'pipe' });
}

describe('npm run fit:priors', () => {
  it('fits from the stored assessments, pairs retests, and writes a set that publishes', { timeout: 120_000 }, async () => {
    const s = startService(content, new Date(Date.UTC(2027, 0, 5)));
    const rng = createRng(3);
    const truth = makeTruth(content, WORLDS[0]!, rng);
    const people = Array.from({ length: 40 }, () => ({ ...makePerson(content, truth, rng), role: 'teacher' as const, phase: 'primary' as const }));
    const staff = await enrol(s, people);
    const answers = (i: number) => ({ responses: answerQuestionnaire(content, people[i]!, rng), formats: ['online' as const], timeBudgetMinutes: 240, weeklyMinutes: 60, completed: [] });
    for (let i = 0; i < staff.length; i++) {
      const first = await assess(s, staff[i]!, answers(i));
      s.tick();
      // The last ten complete a module before answering again: their two assessments are not a retest.
      if (i >= 30) await checkInAfter(s, staff[i]!, nextStep(first.state)!.moduleId, {});
      s.tick();
      await assess(s, staff[i]!, answers(i));
    }
    const { fit } = await fitFromDatabase(s.database, content, 42);
    expect(fit.byRole.teacher).toMatchObject({ people: 40, fitted: true });
    expect(fit.noiseFitted).toBe(true);
    // About 17 answered areas per retest, from the 30 people who completed nothing in between.
    expect(fit.retestPairs).toBeGreaterThan(30 * 12);
    expect(fit.retestPairs).toBeLessThanOrEqual(30 * content.taxonomy.areas.length);
    await s.database.raw.backup(join(dir, 'db.sqlite'));
    s.close();

    const out = run('scripts/fit-priors.ts', '--out', join(dir, 'fitted.json'), '--id', 'national-v2');
    expect(out).toMatch(/\| teacher \| 40 \|/);
    const set = JSON.parse(readFileSync(join(dir, 'fitted.json'), 'utf8'));
    expect(set).toMatchObject({ id: 'national-v2', version: 2, priors: { byRole: { teacher: { sd: expect.any(Number) } }, itemNoiseSd: expect.any(Number) } });
    expect(set.provenance.method).toMatch(/fitted from the self-assessments of 40 people/);
    expect(run('scripts/evidence.ts', 'publish', join(dir, 'fitted.json'))).toMatch(/Published national-v2 \(version 2\)/);
  });

  it('pairs only consecutive assessments within the window with nothing completed between', () => {
    const areas = [{ value: 0.5, weight: 1 }, { value: Number.NaN, weight: 0 }];
    const taken = [
      { staffId: 'a', role: 'teacher' as const, phase: 'primary' as const, at: 0, areas },
      { staffId: 'a', role: 'teacher' as const, phase: 'primary' as const, at: 10 * 86_400_000, areas },
      { staffId: 'a', role: 'teacher' as const, phase: 'primary' as const, at: 100 * 86_400_000, areas },
      { staffId: 'b', role: 'teacher' as const, phase: 'primary' as const, at: 0, areas },
      { staffId: 'b', role: 'teacher' as const, phase: 'primary' as const, at: 86_400_000, areas },
    ];
    const { people, pairs } = peopleAndRetests(taken, new Map([['b', [3_600_000]]]), 42);
    expect(people).toHaveLength(2);
    expect(people[0]!.answers).toHaveLength(1);
    expect(pairs).toHaveLength(1);
  });
});
