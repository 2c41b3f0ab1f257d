// Migration 0004 on a database in use: users are rebuilt (email unique per organisation, activated_at) without
// losing a session, an invite or any link to a user, and foreign keys still hold and cascade afterwards.
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/repos/drivers/migrate-sqlite.js';
import { MIGRATIONS_DIR } from '../helpers/node-app.js';

const before = mkdtempSync(join(tmpdir(), 'send-mig-'));
for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => n < '0004')) copyFileSync(join(MIGRATIONS_DIR, f), join(before, f));
afterAll(() => rmSync(before, { recursive: true, force: true }));

describe('migration 0004_privacy', () => {
  it('keeps every account, session, invite and link, marks accounts with a password activated, and scopes emails per organisation', () => {
    const raw = new BetterSqlite3(':memory:');
    raw.pragma('foreign_keys = ON');
    applyMigrations(raw, before);
    raw.exec(`
      INSERT INTO orgs VALUES ('set_1', 'setting', NULL, 'One', 'school', 'primary', NULL, NULL, 't'), ('set_2', 'setting', NULL, 'Two', 'school', 'primary', NULL, NULL, 't');
      INSERT INTO users VALUES ('usr_a', 'a@x.org', 'A', 'staff', 'set_1', 'pbkdf2-sha256$1$s$h', 't0'), ('usr_b', 'b@x.org', 'B', 'leader', 'set_1', NULL, 't1');
      INSERT INTO sessions VALUES ('h1', 'usr_a', 't', 'z');
      INSERT INTO invites VALUES ('i1', 'usr_b', 'usr_a', 't', 'z', NULL);
      INSERT INTO staff (id, setting_id, user_id, name, email, job_role, phase, created_at, updated_at) VALUES ('stf_1', 'set_1', 'usr_a', 'A', 'a@x.org', 'teacher', 'primary', 't', 't');
      INSERT INTO api_keys VALUES ('key_1', 'set_1', 'LMS', 'spk_x', 'kh', '[]', 'usr_b', 't', NULL);
      INSERT INTO assignments (id, setting_id, target_kind, kind, assigned_by, created_at) VALUES ('asg_1', 'set_1', 'everyone', 'personalised', 'usr_b', 't');
    `);
    expect(applyMigrations(raw, MIGRATIONS_DIR)).toContain('0004_privacy.sql');
    const all = (sql: string) => raw.prepare(sql).all();
    expect(all('SELECT id, activated_at FROM users ORDER BY id')).toEqual([
      { id: 'usr_a', activated_at: 't0' },
      { id: 'usr_b', activated_at: null },
    ]);
    expect(all('SELECT token_hash, user_id FROM sessions')).toEqual([{ token_hash: 'h1', user_id: 'usr_a' }]);
    expect(all('SELECT token_hash, user_id, created_by FROM invites')).toEqual([{ token_hash: 'i1', user_id: 'usr_b', created_by: 'usr_a' }]);
    expect(all('SELECT user_id FROM staff')).toEqual([{ user_id: 'usr_a' }]);
    expect(all('SELECT created_by FROM api_keys')).toEqual([{ created_by: 'usr_b' }]);
    expect(all('SELECT assigned_by FROM assignments')).toEqual([{ assigned_by: 'usr_b' }]);
    expect(all('PRAGMA foreign_key_check')).toEqual([]);
    expect(all("SELECT name FROM sqlite_master WHERE name LIKE 'keep_%' OR name = 'users_next'")).toEqual([]);
    // The same email in another organisation is allowed; twice in one is not; panel accounts stay unique.
    raw.prepare("INSERT INTO users (id, email, name, role, org_id, created_at) VALUES ('usr_c', 'a@x.org', 'A', 'staff', 'set_2', 't')").run();
    expect(() => raw.prepare("INSERT INTO users (id, email, name, role, org_id, created_at) VALUES ('usr_d', 'a@x.org', 'A', 'staff', 'set_1', 't')").run()).toThrow(/UNIQUE/);
    raw.prepare("INSERT INTO users (id, email, name, role, org_id, created_at) VALUES ('usr_p', 'p@x.org', 'P', 'panel', NULL, 't')").run();
    expect(() => raw.prepare("INSERT INTO users (id, email, name, role, org_id, created_at) VALUES ('usr_q', 'p@x.org', 'Q', 'admin', NULL, 't')").run()).toThrow(/UNIQUE/);
    // Foreign keys point at the new table: deleting a user still cascades and nulls as before.
    raw.prepare("DELETE FROM users WHERE id = 'usr_a'").run();
    expect(all('SELECT count(*) AS n FROM sessions')).toEqual([{ n: 0 }]);
    expect(all('SELECT user_id FROM staff')).toEqual([{ user_id: null }]);
    raw.close();
  });
});
