// Erasure is real on Node: after DELETE /v1/me or a leader removing a leaver, the database file and its WAL hold
// none of the person's email, names, group or answers (secure_delete, stored responses erased, WAL checkpointed),
// and the file is private to its owner (0600, and its -wal and -shm alike).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/http/logger.js';
import { openSqlite } from '../../src/repos/drivers/sqlite.js';
import { accept, call, json, seedWorld, type World } from '../contract/accounts-world.js';
import { MIGRATIONS_DIR } from '../helpers/node-app.js';

const TOKEN = 'erasure-file-admin-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'send-erase-'));
const file = join(dir, 'db.sqlite');
const database = openSqlite(file, MIGRATIONS_DIR, { createFolder: false });
const app = createApp({ database: () => database, content: getShippedContent, logger: createLogger('silent'), config: { adminToken: TOKEN }, now: () => new Date() });
const f = (p: string, i?: RequestInit) => Promise.resolve(app.request(p, i));
let w: World;

beforeAll(async () => {
  w = await seedWorld(f, TOKEN);
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The bytes of the database file and its WAL (if any) as latin1 text, so any stored UTF-8 string shows up. */
function fileText(): string {
  return [file, `${file}-wal`].filter(existsSync).map((p) => readFileSync(p).toString('latin1')).join('\n');
}

/** A person with distinctive values everywhere their data lives: staff record, account, answers, a leader's stored reply. */
async function markedPerson(tag: string) {
  const marks = {
    email: `${tag}.zq${Math.random().toString(36).slice(2, 8)}@example.org`,
    name: `Xanthe Quillfeather ${tag}`,
    newName: `Ysolde Marrowgate ${tag}`,
    group: `grp-${tag}-kx`,
    answer: `"timeBudgetMinutes":${4000 + Math.floor(Math.random() * 900)}7`,
  };
  // Added with an Idempotency-Key, so the leader's replayable reply holds the name and email; then invited.
  const made = await call<{ staff: { id: string } }>(
    f,
    `/v1/orgs/${w.settingA1}/staff`,
    json('POST', { name: marks.name, email: marks.email, jobRole: 'teacher', groups: [marks.group] }, { ...w.headers.leader, 'idempotency-key': `add-${tag}` }),
    201,
  );
  const invite = await call<{ token: string }>(f, `/v1/staff/${made.staff.id}/invite`, { method: 'POST', headers: w.headers.leader }, 201);
  const cookie = await accept(f, invite.token);
  const budget = Number(marks.answer.split(':')[1]);
  await call(f, '/v1/me/assessments', json('POST', { responses: [{ itemId: 'speech-and-language', value: 2 }], timeBudgetMinutes: budget }, { ...cookie, 'idempotency-key': `assess-${tag}` }), 201);
  await call(f, '/v1/me', json('PATCH', { name: marks.newName }, cookie), 200);
  const all = [marks.email, marks.name, marks.newName, marks.group, marks.answer];
  expect(all.filter((m) => fileText().includes(m)).length, 'the marks are in the file before erasure').toBeGreaterThanOrEqual(4);
  return { ...marks, all, cookie, staffId: made.staff.id };
}

describe('erasure on a file database', () => {
  it('DELETE /v1/me leaves none of the person in the file or its WAL', async () => {
    const p = await markedPerson('self');
    expect((await f('/v1/me', { method: 'DELETE', headers: p.cookie })).status).toBe(204);
    expect(p.all.filter((m) => fileText().includes(m))).toEqual([]);
  });

  it('a leader removing a leaver leaves none of them, and the leader’s stored reply no longer holds them', async () => {
    const p = await markedPerson('leaver');
    expect((await f(`/v1/staff/${p.staffId}`, { method: 'DELETE', headers: w.headers.leader })).status).toBe(204);
    expect(p.all.filter((m) => fileText().includes(m))).toEqual([]);
    const stored = database.raw.prepare('SELECT count(*) AS n FROM idempotency_keys WHERE instr(body, ?) > 0').get(p.email) as { n: number };
    expect(stored.n).toBe(0);
    // A retry of the leader's request runs afresh rather than replaying the erased person.
    const retry = await f(`/v1/orgs/${w.settingA1}/staff`, json('POST', { name: p.name, email: p.email, jobRole: 'teacher', groups: [p.group] }, { ...w.headers.leader, 'idempotency-key': 'add-leaver' }));
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('creates the database, its WAL and shared-memory files readable by the owner only', () => {
    for (const p of [file, `${file}-wal`, `${file}-shm`]) {
      if (existsSync(p)) expect([p, statSync(p).mode & 0o777]).toEqual([p, 0o600]);
    }
    expect(existsSync(`${file}-shm`)).toBe(true);
  });
});
