// Explanations: structured reasons and one plain-English sentence per step, from the profile, the need
// weighting, the evidence set and the step's place in the pathway. Area names come from the taxonomy.

import type { Phase, Reason } from './types.js';
import type { ContentIndex } from './content-index.js';
import type { Need } from './need.js';
import type { PlannedStep } from './planner.js';
import { BASES, type Profile } from './profile.js';
import { round } from './numeric.js';

export interface ExplainContext {
  readonly ix: ContentIndex;
  readonly phase: Phase;
  readonly priorities: Readonly<Record<string, number>>;
  readonly profile: Profile;
  readonly need: Need;
  readonly steps: readonly PlannedStep[];
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
    let best = FRACTIONS[0]!;
    for (const f of FRACTIONS) if (Math.abs(f[0] - share) < Math.abs(best[0] - share)) best = f;
    return best[1];
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

/** Structured reasons and one explanation sentence for step `i` of `ctx.steps`. */
export function explainStep(ctx: ExplainContext, i: number): { reasons: Reason[]; explanation: string } {
  const { ix, profile, need } = ctx;
  const step = ctx.steps[i]!;
  const mod = ix.modules[step.module]!;
  const ev = ix.evidence[step.module];
  const strength = ev?.strength ?? 0;
  const reasons: Reason[] = [];
  const a = mainArea(ix, step);
  const area = a >= 0 ? ix.areas[a] : undefined;
  const where = need.fromSetting ? 'in your setting' : `in ${PHASE_NAMES[ctx.phase]} settings nationally`;

  if (area) {
    reasons.push(gapReason(ctx, a));
    for (const g of step.gains) {
      if (g.area !== a && step.value > 0 && g.value >= 0.35 * step.value) reasons.push(gapReason(ctx, g.area));
    }
    const share = need.prevalence[a]!;
    if (!Number.isNaN(share)) {
      reasons.push({
        kind: 'prevalence',
        areaId: area.id,
        value: round(share),
        text:
          `${capitalise(shareOfPupils(share))} with SEN ${where} have ${ix.areaNamesInSentence[a]!} as their primary need (${round(100 * share, 1)}%)` +
          (share < need.floor[a]! ? `; as a low-incidence, high-impact need it is weighted as if ${round(100 * need.floor[a]!, 1)}%.` : '.'),
      });
    }
  }
  for (const g of step.gains) {
    const id = ix.areas[g.area]!.id;
    const p = ctx.priorities[id] ?? 0;
    if (p > 0) {
      reasons.push({ kind: 'priority', areaId: id, value: round(p), text: `Your setting has made ${ix.areaNamesInSentence[g.area]!} a priority (${round(p)} of 3).` });
    }
  }
  reasons.push({
    kind: 'evidence',
    value: round(strength),
    text: `Evidence strength ${round(strength)} of 5${ev?.strengthSource ? ` (${ev.strengthSource})` : ''}.`,
  });
  const dependants: string[] = [];
  for (let j = i + 1; j < ctx.steps.length; j++) {
    const later = ix.modules[ctx.steps[j]!.module]!;
    if (later.prerequisites.includes(mod.id)) {
      reasons.push({ kind: 'prerequisite', value: j + 1, text: `Needed before step ${j + 1}, "${later.title}".` });
      dependants.push(later.title);
    }
  }

  return { reasons, explanation: sentence(ctx, step, a, dependants, evidenceWord(strength)) };
}

/** A "gap" reason: value = the confidence gap (0..1) on area `a`; text gives the estimate on the 1..5 scale. */
function gapReason(ctx: ExplainContext, a: number): Reason {
  const { ix, profile, need } = ctx;
  return {
    kind: 'gap',
    areaId: ix.areas[a]!.id,
    value: round(need.gap[a]!),
    text: `Estimated confidence with ${ix.areaNamesInSentence[a]!}: ${round(1 + 4 * profile.mean[a]!, 1)} on the 1 to 5 scale (${basisText(profile, a)}).`,
  };
}

function basisText(profile: Profile, a: number): string {
  switch (BASES[profile.basis[a]!]) {
    case 'responses':
      return 'from your answers';
    case 'direct':
      return 'from your rating';
    case 'checkin':
      return 'from your latest check-in';
    default:
      return 'not yet rated: typical for your role';
  }
}

function sentence(ctx: ExplainContext, step: PlannedStep, a: number, dependants: readonly string[], evidence: string): string {
  const { ix, profile, need } = ctx;
  const tail = `this module's approach has ${evidence} evidence.`;
  const area = a >= 0 ? ix.areas[a] : undefined;
  if (!area) return capitalise(`${dependants.length ? `this module comes before "${dependants[0]}", which builds on it; ` : ''}${tail}`);
  const name = ix.areaNamesInSentence[a]!;
  if (step.pulledInBy >= 0 && dependants.length) {
    const helps = step.value > 0 ? `, and it also builds your confidence with ${name}` : '';
    return `This module comes before "${dependants[0]}", which builds on it${helps}; ${tail}`;
  }
  const self = profile.selfReport[a]!;
  const said = confidenceWord(Number.isNaN(self) ? profile.mean[a]! : self);
  const basis = BASES[profile.basis[a]!];
  let first: string;
  if (profile.notRelevant[a]) first = `You marked ${name} as not relevant to your role, so we gave it less weight, but it is still your largest gap this module can close`;
  else if (basis === 'prior') first = `You have not rated your confidence with ${name} yet, so we assumed it is typical for your role`;
  else if (basis === 'checkin') first = `At your last check-in you rated your confidence with ${name} ${said}`;
  else first = `You rated your confidence with ${name} ${said}`;
  const share = need.prevalence[a]!;
  const where = need.fromSetting ? 'in your setting' : `in ${PHASE_NAMES[ctx.phase]} settings`;
  const priority = (ctx.priorities[area.id] ?? 0) > 0;
  let second = '';
  if (!Number.isNaN(share) && share < need.floor[a]!) second = ', and although few pupils have this as their main need, any one of them needs staff who are ready';
  else if (!Number.isNaN(share)) second = `, and ${shareOfPupils(share)} with SEN ${where} have this as their main need`;
  else if (priority) second = ', and your setting has made it a priority';
  else if (need.importance[a]! >= 0.6) second = ', and the advisory panel rates it as important for every member of staff';
  if (!Number.isNaN(share) && priority) second += ' (a priority for your setting)';
  return `${first}${second}; ${tail}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
