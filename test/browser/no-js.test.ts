// The whole journey with JavaScript disabled: every page is a server-rendered form, and the calendar downloads.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { walkJourney } from './journey-steps.js';
import { BROWSER_TEST_MS, browserSuite, launchBrowser, newPage, startApp, type RunningApp } from './support.js';

browserSuite('journey with JavaScript turned off (Chromium)', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await newPage(browser, { javaScriptEnabled: false, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('goes from the start page to the pathway and downloads the .ics', async () => {
    await walkJourney(page, app.base);
    expect(await page.locator('ol.steps > li').count()).toBeGreaterThan(0);
    expect(await page.locator('figure.chart .bars[role=img]').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download calendar file (.ics)')]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const ics = readFileSync(path!, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('BEGIN:VEVENT\r\n');
  }, BROWSER_TEST_MS);

  it('shows the error summary and keeps going after a correction without JavaScript', async () => {
    page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(app.base + '/assessment/about-you');
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.textContent('.error-summary h2')).toBe('There is a problem');
    await page.check('input[name=role][value=senco]');
    await page.check('input[name=phase][value=secondary]');
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe('/assessment/questions/1');
  }, BROWSER_TEST_MS);
});
