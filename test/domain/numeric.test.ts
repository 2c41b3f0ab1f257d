import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { oneDecimal, round } from '../../src/domain/numeric.js';

describe('oneDecimal', () => {
  it('writes what String(round(x, 1)) writes, for any double', () => {
    const sameAsRound = fc.property(fc.double(), (x) => {
      expect(oneDecimal(x)).toBe(String(round(x, 1)));
    });
    fc.assert(sameAsRound, { numRuns: 20_000 });
  });

  it('agrees on the values explanations write, and on the edges', () => {
    const xs = [0, -0, 0.04, -0.04, -0.05, -0.06, 0.05, 0.95, 1, 1.25, 2.35, 3.5, 4.96, 5, -1.5, 12.3, 99.95, 1e15, 1e21, NaN, Infinity, -Infinity];
    for (let i = 0; i <= 5000; i++) xs.push(1 + (4 * i) / 5000, i / 50);
    for (const x of xs) expect(oneDecimal(x), String(x)).toBe(String(round(x, 1)));
  });
});
