// npm run bench [-- --runs 20000 --batch 100000]
// In-process figures for the engine on the shipped catalogue: one recommendation (median, p99) beside a bare
// scoring pass over the same catalogue, and a batch of 100,000 people (throughput, peak RSS) beside the same
// floor. Prints figures and ratios; asserts nothing. To add a section (e.g. HTTP), push onto `sections` below
// or import { sections, main } from this file and call main([...sections, yourSection]).

import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getShippedContent } from '../src/content/bundled.js';
import type { Content, Format, RecommendationRequest } from '../src/domain/types.js';
import { FORMATS, PHASES, ROLES } from '../src/domain/types.js';
import { indexContent, suits } from '../src/domain/content-index.js';
import { areaImportance, computeNeed } from '../src/domain/need.js';
import { inputHash } from '../src/domain/hash.js';
import { planPathway } from '../src/domain/planner.js';
import { estimateProfile } from '../src/domain/profile.js';
import { recommend } from '../src/domain/recommend.js';
import { createRng, type Rng } from '../src/domain/rng.js';
import { ownPeakRssMB } from './lib/peak-rss.js';

export interface BenchSection {
  readonly title: string;
  run(ctx: BenchContext): Promise<string[]> | string[];
}

export interface BenchContext {
  readonly content: Content;
  readonly runs: number;
  readonly batch: number;
}

/** A random valid request: every item answered 1..5 (5% "not relevant"), a random role, phase and formats. */
export function randomRequest(content: Content, rng: Rng): RecommendationRequest {
  const formats = FORMATS.filter(() => rng.next() < 0.6);
  return {
    role: ROLES[rng.int(ROLES.length)]!,
    phase: PHASES[rng.int(PHASES.length)]!,
    responses: content.questionnaire.items.map((it) => ({ itemId: it.id, value: rng.next() < 0.05 ? null : 1 + rng.int(5) })),
    confidence: {},
    completedModuleIds: [],
    timeBudgetMinutes: 360,
    weeklyMinutes: 60,
    formats: formats.length ? formats : (['online'] as Format[]),
    priorities: {},
  };
}

/**
 * The floor: the least a recommender over this catalogue must do per person — average the answers per area
 * (by loading), need = importance × (1 − confidence), score each suitable module by Σ relevance × need ×
 * expectedImpact per minute over its areas, sort, and take modules in score order while they fit the budget.
 * Returns the number of modules taken (so nothing is optimised away).
 */
export function bareScoringPass(content: Content, req: RecommendationRequest, scratch: BareScratch): number {
  const ix = indexContent(content);
  const { sum, weight, score, order } = scratch;
  sum.fill(0);
  weight.fill(0);
  for (const r of req.responses) {
    if (r.value === null) continue;
    const i = ix.itemIndex.get(r.itemId);
    if (i === undefined) continue;
    for (const l of ix.itemLoadings[i]!) {
      sum[l.area]! += (l.loading * (r.value - 1)) / 4;
      weight[l.area]! += l.loading;
    }
  }
  const importance = areaImportance(content, req).importance;
  const need = scratch.need;
  for (let a = 0; a < need.length; a++) need[a] = importance[a]! * (1 - (weight[a]! > 0 ? sum[a]! / weight[a]! : 0.5));
  let n = 0;
  ix.entries.forEach((e, m) => {
    if (!suits(e.module, req.role, req.phase, req.formats)) return;
    let s = 0;
    for (const r of e.areas) s += r.relevance * need[r.area]!;
    score[m] = (s * e.baseGain) / e.minutes;
    order[n++] = m;
  });
  const idx = Array.from(order.subarray(0, n)).sort((x, y) => score[y]! - score[x]! || x - y);
  let left = req.timeBudgetMinutes;
  let taken = 0;
  for (const m of idx) {
    if (ix.entries[m]!.minutes <= left) {
      left -= ix.entries[m]!.minutes;
      taken++;
    }
  }
  return taken;
}

export interface BareScratch {
  sum: Float64Array;
  weight: Float64Array;
  need: Float64Array;
  score: Float64Array;
  order: Int32Array;
}

