// The lazy planner against a small, straightforward exact greedy kept here as the reference: every round
// re-scores every bundle from scratch. They must agree exactly (same picks, same ties, same numbers), on the
// shipped content, the fixture, random catalogues and awkward ones (duplicate areas, modules without areas or
// gain, tiny minutes, more than 31 areas so area masks saturate, completed prerequisites).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { indexContent, formatBit, phaseBit, roleBit } from '../../src/domain/content-index.js';
import { gainFactor, gainFactorCeiling, gainFactorCeilingsInto } from '../../src/domain/gain.js';
import { computeNeed, confidenceGap, confidenceGapSlopeCeiling } from '../../src/domain/need.js';
import { orderSelection } from '../../src/domain/order.js';
import { applyGains, planPathway, stepFormat, type Plan, type PlannedStep, type StepGain } from '../../src/domain/planner.js';
import { estimateProfile, type Profile } from '../../src/domain/profile.js';
import { FORMATS, LEVELS, PHASES, ROLES } from '../../src/domain/types.js';
import type { Content, Module, NeedsArea, RecommendationRequest } from '../../src/domain/types.js';
import { contentArb, requestArb } from './arbitraries.js';
import { content as fixture } from './fixtures.js';

/** Exact greedy, written for clarity: the behaviour planPathway must reproduce. */
function referencePlan(content: Content, request: RecommendationRequest, profile: Profile, importance: Float64Array): Plan {
  const ix = indexContent(content);
  const M = ix.modules.length;
  let fb = 0;
  for (const f of request.formats) fb |= formatBit(f);
  const eligible = (m: number) =>
    (ix.roleMask[m]! & roleBit(request.role)) !== 0 &&
    (ix.phaseMask[m]! & phaseBit(request.phase)) !== 0 &&
    (ix.formatMask[m]! & fb) !== 0 &&
    !ix.brokenPrereqs[m];
  const done = new Set<number>();
  for (const id of request.completedModuleIds) {
    const m = ix.moduleIndex.get(id);
    if (m !== undefined) done.add(m);
  }
  const cur = profile.mean.slice();
  const sd = profile.sd;
  const pulledInBy = new Map<number, number>();
  const selected: number[] = [];
  let remaining = Math.max(0, request.timeBudgetMinutes);

  /** The bundle for m (undone prerequisites in closure order, then m), or undefined if one is unsuitable. */
  const bundle = (m: number): number[] | undefined => {
    const members: number[] = [];
    for (let k = ix.closureOffset[m]!; k < ix.closureOffset[m + 1]!; k++) {
      const p = ix.closure[k]!;
      if (done.has(p)) continue;
      if (!eligible(p)) return undefined;
      members.push(p);
    }
    members.push(m);
    return members;
  };

  /** Weighted gap closed by applying the members in order to a copy of the current means. */
  const value = (members: readonly number[]): number => {
    const shift = new Map<number, number>(); // area → shift, in order of first touch
    for (const q of members) {
      const g0 = ix.baseGain[q]!;
      if (g0 <= 0) continue;
      for (let k = ix.modOffset[q]!; k < ix.modOffset[q + 1]!; k++) {
        const a = ix.modArea[k]!;
        if (importance[a]! <= 0) continue;
        const s = shift.get(a) ?? 0;
        shift.set(a, s + g0 * ix.modRelevance[k]! * gainFactor(ix.levelCode[q]!, cur[a]! + s));
      }
    }
    let v = 0;
    for (const [a, s] of shift) v += importance[a]! * (confidenceGap(cur[a]!, sd[a]!) - confidenceGap(cur[a]! + s, sd[a]!));
    return v;
  };

  for (;;) {
    let best = -1;
    let bestRatio = 0;
    for (let m = 0; m < M; m++) {
      if (done.has(m) || !eligible(m) || ix.minutes[m]! > remaining) continue;
      const members = bundle(m);
      if (!members) continue;
      const mins = members.reduce((t, q) => t + ix.minutes[q]!, 0);
      const ratio = value(members) / (mins > 1 ? mins : 1);
      if (mins <= remaining && ratio > bestRatio) {
        bestRatio = ratio;
        best = m;
      }
    }
    if (best < 0 || bestRatio <= 1e-9) break;
    for (const q of bundle(best)!) {
      done.add(q);
      remaining -= ix.minutes[q]!;
      selected.push(q);
      if (q !== best) pulledInBy.set(q, best);
      applyGains(ix, q, cur, importance, null);
    }
  }

  const state = profile.mean.slice();
  const weekly = request.weeklyMinutes > 0 ? request.weeklyMinutes : Infinity;
  let cum = 0;
  const steps: PlannedStep[] = orderSelection(ix, selected).map((m) => {
    const gains: StepGain[] = [];
    const v = applyGains(ix, m, state, importance, gains, sd);
    gains.sort((x, y) => y.gain - x.gain || x.area - y.area);
    const week = 1 + Math.floor(cum / weekly);
    cum += ix.minutes[m]!;
    return { module: m, format: stepFormat(ix, m, request.formats), minutes: ix.minutes[m]!, week, gains, value: v, pulledInBy: pulledInBy.get(m) ?? -1 };
  });
  return { steps, totalMinutes: cum };
}

