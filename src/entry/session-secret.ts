// Node: the key that signs web cookies. SESSION_SECRET when set, else one generated once and kept beside the database.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Returns `configured` if given; for an in-memory database a fresh random key; otherwise the key in
 * `<database folder>/session-secret`, created (mode 0600) on first start so forms survive restarts.
 */
export function sessionSecret(configured: string | undefined, databasePath: string): string {
  if (configured) return configured;
  if (databasePath === ':memory:') return randomBytes(32).toString('base64url');
  const file = join(dirname(databasePath), 'session-secret');
  if (existsSync(file)) {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  }
  const made = randomBytes(32).toString('base64url');
  writeFileSync(file, made + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return made;
}
