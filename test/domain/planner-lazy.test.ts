// The planner scores a bundle only when an upper bound says it could win the round. These tests check the two
// ceilings the bounds rest on, and that the lazy greedy picks exactly what scoring every bundle every round picks.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Content, RecommendationRequest } from '../../src/domain/types.js';
import { getShippedContent } from '../../src/content/bundled.js';
import { indexContent } from '../../src/domain/content-index.js';
import { gainFactor, gainFactorCeiling } from '../../src/domain/gain.js';
import { computeNeed, confidenceGap, confidenceGapSlopeCeiling } from '../../src/domain/need.js';
import { eligibleModules } from '../../src/domain/eligibility.js';
import { expectedGain, planPathway } from '../../src/domain/planner.js';
import { estimateProfile } from '../../src/domain/profile.js';
import { contentArb, requestArb } from './arbitraries.js';

const confidence = fc.double({ min: -0.6, max: 1.6, noNaN: true });

describe('planner bounds', () => {
  it('gainFactorCeiling(c) is at least gainFactor at c and at any higher confidence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), confidence, fc.double({ min: 0, max: 2, noNaN: true }), (level, c, rise) => {
        expect(gainFactorCeiling(level, c)).toBeGreaterThanOrEqual(gainFactor(level, c + rise));
      }),
      { numRuns: 5000 },
    );
  });

  it('the gap falls by at most the slope ceiling × the rise, from any mean at or above where the ceiling was taken', () => {
    fc.assert(
      fc.property(
        confidence,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 0.5, noNaN: true })),
        (mean, later, rise, sd) => {
          const fall = confidenceGap(mean + later, sd) - confidenceGap(mean + later + rise, sd);
          expect(fall).toBeLessThanOrEqual(confidenceGapSlopeCeiling(mean, sd) * rise * (1 + 1e-9) + 1e-15);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

/**
 * The same greedy without bounds or re-use: every round, every candidate's bundle (members not yet taken) is
 * scored from scratch, area by area in first-touched order, and the best ratio that fits wins (lowest index on a tie).
 */
function scoreEverythingGreedy(content: Content, request: RecommendationRequest): number[] {
  const ix = indexContent(content);
  const profile = estimateProfile(content, request);
  const weight = computeNeed(content, request, profile).weight;
  const eligible = eligibleModules(content, request);
  const done = ix.entries.map(() => false);
  for (const id of request.completedModuleIds) if (ix.moduleIndex.has(id)) done[ix.moduleIndex.get(id)!] = true;
  const mean = [...profile.estimate];
  const gapAt = (a: number, c: number) => confidenceGap(c, profile.sd[a]!);
  const taken: number[] = [];
  let remaining = Math.max(0, request.timeBudgetMinutes);
  const usable = (m: number) => eligible[m] && !ix.entries[m]!.prerequisites.some((p) => !done[p] && !eligible[p]);
  for (;;) {
    let best = -1;
    let bestRatio = 1e-9;
    ix.entries.forEach((entry, m) => {
      if (done[m] || !usable(m)) return;
      const members = entry.withPrerequisites.filter((q) => !done[q]);
      const minutes = members.reduce((sum, q) => sum + ix.entries[q]!.minutes, 0);
      if (minutes > remaining) return;
      const trial = new Map<number, number>();
      for (const q of members) for (const { area } of ix.entries[q]!.areas) if (!trial.has(area)) trial.set(area, mean[area]!);
      let value = 0;
      for (const area of trial.keys()) {
        let c = mean[area]!;
        for (const q of members) for (const r of ix.entries[q]!.areas) if (r.area === area) c += expectedGain(ix.entries[q]!, r.relevance, c);
        value += weight[area]! * (gapAt(area, mean[area]!) - gapAt(area, c));
      }
      const ratio = value / Math.max(1, minutes);
      if (ratio > bestRatio) [best, bestRatio] = [m, ratio];
    });
    if (best < 0) return taken.sort((x, y) => x - y);
    for (const q of ix.entries[best]!.withPrerequisites.filter((p) => !done[p])) {
      for (const r of ix.entries[q]!.areas) mean[r.area]! += expectedGain(ix.entries[q]!, r.relevance, mean[r.area]!);
      done[q] = true;
      taken.push(q);
      remaining -= ix.entries[q]!.minutes;
    }
  }
}

function plannedModules(content: Content, request: RecommendationRequest): number[] {
  const profile = estimateProfile(content, request);
  const plan = planPathway(content, request, profile, computeNeed(content, request, profile).weight);
  return plan.steps.map((s) => s.module).sort((x, y) => x - y);
}

describe('lazy greedy', () => {
  it('selects the same modules as scoring every bundle every round, on the shipped catalogue', () => {
    const shipped = getShippedContent();
    fc.assert(
      fc.property(requestArb(shipped), (request) => {
        expect(plannedModules(shipped, request)).toEqual(scoreEverythingGreedy(shipped, request));
      }),
      { numRuns: 300 },
    );
  });

  it('selects the same modules as scoring every bundle every round, on random catalogues with prerequisites', () => {
    fc.assert(
      fc.property(contentArb.chain((c) => fc.tuple(fc.constant(c), requestArb(c))), ([content, request]) => {
        expect(plannedModules(content, request)).toEqual(scoreEverythingGreedy(content, request));
      }),
      { numRuns: 300 },
    );
  });
});
