// HMAC-SHA-256 signing of small values with Web Crypto only (runs in Node and Cloudflare Workers alike).
import { base64url, fromBase64url, randomToken, timingSafeEqual } from '../../repos/crypto.js';

const enc = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function key(secret: string): Promise<CryptoKey> {
  let k = keys.get(secret);
  if (!k) {
    k = crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, k);
  }
  return k;
}

/** A random url-safe id of `bytes` random bytes (default 16 → 22 characters). */
export function randomId(bytes = 16): string {
  return randomToken(bytes);
}

/** The base64url HMAC-SHA-256 of `purpose:value` under `secret`; the purpose keeps signatures of different kinds apart. */
export async function hmac(secret: string, purpose: string, value: string): Promise<string> {
  const sig = await crypto.subtle.sign('HMAC', await key(secret), enc.encode(`${purpose}:${value}`));
  return base64url(new Uint8Array(sig));
}

/** `payload.signature`, payload base64url-encoded UTF-8. */
export async function sign(secret: string, purpose: string, payload: string): Promise<string> {
  const body = base64url(enc.encode(payload));
  return `${body}.${await hmac(secret, purpose, body)}`;
}

/** The payload of a value made by sign(), or null when it is malformed or the signature does not match. */
export async function verify(secret: string, purpose: string, signed: string | undefined): Promise<string | null> {
  if (!signed) return null;
  const dot = signed.indexOf('.');
  if (dot < 1) return null;
  const body = signed.slice(0, dot);
  const expected = await hmac(secret, purpose, body);
  if (!timingSafeEqual(expected, signed.slice(dot + 1))) return null;
  const bytes = fromBase64url(body);
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
