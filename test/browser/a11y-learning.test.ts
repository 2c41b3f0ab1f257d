// The panel's learning page in Chromium with axe-core (WCAG 2.2 AA tags), 320 px reflow, keyboard operation of the
// draft form and screenshots: the report (chart and table), a form error, and the sign-off of a learned draft.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import type { Database } from '../../src/repos/database.js';
import { storeObservations } from '../helpers/observations.js';
import { PASSWORD, seedSetting } from '../web/seed.js';
import { BROWSER_TEST_MS, browserSuite, expectNoAxeViolations, expectNoHorizontalScrollAt320, newPage, screenshots, useAppAndBrowser } from './support.js';

async function seed(database: Database): Promise<void> {
  await seedSetting(database);
  const content = getShippedContent();
  for (const mod of content.catalogue.modules.slice(0, 6)) {
    const areaId = [...mod.areas].sort((a, b) => b.relevance - a.relevance)[0]!.areaId;
    await storeObservations(database, content, { moduleId: mod.id, areaId, count: 25, rise: 0.2, month: '2026-10' });
  }
}

browserSuite('accessibility of the learning page (Chromium + axe-core)', () => {
  const suite = useAppAndBrowser({ seed });

  const check = async (page: Page, name: string) => {
    await expectNoAxeViolations(page, name);
    await expectNoHorizontalScrollAt320(page, name);
    await screenshots(page, name);
  };
  const submit = (page: Page) => Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

  it(
    'report, form error and sign-off pass axe and reflow, and the draft form works from the keyboard',
    async () => {
      const page = await newPage(suite.browser, { bypassCSP: true });
      await page.goto(suite.app.base + '/sign-in');
      await page.fill('#email', 'panel@panel.example');
      await page.fill('#password', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
      expect((await page.goto(suite.app.base + '/panel/learning'))?.status()).toBe(200);
      expect(await page.locator('svg[role=img] title').textContent()).toContain('6 most observed modules');
      await check(page, 'panel-learning');

      await page.focus('#margin');
      await page.fill('#margin', '200');
      await submit(page);
      expect(await page.locator('.error-summary a[href="#margin"]').count()).toBe(1);
      await check(page, 'panel-learning-error');

      await page.fill('#margin', '25');
      await page.focus('#maxLoss');
      await submit(page);
      expect(new URL(page.url()).searchParams.get('draft')).toMatch(/^evidence-v\d+$/);
      await check(page, 'panel-learning-sign-off');
    },
    BROWSER_TEST_MS,
  );
});
