// The Node web-cookie key: configured wins; otherwise generated once beside the database and reused after restarts.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionSecret } from '../../src/entry/session-secret.js';

const dir = mkdtempSync(join(tmpdir(), 'send-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sessionSecret', () => {
  it('uses the configured secret as given', () => {
    expect(sessionSecret('x'.repeat(40), join(dir, 'db.sqlite'))).toBe('x'.repeat(40));
  });

  it('creates a private key file on first start and returns the same key after a restart', () => {
    const db = join(dir, 'db.sqlite');
    const first = sessionSecret(undefined, db);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
    expect(sessionSecret(undefined, db)).toBe(first);
  });

  it('makes a fresh key for an in-memory database', () => {
    expect(sessionSecret(undefined, ':memory:')).not.toBe(sessionSecret(undefined, ':memory:'));
  });
});
