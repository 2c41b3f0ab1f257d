// Password resets by email, through nodemailer to an SMTP server the test starts on 127.0.0.1: an administrator's
// reset emails its link; a person who forgot their password asks for a link (API or the web form), gets the same
// answer whether or not the account exists, keeps their password until they use the link, and the link lasts an hour.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/integrations/mail-smtp.js';
import { call, json } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from '../web/client.js';

const TOKEN = 'reset-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };
const FROM = 'SEND training <training@school.example>';
const OLD = 'the old password is long enough';
const NEW = 'a brand new password for me';

const unQp = (s: string) => s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
/** The reset link in the plain-text part of a message. */
const linkIn = (raw: string) => /https?:\/\/\S+\/invite\?token=[A-Za-z0-9_%-]+/.exec(unQp(raw))?.[0];

describe('password resets by email', () => {
  const mails: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  let clock = new Date('2026-11-22T10:00:00Z');
  let node: ReturnType<typeof makeNodeApp>;
  let mailer: ReturnType<typeof smtpMailer>;
  let f: (p: string, i?: RequestInit) => Promise<Response>;
  let userId: string;

  /** Reset emails to `to`, waiting (up to 2 s) until there are `count`: requested links are sent after the answer. */
  const mailTo = async (to: string, count: number) => {
    const resets = () => mails.filter((m) => m.to.includes(to) && /^Subject: Choose a new password/m.test(m.raw));
    for (let i = 0; i < 100 && resets().length < count; i++) await new Promise((r) => setTimeout(r, 20));
    return resets();
  };
  const signIn = (email: string, password: string) => f('/v1/auth/sign-in', json('POST', { email, password }));
  const accept = (link: string, password: string) => f('/v1/auth/invites/accept', json('POST', { token: decodeURIComponent(new URL(link).searchParams.get('token')!), password }));

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    mailer = smtpMailer(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, FROM);
    node = makeNodeApp({ adminToken: TOKEN, mailer }, [], () => clock);
    f = (p, i) => Promise.resolve(node.app.request(p, i));
    const setting = (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'Reset Primary', settingType: 'school', phase: 'primary' }, admin), 201)).id;
    const made = await call<{ staff: { userId: string }; invite: { token: string } }>(
      f,
      `/v1/orgs/${setting}/staff`,
      json('POST', { name: 'Rae Cole', email: 'rae@reset.example', jobRole: 'teacher', invite: true }, admin),
      201,
    );
    await call(f, '/v1/auth/invites/accept', json('POST', { token: made.invite.token, password: OLD }), 200);
    userId = made.staff.userId;
  });
  afterAll(async () => {
    mailer.close();
    await node.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('emails an administrator’s reset link, which sets a new password', async () => {
    const made = await call<{ url: string; emailed: boolean }>(f, `/v1/admin/users/${userId}/password-reset`, json('POST', {}, admin), 201);
    expect(made.emailed).toBe(true);
    const [mail] = await mailTo('rae@reset.example', 1);
    expect(mail!.raw).toMatch(/^Subject: Choose a new password/m);
    expect(unQp(mail!.raw)).toContain('An administrator reset the password of your SEND training account at Reset Primary');
    expect(unQp(mail!.raw)).toMatch(/<html lang="en-GB">/);
    expect(linkIn(mail!.raw)).toBe(made.url);
    expect((await signIn('rae@reset.example', OLD)).status).toBe(401);
    expect((await accept(made.url, OLD)).status).toBe(200);
    expect((await signIn('rae@reset.example', OLD)).status).toBe(200);
  });

  it('answers a forgotten-password request the same way for anyone, and emails only a real account', async () => {
    const before = mails.length;
    const known = await f('/v1/auth/password-reset', json('POST', { email: 'RAE@reset.example' }));
    const unknown = await f('/v1/auth/password-reset', json('POST', { email: 'nobody@reset.example' }));
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual(await known.json());
    const sent = await mailTo('rae@reset.example', 2);
    expect(mails.length).toBe(before + 1);
    expect(unQp(sent[1]!.raw)).toContain('If you did not ask for this, ignore this email: your password has not changed.');
    // The password still works until the link is used; the link then sets a new one, once.
    expect((await signIn('rae@reset.example', OLD)).status).toBe(200);
    const link = linkIn(sent[1]!.raw)!;
    expect((await accept(link, NEW)).status).toBe(200);
    expect((await accept(link, 'yet another password here')).status).toBe(404);
    expect((await signIn('rae@reset.example', NEW)).status).toBe(200);
    const audit = await call<{ data: { action: string; detail: string | null }[] }>(f, `/v1/admin/audit?userId=${userId}&action=password.reset`, { headers: admin }, 200);
    expect(audit.data.map((e) => e.detail)).toContain('link emailed on request');
  });

  it('refuses a bad address with 422 and lets a requested link lapse after an hour', async () => {
    expect((await f('/v1/auth/password-reset', json('POST', { email: 'not-an-email' }))).status).toBe(422);
    await call(f, '/v1/auth/password-reset', json('POST', { email: 'rae@reset.example' }), 202);
    const sent = await mailTo('rae@reset.example', 3);
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect((await accept(linkIn(sent[2]!.raw)!, 'too late for this password')).status).toBe(404);
    expect((await signIn('rae@reset.example', NEW)).status).toBe(200);
  });

  it('offers the same on the web: a plain form, then “Check your email”', async () => {
    const w = new WebClient(node.app);
    const signInPage = await w.page('/sign-in');
    expect(signInPage.html).toContain('href="/sign-in/forgot"');
    await w.page('/sign-in/forgot');
    expect((await w.post('/sign-in/forgot', { email: '' })).status).toBe(422);
    await w.page('/sign-in/forgot');
    const res = await w.post('/sign-in/forgot', { email: 'rae@reset.example' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Check your email');
    expect(await mailTo('rae@reset.example', 4)).toHaveLength(4);
  });

  it('says a reset link cannot be emailed when the server sends no email', async () => {
    const plain = makeNodeApp({ adminToken: TOKEN });
    const res = await plain.app.request('/v1/auth/password-reset', json('POST', { email: 'rae@reset.example' }));
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const page = await new WebClient(plain.app).page('/sign-in/forgot');
    expect(page.html).toContain('does not send email');
    await plain.close();
  });
});
