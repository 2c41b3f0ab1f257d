// npm run simulate [-- --seeds 10 --people 1000 --learners 2000 --budget 360 --seed 1 --rounds 4 --spread 0.6 --priorTraining 1.2]
// Compares pathway policies on the same simulated staff and minutes budget (the protocol of
// ../shared/research/anchors.md §3.4): E_p = share of the available weighted headroom closed, mean ± 95% CI over
// seeds; catalogue coverage and spread across areas; and the targets in issue 4. Progress goes to stderr.

import { getShippedContent } from '../src/content/bundled.js';
import type { Content, EffectObservation, RecommendationRequest } from '../src/domain/types.js';
import { checkIn } from '../src/domain/checkin.js';
import { indexContent } from '../src/domain/content-index.js';
import { strengthFactor } from '../src/domain/gain.js';
import { adjustEvidence, learnModuleEffects, sampleEvidence, type LearnedEffects } from '../src/domain/learning.js';
import { eligibleModules } from '../src/domain/planner.js';
import { estimateProfile } from '../src/domain/profile.js';
import { recommend } from '../src/domain/recommend.js';
import { createRng, type Rng } from '../src/domain/rng.js';
import { fmt, normalisedEntropy, summarise, type Summary } from './lib/stats.js';
import {
  answerQuestionnaire,
  applyTrue,
  DEFAULT_WORLD,
  effectiveness,
  makePerson,
  makeTruth,
  rateArea,
  secureGapClosed,
  type Person,
  type Truth,
} from './lib/sim-world.js';
import { fullOracle, informedOracle, ours, randomPolicy, rulePolicy, staticPolicy } from './lib/sim-policies.js';

interface Options {
  spread: number;
  priorTraining: number;
  seeds: number;
  people: number;
  learners: number;
  budget: number;
  seed: number;
  rounds: number;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { seeds: 10, people: 1000, learners: 2000, budget: 360, seed: 1, rounds: 4, ...DEFAULT_WORLD };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]!.replace(/^--/, '') as keyof Options;
    const value = Number(argv[i + 1]);
    if (!(key in o) || !Number.isFinite(value) || value < 0) throw new Error(`usage: simulate [--seeds N] [--people N] [--learners N] [--budget MIN] [--seed S] [--rounds R] [--spread SD] [--priorTraining MEAN] (bad ${argv[i]})`);
    o[key] = key === 'spread' || key === 'priorTraining' ? value : Math.floor(value);
  }
  return o;
}

const POLICIES = [
  ['random', 'Random'],
  ['static', 'Static (one pathway per role and phase)'],
  ['rule', 'Rule-based (lowest-rated area first)'],
  ['ours', 'Ours, no population learning'],
  ['learned', 'Ours after population learning'],
  ['learnedCheckins', 'Ours after learning, re-planning at check-ins'],
  ['informed', 'Informed oracle (true competence, panel effects)'],
  ['full', 'Full oracle (true competence and effects)'],
] as const;
type PolicyId = (typeof POLICIES)[number][0];

function requestFor(p: Person, responses: RecommendationRequest['responses'], budget: number): RecommendationRequest {
  return {
    role: p.role,
    phase: p.phase,
    responses,
    confidence: {},
    completedModuleIds: p.completed,
    timeBudgetMinutes: budget,
    weeklyMinutes: 60,
    formats: p.formats,
    priorities: {},
    settingProfile: p.settingProfile,
  };
}

/** Follow the engine's pathway one module at a time, re-rating the module's areas and re-planning after each. */
function followWithCheckIns(content: Content, req: RecommendationRequest, p: Person, truth: Truth, rng: Rng, sink?: EffectObservation[]): number[] {
  const ix = indexContent(content);
  const c = p.competence.slice();
  const taken: number[] = [];
  let request = req;
  let res = recommend(content, request);
  while (res.pathway.steps.length) {
    const id = res.pathway.steps[0]!.moduleId;
    const m = ix.moduleIndex.get(id)!;
    applyTrue(truth, m, c, p.rate * p.response[m]!);
    taken.push(m);
    const ratings: Record<string, number> = {};
    for (let k = ix.modOffset[m]!; k < ix.modOffset[m + 1]!; k++) {
      if (ix.modRelevance[k]! >= 0.3) ratings[ix.areas[ix.modArea[k]!]!.id] = rateArea(p, c, ix.modArea[k]!, rng);
    }
    const next = checkIn(content, request, res, { moduleId: id, ratings });
    sink?.push(...next.observations);
    request = next.request;
    res = next.response;
  }
  return taken;
}

