// Invite links from the leader dashboard in process: a leader creates one (shown once, with its expiry), the person
// follows it to set a password and sign in; re-issuing replaces an unused link; other settings, other roles, a
// missing CSRF token and a person with no email address get no link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/http/auth/passwords.js';
import { createOrg } from '../../src/repos/orgs.js';
import { newStaff } from '../../src/repos/staff.js';
import { newUser, setPasswordQuery } from '../../src/repos/users.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from './client.js';
import { expectAccessibleShell, expectErrorSummaryLinks } from './html-checks.js';
import { PASSWORD, seedSetting, type Seeded } from './seed.js';

const NEW_PASSWORD = 'a long and memorable passphrase';
const NOW = new Date('2026-11-22T10:00:00Z');

let env: ReturnType<typeof makeNodeApp>;
let seed: Seeded;
let leader: WebClient;
let base: string;
let otherSettingId: string;
let noEmailId: string;
let colleagueId: string;

async function signIn(email: string, password = PASSWORD): Promise<{ w: WebClient; res: Response }> {
  const w = new WebClient(env.app);
  await w.page('/sign-in');
  return { w, res: await w.post('/sign-in', { email, password }) };
}

const inviteCount = async () => Number((await env.database.db.selectFrom('invites').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const inviteUrlOf = (html: string) => /<textarea id="invite-url"[^>]*>([^<]+)<\/textarea>/.exec(html)?.[1]?.trim().replaceAll('&amp;', '&');
const formFor = (id: string) => `action="${base}/staff/${encodeURIComponent(id)}/invite"`;

beforeAll(async () => {
  env = makeNodeApp();
  seed = await seedSetting(env.database);
  const db = env.database.db;
  const jo = newStaff(db, seed.settingId, { name: 'Jo Park', jobRole: 'teaching_assistant', phase: 'primary', groups: [] }, NOW);
  await env.database.atomic([jo.query]);
  noEmailId = jo.staff.id;
  colleagueId = (await db.selectFrom('staff').select('id').where('email', '=', 'colleague1@oak.example').executeTakeFirstOrThrow()).id;
  const other = await createOrg(db, { kind: 'setting', name: 'Elm Street Nursery', settingType: 'nursery', phase: 'early_years' }, NOW);
  otherSettingId = other.id;
  const { row, query } = newUser(db, { email: 'leader@elm.example', name: 'Elm Leader', role: 'leader', orgId: other.id }, NOW);
  await env.database.atomic([query, setPasswordQuery(db, row.id, await hashPassword(PASSWORD))]);
  leader = (await signIn(seed.leader.email)).w;
  base = `/dashboard/${seed.settingId}`;
});
afterAll(() => env.close());

describe('invite links from the leader dashboard', () => {
  it('offers a labelled form per person without an account, none for people who can sign in, and a hint where there is no email', async () => {
    const { html } = await leader.page(base);
    expectAccessibleShell(html);
    expect(html).toContain('<th scope="col">Account</th>');
    expect(html).toContain(formFor(colleagueId));
    expect(html).toMatch(/Create invite link<span class="visually-hidden"> for Colleague 1<\/span><\/button>/);
    expect(html).not.toContain(formFor(seed.staff.staffId));
    expect(html).not.toContain(formFor(noEmailId));
    expect(html).toContain('Add an email address to invite them');
  });

  it('creates a link shown once with its expiry; following it lets the person set a password and sign in', async () => {
    await leader.page(base);
    const res = await leader.post(`${base}/staff/${colleagueId}/invite`, {});
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expectAccessibleShell(html);
    expect(html).toContain('<h1>Invite link for Colleague 1</h1>');
    expect(html).toContain('Send this link to Colleague 1 at colleague1@oak.example');
    expect(html).toContain('until 10am on Sunday 29 November 2026 (UK time), which is 7 days from now');
    expect(html).toContain('This is the only time the link is shown');
    expect(html).toContain(`<a class="back-link" href="${base}">`);
    const first = new URL(inviteUrlOf(html)!);
    expect(first.pathname).toBe('/invite');

    // The dashboard now shows the unused invite and offers a new link, which replaces the first.
    const dash = await leader.page(base);
    expect(dash.html).toContain('Invited: link not used yet');
    expect(dash.html).toMatch(/Create a new invite link<span class="visually-hidden"> for Colleague 1<\/span>/);
    const again = await leader.post(`${base}/staff/${colleagueId}/invite`, {});
    const second = new URL(inviteUrlOf(await again.text())!);
    expect(second.search).not.toBe(first.search);
    const person = new WebClient(env.app);
    expect((await person.get(first.pathname + first.search)).status).toBe(404);

    const form = await person.page(second.pathname + second.search);
    expect(form.res.status).toBe(200);
    expect(form.html).toContain('colleague1@oak.example');
    const accepted = await person.post('/invite', { invite: second.searchParams.get('token')!, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/pathway');

    const later = await signIn('colleague1@oak.example', NEW_PASSWORD);
    expect(later.res.status).toBe(303);
    expect(later.res.headers.get('location')).toBe('/pathway');
    expect((await later.w.page('/pathway')).res.status).toBe(200);

    const after = await leader.page(base);
    expect(after.html).not.toContain(formFor(colleagueId));
    // Someone who can sign in gets no new link from the web, even from an old page.
    const refused = await leader.post(`${base}/staff/${colleagueId}/invite`, {});
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Colleague 1 already has an account and can sign in');
  });

  it('says to add an email address for a person without one', async () => {
    await leader.page(base);
    const before = await inviteCount();
    const res = await leader.post(`${base}/staff/${noEmailId}/invite`, {});
    expect(res.status).toBe(422);
    const html = await res.text();
    expectAccessibleShell(html);
    expect(expectErrorSummaryLinks(html)).toEqual([`staff-${noEmailId}`]);
    expect(html).toContain('Add an email address for Jo Park before creating an invite link');
    expect(await inviteCount()).toBe(before);
  });

  it('needs the CSRF token', async () => {
    await leader.page(base);
    const before = await inviteCount();
    const colleague2 = (await env.database.db.selectFrom('staff').select('id').where('email', '=', 'colleague2@oak.example').executeTakeFirstOrThrow()).id;
    const missing = await leader.post(`${base}/staff/${colleague2}/invite`, {}, null);
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('<h1>Sorry, that form has expired</h1>');
    expect((await leader.post(`${base}/staff/${colleague2}/invite`, {}, 'x'.repeat(43))).status).toBe(403);
    expect(await inviteCount()).toBe(before);
  });

  it('keeps other settings’ leaders, staff and anonymous visitors out', async () => {
    const colleague3 = (await env.database.db.selectFrom('staff').select('id').where('email', '=', 'colleague3@oak.example').executeTakeFirstOrThrow()).id;
    const before = await inviteCount();
    const elm = (await signIn('leader@elm.example')).w;
    await elm.page(`/dashboard/${otherSettingId}`);
    // Their own dashboard path cannot reach another setting's staff, nor can the other setting's path.
    expect((await elm.post(`/dashboard/${otherSettingId}/staff/${colleague3}/invite`, {})).status).toBe(404);
    expect((await elm.post(`${base}/staff/${colleague3}/invite`, {})).status).toBe(404);
    const staff = (await signIn(seed.staff.email)).w;
    await staff.page('/account');
    expect((await staff.post(`${base}/staff/${colleague3}/invite`, {})).status).toBe(403);
    const anon = new WebClient(env.app);
    await anon.page('/sign-in');
    const res = await anon.post(`${base}/staff/${colleague3}/invite`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(`${base}/staff/${colleague3}/invite`)}`);
    expect(await inviteCount()).toBe(before);
  });
});
