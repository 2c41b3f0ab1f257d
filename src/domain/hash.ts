// Input hashing for provenance: canonical JSON of a request and a synchronous pure-TypeScript SHA-256
// (FIPS 180-4), so the same request hashes the same in Node, workerd and a browser.

import type { RecommendationRequest } from './types.js';

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const W = new Int32Array(64);

/** SHA-256 of `bytes` as 64 lower-case hex characters. */
export function sha256Hex(bytes: Uint8Array): string {
  const len = bytes.length;
  const total = ((len + 9 + 63) >> 6) << 6;
  const m = new Uint8Array(total);
  m.set(bytes);
  m[len] = 0x80;
  const hi = Math.floor(len / 0x20000000);
  const lo = (len << 3) >>> 0;
  m[total - 8] = hi >>> 24;
  m[total - 7] = hi >>> 16;
  m[total - 6] = hi >>> 8;
  m[total - 5] = hi;
  m[total - 4] = lo >>> 24;
  m[total - 3] = lo >>> 16;
  m[total - 2] = lo >>> 8;
  m[total - 1] = lo;
  let h0 = 0x6a09e667 | 0, h1 = 0xbb67ae85 | 0, h2 = 0x3c6ef372 | 0, h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0, h5 = 0x9b05688c | 0, h6 = 0x1f83d9ab | 0, h7 = 0x5be0cd19 | 0;
  const w = W;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + 4 * i;
      w[i] = (m[j]! << 24) | (m[j + 1]! << 16) | (m[j + 2]! << 8) | m[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  return hex(h0) + hex(h1) + hex(h2) + hex(h3) + hex(h4) + hex(h5) + hex(h6) + hex(h7);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex(x: number): string {
  return HEX[(x >>> 24) & 255]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
}

const encoder = new TextEncoder();

/** SHA-256 (hex) of the UTF-8 encoding of `text`. */
export function sha256Text(text: string): string {
  return sha256Hex(encoder.encode(text));
}

/** JSON with object keys sorted (recursively) and undefined members dropped; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The request in canonical form: responses sorted by itemId then value (the engine treats them as a set),
 * completedModuleIds sorted and de-duplicated; formats keep their order (it chooses each step's format).
 */
export function canonicalRequest(request: RecommendationRequest): unknown {
  return JSON.parse(canonicalRequestJson(request));
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

function mapJson(map: Readonly<Record<string, number>> | undefined): string {
  if (!map) return '';
  const keys = Object.keys(map).filter((k) => map[k] !== undefined);
  keys.sort(cmp);
  let out = '{';
  for (let i = 0; i < keys.length; i++) out += `${i ? ',' : ''}${JSON.stringify(keys[i])}:${JSON.stringify(map[keys[i]!])}`;
  return `${out}}`;
}

/** canonicalJson(canonicalRequest(request)), built directly (it sits on the per-request path). */
export function canonicalRequestJson(request: RecommendationRequest): string {
  const responses = request.responses.slice().sort((x, y) => cmp(x.itemId, y.itemId) || (x.value ?? -1) - (y.value ?? -1));
  let r = '[';
  for (let i = 0; i < responses.length; i++) {
    const x = responses[i]!;
    r += `${i ? ',' : ''}{"itemId":${JSON.stringify(x.itemId)},"value":${x.value === null ? 'null' : JSON.stringify(x.value)}}`;
  }
  r += ']';
  const completed = [...new Set(request.completedModuleIds)].sort(cmp);
  // Keys in sorted order, as canonicalJson would write them.
  return (
    `{"completedModuleIds":${JSON.stringify(completed)},"confidence":${mapJson(request.confidence)},` +
    `"formats":${JSON.stringify(request.formats)},"phase":${JSON.stringify(request.phase)},` +
    `"priorities":${mapJson(request.priorities)},"responses":${r},"role":${JSON.stringify(request.role)},` +
    (request.settingProfile ? `"settingProfile":${mapJson(request.settingProfile)},` : '') +
    `"timeBudgetMinutes":${JSON.stringify(request.timeBudgetMinutes)},"weeklyMinutes":${JSON.stringify(request.weeklyMinutes)}}`
  );
}

/** `sha256:` + SHA-256 hex of the canonical JSON of the request (plus any extra inputs, e.g. a check-in). */
export function inputHash(request: RecommendationRequest, extra?: unknown): string {
  const body = canonicalRequestJson(request);
  return `sha256:${sha256Text(extra === undefined ? body : `{"extra":${canonicalJson(extra)},"request":${body}}`)}`;
}
