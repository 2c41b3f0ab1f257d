// Web Crypto helpers for ids and credentials (base64url, random tokens, SHA-256, sortable ids, constant-time
// compare): the one home of these primitives, shared by repos, http/auth and integrations. Runtime-neutral: Node 20 and workerd both expose globalThis.crypto.

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

/** Lower-case hex SHA-256 of the UTF-8 text. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
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
