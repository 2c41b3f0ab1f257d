// Explanations: structured reasons and one plain-English sentence per step, from the profile, the need
// weighting, the evidence set and the step's place in the pathway. Area names come from the taxonomy.

import type { Phase, Reason } from './types.js';
import type { ContentIndex } from './content-index.js';
import type { Need } from './need.js';
import type { PlannedStep } from './planner.js';
import { BASES, type Profile } from './profile.js';
import { round, round4 } from './numeric.js';

export interface ExplainContext {
  readonly ix: ContentIndex;
  readonly phase: Phase;
  readonly priorities: Readonly<Record<string, number>>;
  readonly profile: Profile;
  readonly need: Need;
  readonly steps: readonly PlannedStep[];
  /** Optional: `priorities[areas[a].id] ?? 0` per area, looked up once per request (recommend fills it in). */
  readonly priorityByArea?: readonly number[];
}

const PHASE_NAMES: Readonly<Record<Phase, string>> = {
  early_years: 'early years',
  primary: 'primary',
  secondary: 'secondary',
  post16: 'post-16',
  special: 'special',
  alternative_provision: 'alternative provision',
};

const FRACTIONS: readonly [number, string][] = [
  [1 / 2, 'about half of pupils'],
  [1 / 3, 'about a third of pupils'],
  [1 / 4, 'about a quarter of pupils'],
  [1 / 5, 'about one in five pupils'],
  [1 / 6, 'about one in six pupils'],
  [1 / 7, 'about one in seven pupils'],
  [1 / 8, 'about one in eight pupils'],
  [1 / 9, 'about one in nine pupils'],
  [1 / 10, 'about one in ten pupils'],
];

