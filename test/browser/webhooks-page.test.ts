// The leader's webhooks page in Chromium with axe-core, against a receiver on 127.0.0.1 (one path answers 204, one
// fails): endpoints with their recent deliveries and "Send test ping"; adding an endpoint through the form (errors
// first, then the secret shown once, which really signs what is sent), rotating its secret (old and new both sign),
// deleting it; a trust's leader seeing and adding the trust's endpoints, which a setting's leader cannot touch.
// Every state is checked with axe and for reflow at 320 px.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../src/http/auth/passwords.js';
import { createOrg } from '../../src/repos/orgs.js';
import { newUser, setPasswordQuery } from '../../src/repos/users.js';
import { PASSWORD, seedSetting, type Seeded } from '../web/seed.js';
import { BROWSER_TEST_MS, browserSuite, expectNoAxeViolations, expectNoHorizontalScrollAt320, launchBrowser, screenshots, signedInPage, startApp, type RunningApp } from './support.js';

const TOKEN = 'browser-webhooks-admin-token-0123456789';
const TRUST_LEADER = 'ceo@oakfield-trust.example';

/** Whether a Standard Webhooks signature made with `secret` is among those sent (computed here with node:crypto). */
function signedWith(secret: string, h: IncomingHttpHeaders, body: string): boolean {
  const mac = createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64')).update(`${String(h['webhook-id'])}.${String(h['webhook-timestamp'])}.${body}`).digest('base64');
  return String(h['webhook-signature']).split(' ').includes(`v1,${mac}`);
}

