// Pages people understand, for leaders and the panel (Chromium): the assign page at 320 px with assignments (2), the
// heatmap's hidden cells explained, labels whole and the table first on phones (6), CSV import and export (7), and
// the smaller items: only the chosen "who" list shown without JavaScript, nothing pre-selected, the panel report's
// terms and names, the staff list in natural order (9).
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { PANEL_MATRICES } from '../helpers/evidence-panel.js';
import { PASSWORD, seedSetting } from '../web/seed.js';
import { BROWSER_TEST_MS, browserSuite, expectNoAxeViolations, expectNoHorizontalScrollAt320, newPage, useAppAndBrowser } from './support.js';

const click = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

browserSuite('pages people understand: leaders and the panel (Chromium)', () => {
  const suite = useAppAndBrowser({ seed: (db) => seedSetting(db) });
  let dashboard = '';

  async function signIn(email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const page = await newPage(suite.browser, { bypassCSP: true, acceptDownloads: true, ...options });
    await page.goto(suite.app.base + '/sign-in');
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await click(page, 'main button[type=submit]');
    dashboard = new URL(page.url()).pathname;
    return page;
  }

  it('9: the assign page pre-selects nothing and, with JavaScript off, shows only the "who" list chosen', async () => {
    const page = await signIn('leader@oak.example', { javaScriptEnabled: false });
    await page.goto(suite.app.base + `${dashboard}/assign`);
    expect(await page.$$eval('main input:checked', (els) => els.length), 'pre-selected answers').toBe(0);
    const visible = async () => ({ person: await page.isVisible('#staffId'), group: await page.isVisible('#group'), role: await page.isVisible('#jobRole') });
    expect(await visible()).toEqual({ person: false, group: false, role: false });
    await page.check('input[name=target][value=person]');
    expect(await visible()).toEqual({ person: true, group: false, role: false });
    await page.check('input[name=target][value=role]');
    expect(await visible()).toEqual({ person: false, group: false, role: true });
    await page.check('input[name=target][value=group]');
    expect(await visible()).toEqual({ person: false, group: true, role: false });
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('2: the assign page with assignments does not scroll sideways at 320 px and every Remove button is on screen', async () => {
    const page = await signIn('leader@oak.example');
    for (const who of ['Colleague 10', 'Colleague 2']) {
      await page.goto(suite.app.base + `${dashboard}/assign`);
      await page.check('input[name=target][value=person]');
      await page.selectOption('#staffId', { label: who });
      await page.check('input[name=kind][value=modules]');
      await page.click('details summary:has-text("Choose modules")');
      for (const box of (await page.$$('input[name=moduleIds]')).slice(0, 3)) await box.check();
      await page.fill('#due', '2030-03-31');
      await click(page, 'main form button:has-text("Assign")');
    }
    await page.goto(suite.app.base + `${dashboard}/assign`);
    expect(await page.locator('button:has-text("Remove")').count()).toBe(2);
    await expectNoAxeViolations(page, 'assign with assignments');
    await expectNoHorizontalScrollAt320(page, 'assign with assignments');
    await page.setViewportSize({ width: 320, height: 640 });
    const cut = await page.$$eval('button', (buttons) => buttons.filter((b) => b.textContent!.includes('Remove')).map((b) => b.getBoundingClientRect().right).filter((r) => r > document.documentElement.clientWidth));
    expect(cut, 'Remove buttons past the right edge').toEqual([]);
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('6 and 9: hidden cells say why, labels are whole, the table comes first on phones and the chart text stays readable; staff in natural order', async () => {
    const page = await signIn('leader@oak.example');
    const text = (await page.textContent('main'))!;
    expect(text).toContain('Hidden so that a smaller group cannot be worked out');
    expect(text).toContain('Hidden: fewer than 5 people, so nobody can be picked out');
    const labels = await page.$$eval('figure.chart svg > text, figure.chart svg g > text', (els) => els.map((e) => [...e.querySelectorAll('tspan')].map((t) => t.textContent).join(' ') || e.textContent!));
    expect(labels.filter((l) => l.includes('…')), 'labels cut short').toEqual([]);
    expect(labels).toContain('Speech, language and communication needs');
    const names = await page.$$eval('#staff-caption ~ tbody th[scope=row]', (ths) => ths.map((t) => t.firstChild!.textContent!.trim()).filter((n) => n.startsWith('Colleague')));
    expect(names).toEqual(Array.from({ length: names.length }, (_, i) => `Colleague ${i + 1}`));
    await page.setViewportSize({ width: 375, height: 667 });
    const layout = await page.evaluate(() => {
      const table = document.getElementById('heat-caption')!.closest('.table-wrap')!.getBoundingClientRect();
      const svg = document.querySelector('svg[aria-labelledby="heat-title heat-desc"]') as SVGSVGElement;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return { tableFirst: table.top < svg.getBoundingClientRect().top, fontPx: 14 * scale };
    });
    expect(layout.tableFirst).toBe(true);
    expect(layout.fontPx, 'heatmap text size on a phone').toBeGreaterThanOrEqual(13);
    await expectNoAxeViolations(page, 'dashboard');
    await expectNoHorizontalScrollAt320(page, 'dashboard');
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('7: CSV import takes the labels shown, explains errors in plain words, hints at semicolons; the export has a BOM and re-imports', async () => {
    const page = await signIn('leader@oak.example');
    const preview = async (csv: string) => {
      await page.goto(suite.app.base + `${dashboard}/import`);
      await page.fill('#pasted', csv);
      await click(page, 'main form button:has-text("Check the file")');
      return (await page.textContent('main'))!;
    };
    let text = await preview('name,email,job_role,phase\nSam Lee,sam@oak.example,Learning support assistant in a college,Secondary school\n');
    expect(text).toContain('1 member of staff to add');
    expect(text).toContain('Checked all 1 row: 1 ready to import');
    text = await preview('name,email,job_role\n,bad,wizard\n');
    expect(text).toContain('“wizard” is not a job role the service knows. Use one of: “Teacher”, “Teaching assistant”');
    expect(text).toContain('The name is empty');
    expect(text).toContain('“bad” is not an email address');
    expect(text).not.toMatch(/Invalid input|expected string|received undefined|early_years, primary/);
    await expectNoAxeViolations(page, 'import errors');
    text = await preview('name;email;job_role\nSam Lee;sam@oak.example;teacher\n');
    expect(text).toContain('separated by semicolons');

    await preview('name,email,job_role,phase\n=Zoë Brown,zoe@oak.example,teacher,primary\n');
    await click(page, 'main form button:has-text("Import 1 member")');
    expect(await page.textContent('main')).toContain('1 of 1 rows imported');
    const res = await page.request.get(suite.app.base + `${dashboard}/staff.csv`);
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv).toContain(`'=Zoë Brown`);
    const reimport = csv.replace(/^\ufeff/, '').replace(/@oak\.example/g, '@elm.example');
    text = await preview(reimport);
    const people = csv.trim().split(/\r\n/).length - 1;
    expect(text).toContain(`${people} members of staff to add`);
    expect(text).toContain('These columns are not used and will be ignored');
    const shown = await page.$$eval('#preview-caption ~ tbody td:first-child', (tds) => tds.map((t) => t.textContent));
    expect(shown).toContain('=Zoë Brown');
    await expectNoAxeViolations(page, 'import preview');
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('9: the panel report spells out CR, GCI and AIJ and names areas, not ids', async () => {
    const page = await signIn('panel@panel.example');
    await page.fill('#panel', 'Plain words panel');
    await click(page, 'main form button:has-text("Start a draft")');
    const areas = ['adaptive-teaching', 'asd', 'semh', 'slcn'];
    const rows = ['expert,weight,type,item_a,item_b,value'];
    for (const e of ['expert-a', 'expert-b', 'expert-c']) {
      const m = PANEL_MATRICES[e]!;
      for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) rows.push(`${e},1,areas,${areas[i]},${areas[j]},${m[i]![j]! >= 1 ? m[i]![j] : `1/${Math.round(1 / m[i]![j]!)}`}`);
    }
    await page.fill('#pasted', rows.join('\n'));
    await click(page, 'main form button:has-text("Upload judgements")');
    await click(page, 'main form button:has-text("Aggregate")');
    const text = (await page.textContent('main'))!;
    for (const term of ['consistency ratio (CR)', 'geometric consistency index (GCI)', 'aggregation of individual judgements (AIJ)']) expect(text).toContain(term);
    expect(text).not.toMatch(/\((areas|modules:[a-z-]+)\)|element-wise/);
    const rowNames = await page.$$eval('table th[scope=row]', (ths) => ths.map((t) => t.textContent!.trim()));
    for (const id of areas) expect(rowNames, `raw id ${id}`).not.toContain(id);
    await expectNoAxeViolations(page, 'panel report');
    await page.context().close();
  }, BROWSER_TEST_MS);
});