export function bareScratch(content: Content): BareScratch {
  const ix = indexContent(content);
  const A = ix.areas.length;
  const M = ix.modules.length;
  return { sum: new Float64Array(A), weight: new Float64Array(A), need: new Float64Array(A), score: new Float64Array(M), order: new Int32Array(M) };
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Per-call times in µs for `f` over `runs` calls cycling through `inputs` (after a warm-up of runs/5 calls). */
function timeCalls<T>(inputs: readonly T[], runs: number, f: (x: T) => number): { median: number; p99: number; check: number } {
  let check = 0;
  for (let i = 0; i < runs / 5; i++) check += f(inputs[i % inputs.length]!);
  const t = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const x = inputs[i % inputs.length]!;
    const t0 = process.hrtime.bigint();
    check += f(x);
    t[i] = Number(process.hrtime.bigint() - t0) / 1e3;
  }
  t.sort();
  return { median: quantile(t, 0.5), p99: quantile(t, 0.99), check };
}

const single: BenchSection = {
  title: 'One recommendation (in process)',
  run({ content, runs }) {
    const rng = createRng(42);
    const inputs = Array.from({ length: 1000 }, () => randomRequest(content, rng));
    const scratch = bareScratch(content);
    // Interleave the two measurements in blocks so host drift hits both alike.
    const ours = { median: [] as number[], p99: [] as number[] };
    const bare = { median: [] as number[], p99: [] as number[] };
    const json = { median: [] as number[], p99: [] as number[] };
    for (let block = 0; block < 5; block++) {
      const b = timeCalls(inputs, runs / 5, (r) => bareScoringPass(content, r, scratch));
      const o = timeCalls(inputs, runs / 5, (r) => recommend(content, r).pathway.steps.length);
      const j = timeCalls(inputs, runs / 5, (r) => JSON.stringify(recommend(content, r)).length);
      bare.median.push(b.median);
      bare.p99.push(b.p99);
      ours.median.push(o.median);
      ours.p99.push(o.p99);
      json.median.push(j.median);
      json.p99.push(j.p99);
    }
    // Where recommend() spends its time (stages timed separately; the remainder is explanations and the response).
    const pre = inputs.map((r) => {
      const p = estimateProfile(content, r);
      return { r, p, weight: computeNeed(content, r, p).weight };
    });
    const stageProfile = timeCalls(inputs, runs / 2, (r) => computeNeed(content, r, estimateProfile(content, r)).need.length);
    const stagePlan = timeCalls(pre, runs / 2, (x) => planPathway(content, x.r, x.p, x.weight).steps.length);
    const stageHash = timeCalls(inputs, runs / 2, (r) => inputHash(r).length);
    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const ix = indexContent(content);
    const row = (name: string, s: { median: number[]; p99: number[] }) =>
      `| ${name} | ${med(s.median).toFixed(1)} | ${med(s.p99).toFixed(1)} | ${(med(s.median) / med(bare.median)).toFixed(2)} | ${(med(s.p99) / med(bare.p99)).toFixed(2)} |`;
    return [
      `Shipped catalogue ${content.catalogue.version}: ${ix.modules.length} modules, ${ix.areas.length} areas, ${ix.items.length} items; ${runs} timed calls each over 1,000 random requests (median of 5 interleaved blocks).`,
      '',
      '| Work per person | median µs | p99 µs | ratio to floor (median) | ratio to floor (p99) |',
      '|---|---|---|---|---|',
      row('bare scoring pass (floor)', bare),
      row('recommend() — full response object', ours),
      row('recommend() + JSON.stringify', json),
      '',
      `Target: recommend() ≤ 3 × floor (median) → ${med(ours.median) / med(bare.median) <= 3 ? 'met' : 'MISSED'}.`,
      '',
      'What each side does per person:',
      '- floor: average the answers per area by loading, area importance (role, phase, priorities), need = importance × ' +
        '(1 − mean answer), score every suitable module by Σ relevance × need × impact per minute, sort, take in score order while it fits.',
      '- recommend(): confidence profile (answers as given, a posterior estimate and its uncertainty), need from the expected ' +
        'shortfall of that estimate, exact lazy greedy plan (prerequisite bundles, diminishing returns; a bundle is scored only ' +
        'when an upper bound on its ratio reaches the round\'s best, and then only the terms of areas a pick moved), ordering by stated gaps and weekly schedule, reasons and an explanation per ' +
        'step, the full rounded response object, and the provenance input hash (SHA-256 of the canonical request JSON; node:crypto on Node).',
      '',
      'Stages of recommend() (median µs): ' +
        `profile + need ${stageProfile.median.toFixed(1)}; planner ${stagePlan.median.toFixed(1)}; input hash (SHA-256) ${stageHash.median.toFixed(1)}; ` +
        `explanations and response (remainder) ${Math.max(0, med(ours.median) - stageProfile.median - stagePlan.median - stageHash.median).toFixed(1)}.`,
    ];
  },
};

