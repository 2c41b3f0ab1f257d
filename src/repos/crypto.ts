// Web Crypto helpers for ids and credentials (base64url, random tokens, SHA-256, sortable ids, constant-time
// compare): the one home of these primitives, shared by repos, http/auth and integrations. Runtime-neutral: Node 20 and workerd both expose globalThis.crypto
// (SHA-256 comes from @noble/hashes, pure JavaScript, on both).

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const B32 = '0123456789abcdefghjkmnpqrstvwxyz';

/** Base64url (no padding) of the bytes. */
export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of base64url text (padding optional), or null when it is not base64url. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** `n` cryptographically random bytes. */
export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** A random secret of `bytes` bytes (default 32 = 256 bits) as base64url text. */
export function randomToken(bytes = 32): string {
  return base64url(randomBytes(bytes));
}

/**
 * Lower-case hex SHA-256 of the UTF-8 text. Computed with @noble/hashes (synchronous, pure JavaScript; the engine's
 * input hash uses it too) rather than crypto.subtle.digest: the same FIPS 180-4 digest, but Web Crypto's round trip
 * through Node's thread pool cost about 60 µs for a key or cookie of 50 characters, against about 5 µs, and every
 * request with an API key or a session hashes its credential at least once. Async, as callers have always awaited it.
 */
export async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Lower-case random base32 of `n` characters. */
function randomBase32(n: number): string {
  const bytes = randomBytes(n);
  let s = '';
  for (const b of bytes) s += B32[b & 31];
  return s;
}

/**
 * A new id `<prefix>_<10 chars of time><14 random chars>`: sorts by creation time (ms), so ids double as
 * pagination cursors. Pass `time` = null for ids that must not carry a time (de-identified rows).
 */
export function newId(prefix: string, time: Date | null): string {
  if (time === null) return `${prefix}_${randomBase32(24)}`;
  let ms = time.getTime();
  let t = '';
  for (let i = 0; i < 10; i++) {
    t = B32[ms % 32] + t;
    ms = Math.floor(ms / 32);
  }
  return `${prefix}_${t}${randomBase32(14)}`;
}

/** Compares two strings in time independent of where they differ (lengths may leak). */
export function timingSafeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
