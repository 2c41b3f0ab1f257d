// inputHash writes the canonical JSON straight into a byte buffer and, where the runtime has one, hashes it with
// the native SHA-256. It must equal the pure path: SHA-256 (pure TypeScript) of the UTF-8 of canonicalRequestJson.

import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { canonicalJson, canonicalRequestJson, inputHash, inputHashIsNative, sha256Hex, sha256Text } from '../../src/domain/hash.js';
import type { RecommendationRequest } from '../../src/domain/types.js';
import { requestArb } from './arbitraries.js';

const text = fc.string({ unit: 'binary', maxLength: 12 }); // any UTF-16, lone surrogates and control characters included
const num = fc.oneof(fc.integer({ min: -5, max: 2_000_000_000 }), fc.double(), fc.constantFrom(0, -0, 1e21, 0.1, NaN, Infinity));

/** Requests of the right shape but with any strings and numbers (the writer must match JSON.stringify on all). */
const oddRequestArb = fc.record({
  role: text,
  phase: text,
  responses: fc.array(fc.record({ itemId: text, value: fc.oneof(fc.constant(null), num) }), { maxLength: 20 }),
  confidence: fc.dictionary(text, num, { maxKeys: 4 }),
  completedModuleIds: fc.array(text, { maxLength: 5 }),
  timeBudgetMinutes: num,
  weeklyMinutes: num,
  formats: fc.array(text, { maxLength: 3 }),
  priorities: fc.dictionary(text, num, { maxKeys: 4 }),
  settingProfile: fc.option(fc.dictionary(text, num, { maxKeys: 4 }), { nil: undefined }),
}) as unknown as fc.Arbitrary<RecommendationRequest>;

const pure = (r: RecommendationRequest, extra?: unknown) =>
  `sha256:${sha256Text(extra === undefined ? canonicalRequestJson(r) : `{"extra":${canonicalJson(extra)},"request":${canonicalRequestJson(r)}}`)}`;

describe('inputHash', () => {
  it('equals SHA-256 of the canonical JSON string, for valid and odd requests, with and without extra inputs', () => {
    fc.assert(
      fc.property(requestArb(getShippedContent()), (r) => {
        expect(inputHash(r)).toBe(pure(r));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(oddRequestArb, fc.option(fc.jsonValue(), { nil: undefined }), (r, extra) => {
        expect(inputHash(r)).toBe(pure(r));
        if (extra !== undefined) expect(inputHash(r, extra)).toBe(pure(r, extra));
      }),
      { numRuns: 1000 },
    );
  });

  it('handles requests larger than the initial buffer', () => {
    const big: RecommendationRequest = {
      role: 'teacher',
      phase: 'primary',
      responses: Array.from({ length: 400 }, (_, i) => ({ itemId: `item-${i}-é😀`, value: (i % 5) + 1 })),
      confidence: {},
      completedModuleIds: Array.from({ length: 200 }, (_, i) => `module-${i}`),
      timeBudgetMinutes: 360,
      weeklyMinutes: 60,
      formats: ['online'],
      priorities: {},
    };
    expect(inputHash(big)).toBe(pure(big));
    expect(inputHash(big, { checkin: 'x'.repeat(10_000) })).toBe(pure(big, { checkin: 'x'.repeat(10_000) }));
  });

  it('uses the native SHA-256 on Node, and the pure one agrees with node:crypto', () => {
    expect(inputHashIsNative).toBe(true);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});
