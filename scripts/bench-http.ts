// npm run bench:http [-- --seconds 8 --rounds 3 --connections 50]
// HTTP figures for POST /v1/recommendations beside a same-run baseline route that parses and validates the same
// body and answers with a fixed body of the same size: req/s, p50 and p99 for each, and their ratios (targets:
// throughput ≥ 0.75 of baseline, p99 ≤ 2× baseline). Starts the Node app on a free 127.0.0.1 port and stops it by pid.
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
  options: { seconds: { type: 'string', default: '8' }, rounds: { type: 'string', default: '3' }, connections: { type: 'string', default: '50' }, warmup: { type: 'string', default: '3' } },
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
const body = JSON.stringify({
  role: 'teacher',
  phase: 'primary',
  responses: content.questionnaire.items.map((it, i) => ({ itemId: it.id, value: 1 + ((i * 7) % 5) })),
  timeBudgetMinutes: 600,
  weeklyMinutes: 60,
  formats: ['online', 'in_person'],
});

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
    const routes = { recommendations: '/v1/recommendations', baseline: '/v1/bench/baseline' };
    const hit = (path: string, duration: number) =>
      autocannon({ url: base + path, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration });

    const sizes = await Promise.all(Object.values(routes).map(async (p) => (await (await fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text()).length));
    console.log(`POST body ${body.length} B; response ${sizes[0]} B (recommendations) and ${sizes[1]} B (baseline); ${connections} connections`);
    for (const p of Object.values(routes)) await hit(p, Number(values.warmup));

    const runs: Record<keyof typeof routes, Result[]> = { recommendations: [], baseline: [] };
    for (let r = 0; r < rounds; r++) {
      for (const name of Object.keys(routes) as (keyof typeof routes)[]) {
        const res = await hit(routes[name], seconds);
        if (res.non2xx || res.errors) throw new Error(`${name}: ${res.non2xx} non-2xx answers and ${res.errors} errors`);
        runs[name].push(res);
      }
    }
    const summary = Object.fromEntries(
      (Object.keys(runs) as (keyof typeof routes)[]).map((k) => [k, { rps: median(runs[k].map((x) => x.requests.average)), p50: median(runs[k].map((x) => x.latency.p50)), p99: median(runs[k].map((x) => x.latency.p99)) }]),
    ) as Record<keyof typeof routes, { rps: number; p50: number; p99: number }>;
    console.log(`\nHTTP, medians of ${rounds} runs of ${seconds} s each (after ${values.warmup} s warm-up per route)`);
    console.log('route                      req/s     p50 ms   p99 ms');
    for (const [name, s] of Object.entries(summary)) {
      console.log(`${`POST ${routes[name as keyof typeof routes]}`.padEnd(26)} ${s.rps.toFixed(0).padStart(7)} ${s.p50.toFixed(1).padStart(9)} ${s.p99.toFixed(1).padStart(8)}`);
    }
    const throughput = summary.recommendations.rps / summary.baseline.rps;
    const tail = summary.recommendations.p99 / Math.max(summary.baseline.p99, 0.001);
    console.log(`\nthroughput ratio (recommendations / baseline): ${throughput.toFixed(2)} (target ≥ 0.75) ${throughput >= 0.75 ? 'met' : 'NOT met'}`);
    console.log(`p99 ratio (recommendations / baseline):        ${tail.toFixed(2)} (target ≤ 2) ${tail <= 2 ? 'met' : 'NOT met'}`);
  } finally {
    stop();
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
  }
}

await main();