/** Child-process entry: run one batch mode and print a JSON line (so each mode gets its own peak RSS). */
function batchChild(content: Content, mode: 'ours' | 'bare', n: number): void {
  const CHUNK = 10_000;
  const rng = createRng(7);
  const scratch = bareScratch(content);
  let check = 0;
  let ns = 0n;
  for (let c0 = 0; c0 < n; c0 += CHUNK) {
    const rows = Math.min(CHUNK, n - c0);
    const reqs = Array.from({ length: rows }, () => randomRequest(content, rng)); // input, not timed
    const t0 = process.hrtime.bigint();
    if (mode === 'ours') for (const r of reqs) check += recommend(content, r).pathway.totalMinutes;
    else for (const r of reqs) check += bareScoringPass(content, r, scratch);
    ns += process.hrtime.bigint() - t0;
  }
  const sec = Number(ns) / 1e9;
  process.stdout.write(JSON.stringify({ mode, n, sec, perSec: n / sec, peakRssMB: ownPeakRssMB(), check }) + '\n');
}

const batch: BenchSection = {
  title: 'Batch of people (in process, one child process per mode)',
  run({ batch: n }) {
    const script = fileURLToPath(import.meta.url);
    const runChild = (mode: string) => {
      const out = spawnSync(process.execPath, [...process.execArgv, script, '--child', mode, '--batch', String(n)], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`batch child ${mode} failed: ${out.stderr}`);
      return JSON.parse(out.stdout.trim().split('\n').pop()!) as { sec: number; perSec: number; peakRssMB: number };
    };
    const bare = runChild('bare');
    const ours = runChild('ours');
    return [
      `${n.toLocaleString('en-GB')} random people in chunks of 10,000 (inputs generated per chunk, not timed); peak RSS is the whole child process's own (VmHWM on Linux).`,
      '',
      '| Work | seconds | people/s | peak RSS MB |',
      '|---|---|---|---|',
      `| bare scoring pass (floor) | ${bare.sec.toFixed(2)} | ${Math.round(bare.perSec).toLocaleString('en-GB')} | ${bare.peakRssMB} |`,
      `| recommend() | ${ours.sec.toFixed(2)} | ${Math.round(ours.perSec).toLocaleString('en-GB')} | ${ours.peakRssMB} |`,
      '',
      `Ratio recommend ÷ floor: time ${(ours.sec / bare.sec).toFixed(2)}, peak RSS ${(ours.peakRssMB / bare.peakRssMB).toFixed(2)}.`,
    ];
  },
};

/** The engine's sections, in order. Append further sections (e.g. HTTP) here or pass your own list to main(). */
export const sections: BenchSection[] = [single, batch];

export async function main(list: readonly BenchSection[] = sections): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const content = getShippedContent();
  const child = args.indexOf('--child');
  if (child >= 0) return batchChild(content, args[child + 1] as 'ours' | 'bare', arg('batch', 100_000));
  const ctx: BenchContext = { content, runs: arg('runs', 20_000), batch: arg('batch', 100_000) };
  process.stdout.write(`# Engine benchmark (${process.version}, ${process.platform}/${process.arch})\n`);
  for (const s of list) {
    process.stderr.write(`running: ${s.title}…\n`);
    const lines = await s.run(ctx);
    process.stdout.write(`\n## ${s.title}\n\n${lines.join('\n')}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