/** Population learning: learners follow the engine with Thompson-sampled effects and check in after each module. */
function learnFromPopulation(content: Content, truth: Truth, o: Options, rng: Rng): { learned: LearnedEffects; observations: number } {
  const obs: EffectObservation[] = [];
  let learned = learnModuleEffects(content, obs);
  const perRound = Math.ceil(o.learners / Math.max(1, o.rounds));
  for (let r = 0; r < o.rounds; r++) {
    for (let i = 0; i < perRound; i++) {
      const p = makePerson(content, truth, rng, o);
      const responses = answerQuestionnaire(content, p, rng);
      const sampled: Content = { ...content, evidence: sampleEvidence(content.evidence, learned, rng) };
      followWithCheckIns(sampled, requestFor(p, responses, o.budget), p, truth, rng, obs);
    }
    learned = learnModuleEffects(content, obs);
  }
  return { learned, observations: obs.length };
}

interface SeedResult {
  ep: Record<PolicyId, number>;
  secure: Record<PolicyId, number>;
  steps: Record<PolicyId, number>;
  minutes: Record<PolicyId, number>;
  coverage: Record<PolicyId, number>;
  spread: Record<PolicyId, number>;
  learning: { observations: number; modulesWithData: number; rmsePrior: number; rmseLearned: number };
}

function runSeed(content: Content, o: Options, seed: number, log: (s: string) => void): SeedResult {
  const ix = indexContent(content);
  const M = ix.modules.length;
  const A = ix.areas.length;
  const world = createRng(seed * 7919 + 1);
  const truth = makeTruth(content, world);

  log('learning');
  const { learned, observations } = learnFromPopulation(content, truth, o, createRng(seed * 7919 + 2));
  const learnedContent: Content = { ...content, evidence: adjustEvidence(content.evidence, learned) };
  let sp = 0;
  let sl = 0;
  let k = 0;
  learned.modules.forEach((e, m) => {
    if (!e.n) return;
    const sf = strengthFactor(ix.evidence[m]?.strength ?? 0);
    sp += (e.prior * sf - truth.theta[m]!) ** 2;
    sl += (e.learned * sf - truth.theta[m]!) ** 2;
    k++;
  });

  log('evaluating');
  const peopleRng = createRng(seed * 7919 + 3);
  const people = Array.from({ length: o.people }, () => makePerson(content, truth, peopleRng, o));
  const requests = people.map((p) => requestFor(p, answerQuestionnaire(content, p, createRng(p.noiseSeed)), o.budget));
  const profiles = requests.map((r) => estimateProfile(content, r));
  // The average person of each role and phase, from the population's own self-ratings.
  const sums = new Map<string, { n: Float64Array; s: Float64Array }>();
  requests.forEach((r, i) => {
    const key = `${r.role}|${r.phase}`;
    const acc = sums.get(key) ?? { n: new Float64Array(A), s: new Float64Array(A) };
    sums.set(key, acc);
    profiles[i]!.selfReport.forEach((v, a) => {
      if (!Number.isNaN(v)) {
        acc.n[a]!++;
        acc.s[a]! += v;
      }
    });
  });
  const average = new Map(
    [...sums].map(([key, { n, s }]) => [key, Object.fromEntries(ix.areas.flatMap((area, a) => (n[a]! ? [[area.id, 1 + (4 * s[a]!) / n[a]!]] : [])))]),
  );
  const staticCache = new Map<string, number[]>();

  const ep = {} as Record<PolicyId, number>;
  const secure = {} as Record<PolicyId, number>;
  const steps = {} as Record<PolicyId, number>;
  const minutes = {} as Record<PolicyId, number>;
  const used = {} as Record<PolicyId, Uint8Array>;
  const areaMinutes = {} as Record<PolicyId, Float64Array>;
  for (const [id] of POLICIES) {
    ep[id] = secure[id] = steps[id] = minutes[id] = 0;
    used[id] = new Uint8Array(M);
    areaMinutes[id] = new Float64Array(A);
  }
  const available = new Uint8Array(M);
  const after = new Float64Array(A);
  const randomRng = createRng(seed * 7919 + 4);

  people.forEach((p, i) => {
    const req = requests[i]!;
    const suitable = eligibleModules(content, req);
    for (let m = 0; m < M; m++) if (suitable[m]) available[m] = 1;
    const paths: Record<PolicyId, number[]> = {
      random: randomPolicy(content, req, randomRng),
      static: staticPolicy(content, req, average.get(`${req.role}|${req.phase}`) ?? {}, staticCache),
      rule: rulePolicy(content, req, profiles[i]!),
      ours: ours(content, req),
      learned: ours(learnedContent, req),
      learnedCheckins: followWithCheckIns(learnedContent, req, p, truth, createRng(p.noiseSeed ^ 0x5bd1e995)),
      informed: informedOracle(content, req, p),
      full: fullOracle(content, req, p, truth),
    };
    for (const [id] of POLICIES) {
      after.set(p.competence);
      let mins = 0;
      for (const m of paths[id]) {
        applyTrue(truth, m, after, p.rate * p.response[m]!);
        mins += ix.minutes[m]!;
        used[id][m] = 1;
        const a = ix.primaryArea[m]!;
        if (a >= 0) areaMinutes[id][a]! += ix.minutes[m]!;
      }
      if (mins > o.budget) throw new Error(`${id} exceeded the budget`);
      ep[id] += effectiveness(p.weights, p.competence, after) / o.people;
      secure[id] += secureGapClosed(p.weights, p.competence, after) / o.people;
      steps[id] += paths[id].length / o.people;
      minutes[id] += mins / o.people;
    }
  });
  const nAvailable = available.reduce((s, x) => s + x, 0);
  const coverage = {} as Record<PolicyId, number>;
  const spread = {} as Record<PolicyId, number>;
  for (const [id] of POLICIES) {
    coverage[id] = used[id].reduce((s, x) => s + x, 0) / Math.max(1, nAvailable);
    spread[id] = normalisedEntropy(areaMinutes[id]);
  }
  return {
    ep,
    secure,
    steps,
    minutes,
    coverage,
    spread,
    learning: { observations, modulesWithData: k, rmsePrior: Math.sqrt(sp / Math.max(1, k)), rmseLearned: Math.sqrt(sl / Math.max(1, k)) },
  };
}

