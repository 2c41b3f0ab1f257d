// npm run simulate [-- --seeds 10 --people 1000 --budget 360 --seed 1 --learners 2000 --rounds 4 --worlds ABC]
// Compares pathway policies on the same simulated staff and minutes budget, in several world variants
// (scripts/lib/sim-world.ts). E_p = share of the available weighted headroom closed. Per world and seed, each
// policy's share of the informed oracle's lift over static; mean ± 95% CI over seeds; and the targets of the
// engine's personalisation. Population learning runs in world A only (--learners 0 skips it), through the service
// functions real check-ins use (scripts/lib/learning-cohort.ts, as `npm run simulate:learning`). Progress: stderr.

import { getShippedContent } from '../src/content/bundled.js';
import type { Content, RecommendationRequest } from '../src/domain/types.js';
import { indexContent } from '../src/domain/content-index.js';
import { estimateProfile } from '../src/domain/profile.js';
import { createRng } from '../src/domain/rng.js';
import { fmt, summarise, type Summary } from './lib/stats.js';
import { runCohort } from './lib/learning-cohort.js';
import { answerQuestionnaire, applyTrue, effectiveness, makePerson, makeTruth, panelTruth, WORLDS, type Person, type World } from './lib/sim-world.js';
import { engineToldTruth, oneSizePolicy, oracle, ours, randomPolicy, rawGreedy, staticPolicy } from './lib/sim-policies.js';

interface Options {
  seeds: number;
  people: number;
  budget: number;
  seed: number;
  learners: number;
  rounds: number;
  worlds: string;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { seeds: 10, people: 1000, budget: 360, seed: 1, learners: 2000, rounds: 4, worlds: 'ABC' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]!.replace(/^--/, '') as keyof Options;
    const raw = argv[i + 1] ?? '';
    if (key === 'worlds' && /^[A-Z]+$/.test(raw)) o.worlds = raw;
    else if (key in o && key !== 'worlds' && Number.isFinite(Number(raw)) && Number(raw) >= 0) o[key] = Math.floor(Number(raw));
    else throw new Error(`usage: simulate [--seeds N] [--people N] [--budget MIN] [--seed S] [--learners N] [--rounds R] [--worlds ABC] (bad ${argv[i]})`);
  }
  return o;
}

const POLICIES = [
  ['random', 'Random'],
  ['static', 'Static: one pathway per role and phase'],
  ['oneSize', 'One size, same engine (group median answers)'],
  ['rawGreedy', 'Simple greedy on raw answers'],
  ['ours', 'Ours (the engine on the person\'s answers)'],
  ['learned', 'Ours after population learning'],
  ['told', 'The engine told true competence (its ceiling)'],
  ['informed', 'Informed oracle (true competence and dynamics, panel effects)'],
  ['full', 'Full oracle (true competence, dynamics and effects)'],
] as const;
type PolicyId = (typeof POLICIES)[number][0];
type PerPolicy = Partial<Record<PolicyId, number>>;

interface SeedResult {
  ep: PerPolicy;
  steps: PerPolicy;
  minutes: PerPolicy;
}

function requestFor(p: Person, responses: RecommendationRequest['responses'], budget: number): RecommendationRequest {
  return {
    role: p.role, phase: p.phase, responses, confidence: {}, completedModuleIds: p.completed,
    timeBudgetMinutes: budget, weeklyMinutes: 60, formats: p.formats, priorities: {}, settingProfile: p.settingProfile,
  };
}

/** Per role|phase group: the median answer per item (as responses) and the mean self-rating per area (1..5). */
function groupSummaries(content: Content, requests: readonly RecommendationRequest[]) {
  const ix = indexContent(content);
  const groups = new Map<string, RecommendationRequest[]>();
  for (const r of requests) groups.set(`${r.role}|${r.phase}`, [...(groups.get(`${r.role}|${r.phase}`) ?? []), r]);
  const median = new Map<string, RecommendationRequest['responses']>();
  const average = new Map<string, Record<string, number>>();
  for (const [key, rs] of groups) {
    median.set(key, ix.items.flatMap((item) => {
      const values = rs.flatMap((r) => r.responses.filter((x) => x.itemId === item.id && x.value !== null).map((x) => x.value!)).sort((a, b) => a - b);
      return values.length ? [{ itemId: item.id, value: values[Math.floor((values.length - 1) / 2)]! }] : [];
    }));
    const profiles = rs.map((r) => estimateProfile(content, r));
    average.set(key, Object.fromEntries(ix.areas.flatMap((area, a) => {
      const rated = profiles.map((p) => p.selfReport[a]!).filter((v) => !Number.isNaN(v));
      return rated.length ? [[area.id, 1 + (4 * rated.reduce((s, v) => s + v, 0)) / rated.length]] : [];
    })));
  }
  return { median, average };
}

