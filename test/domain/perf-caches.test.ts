// The engine keeps per-content caches and scratch space (planner workspace, explanation texts, typed-array
// chunks). A response must not depend on what was computed before it, and nothing a call returned may change
// afterwards.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { computeNeed } from '../../src/domain/need.js';
import { estimateProfile } from '../../src/domain/profile.js';
import { recommend } from '../../src/domain/recommend.js';
import type { RecommendationRequest } from '../../src/domain/types.js';
import { requestArb } from './arbitraries.js';
import { content as fixture } from './fixtures.js';

describe('per-content caches', () => {
  for (const [name, content] of [['shipped', getShippedContent()], ['fixture', fixture]] as const) {
    it(`give the same responses warm as from a fresh copy of the content (${name})`, () => {
      const requests = fc.sample(requestArb(content), { seed: 7, numRuns: 300 });
      const warm = requests.map((r) => JSON.stringify(recommend(content, r)));
      // A structurally equal copy has its own (empty) caches; answer in reverse order to vary what came before.
      const fresh = structuredClone(content);
      for (let i = requests.length - 1; i >= 0; i--) expect(JSON.stringify(recommend(fresh, requests[i]!))).toBe(warm[i]);
    });
  }

  it('never reuse arrays a call has returned', () => {
    const content = getShippedContent();
    const [first, ...rest] = fc.sample(requestArb(content), { seed: 8, numRuns: 200 }) as RecommendationRequest[];
    const profile = estimateProfile(content, first!);
    const need = computeNeed(content, first!, profile);
    const before = JSON.stringify([profile, need].map((o) => Object.values(o).map((v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))));
    for (const r of rest) recommend(content, r);
    const after = JSON.stringify([profile, need].map((o) => Object.values(o).map((v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))));
    expect(after).toBe(before);
  });
});
