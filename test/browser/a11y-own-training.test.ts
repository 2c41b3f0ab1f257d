// The leader's own-training pages in Chromium with axe-core (WCAG 2.2 AA tags), 320 px reflow and screenshots: own
// modules and sessions (empty, with errors, with a module and a session), the session planner (form, errors, a
// proposal, accepted), the assign form offering the setting's own module, and the dashboard's own-training figures.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { PASSWORD, seedSetting } from '../web/seed.js';
import { BROWSER_TEST_MS, browserSuite, expectNoAxeViolations, expectNoHorizontalScrollAt320, screenshots, signedInPage, useAppAndBrowser } from './support.js';

browserSuite('accessibility of own modules, own sessions and the session planner (Chromium + axe-core)', () => {
  const shared = useAppAndBrowser({ seed: (db) => seedSetting(db) });

  const check = async (page: Page, name: string) => {
    await expectNoAxeViolations(page, name);
    await expectNoHorizontalScrollAt320(page, name);
    await screenshots(page, name);
  };
  const submit = (page: Page, label: string) => Promise.all([page.waitForNavigation(), page.click(`main button:has-text("${label}")`)]);

  it('own modules and sessions: empty, with errors, then with a module and a live session', async () => {
    const page = await signedInPage(shared.browser, shared.app.base, 'leader@oak.example', PASSWORD);
    const dashboard = new URL(page.url()).pathname;
    await page.goto(shared.app.base + `${dashboard}/training`);
    await check(page, 'own-training');

    await submit(page, 'Add the module');
    expect(await page.isVisible('.error-summary')).toBe(true);
    await check(page, 'own-training-module-errors');

    await page.fill('#title', 'Our calm corner');
    await page.fill('#summary', 'How we use the calm corner and the words we share.');
    await page.fill('#outcomes', 'Use the calm corner routine\nUse the shared calming words');
    await page.fill('#minutes', '20');
    await page.check('input[name=formats][value=in_house]');
    await page.check('input[name=roles][value=teacher]');
    await page.check('input[name=roles][value=teaching_assistant]');
    await page.check('input[name=phases][value=primary]');
    await page.check('input[name=level][value=foundation]');
    await page.selectOption('#areaId', 'semh');
    await page.fill('#provider', 'Oak Tree Primary School');
    await page.fill('#materials', 'Slides on the shared drive');
    await page.check('input[name=cost][value=free]');
    await page.selectOption('#strength', '2');
    await page.fill('#source', 'Our own review');
    await submit(page, 'Add the module');
    expect(await page.textContent('main')).toContain('Our calm corner');

    await submit(page, 'Add the session');
    expect(await page.isVisible('.error-summary')).toBe(true);
    await check(page, 'own-training-session-errors');
    await page.selectOption('#moduleId', { label: 'Our calm corner' });
    await page.fill('#date', '2027-06-07');
    await page.fill('#from', '09:00');
    await page.fill('#to', '10:00');
    await page.fill('#place', 'Library');
    await page.fill('#facilitator', 'Priya Shah');
    await page.fill('#capacity', '20');
    await submit(page, 'Add the session');
    expect(await page.textContent('main')).toContain('Library');
    await check(page, 'own-training-with-session');

    await page.goto(shared.app.base + `${dashboard}/assign`);
    await page.click('details summary:has-text("Choose modules")');
    expect(await page.textContent('main')).toContain('Your own modules');
    await check(page, 'assign-with-own-modules');
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('the session planner: the form, its errors, a proposal, and the sessions accepted; the dashboard’s own training', async () => {
    const page = await signedInPage(shared.browser, shared.app.base, 'leader@oak.example', PASSWORD);
    const dashboard = new URL(page.url()).pathname;
    await page.goto(shared.app.base + `${dashboard}/planner`);
    await check(page, 'session-planner');

    await page.fill('#date-0', '2027-01-04');
    await page.fill('#from-0', '09:00');
    await page.fill('#to-0', '08:00');
    await page.fill('#place-0', 'Hall');
    await page.fill('#capacity-0', '30');
    await submit(page, 'Propose sessions');
    expect(await page.isVisible('.error-summary')).toBe(true);
    await check(page, 'session-planner-errors');

    await page.fill('#to-0', '12:00');
    await submit(page, 'Propose sessions');
    expect(await page.textContent('main')).toContain('Proposed sessions');
    await check(page, 'session-planner-proposal');

    await submit(page, 'Accept and book these sessions');
    expect(await page.textContent('main')).toContain('Sessions accepted and booked');
    await check(page, 'own-training-accepted');

    await page.goto(shared.app.base + dashboard);
    expect(await page.textContent('main')).toContain('Your own training');
    await check(page, 'dashboard-own-training');
    await page.context().close();
  }, BROWSER_TEST_MS);
});
