// Signed-in pages in Chromium with axe-core (WCAG 2.2 AA tags), 320 px reflow and screenshots: sign-in, a member of
// staff's saved pathway, check-in and progress; the leader dashboard, an invite link, assigning and importing; the
// panel console, and an administrator's view of a re-plan under the set in force that is under way.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { PANEL_MATRICES } from '../helpers/evidence-panel.js';
import { getShippedContent } from '../../src/content/bundled.js';
import type { Database } from '../../src/repos/database.js';
import { seedShippedEvidenceSet } from '../../src/repos/evidence-sets.js';
import { insertRecomputeJob } from '../../src/repos/recompute-jobs.js';
import { account, PASSWORD, seedSetting } from '../web/seed.js';
import { answerQuestionPage, answerTimePage, submitPage } from './journey-steps.js';
import { BROWSER_TEST_MS, browserSuite, expectNoAxeViolations, expectNoHorizontalScrollAt320, newPage, screenshots, useAppAndBrowser } from './support.js';

browserSuite('accessibility of signed-in pages (Chromium + axe-core)', () => {
  // Besides the setting: an administrator, and a re-plan under the set in force that has started. The background
  // work is slowed to once in ten minutes so that the re-plan is still under way when the page is checked.
  const seed = async (db: Database) => {
    await seedSetting(db);
    const now = new Date().toISOString();
    await account(db, 'admin@panel.example', 'Jo Admin', 'admin', null, new Date());
    await seedShippedEvidenceSet(db, getShippedContent().evidence, now);
    await insertRecomputeJob(db, { id: 'rcj_browser', evidenceSetId: getShippedContent().evidence.id, total: 14, now });
  };
  const shared = useAppAndBrowser({ seed, env: { DELIVERY_INTERVAL_MS: '600000' } });

  const check = async (page: Page, name: string) => {
    await expectNoAxeViolations(page, name);
    await expectNoHorizontalScrollAt320(page, name);
    await screenshots(page, name);
  };
  const go = async (page: Page, path: string, status?: number) => {
    const res = await page.goto(shared.app.base + path);
    if (status) expect(res?.status(), path).toBe(status);
    else expect(res?.status(), path).toBeLessThan(400);
  };
  const click = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

  async function signIn(email: string, name: string | null): Promise<Page> {
    const page = await newPage(shared.browser, { bypassCSP: true });
    await go(page, '/sign-in');
    if (name) await check(page, name);
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await click(page, 'main button[type=submit]');
    return page;
  }

  it('sign-in errors, then a member of staff: assessment, saved pathway, check-in, progress, account', async () => {
    const anon = await newPage(shared.browser, { bypassCSP: true });
    await go(anon, '/sign-in');
    await anon.fill('#email', 'teacher@oak.example');
    await anon.fill('#password', 'wrong password here');
    await click(anon, 'main button[type=submit]');
    await check(anon, 'sign-in-error');
    await go(anon, '/invite?token=expired', 404);
    await check(anon, 'invite-expired');

    const page = await signIn('teacher@oak.example', 'sign-in');
    expect(new URL(page.url()).pathname).toBe('/pathway');
    await check(page, 'pathway-not-started');
    await go(page, '/assessment/about-you');
    await page.check('input[name=role][value=teacher]');
    await page.check('input[name=phase][value=primary]');
    await submitPage(page);
    while (new URL(page.url()).pathname.startsWith('/assessment/questions/')) await answerQuestionPage(page);
    await answerTimePage(page);
    await submitPage(page);
    await submitPage(page);
    expect(new URL(page.url()).pathname).toBe('/pathway');
    await check(page, 'pathway-saved');
    await click(page, 'ol.steps a:has-text("Mark as done")');
    await check(page, 'check-in');
    await page.check('input[type=radio][value="4"]');
    await click(page, 'main button[type=submit]');
    await check(page, 'pathway-after-check-in');
    await go(page, '/progress');
    await check(page, 'progress');
    await go(page, '/account');
    await check(page, 'account');
    await go(page, '/panel', 403);
    await check(page, 'not-allowed');
  }, BROWSER_TEST_MS);

  it('the leader dashboard, an invite link, assigning with errors, importing with row errors and a preview', async () => {
    const page = await signIn('leader@oak.example', null);
    expect(new URL(page.url()).pathname).toMatch(/^\/dashboard\/set_/);
    const base = new URL(page.url()).pathname;
    await check(page, 'dashboard');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Create invite link for Colleague 1', exact: true }).click()]);
    expect(await page.textContent('h1')).toBe('Invite link for Colleague 1');
    await check(page, 'dashboard-invite');
    await go(page, `${base}/assign`);
    await check(page, 'assign');
    await page.check('input[name=target][value=person]');
    await page.check('input[name=kind][value=modules]');
    await click(page, 'main form button:has-text("Assign")');
    await check(page, 'assign-errors');
    await go(page, `${base}/import`);
    await check(page, 'import');
    await page.fill('#pasted', 'name,email,job_role\nSam Lee,sam@oak.example,wizard\n');
    await click(page, 'main form button:has-text("Check the file")');
    await check(page, 'import-row-errors');
    await page.fill('#pasted', 'name,email,job_role,phase\nSam Lee,sam@oak.example,teacher,primary\n');
    await click(page, 'main form button:has-text("Check the file")');
    await check(page, 'import-preview');
  }, BROWSER_TEST_MS);

  it('the panel console: sets, a draft with judgements and its report, the preview, publish errors', async () => {
    const page = await signIn('panel@panel.example', null);
    expect(new URL(page.url()).pathname).toBe('/panel');
    await check(page, 'panel');
    await page.fill('#panel', 'Browser test panel');
    await click(page, 'main form button:has-text("Start a draft")');
    await check(page, 'panel-draft');
    const areas = ['adaptive-teaching', 'asd', 'semh', 'slcn'];
    const rows = ['expert,weight,type,item_a,item_b,value'];
    for (const e of ['expert-a', 'expert-b', 'expert-c']) {
      const m = PANEL_MATRICES[e]!;
      for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) rows.push(`${e},1,areas,${areas[i]},${areas[j]},${m[i]![j]! >= 1 ? m[i]![j] : `1/${Math.round(1 / m[i]![j]!)}`}`);
    }
    await page.fill('#pasted', rows.join('\n'));
    await click(page, 'main form button:has-text("Upload judgements")');
    await click(page, 'main form button:has-text("Aggregate")');
    await check(page, 'panel-report');
    await click(page, 'text=See how pathways for 200 example staff would change');
    await check(page, 'panel-preview');
    await page.goBack();
    await click(page, 'main form button:has-text("Publish this evidence set")');
    await check(page, 'panel-publish-error');
  }, BROWSER_TEST_MS);

  it('an administrator sees how far a re-plan under the set in force has got', async () => {
    const page = await signIn('admin@panel.example', null);
    await go(page, `/panel/sets/${getShippedContent().evidence.id}`);
    expect(await page.textContent('#recompute-progress')).toContain('0 of 14 people so far');
    expect(await page.getAttribute('progress', 'aria-labelledby')).toBe('recompute-progress');
    await check(page, 'panel-replan-running');
  }, BROWSER_TEST_MS);
});
