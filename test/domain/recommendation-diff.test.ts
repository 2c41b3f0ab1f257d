// diffRecommendations on hand-made responses: added, removed, reordered versus merely shifted steps, need changes,
// and causes limited to the modules that moved and the areas they address.
import { describe, expect, it } from 'vitest';
import type { WeightChange } from '../../src/domain/ahp/index.js';
import { diffRecommendations } from '../../src/domain/recommendation-diff.js';
import type { Catalogue, RecommendationResponse } from '../../src/domain/types.js';

const catalogue = {
  version: 't',
  notice: '',
  modules: [
    { id: 'a', areas: [{ areaId: 'slcn', relevance: 1 }] },
    { id: 'b', areas: [{ areaId: 'asd', relevance: 1 }] },
    { id: 'c', areas: [{ areaId: 'semh', relevance: 1 }] },
    { id: 'd', areas: [{ areaId: 'slcn', relevance: 0.5 }] },
    { id: 'e', areas: [{ areaId: 'vi', relevance: 1 }] },
  ],
} as unknown as Catalogue;

function response(setId: string, ids: string[], need: Record<string, number>): RecommendationResponse {
  return {
    pathway: { steps: ids.map((moduleId, i) => ({ position: i + 1, moduleId, title: moduleId.toUpperCase() })) as never, totalMinutes: 0 },
    profile: Object.fromEntries(Object.entries(need).map(([k, v]) => [k, { confidence: 0.5, uncertainty: 0.1, need: v }])),
    provenance: { algorithmVersion: 'x', catalogueVersion: 't', evidenceSetId: setId, inputHash: 'h' },
  };
}

const change = (field: WeightChange['field'], id: string, delta: number): WeightChange => ({ field, id, before: 0, after: delta, delta, scaledDelta: delta });

describe('diffRecommendations', () => {
  it('separates added, removed, reordered and shifted steps, and keeps only the causes that bear on them', () => {
    const before = response('s1', ['a', 'b', 'c', 'e'], { slcn: 0.5, asd: 0.4, semh: 0.3, vi: 0.1 });
    const after = response('s2', ['d', 'a', 'c', 'b'], { slcn: 0.7, asd: 0.4, semh: 0.3, vi: 0.1 });
    const changes = [change('areaImportance', 'slcn', 0.2), change('strength', 'd', 1), change('strength', 'e', -1), change('areaImportance', 'vi', 0.3), change('expectedImpact', 'zzz', 0.5)];
    const d = diffRecommendations(before, after, changes, catalogue);
    expect(d).toMatchObject({ fromSetId: 's1', toSetId: 's2', identical: false, firstThreeChanged: true });
    expect(d.added).toEqual([{ moduleId: 'd', title: 'D', from: null, to: 1 }]);
    expect(d.removed).toEqual([{ moduleId: 'e', title: 'E', from: 4, to: null }]);
    // c keeps position 3, so it did not move; a only made room for d; b fell behind c.
    expect(d.moved.map((m) => [m.moduleId, m.from, m.to, m.kind])).toEqual([
      ['a', 1, 2, 'shifted'],
      ['b', 2, 4, 'reordered'],
    ]);
    expect(d.needs).toEqual([{ areaId: 'slcn', before: 0.5, after: 0.7, delta: 0.2 }]);
    expect(d.causes.map((c) => [c.field, c.id, c.modules])).toEqual([
      ['areaImportance', 'slcn', ['a', 'd']],
      ['strength', 'd', ['d']],
      ['strength', 'e', ['e']],
      ['areaImportance', 'vi', ['e']],
    ]);
  });

  it('reports identical pathways with no causes', () => {
    const r = response('s1', ['a', 'b'], { slcn: 0.5 });
    const d = diffRecommendations(r, { ...r, provenance: { ...r.provenance, evidenceSetId: 's2' } }, [change('strength', 'a', 1)], catalogue);
    expect(d).toMatchObject({ identical: true, firstThreeChanged: false, added: [], removed: [], moved: [], needs: [], causes: [] });
  });
});
