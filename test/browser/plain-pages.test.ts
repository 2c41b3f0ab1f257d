// Pages people understand, for staff (Chromium): an unknown address is an HTML page (1), no internal notes and
// acronyms spelt out (3), answers and check-ins shown as given (4), the chosen role kept (5), the calendar's dates
// and UIDs (8), and the smaller items: time wording, nothing pre-selected, a short pathway on phones, the error
// summary jump, hints read once (9).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import bankHolidays from '../../data/bank-holidays.json';
import { PASSWORD, seedSetting } from '../web/seed.js';
import { answerQuestionPage, answerTimePage, submitPage } from './journey-steps.js';
import { BROWSER_TEST_MS, browserSuite, expectNoAxeViolations, expectNoHorizontalScrollAt320, newPage, useAppAndBrowser } from './support.js';

const click = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

/** Answers every question on the current page with `value` and continues. */
async function answerAll(page: Page, value: string): Promise<void> {
  const names = await page.$$eval('input[type=radio][name^="q-"]', (els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const name of names) await page.check(`input[name="${name}"][value="${value}"]`);
  await click(page, 'main button[type=submit]');
}

/** Role and phase, every question answered `value`, the time page, check answers: lands on the pathway. */
async function journey(page: Page, base: string, role: string, value: string): Promise<void> {
  await page.goto(base + '/assessment/about-you');
  await page.check(`input[name=role][value=${role}]`);
  await page.check('input[name=phase][value=primary]');
  await submitPage(page);
  while (new URL(page.url()).pathname.startsWith('/assessment/questions/')) await answerAll(page, value);
  await answerTimePage(page);
  await submitPage(page);
  await submitPage(page);
  expect(new URL(page.url()).pathname).toBe('/pathway');
}

/** The profile table's "Your answer" cell per area name. */
async function answersShown(page: Page): Promise<Record<string, string>> {
  return page.$$eval('#profile-caption ~ tbody tr', (rows) =>
    Object.fromEntries(rows.map((r) => [r.querySelector('th')!.firstChild!.textContent!.trim(), r.querySelectorAll('td')[0]!.textContent!.trim()])),
  );
}

browserSuite('pages people understand: staff (Chromium)', () => {
  const suite = useAppAndBrowser({ seed: (db) => seedSetting(db) });

  it('1: an unknown address gives a browser an HTML 404 page with a heading and a way back; API clients still get problem+json', async () => {
    const page = await newPage(suite.browser, { bypassCSP: true });
    for (const path of ['/no-such-page', '/pathway/nothing/here', '/docs/missing']) {
      const res = await page.goto(suite.app.base + path);
      expect(res?.status(), path).toBe(404);
      expect(res?.headers()['content-type'], path).toMatch(/^text\/html/);
      expect(await page.textContent('h1')).toBe('Page not found');
      expect(await page.getAttribute('main a[href="/"]', 'href')).toBe('/');
      await expectNoAxeViolations(page, `404 ${path}`);
      await expectNoHorizontalScrollAt320(page, `404 ${path}`);
    }
    const wrongMethod = await page.goto(suite.app.base + '/assessment/reset');
    expect(wrongMethod?.status()).toBe(405);
    expect(await page.textContent('h1')).toBe('There is a problem');
    await expectNoAxeViolations(page, '405 page');
    for (const [path, accept] of [['/no-such-page', 'application/json'], ['/v1/no-such-thing', 'text/html,*/*']] as const) {
      const api = await fetch(suite.app.base + path, { headers: { accept } });
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toBe('application/problem+json');
    }
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('3 and 4: no internal notes, acronyms spelt out at first use, and an answer of 1 shows as 1 beside the estimate', async () => {
    const page = await newPage(suite.browser);
    await journey(page, suite.app.base, 'teaching_assistant', '1');
    for (const d of await page.$$('details')) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    const text = (await page.textContent('main'))!;
    expect(text).not.toMatch(/padlock|from memory|unverified|data\/README|sha256|no expert panel/i);
    for (const acronym of ['SEND', 'SENCO', 'EEF', 'EYFS', 'NPQ', 'DfE', 'EHC']) {
      const at = text.search(new RegExp(`\\b${acronym}\\b`));
      // Spelt out at first use either way round: "EEF (Education Endowment Foundation)" or "Education Endowment Foundation (EEF)".
      const spelt = text.slice(at + acronym.length, at + acronym.length + 2) === ' (' || (text[at - 1] === '(' && text[at + acronym.length] === ')');
      if (at >= 0) expect(spelt, `${acronym} at first use`).toBe(true);
    }
    const shown = await answersShown(page);
    expect(Object.keys(shown).length).toBeGreaterThan(5);
    const answered = Object.values(shown).filter((v) => v !== 'Not answered');
    expect(answered.length).toBeGreaterThan(5);
    expect(new Set(answered)).toEqual(new Set(['1']));
    const bars = await page.$$eval('.bar-row:not(.axis) .bar-value', (els) => els.map((e) => e.textContent!.trim()));
    expect(bars.every((b) => b === '1' || /^\d\.\d$/.test(b))).toBe(true);
    expect(bars.filter((b) => b === '1').length).toBe(answered.length);
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('5 and 4: saving keeps the role chosen; a check-in of 4 shows as 4 on the pathway and on the progress page', async () => {
    const page = await newPage(suite.browser, { bypassCSP: true });
    await page.goto(suite.app.base + '/sign-in');
    await page.fill('#email', 'teacher@oak.example');
    await page.fill('#password', PASSWORD);
    await click(page, 'main button[type=submit]');
    await journey(page, suite.app.base, 'teaching_assistant', '2');
    expect(page.url()).toContain('notice=saved');
    expect(await page.textContent('main')).toContain('For a teaching assistant in primary school');
    expect(await page.textContent('main')).toMatch(/Your plan is for a teaching assistant, the role you chose\. Your setting’s staff list has you as a teacher/);
    await click(page, 'ol.steps a:has-text("Mark as done")');
    expect(await page.$$eval('input[type=radio]:checked', (els) => els.length), 'nothing pre-selected on the check-in page').toBe(0);
    const areas = await page.$$eval('fieldset legend', (els) => els.map((e) => /about (.+)\?$/.exec(e.textContent!.trim())![1]!));
    for (const name of await page.$$eval('fieldset', (els) => els.map((f) => f.querySelector('input')!.name))) await page.check(`input[name="${name}"][value="4"]`);
    await expectNoAxeViolations(page, 'check-in');
    await click(page, 'main button[type=submit]');
    const shown = await answersShown(page);
    for (const area of areas) {
      const key = Object.keys(shown).find((k) => k.toLowerCase() === area.toLowerCase());
      expect(shown[key!], `pathway: ${area}`).toBe('4');
    }
    await page.goto(suite.app.base + '/progress');
    const now = await page.$$eval('#change-caption ~ tbody tr', (rows) => Object.fromEntries(rows.map((r) => [r.querySelector('th')!.textContent!.trim().toLowerCase(), r.querySelectorAll('td')[1]!.textContent!.trim()])));
    for (const area of areas) expect(now[area.toLowerCase()], `progress: ${area}`).toBe('4');
    const labels = await page.$$eval('figure.chart svg text', (els) => els.map((e) => e.textContent ?? ''));
    expect(labels.some((l) => l.includes('…')), 'a chart label is cut short').toBe(false);
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('8: the calendar skips weekends and bank holidays, and its UIDs stay the same when the plan changes', async () => {
    const page = await newPage(suite.browser, { acceptDownloads: true });
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click('text=Download calendar file (.ics)')]);
      return readFileSync((await file.path())!, 'utf8');
    };
    const uids = (ics: string) => new Map([...ics.matchAll(/UID:([^\r]+)\r\nDTSTAMP:[^\r]+\r\nDTSTART;VALUE=DATE:(\d{8})\r\n[\s\S]*?SUMMARY:SEND training step \d+: ([^\r]+)/g)].map((m) => [m[3]!, { uid: m[1]!, date: m[2]! }]));
    await journey(page, suite.app.base, 'teacher', '2');
    const first = uids(await download());
    expect(first.size).toBeGreaterThan(1);
    const closed = new Set(bankHolidays.dates.map((d) => d.date.replace(/-/g, '')));
    for (const { date } of first.values()) {
      const day = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}T00:00:00Z`).getUTCDay();
      expect(day === 0 || day === 6 || closed.has(date), `a step on ${date}`).toBe(false);
    }
    // Change one answer: the plan is re-made, and the same modules keep their UIDs.
    await page.goto(suite.app.base + '/assessment/questions/1');
    const name = (await page.$eval('input[type=radio][name^="q-"]', (e) => (e as HTMLInputElement).name))!;
    await page.check(`input[name="${name}"][value="5"]`);
    await click(page, 'main button[type=submit]');
    await page.goto(suite.app.base + '/pathway');
    const second = uids(await download());
    const shared = [...first.keys()].filter((t) => second.has(t));
    expect(shared.length).toBeGreaterThan(0);
    for (const t of shared) expect(second.get(t)!.uid, t).toBe(first.get(t)!.uid);
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('9: start page time, nothing pre-selected on the time page, hints read once, the error jump keeps the question in view, a short pathway on phones', async () => {
    const page = await newPage(suite.browser, { viewport: { width: 375, height: 667 }, bypassCSP: true });
    await page.goto(suite.app.base + '/');
    const start = (await page.textContent('main'))!;
    expect(start).not.toContain('10 minutes');
    expect(Number(/about (\d+) minutes/.exec(start)![1])).toBeLessThanOrEqual(5);

    await page.goto(suite.app.base + '/assessment/about-you');
    const doubled = await page.$$eval('input[aria-describedby]', (inputs) =>
      inputs.filter((i) => (i.getAttribute('aria-describedby') ?? '').split(' ').some((id) => document.querySelector(`label[for="${i.id}"]`)?.querySelector(`[id="${id}"]`))).map((i) => i.id),
    );
    expect(doubled, 'hints inside the label and also the description').toEqual([]);
    await page.check('input[name=role][value=teacher]');
    await page.check('input[name=phase][value=primary]');
    await submitPage(page);
    await click(page, 'main button[type=submit]');
    const links = await page.$$eval('.error-summary a', (as) => as.map((a) => a.getAttribute('href')!));
    await page.click(`.error-summary a[href="${links[2]}"]`);
    const view = await page.evaluate((id) => {
      const legend = document.getElementById(id.slice(1))!.closest('fieldset')!.querySelector('legend')!.getBoundingClientRect();
      return { top: legend.top, focused: (document.activeElement as HTMLInputElement).id };
    }, links[2]!);
    expect(view.focused).toBe(links[2]!.slice(1));
    expect(view.top, 'the question is above the top of the screen').toBeGreaterThanOrEqual(0);

    while (new URL(page.url()).pathname.startsWith('/assessment/questions/')) await answerQuestionPage(page);
    expect(await page.$$eval('main input:checked', (els) => els.length), 'nothing pre-selected on the time page').toBe(0);
    await answerTimePage(page);
    await submitPage(page);
    await submitPage(page);
    // Phone screens (667 px tall) to scroll through the pathway, at 375 px and 320 px wide. Before the page was made
    // shorter: 14.0 and 15.4 (17.5 on the first version). The target is 12 or fewer.
    for (const width of [375, 320]) {
      await page.setViewportSize({ width, height: 667 });
      const screens = (await page.evaluate(() => document.documentElement.scrollHeight)) / 667;
      console.log(`pathway page at ${width} px wide: ${screens.toFixed(2)} phone screens`);
      expect(screens, `phone screens to scroll through the pathway at ${width} px`).toBeLessThanOrEqual(12);
    }
    // Nothing people need went: each step still says where to take it and why, and the rest is one click away.
    const steps = await page.$$('ol.steps > li');
    for (const step of steps) {
      expect(await step.$('.access'), 'where to take the step').not.toBeNull();
      expect(await step.textContent()).toMatch(/Why this step: \S/);
      expect(await step.$('details summary'), 'More about this step').not.toBeNull();
    }
    await expectNoAxeViolations(page, 'pathway at 320 px');
    await expectNoHorizontalScrollAt320(page, 'pathway');
    await page.context().close();
  }, BROWSER_TEST_MS);
});
