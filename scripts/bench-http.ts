// npm run bench:http [-- --seconds 5 --rounds 7 --connections 50]
// HTTP figures for POST /v1/recommendations, lean (the default) and full detail, each beside a same-run baseline
// route that parses and validates the same body and answers with a fixed body of the same size: req/s, p50 and p99,
// and their ratios (targets: throughput ≥ 0.75 of baseline, p99 ≤ 2× baseline). On a shared, noisy host one pair of
// runs says little, so: every round runs each route once, in an order that alternates (ABBA: a route and its
// baseline sit next to each other, first one then the other leading), each round gives its own ratios (route ÷ its
// baseline, measured seconds apart), and the figures are the medians over rounds, with the spread beside them.
// Starts the Node app on a free 127.0.0.1 port and stops it by pid.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getShippedContent } from '../src/content/bundled.js';

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '7' }, connections: { type: 'string', default: '50' }, warmup: { type: 'string', default: '3' } },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

// A full self-assessment: every questionnaire item answered, as a teacher in a primary school.
const content = getShippedContent();
const request = {
  role: 'teacher',
  phase: 'primary',
  responses: content.questionnaire.items.map((it, i) => ({ itemId: it.id, value: 1 + ((i * 7) % 5) })),
  timeBudgetMinutes: 600,
  weeklyMinutes: 60,
  formats: ['online', 'in_person'],
};
const bodies = { lean: JSON.stringify(request), full: JSON.stringify({ ...request, detail: 'full' }) };
type Name = 'lean' | 'leanBaseline' | 'full' | 'fullBaseline';
const routes: Record<Name, { path: string; body: string }> = {
  lean: { path: '/v1/recommendations', body: bodies.lean },
  leanBaseline: { path: '/v1/bench/baseline', body: bodies.lean },
  full: { path: '/v1/recommendations', body: bodies.full },
  fullBaseline: { path: '/v1/bench/baseline', body: bodies.full },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const port = await freePort();
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  const child = spawn(tsx, [fileURLToPath(new URL('./bench-http-server.ts', import.meta.url))], {
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
  };
  process.on('exit', stop);
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => (String(d).includes('ready') ? resolve() : undefined));
      child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const names = Object.keys(routes) as Name[];
    const hit = (name: Name, duration: number) =>
      autocannon({ url: base + routes[name].path, method: 'POST', headers: { 'content-type': 'application/json' }, body: routes[name].body, connections, duration });
    const post = (name: Name) => fetch(base + routes[name].path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: routes[name].body });
    const sizes = Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await (await post(n)).text()).length] as const))) as Record<Name, number>;
    console.log(`POST body ${bodies.lean.length} B (lean) / ${bodies.full.length} B (full); responses: lean ${sizes.lean} B (baseline ${sizes.leanBaseline} B), full ${sizes.full} B (baseline ${sizes.fullBaseline} B); ${connections} connections`);
    for (const n of names) await hit(n, Number(values.warmup));

    const runs = Object.fromEntries(names.map((n) => [n, [] as Result[]])) as Record<Name, Result[]>;
    const abba: Name[] = ['lean', 'leanBaseline', 'fullBaseline', 'full'];
    for (let r = 0; r < rounds; r++) {
      for (const name of r % 2 === 0 ? abba : [...abba].reverse()) {
        const res = await hit(name, seconds);
        if (res.non2xx || res.errors) throw new Error(`${name}: ${res.non2xx} non-2xx answers and ${res.errors} errors`);
        runs[name].push(res);
      }
    }
    const summary = Object.fromEntries(
      names.map((k) => [k, { rps: median(runs[k].map((x) => x.requests.average)), p50: median(runs[k].map((x) => x.latency.p50)), p99: median(runs[k].map((x) => x.latency.p99)) }]),
    ) as Record<Name, { rps: number; p50: number; p99: number }>;
    console.log(`\nHTTP, medians of ${rounds} interleaved rounds of ${seconds} s a route (after ${values.warmup} s warm-up per route)`);
    console.log('route                                   req/s     p50 ms   p99 ms');
    for (const n of names) {
      const s = summary[n];
      const label = `POST ${routes[n].path} (${n.startsWith('lean') ? 'lean' : 'full'})`;
      console.log(`${label.padEnd(38)} ${s.rps.toFixed(0).padStart(7)} ${s.p50.toFixed(1).padStart(9)} ${s.p99.toFixed(1).padStart(8)}`);
    }
    for (const d of ['lean', 'full'] as const) {
      const base = `${d}Baseline` as const;
      // Per-round ratios: each route against its baseline from the same round.
      const rps = runs[d].map((x, i) => x.requests.average / runs[base][i]!.requests.average);
      const p99 = runs[d].map((x, i) => x.latency.p99 / Math.max(runs[base][i]!.latency.p99, 0.001));
      const [throughput, tail] = [median(rps), median(p99)];
      const spread = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
      console.log(
        `\n${d} (${sizes[d]} B): throughput ratio ${throughput.toFixed(2)} (median of ${rounds} rounds, spread ${spread(rps)}; target ≥ 0.75) ${throughput >= 0.75 ? 'met' : 'NOT met'}; ` +
          `p99 ratio ${tail.toFixed(2)} (spread ${spread(p99)}; target ≤ 2) ${tail <= 2 ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    stop();
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
  }
}

await main();
