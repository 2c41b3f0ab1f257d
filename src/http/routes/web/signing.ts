// HMAC-SHA-256 signing of small values with Web Crypto only (runs in Node and Cloudflare Workers alike).
import { base64url, randomToken } from '../../../repos/crypto.js';

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

export function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
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

/** Compares two strings in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
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
  if (!safeEqual(expected, signed.slice(dot + 1))) return null;
  const bytes = fromBase64url(body);
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
