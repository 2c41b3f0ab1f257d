import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RecommendationRequest, RecommendationResponse } from '../../src/domain/types.js';
import { ALGORITHM_VERSION, planOnlyFromProfile, recommend } from '../../src/domain/recommend.js';
import { estimateProfile } from '../../src/domain/profile.js';
import { getShippedContent } from '../../src/content/bundled.js';
import { content, request } from './fixtures.js';
import { contentArb, requestArb } from './arbitraries.js';
import { checkInvariants, checkRounded } from './invariants.js';

describe('recommend', () => {
  it('keeps every API invariant for random valid requests', () => {
    fc.assert(
      fc.property(requestArb(content), (req) => {
        const res = recommend(content, req);
        checkInvariants(content, req, res);
        checkRounded(res);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every API invariant on random catalogues with random prerequisite graphs', () => {
    fc.assert(
      fc.property(contentArb.chain((c) => fc.tuple(fc.constant(c), requestArb(c))), ([c, req]) => {
        checkInvariants(c, req, recommend(c, req));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same bytes, whatever the order of responses or keys', () => {
    fc.assert(
      fc.property(requestArb(content), (req) => {
        const a = JSON.stringify(recommend(content, req));
        expect(JSON.stringify(recommend(content, req))).toBe(a);
        const reordered: RecommendationRequest = {
          ...req,
          responses: [...req.responses].reverse(),
          confidence: Object.fromEntries(Object.entries(req.confidence).reverse()),
          completedModuleIds: [...req.completedModuleIds].reverse(),
        };
        expect(JSON.stringify(recommend(content, reordered))).toBe(a);
      }),
      { numRuns: 150 },
    );
  });

  it('stamps provenance', () => {
    const res = recommend(content, request());
    expect(res.provenance).toEqual({
      algorithmVersion: ALGORITHM_VERSION,
      catalogueVersion: 'test-catalogue-1',
      evidenceSetId: 'test-evidence-1',
      inputHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(recommend(content, request({ timeBudgetMinutes: 241 })).provenance.inputHash).not.toBe(res.provenance.inputHash);
  });

  it('reports a profile entry for every taxonomy area, with basis and not-relevant flags', () => {
    const res = recommend(content, request({ responses: [{ itemId: 'q-vi-1', value: null }, { itemId: 'q-slcn-1', value: 2 }], confidence: { semh: 3 } }));
    expect(Object.keys(res.profile)).toEqual(content.taxonomy.areas.map((a) => a.id));
    expect(res.profile.vi).toMatchObject({ basis: 'prior', notRelevant: true });
    expect(res.profile.slcn).toMatchObject({ basis: 'responses', notRelevant: false, selfReport: 0.25 });
    expect(res.profile.semh).toMatchObject({ basis: 'direct', selfReport: 0.5 });
    expect(res.profile.autism!.selfReport).toBeUndefined();
  });

  it('recommends a sensible cold-start pathway with no answers at all', () => {
    const res = recommend(content, request({ timeBudgetMinutes: 180 }));
    expect(res.pathway.steps.length).toBeGreaterThan(1);
    expect(res.pathway.steps.every((s) => s.level !== 'advanced')).toBe(true);
  });

  it('lowers the place of an area the person marked not relevant', () => {
    const c = { ...content, catalogue: { ...content.catalogue, modules: content.catalogue.modules.filter((m) => ['vi-awareness', 'mld-basics', 'semh-basics', 'slcn-basics'].includes(m.id)) } };
    const pos = (res: RecommendationResponse) => res.pathway.steps.findIndex((s) => s.moduleId === 'vi-awareness');
    const rated = [{ itemId: 'q-slcn-1', value: 4 }, { itemId: 'q-semh-1', value: 4 }, { itemId: 'q-mld-1', value: 4 }];
    const base = recommend(c, request({ timeBudgetMinutes: 60 * 4, responses: rated }));
    const nr = recommend(c, request({ timeBudgetMinutes: 60 * 4, responses: [...rated, { itemId: 'q-vi-1', value: null }] }));
    expect(pos(base)).toBeGreaterThanOrEqual(0);
    expect(pos(nr) === -1 || pos(nr) > pos(base)).toBe(true);
  });
});

describe('planOnlyFromProfile', () => {
  it("gives recommend()'s module ids, minutes and provenance, on random catalogues and on the shipped one", () => {
    const shipped = getShippedContent();
    const same = (c: typeof content, req: RecommendationRequest) => {
      const full = recommend(c, req);
      const plan = planOnlyFromProfile(c, req, estimateProfile(c, req));
      expect(plan).toEqual({ moduleIds: full.pathway.steps.map((s) => s.moduleId), totalMinutes: full.pathway.totalMinutes, provenance: full.provenance });
    };
    fc.assert(fc.property(contentArb.chain((c) => fc.tuple(fc.constant(c), requestArb(c))), ([c, req]) => same(c, req)), { numRuns: 200 });
    fc.assert(fc.property(requestArb(shipped), (req) => same(shipped, req)), { numRuns: 200 });
  });
});
