// Every page in Chromium: axe-core (WCAG 2.2 AA tags) with zero violations, screenshots at 375 px and 1280 px,
// and no sideways scrolling at 320 px; error states and the 403 and 404 pages included.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BROWSER_TEST_MS, SCREENSHOT_DIR, browserSuite, expectNoAxeViolations, expectNoHorizontalScrollAt320, launchBrowser, newPage, screenshots, startApp, type RunningApp } from './support.js';
import { walkJourney } from './journey-steps.js';

browserSuite('accessibility of every page (Chromium + axe-core)', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    // axe is injected as an inline script, which the app's CSP rightly blocks; only these axe pages bypass it.
    page = await newPage(browser, { bypassCSP: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const check = async (name: string) => {
    await expectNoAxeViolations(page, name);
    await expectNoHorizontalScrollAt320(page, name);
    await screenshots(page, name);
  };

  it('the staff journey from start to pathway, and the pathway prints without navigation or forms', async () => {
    await walkJourney(page, app.base, check);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('header.site nav')).toBe(false);
    expect(await page.isVisible('main form')).toBe(false);
    expect(await page.isVisible('ol.steps')).toBe(true);
    await page.pdf({ path: `${SCREENSHOT_DIR}/pathway-print.pdf` }).catch(() => undefined);
    await page.emulateMedia({ media: 'screen' });
  }, BROWSER_TEST_MS);

  it('error states: an error summary linked to the fields', async () => {
    const fresh = await newPage(browser, { bypassCSP: true });
    await fresh.goto(app.base + '/assessment/about-you');
    await Promise.all([fresh.waitForNavigation(), fresh.click('main button[type=submit]')]);
    expect(await fresh.title()).toMatch(/^Error: /);
    expect(await fresh.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    const saved = page;
    page = fresh;
    await check('about-you-errors');
    await fresh.check('input[name=role][value=teacher]');
    await fresh.check('input[name=phase][value=primary]');
    await Promise.all([fresh.waitForNavigation(), fresh.click('main button[type=submit]')]);
    await Promise.all([fresh.waitForNavigation(), fresh.click('main button[type=submit]')]);
    await check('questions-errors');
    await fresh.click('.error-summary a');
    expect(await fresh.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toMatch(/^q-/);
    page = saved;
    await fresh.context().close();
  }, BROWSER_TEST_MS);

  it('information pages, the API reference and the 404 and 403 pages', async () => {
    for (const [name, path] of [
      ['accessibility', '/accessibility'],
      ['privacy', '/privacy'],
      ['api-reference', '/docs'],
      ['not-found', '/assessment/questions/99'],
    ] as const) {
      await page.goto(app.base + path);
      await check(name);
    }
    await page.goto(app.base + '/assessment/about-you');
    await page.$eval('input[name=_csrf]', (el) => ((el as HTMLInputElement).value = 'forged'));
    const [res] = await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    expect(res?.status()).toBe(403);
    await check('form-expired');
  }, BROWSER_TEST_MS);
});
