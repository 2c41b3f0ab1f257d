// npm run fit:priors -- [--out <file> --id <new set id>] [--retest-days 42]
// Fits the role priors and the answer noise, and so how strongly a profile is pulled toward the role's prior, from
// the self-assessments in the Node database (src/domain/prior-fit.ts says how). Prints per role the people, the
// fitted and the panel's prior and the shrinkage strength k₀; only aggregates of 30 or more people are shown or used.
// With --out it writes the evidence set in force with the fitted priors as a new version (--id), its provenance
// saying what was fitted from how many people, ready for `npm run evidence -- publish <file>`.
// Environment: DATABASE_PATH (default var/send-pathways.sqlite), CONTENT_DIR.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getShippedContent } from '../src/content/bundled.js';
import { loadContentFromDir } from '../src/content/fs.js';
import { fitPriors, withFittedPriors, type AreaAnswer, type AssessedPerson, type PriorFit, type RetestPair } from '../src/domain/prior-fit.js';
import { itemNoiseSd, ownAnswers } from '../src/domain/profile.js';
import type { Content, EvidenceSet, Phase, RecommendationRequest, Role } from '../src/domain/types.js';
import type { Database } from '../src/repos/database.js';
import { openSqlite } from '../src/repos/drivers/sqlite.js';
import { answersList } from '../src/repos/stored-answers.js';
import { currentEvidenceSetId, getEvidenceSet } from '../src/repos/evidence-sets.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../src/repos/migrations/', import.meta.url));
const DAY_MS = 86_400_000;

interface Taken {
  readonly staffId: string;
  readonly role: Role;
  readonly phase: Phase;
  readonly at: number;
  /** Own answer per area (value NaN where the area was not answered). */
  readonly areas: readonly AreaAnswer[];
}

/** Every assessment with its person's role and phase, oldest first per person, as own answers per area. */
async function readAssessments(database: Database, content: Content): Promise<Taken[]> {
  const rows = await database.db
    .selectFrom('assessments')
    .innerJoin('staff', 'staff.id', 'assessments.staff_id')
    .select(['assessments.staff_id', 'assessments.answers', 'assessments.created_at', 'staff.job_role', 'staff.phase'])
    .orderBy('assessments.staff_id')
    .orderBy('assessments.created_at')
    .execute();
  return rows.map((r) => {
    const stored = JSON.parse(r.answers) as { responses?: unknown };
    const responses = answersList(stored.responses);
    const request = { responses: Array.isArray(responses) ? responses : [] } as unknown as RecommendationRequest;
    return { staffId: r.staff_id, role: r.job_role as Role, phase: r.phase as Phase, at: Date.parse(r.created_at), areas: ownAnswers(content, request) };
  });
}

/** When each person completed each module (ms), to tell whether anything was learned between two assessments. */
async function readCompletions(database: Database): Promise<Map<string, number[]>> {
  const rows = await database.db.selectFrom('progress').select(['staff_id', 'completed_at']).where('completed_at', 'is not', null).execute();
  const byStaff = new Map<string, number[]>();
  for (const r of rows) {
    const times = byStaff.get(r.staff_id) ?? [];
    times.push(Date.parse(r.completed_at!));
    byStaff.set(r.staff_id, times);
  }
  return byStaff;
}

/** Latest assessment per person, and the retest pairs: consecutive assessments within `days`, nothing completed between. */
export function peopleAndRetests(taken: readonly Taken[], completions: ReadonlyMap<string, readonly number[]>, days: number): { people: AssessedPerson[]; pairs: RetestPair[] } {
  const people: AssessedPerson[] = [];
  const pairs: RetestPair[] = [];
  taken.forEach((t, i) => {
    const next = taken[i + 1];
    const answered = t.areas.filter((a) => a.weight > 0);
    if (next?.staffId !== t.staffId) people.push({ role: t.role, phase: t.phase, answers: answered });
    else if (next.at - t.at <= days * DAY_MS && !(completions.get(t.staffId) ?? []).some((c) => c > t.at && c <= next.at)) {
      t.areas.forEach((first, a) => {
        const second = next.areas[a]!;
        if (first.weight > 0 && second.weight > 0) pairs.push({ first, second });
      });
    }
  });
  return { people, pairs };
}

/** The fit over every stored assessment, against the evidence set in force (or the shipped one before any publish). */
export async function fitFromDatabase(database: Database, content: Content, days: number): Promise<{ evidence: EvidenceSet; fit: PriorFit }> {
  const id = await currentEvidenceSetId(database);
  const evidence = (id ? (await getEvidenceSet(database, id))?.body : undefined) ?? content.evidence;
  const { people, pairs } = peopleAndRetests(await readAssessments(database, content), await readCompletions(database), days);
  return { evidence, fit: fitPriors(evidence, people, pairs, itemNoiseSd(evidence)) };
}

export function report(fit: PriorFit, evidenceId: string): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `Priors fitted against evidence set ${evidenceId}.`,
    `Answer noise sd: ${f(fit.itemNoiseSd)} (${fit.noiseFitted ? `fitted from ${fit.retestPairs} retest pairs` : `the current figure: only ${fit.retestPairs} retest pairs, 30 needed`}).`,
    '',
    '| Role | people | answers | prior mean | prior sd | panel mean | panel sd | k₀ (prior counted as answers) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [role, r] of Object.entries(fit.byRole)) {
    const shown = r.fitted ? `${r.people} | ${r.answers} | ${f(r.prior.mean)} | ${f(r.prior.sd)}` : 'fewer than 30 | – | panel | panel';
    lines.push(`| ${role} | ${shown} | ${f(r.panel.mean)} | ${f(r.panel.sd)} | ${r.k0.toFixed(2)} |`);
  }
  return lines.join('\n') + '\n';
}

/** The set in force with the fitted priors as the next version, its provenance saying what was fitted and from what. */
export function newVersion(evidence: EvidenceSet, fit: PriorFit, id: string): EvidenceSet {
  const fitted = Object.entries(fit.byRole).filter(([, r]) => r.fitted);
  const people = fitted.reduce((n, [, r]) => n + r.people, 0);
  const note = `Role priors for ${fitted.map(([role]) => role).join(', ') || 'no role'} fitted from the self-assessments of ${people} people by the method of moments${fit.noiseFitted ? `, answer noise from ${fit.retestPairs} retest pairs` : ''} (npm run fit:priors).`;
  const set = withFittedPriors(evidence, fit);
  return { ...set, id, version: evidence.version + 1, provenance: { ...set.provenance, method: `${set.provenance.method} ${note}`, date: new Date().toISOString().slice(0, 10) } };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, id: { type: 'string' }, 'retest-days': { type: 'string', default: '42' } } });
  const days = Number(values['retest-days']);
  if (!Number.isFinite(days) || days <= 0) throw new Error('--retest-days must be a number of days above 0');
  if (values.out && !values.id) throw new Error('--out needs --id, the new evidence set id (e.g. national-v2)');
  const content = process.env.CONTENT_DIR ? loadContentFromDir(resolve(process.env.CONTENT_DIR)) : getShippedContent();
  const database = openSqlite(process.env.DATABASE_PATH || 'var/send-pathways.sqlite', MIGRATIONS_DIR);
  try {
    const { evidence, fit } = await fitFromDatabase(database, content, days);
    process.stdout.write(report(fit, evidence.id));
    if (values.out) {
      writeFileSync(values.out, JSON.stringify(newVersion(evidence, fit, values.id!), null, 2) + '\n');
      process.stdout.write(`Wrote ${values.out} (${values.id}); publish it with: npm run evidence -- publish ${values.out}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
