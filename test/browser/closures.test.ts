// The term dates and closures page in Chromium: axe (WCAG 2.2 AA) clean and no sideways scrolling at 320 px when
// empty, with an error, and with closures listed; the error summary's links reach their fields; a closure is added
// and removed by keyboard alone, and with JavaScript off.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { PASSWORD, seedSetting } from '../web/seed.js';
import { BROWSER_TEST_MS, browserSuite, expectNoAxeViolations, expectNoHorizontalScrollAt320, newPage, useAppAndBrowser } from './support.js';

browserSuite('term dates and closures page (Chromium)', () => {
  const shared = useAppAndBrowser({ seed: (db) => seedSetting(db) });

  const check = async (page: Page, label: string) => {
    await expectNoAxeViolations(page, label);
    await expectNoHorizontalScrollAt320(page, label);
  };

  async function closuresPage(javaScriptEnabled: boolean): Promise<Page> {
    const page = await newPage(shared.browser, { bypassCSP: true, javaScriptEnabled });
    await page.goto(shared.app.base + '/sign-in');
    await page.fill('#email', 'leader@oak.example');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Term dates and closures")')]);
    return page;
  }

  it('adds a closure after an error, lists it and removes it, by keyboard, with axe clean in each state', async () => {
    const page = await closuresPage(true);
    expect(await page.textContent('h1')).toBe('Term dates and closures');
    await check(page, 'closures, none yet');

    await page.fill('#label', 'Christmas holiday');
    await page.fill('#from', '2027-01-01');
    await page.fill('#to', '2026-12-21');
    await Promise.all([page.waitForNavigation(), page.click('main button:has-text("Add closure")')]);
    expect(await page.textContent('.error-summary')).toContain('The last day closed must be the same as or after the first day closed (1 January 2027)');
    expect(await page.getAttribute('#to', 'aria-invalid')).toBe('true');
    await check(page, 'closures, last day before the first');
    await page.click('.error-summary a[href="#to"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('to');

    await page.fill('#from', '2026-12-21');
    await page.fill('#to', '2027-01-01');
    await page.focus('main button:has-text("Add closure")');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.textContent('[role=status]')).toContain('Closure added.');
    expect(await page.textContent('main .cards')).toContain('21 December 2026 to 1 January 2027');
    await check(page, 'closures, one listed');

    await page.focus('main .cards button');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.textContent('[role=status]')).toContain('Closure removed.');
    expect(await page.textContent('main')).toContain('No closures are recorded yet.');
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('works with JavaScript off: add a training day, see it, remove it', async () => {
    const page = await closuresPage(false);
    await page.fill('#label', 'Training day');
    await page.fill('#from', '2027-01-04');
    await page.fill('#to', '2027-01-04');
    await Promise.all([page.waitForNavigation(), page.click('main button:has-text("Add closure")')]);
    expect(await page.textContent('main .cards')).toContain('4 January 2027');
    await Promise.all([page.waitForNavigation(), page.click('main .cards button')]);
    expect(await page.textContent('main')).toContain('No closures are recorded yet.');
    await page.context().close();
  }, BROWSER_TEST_MS);
});
