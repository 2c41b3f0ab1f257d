import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOfJson } from '../../src/repos/bulk-json.js';

describe('chunksOfJson', () => {
  it('splits items into JSON arrays within the bound, every item once and in order', () => {
    const item = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.record({ id: fc.string({ maxLength: 10 }), n: fc.integer() }));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.integer({ min: 2, max: 200 }), (items, maxChars) => {
        const chunks = chunksOfJson(items, maxChars);
        expect(chunks.flatMap((c) => JSON.parse(c) as unknown[])).toEqual(items);
        for (const c of chunks) {
          const inside = JSON.parse(c) as unknown[];
          expect(inside.length).toBeGreaterThan(0);
          if (inside.length > 1) expect(c.length).toBeLessThanOrEqual(maxChars);
        }
      }),
    );
  });

  it('gives no statement for no items', () => {
    expect(chunksOfJson([])).toEqual([]);
  });
});
