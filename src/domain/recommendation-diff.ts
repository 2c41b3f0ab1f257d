// Why one person's pathway differs between two evidence sets: steps added, removed and moved, the change in need
// for the areas involved, and the weight changes (from diffEvidenceSets) on those areas and modules. Pure.

import type { WeightChange } from './ahp/index.js';
import type { Catalogue, RecommendationResponse } from './types.js';

export interface StepChange {
  readonly moduleId: string;
  readonly title: string;
  /** 1-based positions; null on the side where the step is absent. */
  readonly from: number | null;
  readonly to: number | null;
}

export interface MovedStep extends StepChange {
  /** `reordered`: its order relative to the other kept steps changed; `shifted`: only steps added or removed before it moved it. */
  readonly kind: 'reordered' | 'shifted';
}

export interface NeedChange {
  readonly areaId: string;
  /** Weighted need 0..1 in each response's profile. */
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

export interface Cause extends WeightChange {
  /** The changed steps this weight bears on. */
  readonly modules: readonly string[];
}

export interface RecommendationDiff {
  readonly fromSetId: string;
  readonly toSetId: string;
  /** Same module ids in the same order. */
  readonly identical: boolean;
  readonly firstThreeChanged: boolean;
  readonly added: readonly StepChange[];
  readonly removed: readonly StepChange[];
  readonly moved: readonly MovedStep[];
  readonly needs: readonly NeedChange[];
  /** Weight changes restricted to the changed steps' modules and their catalogue areas, largest first. */
  readonly causes: readonly Cause[];
}

/**
 * Compare the responses for one request under two evidence sets. `changes` is diffEvidenceSets(from, to);
 * `catalogue` tells which areas each module addresses. Need changes under 1e-4 are left out.
 */
export function diffRecommendations(
  before: RecommendationResponse,
  after: RecommendationResponse,
  changes: readonly WeightChange[],
  catalogue: Catalogue,
): RecommendationDiff {
  const pos = (r: RecommendationResponse) => new Map(r.pathway.steps.map((s) => [s.moduleId, s] as const));
  const a = pos(before);
  const b = pos(after);
  const ids = (r: RecommendationResponse) => r.pathway.steps.map((s) => s.moduleId);
  const added = after.pathway.steps.filter((s) => !a.has(s.moduleId)).map((s) => ({ moduleId: s.moduleId, title: s.title, from: null, to: s.position }));
  const removed = before.pathway.steps.filter((s) => !b.has(s.moduleId)).map((s) => ({ moduleId: s.moduleId, title: s.title, from: s.position, to: null }));
  const keptBefore = ids(before).filter((id) => b.has(id));
  const keptAfter = ids(after).filter((id) => a.has(id));
  const moved: MovedStep[] = keptAfter
    .filter((id) => a.get(id)!.position !== b.get(id)!.position)
    .map((id) => ({
      moduleId: id,
      title: b.get(id)!.title,
      from: a.get(id)!.position,
      to: b.get(id)!.position,
      kind: keptBefore.indexOf(id) !== keptAfter.indexOf(id) ? 'reordered' : 'shifted',
    }));

  const involved = new Set([...added, ...removed, ...moved].map((s) => s.moduleId));
  const areasOf = new Map(catalogue.modules.map((m) => [m.id, m.areas.map((x) => x.areaId)] as const));
  const areas = new Set([...involved].flatMap((id) => areasOf.get(id) ?? []));
  const needs = [...areas]
    .sort()
    .map((areaId) => {
      const x = before.profile[areaId]?.need ?? 0;
      const y = after.profile[areaId]?.need ?? 0;
      return { areaId, before: x, after: y, delta: Math.round((y - x) * 1e4) / 1e4 };
    })
    .filter((n) => Math.abs(n.delta) >= 1e-4);
  const causes = changes.flatMap((c): Cause[] => {
    if (c.field === 'areaImportance') {
      const modules = [...involved].filter((id) => areasOf.get(id)?.includes(c.id)).sort();
      return modules.length ? [{ ...c, modules }] : [];
    }
    return involved.has(c.id) ? [{ ...c, modules: [c.id] }] : [];
  });
  const first3 = (r: RecommendationResponse) => ids(r).slice(0, 3).join('\n');
  return {
    fromSetId: before.provenance.evidenceSetId,
    toSetId: after.provenance.evidenceSetId,
    identical: ids(before).join('\n') === ids(after).join('\n'),
    firstThreeChanged: first3(before) !== first3(after),
    added,
    removed,
    moved,
    needs,
    causes,
  };
}
