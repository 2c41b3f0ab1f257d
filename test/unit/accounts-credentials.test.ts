// Password hashing, tokens, ids and cursors (src/http/auth/passwords.ts, src/repos/crypto.ts, src/repos/page.ts).
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from '../../src/http/auth/passwords.js';
import { moduleIdOf } from '../../src/http/routes/v1/xapi.js';
import { newId, sha256Hex, timingSafeEqual } from '../../src/repos/crypto.js';
import { decodeCursor, encodeCursor } from '../../src/repos/page.js';

describe('passwords', () => {
  it('verify the right password only, with the parameters read from the stored hash', async () => {
    const stored = await hashPassword('three random words', 1000);
    expect(stored).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('three random words', stored)).toBe(true);
    expect(await verifyPassword('three random word', stored)).toBe(false);
    expect(await verifyPassword('three random words', 'md5$abc')).toBe(false);
    expect(await hashPassword('same', 1000)).not.toBe(await hashPassword('same', 1000));
  });

  it('ask for length and refuse the email address as a password', () => {
    expect(passwordProblems('short')).toHaveLength(1);
    expect(passwordProblems('Pat@School.org', 'pat@school.org')).toEqual(['Do not use your email address as your password.']);
    expect(passwordProblems('a perfectly fine passphrase')).toEqual([]);
  });
});

describe('ids, digests and cursors', () => {
  it('ids sort by creation time and can carry no time at all', () => {
    const a = newId('stf', new Date('2026-01-01T00:00:00Z'));
    const b = newId('stf', new Date('2026-01-01T00:00:00.001Z'));
    expect(a < b).toBe(true);
    expect(a).toMatch(/^stf_[0-9a-z]{24}$/);
    expect(newId('obs', null)).toMatch(/^obs_[0-9a-z]{24}$/);
    expect(decodeCursor(encodeCursor(a))).toBe(a);
    expect(decodeCursor('bm90LWFuLWlk')).toBeNull();
    expect(decodeCursor('%%%')).toBeNull();
  });

  it('digests and compares in constant time', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect([timingSafeEqual('abc', 'abc'), timingSafeEqual('abc', 'abd'), timingSafeEqual('abc', 'abcd')]).toEqual([true, false, false]);
  });

  it('reads the module id from an xAPI activity id', () => {
    expect(moduleIdOf('https://lms.example.org/modules/dld-spotlight/')).toBe('dld-spotlight');
    expect(moduleIdOf('urn:send-pathways:module:dld-spotlight')).toBe('dld-spotlight');
    expect(moduleIdOf('dld-spotlight')).toBe('dld-spotlight');
    expect(moduleIdOf('https://x.org/modules/dld-spotlight?attempt=2')).toBe('dld-spotlight');
  });
});
