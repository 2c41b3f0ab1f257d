// Password hashing with PBKDF2-SHA256 through Web Crypto: per-user salt, parameters stored with the hash.
// 100,000 iterations: the most Cloudflare Workers' PBKDF2 accepts; verify reads the count from the stored hash.
import { base64url, fromBase64url, randomBytes, timingSafeEqual } from '../../repos/crypto.js';

export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const KEY_BITS = 256;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFKC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, KEY_BITS);
  return base64url(new Uint8Array(bits));
}

/** Hashes a password as `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url salt and 256-bit hash). */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return `pbkdf2-sha256$${iterations}$${base64url(salt)}$${await derive(password, salt, iterations)}`;
}

/** True when `password` matches the stored hash; false for any malformed stored value. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  const iterations = Number(iter);
  const saltBytes = salt ? fromBase64url(salt) : null;
  if (scheme !== 'pbkdf2-sha256' || !Number.isInteger(iterations) || iterations < 1 || !saltBytes || !hash) return false;
  return timingSafeEqual(await derive(password, saltBytes, iterations), hash);
}

// A fixed hash to verify against when no user matches, so a wrong email costs as long as a wrong password.
let dummy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-for-timing');
  await verifyPassword(password, await dummy);
}

/** Plain-English problems with a new password (length, and not the same as the email address). */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters; three random words work well.`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) problems.push('Do not use your email address as your password.');
  return problems;
}
