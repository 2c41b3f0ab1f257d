// Explanations: structured reasons and a short plain-English explanation per step. The explanation names the gap
// the step closes (as the person rated it), why the area matters in their setting, and the evidence. A step is
// never justified by a high confidence: where the person is already confident it says so and gives the reason
// the step is there instead.

import type { Phase, Reason } from './types.js';
import type { ContentIndex } from './content-index.js';
import { SECURE_TARGET, type Need } from './need.js';
import type { PlannedStep } from './planner.js';
import type { Profile } from './profile.js';
import { oneDecimal, round } from './numeric.js';

export interface ExplainContext {
  readonly ix: ContentIndex;
  readonly phase: Phase;
  readonly priorities: Readonly<Record<string, number>>;
  readonly profile: Profile;
  readonly need: Need;
  readonly steps: readonly PlannedStep[];
}

const PHASE_SETTINGS: Readonly<Record<Phase, string>> = {
  early_years: 'early years settings',
  primary: 'primary schools',
  secondary: 'secondary schools',
  post16: 'post-16 settings',
  special: 'special schools',
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
    const nearest = FRACTIONS.reduce((best, f) => (Math.abs(f[0] - share) < Math.abs(best[0] - share) ? f : best));
    return nearest[1];
  }
  if (share < 0.01) return 'fewer than one in a hundred pupils';
  return `about 1 in ${Math.round(1 / share)} pupils`;
}

/** Evidence strength (0..5) as a sentence. */
export function evidenceSentence(strength: number): string {
  if (strength >= 4) return 'The evidence for this approach is strong.';
  if (strength >= 3) return 'The evidence for this approach is moderate.';
  if (strength >= 2) return 'There is some evidence for this approach.';
  return 'There is only limited evidence for this approach so far.';
}

/** Internal confidence (0..1) as a rating on the 1..5 scale, to one decimal ("2", "3.5"). */
export function ratingText(confidence: number): string {
  return oneDecimal(1 + 4 * confidence);
}

/** The scale's label for the nearest whole rating, lower case ("not at all confident"). */
export function ratingLabel(ix: ContentIndex, confidence: number): string {
  const labels = ix.content.questionnaire.scale.labels;
  const i = Math.min(labels.length - 1, Math.max(0, Math.round(4 * confidence)));
  return (labels[i] ?? '').toLowerCase();
}

/** The area that carries most of a step's value (the module's primary area when it closes no gap). */
export function mainArea(ix: ContentIndex, step: PlannedStep): number {
  let best: PlannedStep['gains'][number] | undefined;
  for (const g of step.gains) if (!best || g.value > best.value) best = g;
  return best && best.value > 0 ? best.area : ix.entries[step.module]!.primaryArea;
}

/** Structured reasons and the explanation for step `i` of `ctx.steps`. */
export function explainStep(ctx: ExplainContext, i: number): { reasons: Reason[]; explanation: string } {
  const { ix, need } = ctx;
  const step = ctx.steps[i]!;
  const a = mainArea(ix, step);
  const reasons: Reason[] = [];
  if (a >= 0) {
    reasons.push(gapReason(ctx, a));
    for (const g of step.gains) if (g.area !== a && step.value > 0 && g.value >= 0.35 * step.value) reasons.push(gapReason(ctx, g.area));
    if (!Number.isNaN(need.prevalence[a]!)) reasons.push(prevalenceReason(ctx, a));
  }
  for (const g of step.gains) {
    const id = ix.areas[g.area]!.id;
    const p = ctx.priorities[id] ?? 0;
    if (p > 0) reasons.push({ kind: 'priority', areaId: id, value: round(p), text: `Your setting has made ${ix.areaNamesInSentence[g.area]!} a priority (${round(p)} of 3).` });
  }
  const ev = ix.entries[step.module]!.evidence;
  const strength = ev?.strength ?? 0;
  reasons.push({ kind: 'evidence', value: round(strength), text: `Evidence strength ${round(strength)} of 5${ev?.strengthSource ? ` (${ev.strengthSource})` : ''}.` });
  const dependants = laterDependants(ctx, i);
  for (const j of dependants) {
    reasons.push({ kind: 'prerequisite', value: j + 1, text: `Needed before step ${j + 1}, "${ix.modules[ctx.steps[j]!.module]!.title}".` });
  }
  const firstDependant = dependants.length ? ix.modules[ctx.steps[dependants[0]!]!.module]!.title : undefined;
  const parts = step.pulledInBy >= 0 && firstDependant !== undefined ? prerequisiteParts(ctx, step, a, firstDependant) : gapParts(ctx, a, firstDependant);
  parts.push(evidenceSentence(strength));
  return { reasons, explanation: parts.join(' ') };
}

