// Standard Webhooks signatures (standard-webhooks/standard-webhooks, spec/standard-webhooks.md): HMAC-SHA256 over
// `<webhook-id>.<webhook-timestamp>.<body>` with the base64-decoded part of a `whsec_` secret, sent as `v1,<base64>`.
// Web Crypto only, so it runs on Node and on Workers.

const enc = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A new signing secret: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(24)))}`;
}

/** `v1,<base64 HMAC-SHA256>` of `id.timestamp.body` under the secret. */
export async function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', fromBase64(secret.replace(/^whsec_/, '')), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(`${id}.${timestampSeconds}.${body}`)));
  return `v1,${toBase64(mac)}`;
}

/** The three headers for a delivery; every current secret signs (space-separated), so receivers can rotate. */
export async function webhookHeaders(secrets: readonly string[], id: string, timestampSeconds: number, body: string): Promise<Record<string, string>> {
  const sigs = await Promise.all(secrets.map((s) => signWebhook(s, id, timestampSeconds, body)));
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': sigs.join(' ') };
}
