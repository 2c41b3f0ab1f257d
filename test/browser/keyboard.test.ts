// Keyboard only (Tab, Space and Enter; no clicks) from the start page to the pathway, with visible focus,
// a working skip link, the error summary taking focus, and no Content Security Policy errors on the way.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BROWSER_TEST_MS, browserSuite, launchBrowser, newPage, startApp, type RunningApp } from './support.js';

type Probe = { tag: string; type: string; name: string; text: string; cls: string; id: string; checked: boolean };

async function active(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', type: el?.type ?? '', name: el?.name ?? '', text: (el?.textContent ?? '').trim(), cls: el?.className ?? '', id: el?.id ?? '', checked: !!el?.checked };
  });
}

/** Presses Tab until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, match: (p: Probe) => boolean, what: string, max = 150): Promise<Probe> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const p = await active(page);
    if (match(p)) return p;
  }
  throw new Error(`Tab never reached ${what} on ${page.url()}`);
}

/** The focused element shows a focus indicator (outline or box-shadow). */
async function expectVisibleFocus(page: Page, what: string): Promise<void> {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    return { outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && cs.outlineColor !== 'rgba(0, 0, 0, 0)', shadow: cs.boxShadow !== 'none', bg: cs.backgroundColor };
  });
  expect(style.outline || style.shadow, `no visible focus on ${what}`).toBe(true);
}

async function pressAndWait(page: Page, key: 'Enter' | 'Space'): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
}

browserSuite('keyboard-only journey (Chromium)', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const cspErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await newPage(browser);
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('skip link first, then start → role → every question → time → check answers → pathway, with Tab/Space/Enter', async () => {
    await page.goto(app.base + '/');
    await page.keyboard.press('Tab');
    expect((await active(page)).cls).toBe('skip-link');
    await expectVisibleFocus(page, 'skip link');
    expect(await page.evaluate(() => document.activeElement!.getBoundingClientRect().left >= 0)).toBe(true);
    await page.keyboard.press('Enter');
    expect((await active(page)).id).toBe('main');

    await tabTo(page, (p) => p.text === 'Start now', 'Start now');
    await expectVisibleFocus(page, 'Start now');
    await pressAndWait(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe('/assessment/about-you');

    // Submitting nothing: the error summary takes focus.
    await tabTo(page, (p) => p.tag === 'button' && p.text === 'Continue', 'Continue');
    await pressAndWait(page, 'Enter');
    expect((await active(page)).cls).toBe('error-summary');

    await tabTo(page, (p) => p.name === 'role' && p.type === 'radio', 'role radios');
    await expectVisibleFocus(page, 'radio');
    await page.keyboard.press('Space');
    await tabTo(page, (p) => p.name === 'phase' && p.type === 'radio', 'phase radios');
    await page.keyboard.press('Space');
    await tabTo(page, (p) => p.tag === 'button' && p.text === 'Continue', 'Continue');
    await expectVisibleFocus(page, 'Continue button');
    await pressAndWait(page, 'Enter');

    let pages = 0;
    while (new URL(page.url()).pathname.startsWith('/assessment/questions/')) {
      const names = await page.$$eval('input[type=radio][name^="q-"]', (els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
      for (const name of names) {
        await tabTo(page, (p) => p.name === name, name);
        await page.keyboard.press('Space');
        expect(await page.isChecked(`input[name="${name}"][value="1"]`)).toBe(true);
      }
      await tabTo(page, (p) => p.tag === 'button' && p.text === 'Continue', 'Continue');
      await pressAndWait(page, 'Enter');
      pages += 1;
    }
    expect(pages).toBeGreaterThan(1);
    expect(new URL(page.url()).pathname).toBe('/assessment/time');
    // Nothing is chosen for the person: Space picks the focused choice in each group, then every format.
    for (const name of ['weekly', 'budget']) {
      await tabTo(page, (p) => p.name === name && p.type === 'radio', name);
      await page.keyboard.press('Space');
    }
    for (let i = 0; i < 3; i++) {
      await tabTo(page, (p) => p.name === 'formats' && p.type === 'checkbox' && !p.checked, 'an unticked format');
      await page.keyboard.press('Space');
    }
    await tabTo(page, (p) => p.tag === 'button' && p.text === 'Continue', 'Continue');
    await pressAndWait(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe('/assessment/check-answers');
    await tabTo(page, (p) => p.tag === 'button' && p.text === 'See my pathway', 'See my pathway');
    await pressAndWait(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe('/pathway');
    expect(await page.textContent('h1')).toBe('Your training pathway');

    // Details open from the keyboard.
    await tabTo(page, (p) => p.tag === 'summary', 'More about this step');
    await expectVisibleFocus(page, 'summary');
    await page.keyboard.press('Enter');
    expect(await page.$eval('details', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(cspErrors).toEqual([]);
  }, BROWSER_TEST_MS);
});
