// npm run simulate:learning [-- --seeds 10 --people 400 --rounds 4 --budget 360 --margin 0.3 --cap 0.02 --minObservations 1 --seed 1 --cohorts 400,2000 --jobs 2]
// Population learning through the product: each cohort of synthetic staff takes the self-assessment and checks in
// after every module through the service functions the API uses; the panel publishes a learned set (drafted from
// check-ins alone, signed off) after each round. A fresh population is then scored in the true world before and
// after learning against the full oracle, with 95% CIs over seeds. Progress goes to stderr.

import { fileURLToPath } from 'node:url';
import { getShippedContent } from '../src/content/bundled.js';
import { indexContent } from '../src/domain/content-index.js';
import { strengthFactor } from '../src/domain/gain.js';
import { recommend } from '../src/domain/recommend.js';
import { createRng } from '../src/domain/rng.js';
import type { Content } from '../src/domain/types.js';
import { fmt, summarise, type Summary } from './lib/stats.js';
import { answerQuestionnaire, makePerson, makeTruth, WORLDS, type Truth } from './lib/sim-world.js';
import { oracle as fullOracle } from './lib/sim-policies.js';
import { modulesOf, requestOf, runCohort, trueEffect, type CohortResult } from './lib/learning-cohort.js';

interface Options {
  /** Child processes sharing the seeds (1 = run here). */
  jobs: number;
  /** Internal: the seeds (1-based positions) a child process runs; it prints JSON. */
  only: number[];
  seeds: number;
  people: number;
  rounds: number;
  budget: number;
  margin: number;
  cap: number;
  minObservations: number;
  seed: number;
  cohorts: number[];
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { jobs: 2, only: [], seeds: 10, people: 400, rounds: 4, budget: 360, margin: 0.3, cap: 0.02, minObservations: 1, seed: 1, cohorts: [400, 2000] };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]!.replace(/^--/, '') as keyof Options;
    const raw = argv[i + 1] ?? '';
    if (key === 'cohorts' || key === 'only') {
      o[key] = raw.split(',').map(Number).filter((n) => n !== 0);
      if (o[key].some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--${key} takes whole numbers like 400,2000 (got ${raw})`);
      continue;
    }
    const value = Number(raw);
    if (!(key in o) || !Number.isFinite(value) || value < 0) throw new Error(`usage: simulate:learning [--seeds N] [--people N] [--rounds R] [--budget MIN] [--margin 0..1] [--cap 0..0.1] [--minObservations N] [--seed S] [--cohorts 400,2000 (0: scoring only)] [--jobs J] (bad ${argv[i]})`);
    (o as unknown as Record<string, number>)[key] = key === 'margin' || key === 'cap' ? value : Math.floor(value);
  }
  return o;
}

/** Spearman rank correlation (average ranks for ties). */
function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const rank = (v: ArrayLike<number>) => {
    const idx = Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[a]! - v[b]!);
    const r = new Float64Array(v.length);
    for (let i = 0; i < idx.length; ) {
      let j = i;
      while (j + 1 < idx.length && v[idx[j + 1]!] === v[idx[i]!]) j++;
      for (let k = i; k <= j; k++) r[idx[k]!] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const a = rank(x);
  const b = rank(y);
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (a[i]! - ma) * (b[i]! - mb);
    da += (a[i]! - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

/** Each module's effect as a set rates it (expectedImpact × strength factor), beside the true effect. */
function effectRank(content: Content, truth: Truth): number {
  const ix = indexContent(content);
  const rated = ix.modules.map((m) => {
    const ev = content.evidence.modules[m.id];
    return ev ? ev.expectedImpact * strengthFactor(ev.strength) : 0;
  });
  return spearman(rated, truth.theta);
}

interface CohortScore {
  readonly after: number;
  readonly afterNoExplore: number;
  readonly rank: number;
  readonly run: Omit<CohortResult, 'content'>;
}

interface SeedResult {
  readonly before: number;
  readonly full: number;
  /** The engine with the true module effects (self-reported competence): the most learning effects can reach. */
  readonly ceiling: number;
  readonly rankBefore: number;
  readonly cohorts: Record<number, CohortScore>;
}

/** The content with each module's expected impact set to its true effect (θ ÷ strength factor, ≤ 1). */
function trueEffects(content: Content, truth: Truth): Content {
  const ix = indexContent(content);
  const modules = { ...content.evidence.modules };
  ix.modules.forEach((m, i) => {
    const ev = modules[m.id];
    if (ev) modules[m.id] = { ...ev, expectedImpact: Math.min(1, truth.theta[i]! / strengthFactor(ev.strength)) };
  });
  return { ...content, evidence: { ...content.evidence, id: `${content.evidence.id}+truth`, modules } };
}

const withoutExploration = (content: Content): Content => {
  const { exploration: _e, ...evidence } = content.evidence;
  return { ...content, evidence };
};

async function runSeed(content: Content, o: Options, seed: number, log: (s: string) => void): Promise<SeedResult> {
  const truth = makeTruth(content, WORLDS[0]!, createRng(seed * 7919 + 1));
  const exploration = o.margin > 0 ? { margin: o.margin, maxLossShare: o.cap } : undefined;
  const runs: Record<number, CohortResult> = {};
  for (const n of o.cohorts) {
    log(`${n} learners`);
    runs[n] = await runCohort(content, truth, { learners: n, rounds: o.rounds, budget: o.budget, exploration, minObservations: o.minObservations }, seed * 7919 + 2 + n);
  }
  log('scoring');
  const rng = createRng(seed * 7919 + 3);
  const people = Array.from({ length: o.people }, () => makePerson(content, truth, rng));
  let before = 0;
  let full = 0;
  let ceiling = 0;
  const truthContent = trueEffects(content, truth);
  const after: Record<number, { e: number; ne: number }> = Object.fromEntries(o.cohorts.map((n) => [n, { e: 0, ne: 0 }]));
  const plain = Object.fromEntries(o.cohorts.map((n) => [n, withoutExploration(runs[n]!.content)]));
  for (const p of people) {
    const req = requestOf(p, answerQuestionnaire(content, p, createRng(p.noiseSeed)), o.budget);
    before += trueEffect(truth, p, modulesOf(content, recommend(content, req).pathway.steps)) / o.people;
    full += trueEffect(truth, p, fullOracle(content, req, p, truth)) / o.people;
    ceiling += trueEffect(truth, p, modulesOf(truthContent, recommend(truthContent, req).pathway.steps)) / o.people;
    for (const n of o.cohorts) {
      const served = runs[n]!.content;
      after[n]!.e += trueEffect(truth, p, modulesOf(served, recommend(served, req).pathway.steps)) / o.people;
      after[n]!.ne += trueEffect(truth, p, modulesOf(plain[n]!, recommend(plain[n]!, req).pathway.steps)) / o.people;
    }
  }
  const slim = (r: CohortResult) => {
    const { content: _c, ...rest } = r;
    return rest;
  };
  const cohorts = Object.fromEntries(o.cohorts.map((n) => [n, { after: after[n]!.e, afterNoExplore: after[n]!.ne, rank: effectRank(runs[n]!.content, truth), run: slim(runs[n]!) }]));
  return { before, full, ceiling, rankBefore: effectRank(content, truth), cohorts };
}

function report(o: Options, results: readonly SeedResult[], seconds: number, content: Content): string {
  const over = (f: (r: SeedResult) => number): Summary => summarise(results.map(f));
  const pct = (s: Summary) => `${(100 * s.mean).toFixed(1)}% ± ${(100 * s.half).toFixed(1)}`;
  const lines = [
    `Population learning through the service: ${o.seeds} seeds; cohorts of ${o.cohorts.join(' and ')} learners in ${o.rounds} rounds (a learned set drafted from check-ins alone, signed off and published after each); budget ${o.budget} minutes; exploration margin ${o.margin}, loss cap ${o.cap}; a module's learned effect is used from ${o.minObservations} observations; ${o.people} fresh people scored per seed; catalogue ${content.catalogue.version}, panel set ${content.evidence.id}.`,
    '',
    '| | E_p (mean ± 95% CI) | ÷ full oracle (per seed) | effect rank correlation with truth |',
    '|---|---|---|---|',
    `| Before learning (panel set) | ${fmt(over((r) => r.before))} | ${pct(over((r) => r.before / r.full))} | ${fmt(over((r) => r.rankBefore))} |`,
  ];
  for (const n of o.cohorts) {
    lines.push(`| After learning, ${n} learners | ${fmt(over((r) => r.cohorts[n]!.after))} | ${pct(over((r) => r.cohorts[n]!.after / r.full))} | ${fmt(over((r) => r.cohorts[n]!.rank))} |`);
  }
  if (results.every((r) => typeof r.ceiling === 'number')) {
    lines.push(`| Engine with the true module effects (the most learning can reach) | ${fmt(over((r) => r.ceiling))} | ${pct(over((r) => r.ceiling / r.full))} | 1 |`);
  }
  lines.push(`| Full oracle (true competence and effects) | ${fmt(over((r) => r.full))} | 100% | 1 |`, '');
  for (const n of o.cohorts) {
    const c = (f: (x: CohortScore) => number) => over((r) => f(r.cohorts[n]!));
    lines.push(
      `${n} learners: ${fmt(c((x) => x.run.checkIns), 0)} check-ins and ${fmt(c((x) => x.run.observations), 0)} observations per seed; modules observed ${fmt(c((x) => x.run.observed), 1)} of ${content.catalogue.modules.length}, with ≥ ${o.minObservations} observations ${fmt(c((x) => x.run.wellObserved), 1)}; ` +
        `pathways with a step chosen partly to learn ${pct(c((x) => x.run.exploringPathways / Math.max(1, x.run.pathways)))}; expected loss per pathway reported by the service: mean ${pct(c((x) => x.run.meanLossShare))}, largest ${(100 * Math.max(...results.map((r) => r.cohorts[n]!.run.maxLossShare))).toFixed(2)}% (cap ${(100 * o.cap).toFixed(1)}%); ` +
        `regret paid to exploration on the scored population (after learning, exploration off − on, E_p): ${fmt(c((x) => x.afterNoExplore - x.after), 4)}.`,
    );
  }
  const check = (ok: boolean) => (ok ? 'met' : 'MISSED');
  lines.push('', 'Targets (per-seed ratios, mean ± 95% CI):');
  for (const [n, target] of [[400, 0.9], [2000, 0.95]] as const) {
    if (!o.cohorts.includes(n)) continue;
    const s = over((r) => r.cohorts[n]!.after / r.full);
    lines.push(`- after learning with ${n} learners ≥ ${target} × full oracle: ${fmt(s)} → ${check(s.mean >= target)}`);
  }
  lines.push('', `Total time ${seconds.toFixed(1)} s.`);
  return lines.join('\n');
}

