// Drives the staff journey in a real browser by clicking (used by the axe/screenshot and no-JavaScript tests).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Answers every question on the current page (not relevant for every third, else cycling 2..5) and continues. */
export async function answerQuestionPage(page: Page): Promise<void> {
  const names = await page.$$eval('input[type=radio][name^="q-"]', (els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const [i, name] of names.entries()) {
    await page.check(`input[name="${name}"][value="${i % 3 === 2 ? 'na' : String((i % 4) + 2)}"]`);
  }
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

/** The time page has no answer chosen for the person: pick 1 hour a week, 10 hours in all, every format. */
export async function answerTimePage(page: Page): Promise<void> {
  await page.check('input[name=weekly][value="60"]');
  await page.check('input[name=budget][value="600"]');
  for (const box of await page.$$('input[name=formats]')) await box.check();
}

export async function submitPage(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]:not(.secondary)')]);
}

/** Calls `visit` on each page of the journey from the start page to the pathway, clicking through. */
export async function walkJourney(page: Page, base: string, visit: (name: string) => Promise<void> = async () => undefined): Promise<void> {
  await page.goto(base + '/');
  await visit('start');
  await Promise.all([page.waitForNavigation(), page.click('text=Start now')]);
  expect(new URL(page.url()).pathname).toBe('/assessment/about-you');
  await visit('about-you');
  await page.check('input[name=role][value=teacher]');
  await page.check('input[name=phase][value=primary]');
  await submitPage(page);
  let n = 1;
  while (new URL(page.url()).pathname.startsWith('/assessment/questions/')) {
    await visit(`questions-${n}`);
    await answerQuestionPage(page);
    n += 1;
  }
  expect(new URL(page.url()).pathname).toBe('/assessment/time');
  await visit('time');
  await answerTimePage(page);
  await submitPage(page);
  expect(new URL(page.url()).pathname).toBe('/assessment/check-answers');
  await visit('check-answers');
  await submitPage(page);
  expect(new URL(page.url()).pathname).toBe('/pathway');
  await expect.poll(() => page.textContent('h1')).toBe('Your training pathway');
  await visit('pathway');
}