async function runSeed(content: Content, world: World, o: Options, seed: number, log: (s: string) => void): Promise<SeedResult> {
  const ix = indexContent(content);
  const truth = makeTruth(content, world, createRng(seed * 7919 + 1));
  const informedTruth = panelTruth(content, truth);
  let learnedContent: Content | undefined;
  if (o.learners > 0 && world === WORLDS[0]) {
    log('learning');
    // Staff enrol, assess and check in through the service; the panel publishes a learned set after each round.
    const exploration = content.evidence.exploration ?? { margin: 0.3, maxLossShare: 0.02 };
    const cohort = { learners: o.learners, rounds: o.rounds, budget: o.budget, exploration, minObservations: 1 };
    learnedContent = (await runCohort(content, truth, cohort, seed * 7919 + 2)).content;
  }
  log('evaluating');
  const peopleRng = createRng(seed * 7919 + 3);
  const people = Array.from({ length: o.people }, () => makePerson(content, truth, peopleRng));
  const requests = people.map((p) => requestFor(p, answerQuestionnaire(content, p, createRng(p.noiseSeed)), o.budget));
  const { median, average } = groupSummaries(content, requests);
  const staticCache = new Map<string, number[]>();
  const randomRng = createRng(seed * 7919 + 4);
  const result: SeedResult = { ep: {}, steps: {}, minutes: {} };
  const after = new Float64Array(ix.areas.length);
  people.forEach((p, i) => {
    const req = requests[i]!;
    const group = `${req.role}|${req.phase}`;
    const paths: Partial<Record<PolicyId, number[]>> = {
      random: randomPolicy(content, req, randomRng),
      static: staticPolicy(content, req, average.get(group) ?? {}, staticCache),
      oneSize: oneSizePolicy(content, req, median.get(group) ?? []),
      rawGreedy: rawGreedy(content, req, estimateProfile(content, req)),
      ours: ours(content, req),
      told: engineToldTruth(content, req, p),
      informed: oracle(content, req, p, informedTruth),
      full: oracle(content, req, p, truth),
    };
    if (learnedContent) paths.learned = ours(learnedContent, req);
    for (const [id, path] of Object.entries(paths) as [PolicyId, number[]][]) {
      after.set(p.competence);
      let minutes = 0;
      for (const m of path) {
        applyTrue(truth, m, after, p.rate * p.response[m]!);
        minutes += ix.entries[m]!.minutes;
      }
      if (minutes > o.budget) throw new Error(`${id} exceeded the budget`);
      result.ep[id] = (result.ep[id] ?? 0) + effectiveness(p.weights, p.competence, after) / o.people;
      result.steps[id] = (result.steps[id] ?? 0) + path.length / o.people;
      result.minutes[id] = (result.minutes[id] ?? 0) + minutes / o.people;
    }
  });
  return result;
}

/** The report for one world: the policy table and the targets. */
function report(world: World, results: readonly SeedResult[]): string[] {
  const over = (f: (r: SeedResult) => number): Summary => summarise(results.map(f));
  const ep = (r: SeedResult, id: PolicyId) => r.ep[id]!;
  const lift = (r: SeedResult, id: PolicyId) => (ep(r, id) - ep(r, 'static')) / (ep(r, 'informed') - ep(r, 'static'));
  const lines = [
    `### World ${world.name}`,
    '',
    '| Policy | E_p (mean ± 95% CI) | share of the informed oracle\'s lift over static | modules | minutes |',
    '|---|---|---|---|---|',
  ];
  for (const [id, name] of POLICIES) {
    if (results[0]!.ep[id] === undefined) continue;
    lines.push(`| ${name} | ${fmt(over((r) => ep(r, id)))} | ${pct(over((r) => lift(r, id)))} | ${over((r) => r.steps[id]!).mean.toFixed(2)} | ${over((r) => r.minutes[id]!).mean.toFixed(0)} |`);
  }
  const answersShare = over((r) => (ep(r, 'ours') - ep(r, 'oneSize')) / (ep(r, 'told') - ep(r, 'oneSize')));
  const beatsOneSize = over((r) => ep(r, 'ours') - ep(r, 'oneSize'));
  const captured = over((r) => lift(r, 'ours'));
  const learned = results[0]!.ep.learned === undefined ? [] : [
    `- After population learning through the service: ${pct(over((r) => ep(r, 'learned') / ep(r, 'full')))} of the full oracle's E_p (before: ${pct(over((r) => ep(r, 'ours') / ep(r, 'full')))})`,
  ];
  const check = (ok: boolean) => (ok ? 'met' : 'MISSED');
  lines.push(
    '',
    `- Answers reach ≥ 80% of the gain over one-size the engine makes when told the truth: ${pct(answersShare)} → ${check(answersShare.mean >= 0.8)}`,
    `- Ours beats one-size-same-engine, CI excluding zero: ours − one-size = ${fmt(beatsOneSize, 4)} E_p → ${check(beatsOneSize.mean - beatsOneSize.half > 0)}`,
    `- Ours captures ≥ 80% of the informed oracle's lift over static: ${pct(captured)} → ${check(captured.mean >= 0.8)}`,
    ...learned,
    '',
  );
  return lines;
}

function pct(s: Summary): string {
  return Number.isNaN(s.half) ? `${(100 * s.mean).toFixed(1)}%` : `${(100 * s.mean).toFixed(1)}% ± ${(100 * s.half).toFixed(1)}`;
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const content = getShippedContent();
  const t0 = performance.now();
  const lines = [
    `Simulation: ${o.seeds} seeds × ${o.people} people per world, budget ${o.budget} minutes; catalogue ${content.catalogue.version}, evidence ${content.evidence.id}.`,
    '',
  ];
  for (const world of WORLDS.filter((w) => o.worlds.includes(w.name[0]!))) {
    const results: SeedResult[] = [];
    for (let s = 0; s < o.seeds; s++) {
      const seed = o.seed + s;
      const log = (phase: string) => process.stderr.write(`world ${world.name[0]} seed ${s + 1}/${o.seeds}: ${phase}… ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      results.push(await runSeed(content, world, o, seed, log));
    }
    lines.push(...report(world, results));
  }
  lines.push(
    'E_p: weighted competence gained ÷ weighted headroom (1 − competence) before, per person; weights = the area importance of the person\'s true setting. Shares are per seed, then mean ± 95% CI over seeds.',
    '',
    `Total time ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