browserSuite('webhooks page: endpoints, test pings, add, rotate, delete, trust endpoints (Chromium + axe-core)', () => {
  let app: RunningApp;
  let browser: Browser;
  let seeded: Seeded;
  let trustId: string;
  let receiverBase: string;
  const hits: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      hits.push({ url: req.url!, headers: req.headers, body });
      res.writeHead(req.url === '/down' ? 503 : 204).end();
    });
  });

  beforeAll(async () => {
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    app = await startApp({
      env: { ADMIN_TOKEN: TOKEN, ALLOW_PRIVATE_URLS: 'on' },
      seed: async (db) => {
        seeded = await seedSetting(db);
        const now = new Date('2026-11-22T10:00:00Z');
        trustId = (await createOrg(db.db, { kind: 'trust', name: 'Oakfield Learning Trust' }, now)).id;
        await db.db.updateTable('orgs').set({ parent_id: trustId }).where('id', '=', seeded.settingId).execute();
        const { row, query } = newUser(db.db, { email: TRUST_LEADER, name: 'Morgan Reid', role: 'leader', orgId: trustId }, now);
        await db.atomic([query, setPasswordQuery(db.db, row.id, await hashPassword(PASSWORD))]);
      },
    });
    for (const [path, description] of [['/up', 'School MIS'], ['/down', 'Old CPD tracker']]) {
      const res = await fetch(`${app.base}/v1/orgs/${seeded.settingId}/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: receiverBase + path, events: ['module.completed', 'assignment.created'], description }),
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
  const endpoint = (name: string) => `section.endpoint:has(h3:text-is("${name}"))`;
  const check = async (page: Page, name: string) => {
    await expectNoAxeViolations(page, name);
    await expectNoHorizontalScrollAt320(page, name);
    await screenshots(page, name);
  };
  const apiList = async (orgId: string) =>
    ((await (await fetch(`${app.base}/v1/orgs/${orgId}/webhooks`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { data: { id: string; description: string; disabledAt: string | null }[] }).data;

  it('lists endpoints, pings each, and shows the answers in the delivery log', async () => {
    const page = await signedInPage(browser, app.base, seeded.leader.email, PASSWORD);
    await page.goto(`${app.base}/dashboard/${seeded.settingId}`);
    await click(page, 'main a:has-text("Webhooks")');
    expect(await page.locator('h1').textContent()).toBe('Webhooks for Oak Tree Primary School');
    expect(await page.locator('main h3').allTextContents()).toEqual(['School MIS', 'Old CPD tracker']);
    // A setting's leader does not see (nor may choose) the trust's endpoints.
    expect(await page.locator('main h2').allTextContents()).not.toContain('Endpoints of Oakfield Learning Trust');
    expect(await page.locator('input[name=orgId]').count()).toBe(0);
    await check(page, 'webhooks');

    hits.length = 0;
    await click(page, `${endpoint('School MIS')} button:has-text("Send test ping")`);
    expect(await page.locator('.notice[role=status]').textContent()).toMatch(/Test ping to http:\/\/127\.0\.0\.1:\d+\/up delivered: HTTP 204 in \d+ ms\./);
    expect(await page.locator(`${endpoint('School MIS')} tbody tr`).first().textContent()).toMatch(/webhook\.ping.*Delivered.*HTTP 204/);

    await click(page, `${endpoint('Old CPD tracker')} button:has-text("Send test ping")`);
    expect(await page.locator('.notice[role=status]').textContent()).toContain('failed: HTTP 503');
    expect(await page.locator(`${endpoint('Old CPD tracker')} tbody tr`).first().textContent()).toMatch(/webhook\.ping.*Failed.*HTTP 503/);
    await check(page, 'webhooks-after-ping');
    expect(hits.map((h) => h.url)).toEqual(['/up', '/down']);
  }, BROWSER_TEST_MS);

  it('adds an endpoint through the form, shows its secret once, rotates it and deletes the endpoint', async () => {
    const page = await signedInPage(browser, app.base, seeded.leader.email, PASSWORD);
    await page.goto(`${app.base}/dashboard/${seeded.settingId}/webhooks`);

    // Nothing filled in: the error summary links to each field, and nothing is saved.
    await click(page, 'button:has-text("Add endpoint")');
    expect(await page.locator('.error-summary a').allTextContents()).toEqual(['Enter the address as a full URL, starting https://', 'Choose at least one event to send']);
    expect(await page.locator('.error-summary a').first().getAttribute('href')).toBe('#url');
    await check(page, 'webhooks-add-errors');
    // An address the outbound rules refuse is named as such (http is allowed here, a user name in the URL never is).
    await page.fill('#url', 'https://user:pw@hooks.example.org/in');
    await page.check('input[name=events][value="module.completed"]');
    await click(page, 'button:has-text("Add endpoint")');
    expect(await page.locator('#url-error').textContent()).toContain('Put no user name or password in the URL');
    expect(await page.locator('input[name=events][value="module.completed"]').isChecked()).toBe(true);
    expect((await apiList(seeded.settingId)).map((e) => e.description)).toEqual(['School MIS', 'Old CPD tracker']);

    await page.fill('#url', `${receiverBase}/attendance`);
    await page.fill('#description', 'Attendance system');
    await click(page, 'button:has-text("Add endpoint")');
    expect(await page.locator('.notice[role=status]').textContent()).toContain('Endpoint added: Attendance system.');
    const secret = (await page.locator('#signing-secret').inputValue()).trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(await page.locator(`${endpoint('Attendance system')} dd`).nth(1).textContent()).toBe('module.completed');
    await check(page, 'webhooks-added');

    // The secret shown is the one that signs: a ping to the new endpoint verifies with it.
    hits.length = 0;
    await click(page, `${endpoint('Attendance system')} button:has-text("Send test ping")`);
    expect(await page.locator('#signing-secret').count()).toBe(0);
    expect(hits).toHaveLength(1);
    expect(signedWith(secret, hits[0]!.headers, hits[0]!.body)).toBe(true);

    // Rotating shows a new secret once; the old one keeps signing beside it for the grace period.
    await click(page, `${endpoint('Attendance system')} button:has-text("Rotate secret")`);
    const rotated = (await page.locator('#signing-secret').inputValue()).trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    expect(await page.locator('#secret-heading').textContent()).toBe('New signing secret for Attendance system');
    expect(await page.locator('section:has(#secret-heading)').textContent()).toMatch(/previous secret also signs messages until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    await check(page, 'webhooks-rotated');
    hits.length = 0;
    await click(page, `${endpoint('Attendance system')} button:has-text("Send test ping")`);
    expect([signedWith(rotated, hits[0]!.headers, hits[0]!.body), signedWith(secret, hits[0]!.headers, hits[0]!.body)]).toEqual([true, true]);

    // Deleting stops it (as DELETE /v1/webhooks/{id} does) and keeps its log on the page.
    await click(page, `${endpoint('Attendance system')} button:has-text("Delete endpoint")`);
    expect(page.url()).toContain('/webhooks?notice=deleted');
    expect(await page.locator('.notice[role=status]').textContent()).toContain('Endpoint deleted');
    expect(await page.locator(`${endpoint('Attendance system')} dd`).nth(2).textContent()).toMatch(/^Deleted on /);
    expect(await page.locator(`${endpoint('Attendance system')} button`).count()).toBe(0);
    expect(await page.locator(`${endpoint('Attendance system')} tbody tr`).count()).toBe(2);
    expect((await apiList(seeded.settingId)).find((e) => e.description === 'Attendance system')?.disabledAt).toEqual(expect.any(String));
    await check(page, 'webhooks-deleted');

    // A form post without the CSRF token is refused and adds nothing.
    const status = await page.evaluate(async (url) => (await fetch(location.pathname.replace(/\?.*$/, ''), { method: 'POST', body: new URLSearchParams({ url, events: 'module.completed' }) })).status, `${receiverBase}/csrf`);
    expect(status).toBe(403);
    expect((await apiList(seeded.settingId)).length).toBe(3);
  }, BROWSER_TEST_MS);

  it('shows a trust’s leader the trust’s endpoints, adds one for the whole trust, which a setting’s leader cannot change', async () => {
    const page = await signedInPage(browser, app.base, TRUST_LEADER, PASSWORD);
    await page.goto(`${app.base}/dashboard/${seeded.settingId}/webhooks`);
    expect(await page.locator('main h2').allTextContents()).toEqual(expect.arrayContaining(['Endpoints of Oak Tree Primary School', 'Endpoints of Oakfield Learning Trust', 'Add an endpoint']));
    await page.fill('#url', `${receiverBase}/trust`);
    await page.fill('#description', 'Trust data warehouse');
    await page.check('input[name=events][value="assessment.completed"]');
    await page.check(`input[name=orgId][value="${trustId}"]`);
    await click(page, 'button:has-text("Add endpoint")');
    expect((await page.locator('#signing-secret').inputValue()).trim()).toMatch(/^whsec_/);
    const trustSection = page.locator('section:has(> h2:text-is("Endpoints of Oakfield Learning Trust"))');
    expect(await trustSection.locator('h3').allTextContents()).toEqual(['Trust data warehouse']);
    await check(page, 'webhooks-trust');
    const [made] = await apiList(trustId);
    expect(made).toMatchObject({ description: 'Trust data warehouse', disabledAt: null });

    // The setting's leader gets "not found" for the trust's endpoint, even with a valid form token.
    const leader = await signedInPage(browser, app.base, seeded.leader.email, PASSWORD);
    await leader.goto(`${app.base}/dashboard/${seeded.settingId}/webhooks`);
    await leader.evaluate((action) => document.querySelector<HTMLFormElement>('section.endpoint form')!.setAttribute('action', action), `/dashboard/${seeded.settingId}/webhooks/${made!.id}/delete`);
    const [res] = await Promise.all([leader.waitForNavigation(), leader.click('section.endpoint form button')]);
    expect(res?.status()).toBe(404);
    expect((await apiList(trustId))[0]!.disabledAt).toBeNull();
  }, BROWSER_TEST_MS);
});