function expectSamePlan(content: Content, request: RecommendationRequest): void {
  const profile = estimateProfile(content, request);
  const importance = computeNeed(content, request, profile).importance;
  expect(planPathway(content, request, profile, importance)).toEqual(referencePlan(content, request, profile, importance));
}

/** The original ordering rule, O(n³): the reference for orderSelection. */
function referenceOrder(content: Content, selected: readonly number[]): number[] {
  const ix = indexContent(content);
  const pos = new Map(selected.map((m, i) => [m, i] as const));
  const placed = new Array<boolean>(selected.length).fill(false);
  const out: number[] = [];
  const ready = (i: number) => {
    const m = selected[i]!;
    for (let k = ix.closureOffset[m]!; k < ix.closureOffset[m + 1]!; k++) {
      const j = pos.get(ix.closure[k]!);
      if (j !== undefined && !placed[j]) return false;
    }
    return true;
  };
  const softBlocked = (i: number) =>
    selected.some((o, j) => !placed[j] && j !== i && ix.primaryArea[o] === ix.primaryArea[selected[i]!] && ix.levelCode[o]! < ix.levelCode[selected[i]!]!);
  while (out.length < selected.length) {
    let pick = -1;
    let fallback = -1;
    for (let i = 0; i < selected.length; i++) {
      if (placed[i] || !ready(i)) continue;
      if (fallback < 0) fallback = i;
      if (!softBlocked(i)) {
        pick = i;
        break;
      }
    }
    if (pick < 0) pick = fallback;
    placed[pick] = true;
    out.push(selected[pick]!);
  }
  return out;
}