/** Positions (0-based) of later steps that list this step's module among their own prerequisites. */
function laterDependants(ctx: ExplainContext, i: number): number[] {
  const id = ctx.ix.modules[ctx.steps[i]!.module]!.id;
  const out: number[] = [];
  for (let j = i + 1; j < ctx.steps.length; j++) if (ctx.ix.modules[ctx.steps[j]!.module]!.prerequisites.includes(id)) out.push(j);
  return out;
}

const BASIS_TEXTS = { responses: 'from your answers', direct: 'from your rating', checkin: 'from your latest check-in', prior: 'not yet rated: typical for your role' };

/** A "gap" reason: value = the confidence gap (0..1); text gives the rating on the 1..5 scale and its uncertainty. */
function gapReason(ctx: ExplainContext, a: number): Reason {
  const { ix, profile, need } = ctx;
  const text =
    `Confidence with ${ix.areaNamesInSentence[a]!}: ${ratingText(profile.mean[a]!)} of 5 (${BASIS_TEXTS[profile.basis[a]!]}), ` +
    `give or take ${oneDecimal(4 * profile.sd[a]!)}.`;
  return { kind: 'gap', areaId: ix.areas[a]!.id, value: round(need.gap[a]!), text };
}

function prevalenceReason(ctx: ExplainContext, a: number): Reason {
  const { ix, need } = ctx;
  const share = need.prevalence[a]!;
  const floor = need.floor[a]!;
  const where = need.fromSetting ? 'in your setting' : `in ${PHASE_SETTINGS[ctx.phase]} nationally`;
  const text =
    `${capitalise(shareOfPupils(share))} with SEN ${where} have ${ix.areaNamesInSentence[a]!} as their primary need (${oneDecimal(100 * share)}%)` +
    (share < floor ? `; as a low-incidence, high-impact need it is weighted as if ${oneDecimal(100 * floor)}%.` : '.');
  return { kind: 'prevalence', areaId: ix.areas[a]!.id, value: round(share), text };
}

/** What the person said about area a, and why the area matters in their setting. */
function gapParts(ctx: ExplainContext, a: number, firstDependant: string | undefined): string[] {
  const { ix, profile } = ctx;
  const before = firstDependant !== undefined ? [`It also prepares you for "${firstDependant}".`] : [];
  if (a < 0) return before;
  const name = ix.areaNamesInSentence[a]!;
  const label = ratingLabel(ix, profile.mean[a]!);
  const number = ratingText(profile.mean[a]!);
  const rating = `${number} out of 5${label && label !== number ? ` (${label})` : ''}`;
  let said: string;
  if (profile.notRelevant[a]) said = `You marked ${name} as not relevant to your role, so it counts for less. It is still the largest gap this module can close.`;
  else if (profile.basis[a] === 'prior') said = `You have not rated ${name} yet, so we used what is typical for your role: ${rating}.`;
  else if (profile.mean[a]! >= SECURE_TARGET) said = `You rated ${name} ${rating}, so this is not one of your main gaps. It uses time left after them.`;
  else if (profile.basis[a] === 'checkin') said = `At your last check-in you rated ${name} ${rating}.`;
  else said = `You rated your confidence with ${name} ${rating}.`;
  return [said, whyItMatters(ctx, a), ...before];
}

/** Why area a matters in the person's setting, in one sentence. */
function whyItMatters(ctx: ExplainContext, a: number): string {
  const { ix, need } = ctx;
  const share = need.prevalence[a]!;
  const priority = (ctx.priorities[ix.areas[a]!.id] ?? 0) > 0 ? ' Your setting has also made it a priority.' : '';
  if (Number.isNaN(share)) {
    if (priority) return 'Your setting has made it a priority.';
    if (need.importance[a]! >= 0.6) return 'Our advisers rate it as important for all staff.';
    return 'It is part of good practice for all staff.';
  }
  if (share < need.floor[a]!) return `Few pupils have this as their main need, but each of them needs staff who are ready.${priority}`;
  const where = need.fromSetting ? 'in your setting' : `in ${PHASE_SETTINGS[ctx.phase]}`;
  return `${capitalise(shareOfPupils(share))} with SEN ${where} have this as their main need.${priority}`;
}

/** A prerequisite pulled in by a later step: what it prepares for, and any gap it closes on the way. */
function prerequisiteParts(ctx: ExplainContext, step: PlannedStep, a: number, firstDependant: string): string[] {
  const parts = [`This module comes before "${firstDependant}", which builds on it.`];
  if (a >= 0 && step.value > 0) parts.push(`It also builds your confidence with ${ctx.ix.areaNamesInSentence[a]!}.`);
  return parts;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