/** A share of pupils (0..1) in words, e.g. 0.258 → "about a quarter of pupils", 0.016 → "about 1 in 63 pupils". */
export function shareOfPupils(share: number): string {
  if (share >= 0.75) return 'most pupils';
  if (share >= 0.6) return 'about two thirds of pupils';
  if (share >= 0.095) {
    let best = 0;
    let bestDistance = Math.abs(FRACTIONS[0]![0] - share);
    for (let i = 1; i < FRACTIONS.length; i++) {
      const d = Math.abs(FRACTIONS[i]![0] - share);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return FRACTIONS[best]![1];
  }
  if (share < 0.01) return 'fewer than one in a hundred pupils';
  return `about 1 in ${Math.round(1 / share)} pupils`;
}

/** Internal confidence (0..1) in words for a sentence. */
export function confidenceWord(mean: number): string {
  return mean < 0.3 ? 'low' : mean < 0.55 ? 'moderate' : mean < 0.75 ? 'fairly secure' : 'high';
}

/** Evidence strength (0..5) in words. */
export function evidenceWord(strength: number): string {
  return strength >= 4 ? 'strong' : strength >= 3 ? 'moderate' : strength >= 2 ? 'some' : 'limited';
}

/** The area that carries most of a step's value (falls back to the module's primary area). */
export function mainArea(ix: ContentIndex, step: PlannedStep): number {
  let best = -1;
  let bestValue = -Infinity;
  for (const g of step.gains) {
    if (g.value > bestValue) {
      bestValue = g.value;
      best = g.area;
    }
  }
  return best >= 0 ? best : ix.primaryArea[step.module]!;
}

/** Per-content wording, built once per content index. */
interface Tables {
  /** round(evidence strength) per module, and its reason text and word. */
  readonly evidenceValue: Float64Array;
  readonly evidenceText: readonly string[];
  readonly evidenceWording: readonly string[];
  /** Per module: "this module's approach has <evidence wording> evidence." */
  readonly evidenceTail: readonly string[];
  /** CSR over modules: the modules that list m's id among their prerequisites. */
  readonly requiredByOffset: Int32Array;
  readonly requiredBy: Int32Array;
  /** Texts that depend only on a few discrete inputs, built on first use (see gapText, firstPart, prevalenceTexts). */
  readonly gapTexts: Map<number, string>;
  readonly firstParts: (string | undefined)[];
  readonly prevalence: (PrevalenceTexts | undefined)[];
}

/** The prevalence reason's text and the sentence's second part for one area, share and floor (and place). */
interface PrevalenceTexts {
  readonly share: number;
  readonly floor: number;
  readonly reason: string;
  readonly second: string;
}

const tablesCache = new WeakMap<ContentIndex, Tables>();

function tables(ix: ContentIndex): Tables {
  let t = tablesCache.get(ix);
  if (t) return t;
  const M = ix.modules.length;
  const evidenceValue = new Float64Array(M);
  const evidenceText: string[] = [];
  const evidenceWording: string[] = [];
  for (let m = 0; m < M; m++) {
    const ev = ix.evidence[m];
    const strength = ev?.strength ?? 0;
    evidenceValue[m] = round4(strength);
    evidenceText.push(`Evidence strength ${round4(strength)} of 5${ev?.strengthSource ? ` (${ev.strengthSource})` : ''}.`);
    evidenceWording.push(evidenceWord(strength));
  }
  const byId = new Map<string, number[]>();
  ix.modules.forEach((mod, m) => {
    const list = byId.get(mod.id);
    if (list) list.push(m);
    else byId.set(mod.id, [m]);
  });
  const pairs: [number, number][] = [];
  ix.modules.forEach((later, l) => {
    for (const pid of new Set(later.prerequisites)) for (const m of byId.get(pid) ?? []) pairs.push([m, l]);
  });
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const requiredByOffset = new Int32Array(M + 1);
  for (const [m] of pairs) requiredByOffset[m + 1]!++;
  for (let m = 0; m < M; m++) requiredByOffset[m + 1]! += requiredByOffset[m]!;
  t = {
    evidenceValue,
    evidenceText,
    evidenceWording,
    evidenceTail: evidenceWording.map((e) => `this module's approach has ${e} evidence.`),
    requiredByOffset,
    requiredBy: Int32Array.from(pairs, (p) => p[1]),
    gapTexts: new Map(),
    firstParts: [],
    prevalence: [],
  };
  tablesCache.set(ix, t);
  return t;
}

/** Whether module `later` lists module m's id among its prerequisites. */
function isRequiredBy(t: Tables, m: number, later: number): boolean {
  for (let k = t.requiredByOffset[m]!; k < t.requiredByOffset[m + 1]!; k++) if (t.requiredBy[k] === later) return true;
  return false;
}

// `${round(x, 1)}` for x·10 rounding to 0..1000 (ratings on the 1..5 scale and percentages), precomputed.
const ONE_DECIMAL = Array.from({ length: 1001 }, (_, k) => String(k / 10));

/** String(round(x, 1)). */
function oneDecimal(x: number): string {
  const k = Math.round(x * 10);
  return k >= 0 && k <= 1000 ? ONE_DECIMAL[k]! : String(round(x, 1));
}

/** Structured reasons and one explanation sentence for step `i` of `ctx.steps`. */
export function explainStep(ctx: ExplainContext, i: number): { reasons: Reason[]; explanation: string } {
  const { ix, need } = ctx;
  const t = tables(ix);
  const step = ctx.steps[i]!;
  const m = step.module;
  const reasons: Reason[] = [];
  const a = mainArea(ix, step);
  const area = a >= 0 ? ix.areas[a] : undefined;
  const prio = ctx.priorityByArea;
  let prevalence: PrevalenceTexts | undefined;

  if (area) {
    reasons.push(gapReason(ctx, t, a));
    for (const g of step.gains) {
      if (g.area !== a && step.value > 0 && g.value >= 0.35 * step.value) reasons.push(gapReason(ctx, t, g.area));
    }
    const share = need.prevalence[a]!;
    if (!Number.isNaN(share)) {
      prevalence = prevalenceTexts(ctx, t, a, share, need.floor[a]!);
      reasons.push({ kind: 'prevalence', areaId: area.id, value: round4(share), text: prevalence.reason });
    }
  }
  for (const g of step.gains) {
    const id = ix.areas[g.area]!.id;
    const p = prio !== undefined ? prio[g.area]! : (ctx.priorities[id] ?? 0);
    if (p > 0) {
      reasons.push({ kind: 'priority', areaId: id, value: round4(p), text: `Your setting has made ${ix.areaNamesInSentence[g.area]!} a priority (${round4(p)} of 3).` });
    }
  }
  reasons.push({ kind: 'evidence', value: t.evidenceValue[m]!, text: t.evidenceText[m]! });
  let dependants: string[] | undefined;
  for (let j = i + 1; j < ctx.steps.length; j++) {
    const l = ctx.steps[j]!.module;
    if (isRequiredBy(t, m, l)) {
      const title = ix.modules[l]!.title;
      reasons.push({ kind: 'prerequisite', value: j + 1, text: `Needed before step ${j + 1}, "${title}".` });
      (dependants ??= []).push(title);
    }
  }

  return { reasons, explanation: sentence(ctx, t, step, a, dependants?.[0], t.evidenceTail[m]!, prevalence) };
}

/** A "gap" reason: value = the confidence gap (0..1) on area `a`; text gives the estimate on the 1..5 scale. */
function gapReason(ctx: ExplainContext, t: Tables, a: number): Reason {
  const { ix, profile, need } = ctx;
  return { kind: 'gap', areaId: ix.areas[a]!.id, value: round4(need.gap[a]!), text: gapText(ix, t, profile, a) };
}

const BASIS_TEXTS = ['from your answers', 'from your rating', 'from your latest check-in', 'not yet rated: typical for your role'];

/** Index into BASIS_TEXTS for area a's basis. */
function basisTextIndex(profile: Profile, a: number): number {
  switch (BASES[profile.basis[a]!]) {
    case 'responses':
      return 0;
    case 'direct':
      return 1;
    case 'checkin':
      return 2;
    default:
      return 3;
  }
}

/** "Estimated confidence with <area>: <rating> on the 1 to 5 scale (<basis>)." (cached per area, rating and basis). */
function gapText(ix: ContentIndex, t: Tables, profile: Profile, a: number): string {
  const b = basisTextIndex(profile, a);
  const x = 1 + 4 * profile.mean[a]!;
  const k = Math.round(x * 10);
  const key = k >= 0 && k <= 1000 ? (a * 4 + b) * 1001 + k : -1;
  let text = key >= 0 ? t.gapTexts.get(key) : undefined;
  if (text === undefined) {
    text = 'Estimated confidence with ' + ix.areaNamesInSentence[a]! + ': ' + oneDecimal(x) + ' on the 1 to 5 scale (' + BASIS_TEXTS[b]! + ').';
    if (key >= 0) t.gapTexts.set(key, text);
  }
  return text;
}

const CONFIDENCE_WORDS = ['low', 'moderate', 'fairly secure', 'high'];

/** The sentence's first part for area a (cached per area and wording). */
function firstPart(ix: ContentIndex, t: Tables, profile: Profile, a: number): string {
  let variant: number;
  if (profile.notRelevant[a]) variant = 0;
  else {
    const basis = BASES[profile.basis[a]!];
    if (basis === 'prior') variant = 1;
    else {
      const self = profile.selfReport[a]!;
      const said = CONFIDENCE_WORDS.indexOf(confidenceWord(Number.isNaN(self) ? profile.mean[a]! : self));
      variant = (basis === 'checkin' ? 2 : 6) + said;
    }
  }
  const key = a * 10 + variant;
  let text = t.firstParts[key];
  if (text === undefined) {
    const name = ix.areaNamesInSentence[a]!;
    if (variant === 0) text = `You marked ${name} as not relevant to your role, so we gave it less weight, but it is still your largest gap this module can close`;
    else if (variant === 1) text = `You have not rated your confidence with ${name} yet, so we assumed it is typical for your role`;
    else if (variant < 6) text = `At your last check-in you rated your confidence with ${name} ${CONFIDENCE_WORDS[variant - 2]!}`;
    else text = `You rated your confidence with ${name} ${CONFIDENCE_WORDS[variant - 6]!}`;
    t.firstParts[key] = text;
  }
  return text;
}

const PHASE_INDEX: ReadonlyMap<string, number> = new Map(Object.keys(PHASE_NAMES).map((p, i) => [p, i]));

/**
 * The prevalence reason's text and the sentence's second part for area a with this share and floor. Cached per
 * place (the phase nationally, or the setting) and area; a cached entry is used only for the same share and floor.
 */
function prevalenceTexts(ctx: ExplainContext, t: Tables, a: number, share: number, floor: number): PrevalenceTexts {
  const { ix, need } = ctx;
  const place = need.fromSetting ? PHASE_INDEX.size : (PHASE_INDEX.get(ctx.phase) ?? -1);
  const key = place >= 0 ? place * ix.areas.length + a : -1;
  const hit = key >= 0 ? t.prevalence[key] : undefined;
  if (hit !== undefined && hit.share === share && hit.floor === floor) return hit;
  const phrase = shareOfPupils(share);
  const where = need.fromSetting ? 'in your setting' : `in ${PHASE_NAMES[ctx.phase]} settings`;
  const texts: PrevalenceTexts = {
    share,
    floor,
    reason:
      capitalise(phrase) + ' with SEN ' + (need.fromSetting ? where : where + ' nationally') + ' have ' + ix.areaNamesInSentence[a]! +
      ' as their primary need (' + oneDecimal(100 * share) + '%)' +
      (share < floor ? '; as a low-incidence, high-impact need it is weighted as if ' + oneDecimal(100 * floor) + '%.' : '.'),
    second:
      share < floor
        ? ', and although few pupils have this as their main need, any one of them needs staff who are ready'
        : `, and ${phrase} with SEN ${where} have this as their main need`,
  };
  if (key >= 0) t.prevalence[key] = texts;
  return texts;
}

/**
 * The explanation; `firstDependant` is the title of the first later step that needs this one, if any; `tail` the
 * module's evidence clause; `prevalence` the texts for area a's share when it has one.
 */
function sentence(
  ctx: ExplainContext,
  t: Tables,
  step: PlannedStep,
  a: number,
  firstDependant: string | undefined,
  tail: string,
  prevalence: PrevalenceTexts | undefined,
): string {
  const { ix, profile, need } = ctx;
  const area = a >= 0 ? ix.areas[a] : undefined;
  if (!area) return capitalise(`${firstDependant !== undefined ? `this module comes before "${firstDependant}", which builds on it; ` : ''}${tail}`);
  if (step.pulledInBy >= 0 && firstDependant !== undefined) {
    const helps = step.value > 0 ? `, and it also builds your confidence with ${ix.areaNamesInSentence[a]!}` : '';
    return `This module comes before "${firstDependant}", which builds on it${helps}; ${tail}`;
  }
  const first = firstPart(ix, t, profile, a);
  const share = need.prevalence[a]!;
  const priority = (ctx.priorityByArea !== undefined ? ctx.priorityByArea[a]! : (ctx.priorities[area.id] ?? 0)) > 0;
  let second = '';
  if (!Number.isNaN(share)) second = (prevalence ?? prevalenceTexts(ctx, t, a, share, need.floor[a]!)).second;
  else if (priority) second = ', and your setting has made it a priority';
  else if (need.importance[a]! >= 0.6) second = ', and the advisory panel rates it as important for every member of staff';
  if (!Number.isNaN(share) && priority) second += ' (a priority for your setting)';
  return first + second + '; ' + tail;
}

function capitalise(s: string): string {
  const c = s.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return String.fromCharCode(c - 32) + s.slice(1); // a-z, as toUpperCase would
  return s.charAt(0).toUpperCase() + s.slice(1);
}