function main(): void {
  const o = parseOptions(process.argv.slice(2));
  const content = getShippedContent();
  const results: SeedResult[] = [];
  const t0 = performance.now();
  for (let s = 0; s < o.seeds; s++) {
    const seed = o.seed + s;
    const ts = performance.now();
    const log = (phase: string) =>
      process.stderr.write(`seed ${s + 1}/${o.seeds} (seed ${seed}): ${phase}… ${((performance.now() - t0) / 1000).toFixed(1)} s elapsed\n`);
    results.push(runSeed(content, o, seed, log));
    process.stderr.write(`seed ${s + 1}/${o.seeds} done in ${((performance.now() - ts) / 1000).toFixed(1)} s\n`);
  }
  const over = (f: (r: SeedResult) => number): Summary => summarise(results.map(f));
  const full = over((r) => r.ep.full).mean;

  const lines: string[] = [];
  lines.push(
    `Simulation: ${o.seeds} seeds × ${o.people} people, budget ${o.budget} minutes, ${o.learners} learners for population learning (${o.rounds} rounds); area-specific competence sd ${o.spread} (logit), earlier training ${o.priorTraining} modules on average; catalogue ${content.catalogue.version}, evidence ${content.evidence.id}.`,
    '',
    '| Policy | E_p (mean ± 95% CI) | % of full oracle | secure-gap closed | modules | minutes | catalogue coverage | area spread |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const [id, name] of POLICIES) {
    lines.push(
      `| ${name} | ${fmt(over((r) => r.ep[id]))} | ${((100 * over((r) => r.ep[id]).mean) / full).toFixed(1)}% | ${fmt(over((r) => r.secure[id]))} | ${over((r) => r.steps[id]).mean.toFixed(2)} | ${over((r) => r.minutes[id]).mean.toFixed(0)} | ${(100 * over((r) => r.coverage[id]).mean).toFixed(1)}% | ${over((r) => r.spread[id]).mean.toFixed(3)} |`,
    );
  }
  const ratio = over((r) => r.ep.ours / r.ep.static);
  const gain = over((r) => r.ep.ours - r.ep.static);
  const room = over((r) => r.ep.informed - r.ep.static);
  const learnedVsFull = over((r) => r.ep.learned / r.ep.full);
  const check = (ok: boolean) => (ok ? 'met' : 'MISSED');
  lines.push(
    '',
    'E_p: weighted competence gained ÷ weighted headroom (1 − competence) before, per person; weights = the area importance of the person\'s true setting. Secure-gap closed: the same for the shortfall below 0.75 ("secure"). Coverage: distinct modules recommended ÷ modules suitable for someone in the population. Area spread: normalised entropy of minutes by module primary area (1 = even over all areas).',
    '',
    `Population learning: ${fmt(over((r) => r.learning.observations), 0)} observations per seed; ${fmt(over((r) => r.learning.modulesWithData), 1)} modules with data; effect RMSE vs truth (modules with data) ${fmt(over((r) => r.learning.rmsePrior), 4)} (panel) → ${fmt(over((r) => r.learning.rmseLearned), 4)} (learned).`,
    '',
    'Targets (per-seed paired ratios, mean ± 95% CI):',
    `- ours ≥ 1.3 × static: ${fmt(ratio)} → ${check(ratio.mean >= 1.3)}`,
    `- ours captures ≥ 70% of the static → informed-oracle gap: ${(100 * gain.mean / room.mean).toFixed(1)}% (ours − static ${fmt(gain)}; informed − static ${fmt(room)}) → ${check(gain.mean >= 0.7 * room.mean)}`,
    `- after learning ≥ 0.9 × full oracle: ${fmt(learnedVsFull)} → ${check(learnedVsFull.mean >= 0.9)}`,
    '',
    `Total time ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

main();
