// npm run readability [-- --people 2000 --seed 1]
// Flesch reading ease (206.835 − 1.015 × words per sentence − 84.6 × syllables per word; 60–70 is plain English)
// for (a) every step explanation the engine writes for a spread of generated people (every role and phase,
// random, single-gap, flat and empty answers, with and without priorities and setting profiles), and (b) the
// module summaries in the shipped catalogue. Syllables are counted by the `syllable` package.

import { syllable } from 'syllable';
import { getShippedContent } from '../src/content/bundled.js';
import { recommend } from '../src/domain/recommend.js';
import { createRng, type Rng } from '../src/domain/rng.js';
import { FORMATS, PHASES, ROLES, type Content, type RecommendationRequest } from '../src/domain/types.js';

interface Counts {
  sentences: number;
  words: number;
  syllables: number;
}

/** Sentences end in . ! or ? followed by a space or the end; words are runs of letters, digits and apostrophes. */
export function counts(text: string): Counts {
  const sentences = text.split(/[.!?]+(?:\s+|$)/).filter((s) => /[A-Za-z0-9]/.test(s)).length;
  const words = text.match(/[A-Za-z0-9][A-Za-z0-9'’.-]*/g) ?? [];
  const syllables = words.reduce((sum, w) => sum + Math.max(1, /[A-Za-z]/.test(w) ? syllable(w) : w.replace(/\D/g, '').length), 0);
  return { sentences: Math.max(1, sentences), words: words.length, syllables };
}

export function fleschReadingEase(c: Counts): number {
  return 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / Math.max(1, c.words));
}

function add(a: Counts, b: Counts): Counts {
  return { sentences: a.sentences + b.sentences, words: a.words + b.words, syllables: a.syllables + b.syllables };
}

/** A spread of people: each role × phase with several answer patterns, then random ones. */
function people(content: Content, n: number, rng: Rng): RecommendationRequest[] {
  const items = content.questionnaire.items;
  const areas = content.taxonomy.areas;
  const base = (role: (typeof ROLES)[number], phase: (typeof PHASES)[number]): RecommendationRequest => ({
    role, phase, responses: [], confidence: {}, completedModuleIds: [], timeBudgetMinutes: 360, weeklyMinutes: 60, formats: [...FORMATS], priorities: {},
  });
  const patterns: ((r: RecommendationRequest) => RecommendationRequest)[] = [
    (r) => ({ ...r, responses: items.map((it) => ({ itemId: it.id, value: 1 + rng.int(5) })) }),
    (r) => ({ ...r, responses: items.map((it, i) => ({ itemId: it.id, value: i === rng.int(items.length) ? 1 : 5 })) }),
    (r) => ({ ...r, responses: items.map((it) => ({ itemId: it.id, value: 3 })) }),
    (r) => r,
    (r) => ({ ...r, responses: items.map((it) => ({ itemId: it.id, value: rng.next() < 0.2 ? null : 2 + rng.int(4) })), priorities: { [areas[rng.int(areas.length)]!.id]: 3 } }),
    (r) => ({ ...r, responses: items.map((it) => ({ itemId: it.id, value: 1 + rng.int(5) })), settingProfile: { slcn: 0.3, asd: 0.3, semh: 0.3, vi: 0.1 } }),
  ];
  const out: RecommendationRequest[] = [];
  for (const role of ROLES) for (const phase of PHASES) for (const p of patterns) out.push(p(base(role, phase)));
  while (out.length < n) out.push(patterns[rng.int(patterns.length)]!(base(ROLES[rng.int(ROLES.length)]!, PHASES[rng.int(PHASES.length)]!)));
  return out;
}

function summaryLine(name: string, texts: readonly string[]): { line: string; ease: number } {
  const per = texts.map((t) => fleschReadingEase(counts(t))).sort((a, b) => a - b);
  const total = texts.map(counts).reduce(add, { sentences: 0, words: 0, syllables: 0 });
  const ease = fleschReadingEase(total);
  const q = (p: number) => per[Math.min(per.length - 1, Math.floor(p * per.length))]!;
  const share = per.filter((x) => x >= 60).length / Math.max(1, per.length);
  return {
    ease,
    line: `| ${name} | ${texts.length} | ${ease.toFixed(1)} | ${q(0.5).toFixed(1)} | ${q(0.1).toFixed(1)} | ${(100 * share).toFixed(0)}% | ${(total.words / total.sentences).toFixed(1)} | ${(total.syllables / total.words).toFixed(2)} |`,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : dflt);
  const content = getShippedContent();
  const requests = people(content, arg('people', 2000), createRng(arg('seed', 1)));
  const explanations = requests.flatMap((r) => recommend(content, r).pathway.steps.map((s) => s.explanation));
  const summaries = content.catalogue.modules.map((m) => m.summary);
  const a = summaryLine('(a) step explanations', explanations);
  const b = summaryLine('(b) module summaries (data/modules.json)', summaries);
  const lowest = content.catalogue.modules
    .map((m) => ({ id: m.id, ease: fleschReadingEase(counts(m.summary)) }))
    .sort((x, y) => x.ease - y.ease)
    .slice(0, 5);
  process.stdout.write(
    [
      `Flesch reading ease: ${requests.length} generated people (${explanations.length} step explanations, ${new Set(explanations).size} distinct); catalogue ${content.catalogue.version} (${summaries.length} summaries).`,
      '',
      '| Texts | count | reading ease (all text) | median per text | 10th percentile | texts ≥ 60 | words per sentence | syllables per word |',
      '|---|---|---|---|---|---|---|---|',
      a.line,
      b.line,
      '',
      `Target: step explanations ≥ 60 → ${a.ease >= 60 ? 'met' : 'MISSED'} (${a.ease.toFixed(1)}).`,
      `Hardest module summaries: ${lowest.map((x) => `${x.id} ${x.ease.toFixed(0)}`).join(', ')}.`,
      '',
    ].join('\n'),
  );
}

main();
