import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { canonicalJson, canonicalRequestJson, inputHash, sha256Text } from '../../src/domain/hash.js';
import { request } from './fixtures.js';

describe('hash', () => {
  it('computes SHA-256 like node:crypto (FIPS 180-4 vectors and random text)', () => {
    expect(sha256Text('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Text('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(sha256Text(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
    );
  });

  it('canonicalises key order recursively and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('hashes the request, not its incidental order', () => {
    const a = request({ responses: [{ itemId: 'q1', value: 2 }, { itemId: 'q2', value: null }], completedModuleIds: ['x', 'y'], confidence: { a: 1, b: 2 } });
    const b = request({ responses: [{ itemId: 'q2', value: null }, { itemId: 'q1', value: 2 }], completedModuleIds: ['y', 'x', 'x'], confidence: { b: 2, a: 1 } });
    expect(inputHash(a)).toBe(inputHash(b));
    expect(inputHash(a)).not.toBe(inputHash({ ...a, responses: [{ itemId: 'q1', value: 3 }, { itemId: 'q2', value: null }] }));
    expect(inputHash(a)).not.toBe(inputHash({ ...a, formats: [...a.formats].reverse() })); // format order chooses step formats
    expect(inputHash(a)).not.toBe(inputHash(a, { checkin: 1 }));
  });
});

describe('canonical request', () => {
  it('writes exactly what the generic canonicaliser would', async () => {
    const { canonicalRequestJson } = await import('../../src/domain/hash.js');
    const fc2 = (await import('fast-check')).default;
    const { requestArb } = await import('./arbitraries.js');
    const { content } = await import('./fixtures.js');
    fc2.assert(
      fc2.property(requestArb(content), (req) => {
        const responses = [...req.responses].sort((x, y) => (x.itemId < y.itemId ? -1 : x.itemId > y.itemId ? 1 : (x.value ?? -1) - (y.value ?? -1)));
        const expected = canonicalJson({ ...req, responses, completedModuleIds: [...new Set(req.completedModuleIds)].sort() });
        expect(canonicalRequestJson(req)).toBe(expected);
      }),
    );
  });
  it('writes any item id and value as JSON.stringify would (escapes, non-finite values)', async () => {
    const { canonicalRequestJson } = await import('../../src/domain/hash.js');
    const response = fc.record({ itemId: fc.string({ unit: 'binary', maxLength: 12 }), value: fc.oneof(fc.constant(null), fc.integer({ min: -9, max: 9 }), fc.double()) });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 8 }), (responses) => {
        const req = request({ responses });
        const sorted = [...responses].sort((x, y) => (x.itemId < y.itemId ? -1 : x.itemId > y.itemId ? 1 : (x.value ?? -1) - (y.value ?? -1)));
        const written = JSON.parse(canonicalRequestJson(req)).responses;
        expect(canonicalRequestJson(req)).toContain(`"responses":${JSON.stringify(sorted.map((r) => ({ itemId: r.itemId, value: r.value })))}`);
        expect(written).toHaveLength(responses.length);
      }),
    );
  });
});

describe('inputHash with extra inputs', () => {
  it('hashes the generic canonical JSON of { extra, request }', async () => {
    const { requestArb } = await import('./arbitraries.js');
    const { content } = await import('./fixtures.js');
    const extraArb = fc.oneof(fc.record({ replanOf: fc.string() }), fc.record({ checkin: fc.integer(), ratings: fc.dictionary(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true })) }));
    fc.assert(
      fc.property(requestArb(content), extraArb, (req, extra) => {
        const responses = [...req.responses].sort((x, y) => (x.itemId < y.itemId ? -1 : x.itemId > y.itemId ? 1 : (x.value ?? -1) - (y.value ?? -1)));
        const canonical = { ...req, responses, completedModuleIds: [...new Set(req.completedModuleIds)].sort() };
        const text = canonicalJson({ extra, request: canonical });
        expect(inputHash(req, extra)).toBe(`sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`);
      }),
    );
  });
});

describe('inputHash is stable across engine versions', () => {
  it('gives the digest recommendations already stored carry for the same request', () => {
    // Computed by the earlier hand-written SHA-256 over the same canonical JSON; replay compares these.
    const r = request({ responses: [{ itemId: 'q-vi-1', value: 1 }, { itemId: 'q-slcn-1', value: null }], confidence: { semh: 2 }, priorities: { vi: 3 } });
    expect(inputHash(r)).toBe(GOLDEN);
    expect(inputHash(r)).toBe(`sha256:${createHash('sha256').update(canonicalRequestJson(r), 'utf8').digest('hex')}`);
  });
});

const GOLDEN = 'sha256:13e79c4a09a03aa73dccb249b5c0214dbc832ec6d15302b6f717d8290ba60612';
