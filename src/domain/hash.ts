// Input hashing for provenance: canonical JSON of a request and a synchronous SHA-256 (FIPS 180-4) in pure
// TypeScript, so the same request hashes the same in Node, workerd and a browser. Where the runtime offers a
// synchronous native SHA-256 (Node's crypto.hash, found without importing node:crypto), inputHash uses that
// instead: the same digest, several times faster.

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
const STATE = new Int32Array(8);

// Scratch buffer for the padded message (reused: every byte that is read is written first in the same call).
let scratch: Uint8Array = new Uint8Array(4096);

function scratchFor(bytes: number): Uint8Array {
  if (scratch.length < bytes) {
    let n = scratch.length;
    while (n < bytes) n *= 2;
    scratch = new Uint8Array(n);
  }
  return scratch;
}

/** SHA-256 of `bytes` as 64 lower-case hex characters. */
export function sha256Hex(bytes: Uint8Array): string {
  const m = scratchFor(bytes.length + 72);
  m.set(bytes);
  return digest(m, bytes.length);
}

/** Pads the message m[0..len) in place (m has room for it) and returns its SHA-256 in hex. */
function digest(m: Uint8Array, len: number): string {
  const total = ((len + 9 + 63) >> 6) << 6;
  m[len] = 0x80;
  m.fill(0, len + 1, total - 8);
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
  const h = STATE;
  h[0] = 0x6a09e667;
  h[1] = 0xbb67ae85;
  h[2] = 0x3c6ef372;
  h[3] = 0xa54ff53a;
  h[4] = 0x510e527f;
  h[5] = 0x9b05688c;
  h[6] = 0x1f83d9ab;
  h[7] = 0x5be0cd19;
  compress(m, total, h);
  return hex(h[0]!) + hex(h[1]!) + hex(h[2]!) + hex(h[3]!) + hex(h[4]!) + hex(h[5]!) + hex(h[6]!) + hex(h[7]!);
}

/**
 * FIPS 180-4 compression of the 64-byte blocks m[0..total) into the state h. The 64 rounds run as four groups of
 * 16 with the message schedule in 16 locals (a ring: w_t replaces w_{t−16}) and the working variables renamed
 * round by round instead of shifted (round r of a group uses a..h rotated right by r), which V8 keeps in registers.
 */