/** Awkward catalogues: 0..40 extra areas, duplicate areas in a module, no areas, no gain, tiny minutes, DAGs. */
const awkwardContentArb: fc.Arbitrary<Content> = fc
  .record({
    extraAreas: fc.constantFrom(0, 0, 3, 40),
    specs: fc.array(
      fc.record({
        minutes: fc.oneof(fc.integer({ min: 10, max: 180 }), fc.constantFrom(0, 0.5, 1, 2.5)),
        formats: fc.subarray([...FORMATS], { minLength: 1 }),
        roles: fc.subarray([...ROLES], { minLength: 1 }),
        phases: fc.subarray([...PHASES], { minLength: 1 }),
        level: fc.constantFrom(...LEVELS),
        prereqPicks: fc.array(fc.nat(), { maxLength: 3 }),
        areaPicks: fc.array(fc.record({ pick: fc.nat(), relevance: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 4 }),
        impact: fc.oneof(fc.double({ min: 0, max: 0.4, noNaN: true }), fc.constant(0)),
        strength: fc.integer({ min: 0, max: 5 }),
      }),
      { minLength: 1, maxLength: 30 },
    ),
  })
  .map(({ extraAreas, specs }) => {
    const extra: NeedsArea[] = Array.from({ length: extraAreas }, (_, i) => ({ id: `x${i}`, name: `Extra ${i}`, group: 'practice', description: '' }));
    const areas = [...fixture.taxonomy.areas, ...extra];
    const modules: Module[] = specs.map((s, i) => ({
      id: `m${i}`,
      title: `Module ${i}`,
      summary: '',
      outcomes: [],
      minutes: s.minutes,
      formats: s.formats,
      roles: s.roles,
      phases: s.phases,
      level: s.level,
      prerequisites: i === 0 ? [] : [...new Set(s.prereqPicks.map((p) => `m${p % i}`))],
      areas: s.areaPicks.map((a) => ({ areaId: areas[a.pick % areas.length]!.id, relevance: a.relevance })), // may repeat an area
    }));
    return {
      ...fixture,
      taxonomy: { ...fixture.taxonomy, areas },
      catalogue: { version: 'awkward', notice: '', modules },
      evidence: {
        ...fixture.evidence,
        areaImportance: { ...fixture.evidence.areaImportance, ...Object.fromEntries(extra.map((a, i) => [a.id, (i % 5) / 4])) },
        modules: Object.fromEntries(
          specs.map((s, i) => [`m${i}`, { strength: s.strength, strengthSource: '', expectedImpact: s.impact, impactSource: '', sources: [] }]),
        ),
      },
    };
  });

const withRequest = (c: fc.Arbitrary<Content>) => c.chain((content) => fc.tuple(fc.constant(content), requestArb(content)));

describe('planner equivalence with exact greedy', () => {
  const shipped = getShippedContent();

  it('matches on the shipped content', () => {
    fc.assert(fc.property(requestArb(shipped), (r) => expectSamePlan(shipped, r)), { numRuns: 400 });
    // Large budgets take most of the catalogue.
    fc.assert(fc.property(requestArb(shipped), (r) => expectSamePlan(shipped, { ...r, timeBudgetMinutes: 3000 })), { numRuns: 100 });
  });

  it('matches on the fixture and on random catalogues', () => {
    fc.assert(fc.property(requestArb(fixture), (r) => expectSamePlan(fixture, r)), { numRuns: 300 });
    fc.assert(fc.property(withRequest(contentArb), ([c, r]) => expectSamePlan(c, r)), { numRuns: 500 });
  });

  it('matches on awkward catalogues', () => {
    fc.assert(fc.property(withRequest(awkwardContentArb), ([c, r]) => expectSamePlan(c, r)), { numRuns: 500 });
  });

  it('orders any selection as the original rule does', () => {
    const ix = indexContent(shipped);
    const all = Array.from({ length: ix.modules.length }, (_, m) => m);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { maxLength: 30 }), (selected) => {
        // Keep only selections the planner could make: every selected module's prerequisites selected too.
        const closed = selected.filter((m) => {
          for (let k = ix.closureOffset[m]!; k < ix.closureOffset[m + 1]!; k++) if (!selected.includes(ix.closure[k]!)) return false;
          return true;
        });
        expect(orderSelection(ix, closed)).toEqual(referenceOrder(shipped, closed));
      }),
      { numRuns: 500 },
    );
  });

  it('bounds what it skips soundly: gain and gap-slope ceilings hold for every higher confidence', () => {
    const conf = fc.double({ min: -0.6, max: 1.6, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), conf, conf, (level, c1, c2) => {
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        expect(gainFactorCeiling(level, lo)).toBeGreaterThanOrEqual(gainFactor(level, hi) * (1 - 1e-12));
        const out = new Float64Array(6);
        gainFactorCeilingsInto(lo, 2, out, 1, 2);
        expect(out[1 + 2 * level]).toBe(2 * gainFactorCeiling(level, lo));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(conf, conf, conf, fc.oneof(fc.double({ min: 0.001, max: 0.6, noNaN: true }), fc.constant(1e-10)), (a, b, c, sd) => {
        const [mean, x, y] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        const drop = confidenceGap(x, sd) - confidenceGap(y, sd);
        expect(confidenceGapSlopeCeiling(mean, sd) * (y - x) * (1 + 1e-9) + 1e-12).toBeGreaterThanOrEqual(drop);
      }),
      { numRuns: 5000 },
    );
  });
});
