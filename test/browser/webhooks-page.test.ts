// The leader's webhooks page in Chromium with axe-core: endpoints with their recent deliveries, and "Send test ping"
// against a receiver on 127.0.0.1 (one that answers 204, one that fails), before and after, at 320 px too.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD, seedSetting, type Seeded } from '../web/seed.js';
import { BROWSER_TEST_MS, browserSuite, expectNoAxeViolations, expectNoHorizontalScrollAt320, launchBrowser, newPage, screenshots, startApp, type RunningApp } from './support.js';

const TOKEN = 'browser-webhooks-admin-token-0123456789';

browserSuite('webhooks page with test pings (Chromium + axe-core)', () => {
  let app: RunningApp;
  let browser: Browser;
  let seeded: Seeded;
  const hits: string[] = [];
  const receiver = createServer((req, res) => {
    hits.push(req.url!);
    req.resume();
    req.on('end', () => res.writeHead(req.url === '/down' ? 503 : 204).end());
  });

  beforeAll(async () => {
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    app = await startApp({ env: { ADMIN_TOKEN: TOKEN, ALLOW_PRIVATE_URLS: 'on' }, seed: async (db) => (seeded = await seedSetting(db)) });
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    for (const [path, description] of [['/up', 'School MIS'], ['/down', 'Old CPD tracker']]) {
      const res = await fetch(`${app.base}/v1/orgs/${seeded.settingId}/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: base + path, events: ['module.completed', 'assignment.created'], description }),
      });
      expect(res.status).toBe(201);
    }
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await new Promise((r) => receiver.close(r));
  });

  const click = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);
  const check = async (page: Page, name: string) => {
    await expectNoAxeViolations(page, name);
    await expectNoHorizontalScrollAt320(page, name);
    await screenshots(page, name);
  };

  it('lists endpoints, pings each, and shows the answers in the delivery log', async () => {
    const page = await newPage(browser, { bypassCSP: true });
    await page.goto(`${app.base}/sign-in`);
    await page.fill('#email', seeded.leader.email);
    await page.fill('#password', PASSWORD);
    await click(page, 'main button[type=submit]');
    await page.goto(`${app.base}/dashboard/${seeded.settingId}`);
    await click(page, 'main a:has-text("Webhooks")');
    expect(await page.locator('h1').textContent()).toBe('Webhooks for Oak Tree Primary School');
    expect(await page.locator('main h2').allTextContents()).toEqual(['School MIS', 'Old CPD tracker']);
    await check(page, 'webhooks');

    await click(page, 'section:has(h2:text("School MIS")) button:has-text("Send test ping")');
    expect(await page.locator('.notice[role=status]').textContent()).toMatch(/Test ping to http:\/\/127\.0\.0\.1:\d+\/up delivered: HTTP 204 in \d+ ms\./);
    expect(await page.locator('section:has(h2:text("School MIS")) tbody tr').first().textContent()).toMatch(/webhook\.ping.*Delivered.*HTTP 204/);

    await click(page, 'section:has(h2:text("Old CPD tracker")) button:has-text("Send test ping")');
    expect(await page.locator('.notice[role=status]').textContent()).toContain('failed: HTTP 503');
    expect(await page.locator('section:has(h2:text("Old CPD tracker")) tbody tr').first().textContent()).toMatch(/webhook\.ping.*Failed.*HTTP 503/);
    await check(page, 'webhooks-after-ping');
    expect(hits).toEqual(['/up', '/down']);
  }, BROWSER_TEST_MS);
});