function compress(m: Uint8Array, total: number, h: Int32Array): void {
  let h0 = h[0]!, h1 = h[1]!, h2 = h[2]!, h3 = h[3]!, h4 = h[4]!, h5 = h[5]!, h6 = h[6]!, h7 = h[7]!;
  for (let o = 0; o < total; o += 64) {
    let w0 = (m[o + 0]! << 24) | (m[o + 1]! << 16) | (m[o + 2]! << 8) | m[o + 3]!;
    let w1 = (m[o + 4]! << 24) | (m[o + 5]! << 16) | (m[o + 6]! << 8) | m[o + 7]!;
    let w2 = (m[o + 8]! << 24) | (m[o + 9]! << 16) | (m[o + 10]! << 8) | m[o + 11]!;
    let w3 = (m[o + 12]! << 24) | (m[o + 13]! << 16) | (m[o + 14]! << 8) | m[o + 15]!;
    let w4 = (m[o + 16]! << 24) | (m[o + 17]! << 16) | (m[o + 18]! << 8) | m[o + 19]!;
    let w5 = (m[o + 20]! << 24) | (m[o + 21]! << 16) | (m[o + 22]! << 8) | m[o + 23]!;
    let w6 = (m[o + 24]! << 24) | (m[o + 25]! << 16) | (m[o + 26]! << 8) | m[o + 27]!;
    let w7 = (m[o + 28]! << 24) | (m[o + 29]! << 16) | (m[o + 30]! << 8) | m[o + 31]!;
    let w8 = (m[o + 32]! << 24) | (m[o + 33]! << 16) | (m[o + 34]! << 8) | m[o + 35]!;
    let w9 = (m[o + 36]! << 24) | (m[o + 37]! << 16) | (m[o + 38]! << 8) | m[o + 39]!;
    let w10 = (m[o + 40]! << 24) | (m[o + 41]! << 16) | (m[o + 42]! << 8) | m[o + 43]!;
    let w11 = (m[o + 44]! << 24) | (m[o + 45]! << 16) | (m[o + 46]! << 8) | m[o + 47]!;
    let w12 = (m[o + 48]! << 24) | (m[o + 49]! << 16) | (m[o + 50]! << 8) | m[o + 51]!;
    let w13 = (m[o + 52]! << 24) | (m[o + 53]! << 16) | (m[o + 54]! << 8) | m[o + 55]!;
    let w14 = (m[o + 56]! << 24) | (m[o + 57]! << 16) | (m[o + 58]! << 8) | m[o + 59]!;
    let w15 = (m[o + 60]! << 24) | (m[o + 61]! << 16) | (m[o + 62]! << 8) | m[o + 63]!;
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7;
    let t1 = 0, t2 = 0, x = 0, y = 0;
    for (let i = 0; i < 64; i += 16) {
      if (i > 0) {
        // w_t = σ1(w_{t−2}) + w_{t−7} + σ0(w_{t−15}) + w_{t−16}
        x = w1, y = w14;
        w0 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w9) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w0) | 0) | 0;
        x = w2, y = w15;
        w1 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w10) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w1) | 0) | 0;
        x = w3, y = w0;
        w2 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w11) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w2) | 0) | 0;
        x = w4, y = w1;
        w3 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w12) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w3) | 0) | 0;
        x = w5, y = w2;
        w4 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w13) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w4) | 0) | 0;
        x = w6, y = w3;
        w5 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w14) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w5) | 0) | 0;
        x = w7, y = w4;
        w6 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w15) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w6) | 0) | 0;
        x = w8, y = w5;
        w7 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w0) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w7) | 0) | 0;
        x = w9, y = w6;
        w8 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w1) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w8) | 0) | 0;
        x = w10, y = w7;
        w9 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w2) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w9) | 0) | 0;
        x = w11, y = w8;
        w10 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w3) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w10) | 0) | 0;
        x = w12, y = w9;
        w11 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w4) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w11) | 0) | 0;
        x = w13, y = w10;
        w12 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w5) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w12) | 0) | 0;
        x = w14, y = w11;
        w13 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w6) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w13) | 0) | 0;
        x = w15, y = w12;
        w14 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w7) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w14) | 0) | 0;
        x = w0, y = w13;
        w15 = (((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w8) | 0) + (((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w15) | 0) | 0;
      }
      // T1 = h + Σ1(e) + Ch(e, f, g) + K_t + w_t; T2 = Σ0(a) + Maj(a, b, c); d += T1; h = T1 + T2.
      t1 = ((((((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + (g ^ (e & (f ^ g)))) | 0) + ((hh + ((K[i + 0]! + w0) | 0)) | 0)) | 0;
      t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) | (c & (a | b)))) | 0;
      d = (d + t1) | 0;
      hh = (t1 + t2) | 0;
      t1 = ((((((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) + (f ^ (d & (e ^ f)))) | 0) + ((g + ((K[i + 1]! + w1) | 0)) | 0)) | 0;
      t2 = ((((hh >>> 2) | (hh << 30)) ^ ((hh >>> 13) | (hh << 19)) ^ ((hh >>> 22) | (hh << 10))) + ((hh & a) | (b & (hh | a)))) | 0;
      c = (c + t1) | 0;
      g = (t1 + t2) | 0;
      t1 = ((((((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + (e ^ (c & (d ^ e)))) | 0) + ((f + ((K[i + 2]! + w2) | 0)) | 0)) | 0;
      t2 = ((((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & hh) | (a & (g | hh)))) | 0;
      b = (b + t1) | 0;
      f = (t1 + t2) | 0;
      t1 = ((((((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + (d ^ (b & (c ^ d)))) | 0) + ((e + ((K[i + 3]! + w3) | 0)) | 0)) | 0;
      t2 = ((((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) | (hh & (f | g)))) | 0;
      a = (a + t1) | 0;
      e = (t1 + t2) | 0;
      t1 = ((((((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) + (c ^ (a & (b ^ c)))) | 0) + ((d + ((K[i + 4]! + w4) | 0)) | 0)) | 0;
      t2 = ((((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) | (g & (e | f)))) | 0;
      hh = (hh + t1) | 0;
      d = (t1 + t2) | 0;
      t1 = ((((((hh >>> 6) | (hh << 26)) ^ ((hh >>> 11) | (hh << 21)) ^ ((hh >>> 25) | (hh << 7))) + (b ^ (hh & (a ^ b)))) | 0) + ((c + ((K[i + 5]! + w5) | 0)) | 0)) | 0;
      t2 = ((((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) + ((d & e) | (f & (d | e)))) | 0;
      g = (g + t1) | 0;
      c = (t1 + t2) | 0;
      t1 = ((((((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) + (a ^ (g & (hh ^ a)))) | 0) + ((b + ((K[i + 6]! + w6) | 0)) | 0)) | 0;
      t2 = ((((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d) | (e & (c | d)))) | 0;
      f = (f + t1) | 0;
      b = (t1 + t2) | 0;
      t1 = ((((((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) + (hh ^ (f & (g ^ hh)))) | 0) + ((a + ((K[i + 7]! + w7) | 0)) | 0)) | 0;
      t2 = ((((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) | (d & (b | c)))) | 0;
      e = (e + t1) | 0;
      a = (t1 + t2) | 0;
      t1 = ((((((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + (g ^ (e & (f ^ g)))) | 0) + ((hh + ((K[i + 8]! + w8) | 0)) | 0)) | 0;
      t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) | (c & (a | b)))) | 0;
      d = (d + t1) | 0;
      hh = (t1 + t2) | 0;
      t1 = ((((((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) + (f ^ (d & (e ^ f)))) | 0) + ((g + ((K[i + 9]! + w9) | 0)) | 0)) | 0;
      t2 = ((((hh >>> 2) | (hh << 30)) ^ ((hh >>> 13) | (hh << 19)) ^ ((hh >>> 22) | (hh << 10))) + ((hh & a) | (b & (hh | a)))) | 0;
      c = (c + t1) | 0;
      g = (t1 + t2) | 0;
      t1 = ((((((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + (e ^ (c & (d ^ e)))) | 0) + ((f + ((K[i + 10]! + w10) | 0)) | 0)) | 0;
      t2 = ((((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & hh) | (a & (g | hh)))) | 0;
      b = (b + t1) | 0;
      f = (t1 + t2) | 0;
      t1 = ((((((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + (d ^ (b & (c ^ d)))) | 0) + ((e + ((K[i + 11]! + w11) | 0)) | 0)) | 0;
      t2 = ((((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) | (hh & (f | g)))) | 0;
      a = (a + t1) | 0;
      e = (t1 + t2) | 0;
      t1 = ((((((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) + (c ^ (a & (b ^ c)))) | 0) + ((d + ((K[i + 12]! + w12) | 0)) | 0)) | 0;
      t2 = ((((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) | (g & (e | f)))) | 0;
      hh = (hh + t1) | 0;
      d = (t1 + t2) | 0;
      t1 = ((((((hh >>> 6) | (hh << 26)) ^ ((hh >>> 11) | (hh << 21)) ^ ((hh >>> 25) | (hh << 7))) + (b ^ (hh & (a ^ b)))) | 0) + ((c + ((K[i + 13]! + w13) | 0)) | 0)) | 0;
      t2 = ((((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) + ((d & e) | (f & (d | e)))) | 0;
      g = (g + t1) | 0;
      c = (t1 + t2) | 0;
      t1 = ((((((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) + (a ^ (g & (hh ^ a)))) | 0) + ((b + ((K[i + 14]! + w14) | 0)) | 0)) | 0;
      t2 = ((((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d) | (e & (c | d)))) | 0;
      f = (f + t1) | 0;
      b = (t1 + t2) | 0;
      t1 = ((((((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) + (hh ^ (f & (g ^ hh)))) | 0) + ((a + ((K[i + 15]! + w15) | 0)) | 0)) | 0;
      t2 = ((((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) | (d & (b | c)))) | 0;
      e = (e + t1) | 0;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + hh) | 0;
  }
  h[0] = h0;
  h[1] = h1;
  h[2] = h2;
  h[3] = h3;
  h[4] = h4;
  h[5] = h5;
  h[6] = h6;
  h[7] = h7;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex(x: number): string {
  return HEX[(x >>> 24) & 255]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
}

const encoder = new TextEncoder();

/** SHA-256 (hex) of the UTF-8 encoding of `text` (encoded straight into the scratch buffer). */
export function sha256Text(text: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 unit; leave room for the padding.
  const m = scratchFor(3 * text.length + 72);
  const { read, written } = encoder.encodeInto(text, m);
  if (read !== text.length) return sha256Hex(encoder.encode(text)); // never expected
  return digest(m, written);
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

/** JSON.stringify(s) for a string; skips the call for the common case of nothing to escape. */
function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return '"' + s + '"';
}

/** `${JSON.stringify(v)}`, with shortcuts for numbers and strings. */
function json(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? '' + v : 'null';
  if (typeof v === 'string') return jsonString(v);
  return `${JSON.stringify(v)}`;
}

function mapJson(map: Readonly<Record<string, number>> | undefined): string {
  if (!map) return '';
  const keys = Object.keys(map);
  if (keys.length === 0) return '{}';
  const defined = keys.filter((k) => map[k] !== undefined);
  defined.sort(cmp);
  let out = '{';
  for (let i = 0; i < defined.length; i++) out += (i ? ',' : '') + jsonString(defined[i]!) + ':' + json(map[defined[i]!]);
  return out + '}';
}

type Response = RecommendationRequest['responses'][number];

const byItemThenValue = (x: Response, y: Response): number => cmp(x.itemId, y.itemId) || (x.value ?? -1) - (y.value ?? -1);

/**
 * The responses sorted by byItemThenValue, as a stable sort would. With string ids and number-or-null values
 * (always, after validation) that is a total preorder, so a stable insertion sort gives the same order as
 * Array.prototype.sort, without calling a comparator; anything else goes to Array.prototype.sort.
 */
function sortedResponses(rs: readonly Response[]): readonly Response[] {
  const n = rs.length;
  const out = [...rs]; // (spread: slice() is slow on frozen arrays)
  for (let i = 0; i < n; i++) {
    const x = out[i]!;
    const id = x.itemId;
    const v = x.value ?? -1;
    if (typeof id !== 'string' || typeof v !== 'number' || v !== v) return rs.slice().sort(byItemThenValue);
    let j = i - 1;
    for (; j >= 0; j--) {
      const y = out[j]!;
      if (!(y.itemId > id || (y.itemId === id && (y.value ?? -1) > v))) break;
      out[j + 1] = y;
    }
    out[j + 1] = x;
  }
  return out;
}

/** canonicalJson(canonicalRequest(request)), built directly (it sits on the per-request path). */
export function canonicalRequestJson(request: RecommendationRequest): string {
  const responses = sortedResponses(request.responses);
  let r = '[';
  for (let i = 0; i < responses.length; i++) {
    const x = responses[i]!;
    r += (i ? ',{"itemId":' : '{"itemId":') + json(x.itemId) + (x.value === null ? ',"value":null}' : ',"value":' + json(x.value) + '}');
  }
  r += ']';
  const ids = request.completedModuleIds;
  const completed = ids.length === 0 ? '[]' : JSON.stringify([...new Set(ids)].sort(cmp));
  // Keys in sorted order, as canonicalJson would write them.
  return (
    '{"completedModuleIds":' + completed + ',"confidence":' + mapJson(request.confidence) +
    ',"formats":' + JSON.stringify(request.formats) + ',"phase":' + json(request.phase) +
    ',"priorities":' + mapJson(request.priorities) + ',"responses":' + r + ',"role":' + json(request.role) + ',' +
    (request.settingProfile ? '"settingProfile":' + mapJson(request.settingProfile) + ',' : '') +
    '"timeBudgetMinutes":' + json(request.timeBudgetMinutes) + ',"weeklyMinutes":' + json(request.weeklyMinutes) + '}'
  );
}

// The canonical JSON of a request written straight into the scratch buffer as UTF-8, byte for byte what
// TextEncoder would make of canonicalRequestJson (the tests compare them), without building the string. Each
// writer takes the write position and returns the new one; anything unusual (characters to escape, non-ASCII,
// values that are neither numbers nor strings) goes through the same JSON.stringify calls as the string version.

/** The scratch buffer with room for `n` more bytes at `at` plus the SHA-256 padding (grown, keeping [0, at)). */
function room(at: number, n: number): Uint8Array {
  const b = scratch;
  if (at + n + 72 <= b.length) return b;
  const bigger = new Uint8Array(Math.max(2 * b.length, at + n + 72));
  bigger.set(b.subarray(0, at));
  return (scratch = bigger);
}

function putAscii(at: number, s: string): number {
  const b = room(at, s.length);
  for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
  return at;
}

function putText(at: number, s: string): number {
  const b = room(at, 3 * s.length);
  return at + encoder.encodeInto(s, b.subarray(at)).written;
}

/** JSON.stringify(s) for a string. */
function putString(at: number, s: string): number {
  const b = room(at, s.length + 2);
  const start = at;
  b[at++] = 0x22;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c >= 0x7f) return putText(start, JSON.stringify(s));
    b[at++] = c;
  }
  b[at++] = 0x22;
  return at;
}

/** json(v): `${JSON.stringify(v)}`. */
function putJson(at: number, v: unknown): number {
  if (typeof v === 'string') return putString(at, v);
  if (typeof v !== 'number') return putText(at, `${JSON.stringify(v)}`);
  if (!(v >= 0 && v < 1e9 && Math.floor(v) === v) || Object.is(v, -0)) return putAscii(at, Number.isFinite(v) ? '' + v : 'null');
  const b = room(at, 10);
  let digits = 1;
  for (let d = v; d >= 10; d = Math.floor(d / 10)) digits++;
  at += digits;
  for (let i = at - 1, n = v; i >= at - digits; i--, n = Math.floor(n / 10)) b[i] = 0x30 + (n % 10);
  return at;
}

/** JSON.stringify(xs) for an array (of strings, as a request's formats always are). */
function putStrings(at: number, xs: readonly string[]): number {
  for (let i = 0; i < xs.length; i++) if (typeof xs[i] !== 'string') return putText(at, JSON.stringify(xs));
  at = putAscii(at, '[');
  for (let i = 0; i < xs.length; i++) {
    if (i) at = putAscii(at, ',');
    at = putString(at, xs[i]!);
  }
  return putAscii(at, ']');
}

/** mapJson(map). */
function putMap(at: number, map: Readonly<Record<string, number>> | undefined): number {
  if (!map) return at;
  const keys = Object.keys(map);
  if (keys.length === 0) return putAscii(at, '{}');
  const defined = keys.filter((k) => map[k] !== undefined);
  defined.sort(cmp);
  at = putAscii(at, '{');
  for (let i = 0; i < defined.length; i++) {
    if (i) at = putAscii(at, ',');
    at = putString(at, defined[i]!);
    at = putAscii(at, ':');
    at = putJson(at, map[defined[i]!]);
  }
  return putAscii(at, '}');
}

/** canonicalRequestJson(request). */
function putRequest(at: number, request: RecommendationRequest): number {
  const ids = request.completedModuleIds;
  at = putAscii(at, '{"completedModuleIds":');
  at = ids.length === 0 ? putAscii(at, '[]') : putText(at, JSON.stringify([...new Set(ids)].sort(cmp)));
  at = putAscii(at, ',"confidence":');
  at = putMap(at, request.confidence);
  at = putAscii(at, ',"formats":');
  at = putStrings(at, request.formats);
  at = putAscii(at, ',"phase":');
  at = putJson(at, request.phase);
  at = putAscii(at, ',"priorities":');
  at = putMap(at, request.priorities);
  at = putAscii(at, ',"responses":[');
  const responses = sortedResponses(request.responses);
  for (let i = 0; i < responses.length; i++) {
    const x = responses[i]!;
    at = putAscii(at, i > 0 ? ',{"itemId":' : '{"itemId":');
    at = putJson(at, x.itemId);
    if (x.value === null) at = putAscii(at, ',"value":null}');
    else {
      at = putAscii(at, ',"value":');
      at = putJson(at, x.value);
      at = putAscii(at, '}');
    }
  }
  at = putAscii(at, '],"role":');
  at = putJson(at, request.role);
  at = putAscii(at, ',');
  if (request.settingProfile) {
    at = putAscii(at, '"settingProfile":');
    at = putMap(at, request.settingProfile);
    at = putAscii(at, ',');
  }
  at = putAscii(at, '"timeBudgetMinutes":');
  at = putJson(at, request.timeBudgetMinutes);
  at = putAscii(at, ',"weeklyMinutes":');
  at = putJson(at, request.weeklyMinutes);
  return putAscii(at, '}');
}

/** The runtime's synchronous one-shot SHA-256 (hex), if it has one: Node's crypto.hash. */
type NativeHash = (algorithm: 'sha256', data: string | Uint8Array, encoding: 'hex') => string;

const nativeHash: NativeHash | undefined = (() => {
  try {
    const getBuiltinModule = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
    const crypto = getBuiltinModule?.('node:crypto') as { hash?: unknown } | undefined;
    const hash = crypto?.hash;
    if (typeof hash !== 'function') return undefined;
    // Use it only if it agrees with the pure implementation.
    const probe = encoder.encode('sha256 probe: {"é":"😀"}');
    return (hash as NativeHash)('sha256', probe, 'hex') === sha256Hex(probe) ? (hash as NativeHash) : undefined;
  } catch {
    return undefined;
  }
})();

/** Whether inputHash uses the runtime's native SHA-256 (the digest is the same either way). */
export const inputHashIsNative: boolean = nativeHash !== undefined;

/**
 * `sha256:` + SHA-256 hex of the canonical JSON of the request (plus any extra inputs, e.g. a check-in): of
 * `{"extra":<canonicalJson(extra)>,"request":<canonicalRequestJson(request)>}` when there are extra inputs.
 * The JSON is written as UTF-8 straight into a reused buffer and hashed there.
 */
export function inputHash(request: RecommendationRequest, extra?: unknown): string {
  let at = 0;
  if (extra === undefined) at = putRequest(at, request);
  else {
    at = putAscii(at, '{"extra":');
    at = putText(at, canonicalJson(extra));
    at = putAscii(at, ',"request":');
    at = putRequest(at, request);
    at = putAscii(at, '}');
  }
  const m = scratch;
  return 'sha256:' + (nativeHash ? nativeHash('sha256', m.subarray(0, at), 'hex') : digest(m, at));
}
