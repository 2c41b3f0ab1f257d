// npm run bench:ab -- [--against HEAD] [--rounds 11] [--calls 20]
// Is a change to the engine faster? On a shared, noisy host two runs of `npm run bench` differ by more than most
// changes do, so this times the engine of the working tree against the engine of a commit (default HEAD) in one
// process: the commit's src and data are written to a temporary folder (git archive) and imported beside the working
// tree's, both build the same 1,000 random requests, and each round times a block of each, in alternating order.
// Prints the median time per call of each and the median and spread of the per-round ratios (new ÷ old); the
// recommendations of the two must match byte for byte, on the shipped set and on it with exploration on, unless
// --changed says the output was meant to change.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Content, RecommendationRequest, RecommendationResponse } from '../src/domain/types.js';

const { values } = parseArgs({
  options: {
    against: { type: 'string', default: 'HEAD' },
    rounds: { type: 'string', default: '11' },
    calls: { type: 'string', default: '20' },
    changed: { type: 'boolean', default: false },
  },
});
const root = fileURLToPath(new URL('..', import.meta.url));

interface Engine {
  readonly name: string;
  readonly content: Content;
  readonly requests: readonly RecommendationRequest[];
  readonly recommend: (content: Content, request: RecommendationRequest) => RecommendationResponse;
}

/** The engine (recommend, shipped content, random requests) of the tree at `dir`, imported from its own files. */
async function engineAt(name: string, dir: string): Promise<Engine> {
  const load = (path: string) => import(pathToFileURL(join(dir, path)).href);
  const { getShippedContent } = await load('src/content/bundled.ts');
  const { recommend } = await load('src/domain/recommend.ts');
  const { createRng } = await load('src/domain/rng.ts');
  const { randomRequest } = await import('./bench.js'); // the same requests for both (from each one's content)
  const content = getShippedContent() as Content;
  const rng = createRng(42);
  return { name, content, recommend, requests: Array.from({ length: 1000 }, () => randomRequest(content, rng)) };
}

/** Milliseconds for `calls` passes over the engine's requests (so µs per call, for 1,000 requests). */
function block(e: Engine, calls: number): number {
  let check = 0;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) for (const r of e.requests) check += e.recommend(e.content, r).pathway.steps.length;
  if (check < 0) throw new Error('unreachable');
  return (performance.now() - t0) / calls;
}

/** The set with bounded exploration on, as test/domain/explore-recommend.test.ts has it (margin 0.4, loss cap 2%). */
const withExploration = (c: Content): Content => ({ ...c, evidence: { ...c.evidence, exploration: { margin: 0.4, maxLossShare: 0.02 } } });

/** How many of the 1,000 requests get different bytes from the two engines, each on `variant` of its own content. */
function differingResponses(old: Engine, now: Engine, variant: (c: Content) => Content): number {
  const [oldContent, nowContent] = [variant(old.content), variant(now.content)];
  return old.requests.filter((r, i) => JSON.stringify(old.recommend(oldContent, r)) !== JSON.stringify(now.recommend(nowContent, now.requests[i]!))).length;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ab-'));
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', values.against], { cwd: root, encoding: 'utf8' }).trim();
    execFileSync('sh', ['-c', `git archive ${commit} src data package.json | tar -x -C "${dir}"`], { cwd: root });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const old = await engineAt(`${commit} (old)`, dir);
    const now = await engineAt('working tree (new)', root);
    // The same bytes on the shipped set, and on the same set with exploration on (the shipped set does not explore).
    const differing = differingResponses(old, now, (c) => c);
    const exploring = differingResponses(old, now, withExploration);
    console.log(`recommend() of ${old.name} and the ${now.name}: ${differing} of 1,000 responses differ (${exploring} of 1,000 with exploration on)`);
    if ((differing || exploring) && !values.changed) throw new Error('the responses differ: pass --changed if the output was meant to change');
    const calls = Number(values.calls);
    for (let i = 0; i < 3; i++) [old, now].forEach((e) => block(e, calls)); // warm both up alike
    const times = { old: [] as number[], now: [] as number[] };
    for (let round = 0; round < Number(values.rounds); round++) {
      const order = round % 2 ? (['old', 'now'] as const) : (['now', 'old'] as const);
      for (const k of order) times[k].push(block(k === 'old' ? old : now, calls));
    }
    const ratios = times.now.map((t, i) => t / times.old[i]!);
    console.log(`µs per call (median of ${values.rounds} rounds of ${calls} × 1,000 calls each): old ${median(times.old).toFixed(1)}, new ${median(times.now).toFixed(1)}`);
    console.log(`new ÷ old per round: median ${median(ratios).toFixed(3)}, spread ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
