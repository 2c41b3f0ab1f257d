// What staff-facing pages may show of the content's text: notes meant for the panel or for developers (how a
// rating was checked, EEF padlock counts, file paths, hashes, review status) are taken out, and acronyms are spelt
// out the first time a page uses them. Who made the evidence set is said once, plainly, by evidenceOrigin.

import type { Provenance } from '../domain/types.js';

/** A sentence or bracketed aside holding any of these is a note for the panel or developers, not for staff. */
const INTERNAL = [/from memory/i, /unverified/i, /padlock/i, /data\/README/i, /\bsha-?256\b/i, /no (expert )?panel has/i, /for the panel to confirm/i, /pending panel review/i, /rule-based starting estimate/i, /\bv\d+ uses\b/i];

const isInternal = (s: string) => INTERNAL.some((re) => re.test(s));

/** Removes internal notes: bracketed asides first, then whole sentences; tidies the spaces and punctuation left. */
export function forStaff(text: string): string {
  let out = text;
  // Innermost asides first; a second pass reaches an aside that held one (its inner note already gone).
  for (let pass = 0; pass < 3; pass++) {
    const next = out.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (isInternal(inner) ? '' : whole.replace('(', '\u0000').replace(')', '\u0001')));
    if (next === out) break;
    out = next;
  }
  out = out.replaceAll('\u0000', '(').replaceAll('\u0001', ')');
  out = out
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => !isInternal(sentence))
    .join(' ');
  return out.replace(/\s+([.,;:])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}

/** Acronyms the content uses, with their meaning in plain words. */
export const ACRONYMS: Readonly<Record<string, string>> = {
  SEND: 'special educational needs and disabilities',
  SEN: 'special educational needs',
  SENCO: 'special educational needs co-ordinator',
  EHC: 'education, health and care',
  EHCP: 'education, health and care plan',
  EEF: 'Education Endowment Foundation',
  EYFS: 'Early Years Foundation Stage',
  NPQ: 'National Professional Qualification',
  DfE: 'Department for Education',
  SLCN: 'speech, language and communication needs',
  SEMH: 'social, emotional and mental health',
  ADHD: 'attention deficit hyperactivity disorder',
  ASD: 'autism spectrum disorder',
  AAC: 'augmentative and alternative communication',
  CPD: 'continuing professional development',
  FE: 'further education',
  TA: 'teaching assistant',
  TAs: 'teaching assistants',
  HLTA: 'higher level teaching assistant',
  PSHE: 'personal, social, health and economic education',
  CAMHS: 'Children and Young People’s Mental Health Services',
  ELSA: 'emotional literacy support assistant',
  PECS: 'Picture Exchange Communication System',
  IEP: 'individual education plan',
};

const PATTERN = new RegExp(`\\b(${Object.keys(ACRONYMS).sort((a, b) => b.length - a.length).join('|')})\\b(?!\\s*\\()`, 'g');

/**
 * One page's expander: the first time an acronym appears in the text passed through it, its meaning follows in
 * brackets ("EEF (Education Endowment Foundation)"); later uses stay short. Call in reading order.
 */
export function acronymExpander(alreadyExplained: readonly string[] = []): (text: string) => string {
  const seen = new Set(alreadyExplained);
  return (text: string) =>
    text.replace(PATTERN, (acronym: string, _m: string, offset: number, whole: string) => {
      if (seen.has(acronym)) return acronym;
      seen.add(acronym);
      const meaning = ACRONYMS[acronym]!;
      // Already spelt out just before (e.g. "special educational needs co-ordinator (SENCO)").
      if (whole.slice(Math.max(0, offset - meaning.length - 3), offset).toLowerCase().includes(meaning.toLowerCase())) return acronym;
      return `${acronym} (${meaning})`;
    });
}

/** Both at once: internal notes out, acronyms spelt out at first use. */
export function staffText(expand: (text: string) => string, text: string): string {
  return expand(forStaff(text));
}

/** True when an evidence set says of itself that no expert panel has reviewed or endorsed it yet. */
function unreviewed(p: Provenance): boolean {
  return /no (expert )?panel has (yet )?(reviewed|endorsed)/i.test(`${p.panel} ${p.notes}`);
}

/**
 * Who made an evidence set, in plain words for staff, from its own provenance: a starting set from a desk review
 * that no panel has reviewed says exactly that; a panel's set names the panel; learned effects say so. The date is
 * the set's own (YYYY-MM-DD, shown as "22 November 2026").
 */
export function evidenceOrigin(p: Provenance): string {
  const [y, m, d] = p.date.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const who = unreviewed(p)
    ? 'A starting set of ratings from a desk review of published research and guidance. It has not yet been reviewed by an expert panel, so treat the ratings as a first estimate'
    : `Agreed by ${p.panel}`;
  const learned = p.learning ? `, updated with what ${p.learning.observations.toLocaleString('en-GB')} check-ins showed about the modules` : '';
  return `${who}${learned} (${date}).`;
}
