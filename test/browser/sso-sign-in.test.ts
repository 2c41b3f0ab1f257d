// Signing in with a school account in Chromium with JavaScript turned off: the sign-in page offers it only once an
// organisation has connected single sign-on; the work email's domain picks the connection, a real OpenID provider
// (oidc-provider on 127.0.0.1) signs the person in, and they land on their pathway. axe checks the page and its error.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startProvider, type TestProvider } from '../integrations/oidc-provider.js';
import { seedSetting, type Seeded } from '../web/seed.js';
import { BROWSER_TEST_MS, browserSuite, expectNoAxeViolations, expectNoHorizontalScrollAt320, launchBrowser, newPage, startApp, type RunningApp } from './support.js';

const TOKEN = 'browser-sso-admin-token-0123456789';

browserSuite('sign in with a school account (Chromium, no JavaScript, real OpenID provider)', () => {
  let app: RunningApp;
  let browser: Browser;
  let op: TestProvider;
  let seeded: Seeded;

  beforeAll(async () => {
    app = await startApp({ env: { ADMIN_TOKEN: TOKEN, ALLOW_PRIVATE_URLS: 'on' }, seed: async (db) => (seeded = await seedSetting(db)) });
    op = await startProvider(`${app.base}/v1/sso/callback`);
    op.accounts.set('alex', { email: 'teacher@oak.example', emailVerified: true, name: 'Alex Green' });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await op?.close();
    await app?.stop();
  });

  const click = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

  it('is offered only when single sign-on is connected, explains a domain it does not know, and signs in', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${app.base}/sign-in`);
    expect(await page.locator('text=Sign in with your school account').count()).toBe(0);

    const res = await fetch(`${app.base}/v1/orgs/${seeded.settingId}/sso`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret, domains: ['oak.example'] }),
    });
    expect(res.status).toBe(201);

    // axe runs as a script, so the checked copy of the page has JavaScript; the journey below has none.
    const checked = await newPage(browser, { bypassCSP: true });
    await checked.goto(`${app.base}/sign-in`);
    await expectNoAxeViolations(checked, 'sign-in-with-sso');
    await expectNoHorizontalScrollAt320(checked, 'sign-in-with-sso');
    await checked.goto(`${app.base}/sign-in/school?school-email=x%40elsewhere.example`);
    await expectNoAxeViolations(checked, 'sign-in-sso-error');

    await page.goto(`${app.base}/sign-in?next=/progress`);
    const button = page.locator('main button:has-text("Sign in with your school account")');
    expect(await button.count()).toBe(1);

    await page.fill('#school-email', 'someone@elsewhere.example');
    await click(page, 'main button:has-text("Sign in with your school account")');
    expect(new URL(page.url()).pathname).toBe('/sign-in/school');
    expect(await page.locator('.error-summary a[href="#school-email"]').textContent()).toContain('No setting signs in with elsewhere.example accounts');
    expect(await page.inputValue('#school-email')).toBe('someone@elsewhere.example');

    op.next = 'alex';
    await page.fill('#school-email', 'Teacher@oak.example');
    await page.click('main button:has-text("Sign in with your school account")');
    await page.waitForURL((u) => u.pathname === '/progress', { timeout: 20_000 }).catch(async (e: unknown) => {
      throw new Error(`stopped at ${page.url()}: ${(await page.content()).slice(0, 500)} (${String(e)})`);
    });
    expect(await page.locator('h1').first().textContent()).toBeTruthy();
    await page.goto(`${app.base}/account`);
    expect(await page.locator('main').textContent()).toContain('teacher@oak.example');
  }, BROWSER_TEST_MS);
});