/** Runs the seeds at 1-based positions `positions` here, in order. */
async function runHere(content: Content, o: Options, positions: readonly number[], t0: number): Promise<SeedResult[]> {
  const out: SeedResult[] = [];
  for (const k of positions) {
    const seed = o.seed + k - 1;
    const log = (phase: string) => process.stderr.write(`seed ${k}/${o.seeds} (seed ${seed}): ${phase}… ${((performance.now() - t0) / 1000).toFixed(1)} s elapsed\n`);
    out.push(await runSeed(content, o, seed, log));
  }
  return out;
}

/** Shares the seeds among `o.jobs` child processes running this script with --only; results in seed order. */
async function runInChildren(o: Options): Promise<SeedResult[]> {
  const { spawn } = await import('node:child_process');
  const script = fileURLToPath(import.meta.url);
  const args = process.argv.slice(2).filter((_, i, a) => a[i] !== '--jobs' && a[i - 1] !== '--jobs');
  const groups = Array.from({ length: o.jobs }, (_, j) => Array.from({ length: o.seeds }, (_, k) => k + 1).filter((k) => (k - 1) % o.jobs === j)).filter((g) => g.length);
  const parts = await Promise.all(
    groups.map(
      (g) =>
        new Promise<{ positions: number[]; results: SeedResult[] }>((resolve, reject) => {
          const child = spawn(process.execPath, [...process.execArgv, script, ...args, '--jobs', '1', '--only', g.join(',')], { stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve({ positions: g, results: JSON.parse(out) as SeedResult[] }) : reject(new Error(`seeds ${g.join(',')} failed (exit ${code})`))));
        }),
    ),
  );
  const bySeed = new Map(parts.flatMap((p) => p.positions.map((k, i) => [k, p.results[i]!] as const)));
  return Array.from({ length: o.seeds }, (_, k) => bySeed.get(k + 1)!);
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const content = getShippedContent();
  const t0 = performance.now();
  if (o.only.length) {
    process.stdout.write(JSON.stringify(await runHere(content, o, o.only, t0)));
    return;
  }
  const results = o.jobs > 1 ? await runInChildren(o) : await runHere(content, o, Array.from({ length: o.seeds }, (_, k) => k + 1), t0);
  process.stdout.write(report(o, results, (performance.now() - t0) / 1000, content) + '\n');
}

await main();
