// The journey's pages in order (about you, question pages, time, check answers), their URLs and step numbers.
import type { Questionnaire, QuestionItem } from '../../domain/types.js';
import type { JourneyState } from './state.js';

export const QUESTIONS_PER_PAGE = 4;

export type JourneyPage =
  | { readonly kind: 'about'; readonly path: string; readonly step: number }
  | { readonly kind: 'questions'; readonly path: string; readonly step: number; readonly page: number; readonly items: readonly QuestionItem[] }
  | { readonly kind: 'time'; readonly path: string; readonly step: number }
  | { readonly kind: 'check'; readonly path: string; readonly step: number };

export const ABOUT_PATH = '/assessment/about-you';
export const TIME_PATH = '/assessment/time';
export const CHECK_PATH = '/assessment/check-answers';
export const questionsPath = (page: number) => `/assessment/questions/${page}`;

/** Items split into pages of at most QUESTIONS_PER_PAGE, sizes as even as possible. */
export function questionPages(q: Questionnaire): QuestionItem[][] {
  const n = q.items.length;
  const pages = Math.max(1, Math.ceil(n / QUESTIONS_PER_PAGE));
  const out: QuestionItem[][] = [];
  let start = 0;
  for (let p = 0; p < pages; p++) {
    const size = Math.ceil((n - start) / (pages - p));
    out.push(q.items.slice(start, start + size));
    start += size;
  }
  return out;
}

/** Every page of the journey in order, numbered from step 1. */
export function journeyPages(q: Questionnaire): JourneyPage[] {
  const qp = questionPages(q);
  return [
    { kind: 'about', path: ABOUT_PATH, step: 1 },
    ...qp.map((items, i) => ({ kind: 'questions' as const, path: questionsPath(i + 1), step: i + 2, page: i + 1, items })),
    { kind: 'time', path: TIME_PATH, step: qp.length + 2 },
    { kind: 'check', path: CHECK_PATH, step: qp.length + 3 },
  ];
}

/** The first page with a missing answer, or the check-answers page when everything is answered. */
export function firstIncomplete(q: Questionnaire, s: JourneyState): JourneyPage {
  const pages = journeyPages(q);
  for (const p of pages) {
    if (p.kind === 'about' && (!s.role || !s.phase)) return p;
    if (p.kind === 'questions' && p.items.some((i) => !(i.id in s.answers))) return p;
  }
  return pages[pages.length - 1]!;
}
