// Turning panel results into a new EvidenceSet (area importance, module strength and impact), reporting
// catalogue relevance separately, and diffing two evidence sets weight by weight.

import type { EvidenceSet, ModuleEvidence, Provenance } from '../types.js';
import { formatNumber } from './matrix.js';
import type { ModuleRatingAggregate } from './ratings.js';
import type { FieldSummary } from './stats.js';
import type { Checked, Problem } from './types.js';

export interface PanelResults {
  /** Id of the new evidence set. */
  readonly id: string;
  /** Default: base.version + 1. */
  readonly version?: number;
  readonly provenance: Provenance;
  /** Group priorities per area id (any positive scale, e.g. AHP priorities summing to 1). */
  readonly areaPriorities?: Readonly<Record<string, number>>;
  readonly moduleRatings?: readonly ModuleRatingAggregate[];
  /** Decimal places kept in the written weights. Default 4. */
  readonly decimals?: number;
}

export interface AppliedPanel {
  readonly evidence: EvidenceSet;
  /** Aggregated relevance per module id, then area id (0..1): the catalogue owns relevance, so it is not applied. */
  readonly relevanceOverrides: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** What was left as it was in the base set, and why. */
  readonly notes: readonly string[];
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function describe(panel: Provenance, s: FieldSummary): string {
  return `Expert panel '${panel.panel}' (${panel.date}): ${formatNumber(s.value)} from n=${s.n} ratings ` +
    `(median ${formatNumber(s.median)}, SD ${formatNumber(s.sd)}, IQR ${formatNumber(s.iqr)}, range ${formatNumber(s.min)}-${formatNumber(s.max)})`;
}

/**
 * A new EvidenceSet from `base` and panel results. Area priorities become `areaImportance` rescaled so the largest
 * is 1 (importance_i = w_i / max w: ratios between areas are kept, the scale is the engine's 0..1); areas the panel
 * did not compare keep their base importance (noted). Module strength (0..5) and expected impact (0..1) take the
 * aggregate `value`, with a source line describing n and dispersion; modules absent from `base` are problems.
 * Everything else (prevalence, role relevance, priors, sources lists) is carried over unchanged. Pure.
 */
export function applyPanelResults(base: EvidenceSet, panel: PanelResults): Checked<AppliedPanel> {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const decimals = panel.decimals ?? 4;
  if (!panel.id) problems.push({ path: 'id', message: 'the new evidence set needs an id' });
  if (panel.id === base.id) problems.push({ path: 'id', message: `the new evidence set must not reuse the base id '${base.id}'` });

  const areaImportance: Record<string, number> = { ...base.areaImportance };
  if (panel.areaPriorities) {
    const entries = Object.entries(panel.areaPriorities);
    entries.forEach(([areaId, w]) => {
      if (!Number.isFinite(w) || w <= 0) problems.push({ path: `areaPriorities.${areaId}`, message: `must be a positive number, got ${w}` });
    });
    if (entries.length === 0) problems.push({ path: 'areaPriorities', message: 'no area priorities given' });
    const max = Math.max(...entries.map(([, w]) => w));
    for (const [areaId, w] of entries) areaImportance[areaId] = round(w / max, decimals);
    const kept = Object.keys(base.areaImportance).filter((a) => !(a in panel.areaPriorities!)).sort();
    if (kept.length > 0) notes.push(`area importance kept from base (not compared by the panel): ${kept.join(', ')}`);
  }

  const modules: Record<string, ModuleEvidence> = { ...base.modules };
  const relevanceOverrides: Record<string, Record<string, number>> = {};
  (panel.moduleRatings ?? []).forEach((m, k) => {
    const current = base.modules[m.moduleId];
    if (!current) return void problems.push({ path: `moduleRatings[${k}].moduleId`, message: `module '${m.moduleId}' is not in base evidence set '${base.id}'` });
    modules[m.moduleId] = {
      ...current,
      ...(m.strength ? { strength: round(m.strength.value, decimals), strengthSource: describe(panel.provenance, m.strength) } : {}),
      ...(m.expectedImpact
        ? { expectedImpact: round(m.expectedImpact.value, decimals), impactSource: describe(panel.provenance, m.expectedImpact) }
        : {}),
    };
    if (!m.strength) notes.push(`module '${m.moduleId}': strength kept from base (not rated)`);
    if (!m.expectedImpact) notes.push(`module '${m.moduleId}': expected impact kept from base (not rated)`);
    const areas = Object.entries(m.relevance);
    if (areas.length > 0) relevanceOverrides[m.moduleId] = Object.fromEntries(areas.map(([a, s]) => [a, round(s.value, decimals)]));
  });
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    evidence: {
      ...base,
      id: panel.id,
      version: panel.version ?? base.version + 1,
      provenance: panel.provenance,
      modules,
      areaImportance,
    },
    relevanceOverrides,
    notes,
  };
}

export type WeightField = 'areaImportance' | 'strength' | 'expectedImpact';

export interface WeightChange {
  readonly field: WeightField;
  /** Area id for areaImportance, module id otherwise. */
  readonly id: string;
  /** null when the weight is absent on that side. */
  readonly before: number | null;
  readonly after: number | null;
  /** after - before, an absent side counting as 0. */
  readonly delta: number;
  /** delta divided by the field's full range (strength 5, the others 1): what the ordering uses. */
  readonly scaledDelta: number;
}

const RANGE: Readonly<Record<WeightField, number>> = { areaImportance: 1, strength: 5, expectedImpact: 1 };

/**
 * Every weight that differs between evidence sets `a` (before) and `b` (after): area importance and module
 * strength and expected impact, including ones added or removed. Sorted by |scaledDelta| descending, then field
 * and id, so strength (0..5) and the 0..1 weights are ranked on a common scale. Differences below 1e-12 are ignored.
 */
export function diffEvidenceSets(a: EvidenceSet, b: EvidenceSet): readonly WeightChange[] {
  const changes: WeightChange[] = [];
  const compare = (field: WeightField, id: string, before: number | undefined, after: number | undefined): void => {
    if (before !== undefined && after !== undefined && Math.abs(after - before) < 1e-12) return;
    const delta = (after ?? 0) - (before ?? 0);
    changes.push({ field, id, before: before ?? null, after: after ?? null, delta, scaledDelta: delta / RANGE[field] });
  };
  const keys = (x: object, y: object): string[] => [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  for (const id of keys(a.areaImportance, b.areaImportance)) compare('areaImportance', id, a.areaImportance[id], b.areaImportance[id]);
  for (const id of keys(a.modules, b.modules)) {
    compare('strength', id, a.modules[id]?.strength, b.modules[id]?.strength);
    compare('expectedImpact', id, a.modules[id]?.expectedImpact, b.modules[id]?.expectedImpact);
  }
  const order: readonly WeightField[] = ['areaImportance', 'strength', 'expectedImpact'];
  return changes.sort(
    (p, q) =>
      Math.abs(q.scaledDelta) - Math.abs(p.scaledDelta) ||
      order.indexOf(p.field) - order.indexOf(q.field) ||
      (p.id < q.id ? -1 : p.id > q.id ? 1 : 0),
  );
}
