// Plain-English labels for the engine's codes (roles, phases, formats, levels) and the 1..5 confidence scale.
import type { Format, Level, Phase, Role } from '../domain/types.js';

export const ROLE_LABELS: Readonly<Record<Role, { label: string; hint?: string }>> = {
  teacher: { label: 'Teacher' },
  teaching_assistant: { label: 'Teaching assistant', hint: 'Including higher level teaching assistants' },
  senco: { label: 'SENCO', hint: 'Special educational needs co-ordinator' },
  leader: { label: 'Headteacher or senior leader' },
  early_years_practitioner: { label: 'Early years practitioner', hint: 'For example in a nursery, pre-school or as a childminder' },
  fe_lecturer: { label: 'Further education lecturer or tutor' },
  learning_support: { label: 'Learning support assistant in a college' },
};

export const PHASE_LABELS: Readonly<Record<Phase, { label: string; hint?: string }>> = {
  early_years: { label: 'Early years', hint: 'Nursery, pre-school or reception-age children' },
  primary: { label: 'Primary school' },
  secondary: { label: 'Secondary school' },
  post16: { label: 'Sixth form or further education college' },
  special: { label: 'Special school' },
  alternative_provision: { label: 'Alternative provision', hint: 'For example a pupil referral unit' },
};

export const FORMAT_LABELS: Readonly<Record<Format, string>> = {
  online: 'Online, in your own time',
  in_person: 'Face to face course',
  in_house: 'In-house training at your setting',
};

/** Short format names for step lists and tables. */
export const FORMAT_SHORT: Readonly<Record<Format, string>> = {
  online: 'Online',
  in_person: 'Face to face',
  in_house: 'In-house',
};

export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  foundation: 'Foundation',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/** Internal confidence 0..1 → the 1..5 scale people answer on, to one decimal place. */
export function toScale(confidence01: number): number {
  return Math.round((1 + 4 * Math.min(1, Math.max(0, confidence01))) * 10) / 10;
}

/** Minutes as "1 hour 30 minutes". */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m || !h) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** Evidence strength 0..5 as words, so nothing depends on a symbol or colour. */
export function strengthWords(strength: number): string {
  if (strength >= 4) return 'strong';
  if (strength >= 3) return 'moderate';
  if (strength >= 2) return 'some';
  if (strength > 0) return 'limited';
  return 'not yet rated';
}

/**
 * How long the self-assessment takes, in whole minutes: about 10 seconds a question (a single click on a 1 to 5
 * scale) plus about 2 minutes for the role and time pages. 18 questions: about 5 minutes.
 */
export function assessmentMinutes(questionCount: number): number {
  return Math.max(3, Math.round((questionCount * 10) / 60) + 2);
}

/** What the person said about an area on the 1..5 scale (their own latest rating), or null when they gave none. */
export function ownAnswer(e: { readonly selfReport?: number | undefined }): number | null {
  return e.selfReport === undefined || e.selfReport === null ? null : toScale(e.selfReport);
}

/** The figure to show for an area: the person's own answer when they gave one, else the estimate. */
export function shownConfidence(e: { readonly confidence: number; readonly selfReport?: number | undefined }): number {
  return ownAnswer(e) ?? toScale(e.confidence);
}

/** A 1..5 figure as people gave it: whole numbers without a decimal ("4"), others to one place ("3.5"). */
export function scaleText(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
