// The admin CLI (scripts/admin.ts) on a Node database: what it creates works through the API, secrets are shown once.
import { afterAll, describe, expect, it } from 'vitest';
import { runAdmin, UsageError } from '../../scripts/admin.js';
import { getShippedContent } from '../../src/content/bundled.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/http/logger.js';
import { openSqlite } from '../../src/repos/drivers/sqlite.js';
import { json, sessionCookie } from '../contract/accounts-world.js';
import { MIGRATIONS_DIR } from '../helpers/node-app.js';

const database = openSqlite(':memory:', MIGRATIONS_DIR);
const app = createApp({ database: () => database, content: getShippedContent, logger: createLogger('silent'), config: {}, now: () => new Date('2026-11-22T10:00:00Z') });
afterAll(() => database.close());

async function admin(...argv: string[]): Promise<string[]> {
  const out: string[] = [];
  await runAdmin(argv, { database, now: () => new Date('2026-11-22T10:00:00Z'), out: (l) => out.push(l), publicUrl: 'https://pathways.example' });
  return out;
}
const idIn = (line: string) => /\b([a-z]{3}_[0-9a-z]{24})\b/.exec(line)![1]!;

describe('admin CLI', () => {
  it('creates a trust, a setting, a leader with an invite and a scoped key that all work through the API', async () => {
    const trust = idIn((await admin('create-trust', '--name', 'Oak Trust'))[0]!);
    const setting = idIn((await admin('create-setting', '--name', 'Oak Primary', '--type', 'school', '--trust', trust, '--phase', 'primary', '--urn', '123456'))[0]!);
    const leader = await admin('create-leader', '--org', setting, '--email', 'Pat@Oak.sch.uk', '--name', 'Pat');
    const token = /invite\?token=([A-Za-z0-9_-]+)/.exec(leader[1]!)![1]!;
    expect(leader[1]).toMatch(/^Invite link \(single use, until 2026-11-29T10:00:00.000Z\): https:\/\/pathways\.example\/invite\?token=/);
    const accepted = await app.request('/v1/auth/invites/accept', json('POST', { token, password: 'a strong passphrase' }));
    expect(accepted.status).toBe(200);
    const orgs = await app.request('/v1/orgs', { headers: sessionCookie(accepted) });
    expect(((await orgs.json()) as { data: { id: string }[] }).data.map((o) => o.id)).toEqual([setting]);

    const key = await admin('create-key', '--org', setting, '--name', 'LMS', '--scopes', 'staff:read, coverage:read');
    const secret = /: (spk_[A-Za-z0-9_-]+)$/.exec(key[1]!)![1]!;
    expect((await app.request(`/v1/orgs/${setting}/coverage`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    expect((await app.request(`/v1/orgs/${setting}/staff`, json('POST', { name: 'X', jobRole: 'teacher' }, { authorization: `Bearer ${secret}` }))).status).toBe(403);

    const listing = (await admin('list')).join('\n');
    expect(listing).toContain(`trust ${trust} Oak Trust`);
    expect(listing).toContain(`setting ${setting} Oak Primary (school, primary)`);
    expect(listing).toContain('leader');
    expect(listing).toContain('pat@oak.sch.uk');
    expect(listing).not.toContain(secret);
    expect(listing).toContain(secret.slice(0, 12));

    await admin('revoke-key', '--id', idIn(key[0]!));
    expect((await app.request(`/v1/orgs/${setting}/coverage`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
  });

  it('prints a generated password for a panel expert that signs in', async () => {
    const out = await admin('create-panel-expert', '--email', 'expert@uni.ac.uk', '--name', 'Dr Expert', '--password');
    const password = /: (\S+)$/.exec(out[1]!)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(16);
    const res = await app.request('/v1/auth/sign-in', json('POST', { email: 'expert@uni.ac.uk', password }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { role: string } }).user.role).toBe('panel');
  });

  it('reset-password signs out every session, prints a link that sets a new password, and is audited', async () => {
    const out = await admin('create-panel-expert', '--email', 'forgot@uni.ac.uk', '--name', 'Dr Forgot', '--password');
    const password = /: (\S+)$/.exec(out[1]!)![1]!;
    const session = sessionCookie(await app.request('/v1/auth/sign-in', json('POST', { email: 'forgot@uni.ac.uk', password })));
    expect((await app.request('/v1/me', { headers: session })).status).toBe(200);
    const reset = await admin('reset-password', '--email', 'FORGOT@uni.ac.uk');
    expect(reset[0]).toMatch(/^Reset the password of panel usr_\w+ <forgot@uni.ac.uk>: every session is signed out\.$/);
    expect((await app.request('/v1/me', { headers: session })).status).toBe(401);
    expect((await app.request('/v1/auth/sign-in', json('POST', { email: 'forgot@uni.ac.uk', password }))).status).toBe(401);
    const token = /invite\?token=([A-Za-z0-9_-]+)$/.exec(reset[1]!)![1]!;
    expect((await app.request('/v1/auth/invites/accept', json('POST', { token, password: 'my own new passphrase' }))).status).toBe(200);
    const events = database.raw.prepare("SELECT actor_kind, subject_user_id FROM audit_log WHERE action = 'password.reset'").all();
    expect(events).toEqual([{ actor_kind: 'cli', subject_user_id: idIn(reset[0]!) }]);
    await expect(admin('reset-password', '--email', 'nobody@uni.ac.uk')).rejects.toThrow(/no account/);
    await expect(admin('reset-password')).rejects.toThrow(UsageError);
  });

  it('refuses bad input with a message and no change', async () => {
    await expect(admin('create-setting', '--name', 'X', '--type', 'castle')).rejects.toThrow(UsageError);
    await expect(admin('create-leader', '--org', 'set_nope', '--email', 'a@b.org', '--name', 'A')).rejects.toThrow(/no organisation/);
    await expect(admin('create-key', '--org', 'set_nope', '--name', 'k', '--scopes', 'staff:read')).rejects.toThrow(UsageError);
    await expect(admin('create-panel-expert', '--email', 'expert@uni.ac.uk', '--name', 'Again')).rejects.toThrow(/already exists/);
    await expect(admin('frobnicate')).rejects.toThrow(/Unknown command/);
    await expect(admin('create-trust')).rejects.toThrow(/--name is required/);
  });
});
