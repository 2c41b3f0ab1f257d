// Email end to end: invites and due-date reminders go through nodemailer to an SMTP server the test starts on
// 127.0.0.1 (smtp-server, with authentication), as plain text and accessible HTML; a refused login leaves the invite
// shown but not emailed. The Workers transport's request is checked against a local HTTP server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { resendMailer } from '../../src/integrations/mail-http.js';
import { smtpMailer } from '../../src/integrations/mail-smtp.js';
import { sendDueReminders } from '../../src/integrations/reminders.js';
import { call, json } from '../contract/accounts-world.js';
import { makeNodeApp } from '../helpers/node-app.js';

const TOKEN = 'email-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };
const FROM = 'SEND training <training@school.example>';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

/** Undoes quoted-printable soft breaks and escapes, enough to read the parts. */
const unQp = (s: string) => s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

/** The decoded body of the MIME part with this content type. */
function part(raw: string, type: string): string {
  const i = raw.indexOf(`Content-Type: ${type}`);
  expect(i, `a ${type} part`).toBeGreaterThan(-1);
  const rest = raw.slice(raw.indexOf('\r\n\r\n', i) + 4);
  const body = rest.slice(0, rest.search(/\r\n--/));
  const headers = raw.slice(i, raw.indexOf('\r\n\r\n', i));
  return /base64/i.test(headers) ? Buffer.from(body, 'base64').toString('utf8') : unQp(body);
}

describe('email through SMTP on 127.0.0.1', () => {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === 'mailer' && auth.password === 'right-password') cb(null, { user: 'mailer' });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  let url: string;
  let node: ReturnType<typeof makeNodeApp>;
  let f: (p: string, i?: RequestInit) => Promise<Response>;
  let setting: string;
  let mailer: ReturnType<typeof smtpMailer>;

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `smtp://mailer:right-password@127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    mailer = smtpMailer(url, FROM);
    node = makeNodeApp({ adminToken: TOKEN, mailer });
    f = (p, i) => Promise.resolve(node.app.request(p, i));
    setting = (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'Mail Primary', settingType: 'school', phase: 'primary' }, admin), 201)).id;
  });
  afterAll(async () => {
    mailer.close();
    await node.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('emails an invite as plain text and accessible HTML, and still shows the link once', async () => {
    const made = await call<{ invite: { url: string; emailed: boolean } }>(f, `/v1/orgs/${setting}/staff`, json('POST', { name: 'Mo Ahmed', email: 'mo@mail.example', jobRole: 'teacher', invite: true }, admin), 201);
    expect(made.invite.emailed).toBe(true);
    const mail = mails.find((m) => m.to.includes('mo@mail.example'))!;
    expect(mail.from).toBe('training@school.example');
    expect(mail.raw).toMatch(/^Subject: Set up your SEND training account/m);
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/);
    const text = part(mail.raw, 'text/plain');
    expect(text).toContain('Hello Mo Ahmed');
    expect(text).toContain('Mail Primary');
    expect(text).toContain(made.invite.url);
    const html = part(mail.raw, 'text/html');
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toMatch(/<h1[^>]*>Set up your SEND training account<\/h1>/);
    expect(html).toContain(`<a href="${made.invite.url.replace(/&/g, '&#38;')}"`);
    expect(html).toContain('Set your password and sign in</a>');
  });

  it('emails a leader’s invite too', async () => {
    const made = await call<{ invite: { emailed: boolean } }>(f, `/v1/orgs/${setting}/leaders`, json('POST', { email: 'head@mail.example', name: 'Head' }, admin), 201);
    expect(made.invite.emailed).toBe(true);
    expect(mails.some((m) => m.to.includes('head@mail.example'))).toBe(true);
  });

  it('reports emailed: false, and still answers with the invite, when the SMTP server refuses the login', async () => {
    const wrong = smtpMailer(url.replace('right-password', 'wrong-password'), FROM);
    const other = makeNodeApp({ adminToken: TOKEN, mailer: wrong });
    const g = (p: string, i?: RequestInit) => Promise.resolve(other.app.request(p, i));
    const s = (await call<{ id: string }>(g, '/v1/orgs', json('POST', { kind: 'setting', name: 'Refused', settingType: 'school', phase: 'primary' }, admin), 201)).id;
    const before = mails.length;
    const made = await call<{ invite: { url: string; emailed: boolean } }>(g, `/v1/orgs/${s}/staff`, json('POST', { name: 'Nia', email: 'nia@mail.example', jobRole: 'teacher', invite: true }, admin), 201);
    expect(made.invite).toMatchObject({ emailed: false, url: expect.stringContaining('/invite?token=') });
    expect(mails.length).toBe(before);
    wrong.close();
    await other.close();
  });

  it('sends one reminder per person as an assignment falls due, none once done or already sent', async () => {
    const staff = async (name: string, email: string) =>
      (await call<{ staff: { id: string } }>(f, `/v1/orgs/${setting}/staff`, json('POST', { name, email, jobRole: 'teaching_assistant' }, admin), 201)).staff.id;
    const ana = await staff('Ana', 'ana@mail.example');
    const ben = await staff('Ben', 'ben@mail.example');
    await call(f, `/v1/staff/${ben}/progress`, json('POST', { moduleId: 'understanding-autism', status: 'completed' }, admin), 200);
    const now = new Date('2026-11-22T10:00:00Z');
    const opts = { now, publicUrl: 'https://training.school.example', moduleTitles: new Map(getShippedContent().catalogue.modules.map((m) => [m.id, m.title])) };
    await call(f, `/v1/orgs/${setting}/assignments`, json('POST', { target: { kind: 'role', value: 'teaching_assistant' }, kind: 'modules', moduleIds: ['understanding-autism'], dueDate: '2026-12-30' }, admin), 201);
    expect(await sendDueReminders(node.database, mailer, opts)).toBe(0);
    await call(f, `/v1/orgs/${setting}/assignments`, json('POST', { target: { kind: 'role', value: 'teaching_assistant' }, kind: 'modules', moduleIds: ['understanding-autism'], dueDate: '2026-11-24' }, admin), 201);
    expect(await sendDueReminders(node.database, mailer, opts)).toBe(1);
    expect(await sendDueReminders(node.database, mailer, opts)).toBe(0);
    const mail = mails.filter((m) => m.to.includes('ana@mail.example'));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.raw).toMatch(/^Subject: Training due on 2026-11-24/m);
    expect(part(mail[0]!.raw, 'text/plain')).toContain('https://training.school.example/pathway');
    expect(mails.some((m) => m.to.includes('ben@mail.example'))).toBe(false);
    expect(ana).toBeTruthy();
  });
});

describe('the Workers mail transport (Resend HTTP API)', () => {
  it('posts from, to, subject, text and html with the Bearer key, and throws on a refusal', async () => {
    const seen: { auth: string | undefined; body: Record<string, unknown> }[] = [];
    let status = 200;
    const http = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"id":"x"}');
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const m = resendMailer('re_test_key', FROM, `http://127.0.0.1:${(http.address() as AddressInfo).port}/emails`);
    await m.send({ to: 'a@b.example', subject: 'S', text: 'T', html: '<p>H</p>' });
    expect(seen[0]).toEqual({ auth: 'Bearer re_test_key', body: { from: FROM, to: ['a@b.example'], subject: 'S', text: 'T', html: '<p>H</p>' } });
    status = 422;
    await expect(m.send({ to: 'a@b.example', subject: 'S', text: 'T', html: 'H' })).rejects.toThrow(/422/);
    await new Promise((r) => http.close(r));
  });
});
