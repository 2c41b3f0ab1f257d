// Walks the anonymous self-assessment in process: about you, every question page, time, check answers.
import { expect } from 'vitest';
import type { WebClient } from './client.js';

/** Answers every question on the page: not relevant for every third, else a value cycling 1..5. */
export function answersFor(html: string): Record<string, string> {
  const names = [...new Set([...html.matchAll(/name="(q-[^"]+)"/g)].map((m) => m[1]!))];
  const out: Record<string, string> = {};
  names.forEach((n, i) => (out[n] = i % 3 === 2 ? 'na' : String((i % 5) + 1)));
  return out;
}

/** Completes the journey up to check answers; returns the check-answers HTML. */
export async function completeJourney(w: WebClient, role = 'teacher', phase = 'primary'): Promise<string> {
  await w.page('/assessment/about-you');
  let res = await w.post('/assessment/about-you', { role, phase });
  expect(res.status).toBe(303);
  let next = res.headers.get('location')!;
  while (next.startsWith('/assessment/questions/')) {
    const { html } = await w.page(next);
    res = await w.post(next, answersFor(html));
    expect(res.status).toBe(303);
    next = res.headers.get('location')!;
  }
  expect(next).toBe('/assessment/time');
  await w.page(next);
  res = await w.post(next, { weekly: '60', budget: '600', formats: ['online', 'in_person', 'in_house'] });
  expect(res.headers.get('location')).toBe('/assessment/check-answers');
  const { res: check, html } = await w.page('/assessment/check-answers');
  expect(check.status).toBe(200);
  return html;
}
