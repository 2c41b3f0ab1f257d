// Plain-English checks for staff-facing catalogue text: Flesch reading ease, acronyms expanded at first use, and
// no notes meant for developers. Used by the content tests; runtime-neutral.

/** Syllables in one word by a vowel-group heuristic (silent final "e", "-ed" and "-es" dropped); at least 1. */
export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, (w.match(/[aeiouy]{1,2}/g) ?? []).length);
}

export interface TextStats {
  readonly sentences: number;
  readonly words: number;
  readonly syllables: number;
}

/** Sentence, word and syllable counts; a sentence ends at . ! ? : or ; followed by a space or the end. */
export function textStats(text: string): TextStats {
  const sentences = text.split(/[.!?:;]+(?:\s|$)/).filter((s) => s.trim()).length;
  const words = text.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
  return { sentences, words: words.length, syllables: words.reduce((n, w) => n + syllables(w), 0) };
}

/** Flesch reading ease of texts taken together: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word (higher is easier; 50–60 is "fairly difficult", 60–70 "plain English"). */
export function fleschReadingEase(texts: readonly string[]): number {
  let s = 0;
  let w = 0;
  let y = 0;
  for (const t of texts) {
    const st = textStats(t);
    s += st.sentences;
    w += st.words;
    y += st.syllables;
  }
  if (s === 0 || w === 0) return 0;
  return 206.835 - 1.015 * (w / s) - 84.6 * (y / w);
}

/** Acronyms staff meet in the catalogue; each must be spelled out, with the acronym in brackets, where it first appears. */
export const ACRONYMS = ['SEND', 'SEN', 'SENCO', 'SENCOs', 'EEF', 'EYFS', 'NPQ', 'EHC', 'ADHD', 'DLD', 'DCD', 'CVI', 'AAC', 'PMLD'] as const;

/** Acronyms in `text` whose first use is not in brackets after the words they stand for. */
export function unexpandedAcronyms(text: string): string[] {
  const out: string[] = [];
  for (const a of ACRONYMS) {
    const at = text.search(new RegExp(`\\b${a}\\b`));
    if (at >= 0 && text[at - 1] !== '(') out.push(a);
  }
  return out;
}

/** Wording meant for developers that must never reach staff-facing text. */
export const DEVELOPER_NOTES = /from memory|unverified|README|sha-?256|no (?:expert )?panel has reviewed|\.json\b/i;
