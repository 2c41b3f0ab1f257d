// Coverage for leaders: per area, the share of staff at a secure confidence level and the share trained in it,
// progress towards "all staff trained", by role and phase; groups under the minimum size are suppressed
// (with a second group suppressed where one hidden group could be worked out from the total). Pure.

import type { AreaEstimate, Content } from './types.js';

/** Groups (and area cells) with fewer people than this show no figures. */
export const MIN_GROUP_SIZE = 5;
/** Internal confidence 0..1 counted as secure: 0.75 is a 4 ("confident") on the 1..5 scale. */
export const SECURE_CONFIDENCE = 0.75;
/** A completed module counts as training in an area when its relevance to the area is at least this. */
export const TRAINING_RELEVANCE = 0.5;

export interface CoveragePerson {
  readonly role: string;
  readonly phase: string;
  /** Latest confidence per area (internal 0..1), or null before a first self-assessment. */
  readonly confidence: Readonly<Record<string, number>> | null;
  readonly completed: ReadonlySet<string>;
}

export interface AreaCoverage {
  readonly areaId: string;
  /** People in the group with a self-assessment (null when suppressed). */
  readonly assessed: number | null;
  /** Share 0..1 of assessed people at or above SECURE_CONFIDENCE (null when suppressed). */
  readonly secureShare: number | null;
  /** Share 0..1 of the group who completed a relevant module (null when suppressed). */
  readonly trainedShare: number | null;
  readonly suppressed: boolean;
}

export interface GroupCoverage {
  readonly value: string;
  readonly suppressed: boolean;
  readonly staffCount: number | null;
  readonly assessed: number | null;
  /** Share 0..1 who completed at least one module (null when suppressed). */
  readonly trainedShare: number | null;
  readonly areas: readonly AreaCoverage[];
}

export interface Coverage {
  readonly minGroupSize: number;
  readonly secureConfidence: number;
  /** Towards the expectation that all staff are trained: people who completed at least one module. */
  readonly allStaffTrained: { readonly trained: number | null; readonly total: number; readonly share: number | null };
  readonly overall: GroupCoverage;
  readonly byRole: readonly GroupCoverage[];
  readonly byPhase: readonly GroupCoverage[];
}

/** The confidence coverage counts per area (0..1): the person's own latest rating where they gave one, else the estimate. */
export function coverageConfidence(profile: Readonly<Record<string, AreaEstimate>>): Record<string, number> {
  return Object.fromEntries(Object.entries(profile).map(([id, e]) => [id, e.selfReport ?? e.confidence]));
}

interface Cell {
  n: number;
  suppressed: boolean;
}

const share = (k: number, n: number) => (n ? Math.round((k / n) * 1000) / 1000 : 0);

/** Where exactly one non-empty cell is hidden, also hide the smallest shown one, so it cannot be derived. */
function complement(cells: Cell[]): void {
  const hidden = cells.filter((c) => c.suppressed && c.n > 0);
  if (hidden.length !== 1) return;
  const shown = cells.filter((c) => !c.suppressed && c.n > 0).sort((a, b) => a.n - b.n);
  if (shown[0]) shown[0].suppressed = true;
}

/** Coverage of a set of people (one setting or a whole trust). */
export function computeCoverage(content: Content, people: readonly CoveragePerson[], minGroupSize = MIN_GROUP_SIZE): Coverage {
  const areas = content.taxonomy.areas.map((a) => a.id);
  const relevantTo = new Map<string, Set<string>>(areas.map((a) => [a, new Set<string>()]));
  for (const m of content.catalogue.modules) for (const a of m.areas) if (a.relevance >= TRAINING_RELEVANCE) relevantTo.get(a.areaId)?.add(m.id);
  const trainedIn = (p: CoveragePerson, area: string) => [...p.completed].some((id) => relevantTo.get(area)!.has(id));

  interface Draft { value: string; members: CoveragePerson[]; cell: Cell; areaCells: Cell[] }
  const draft = (value: string, members: CoveragePerson[]): Draft => ({
    value,
    members,
    cell: { n: members.length, suppressed: members.length < minGroupSize },
    areaCells: areas.map(() => {
      const assessed = members.filter((p) => p.confidence !== null).length;
      return { n: assessed, suppressed: members.length < minGroupSize || assessed < minGroupSize };
    }),
  });
  const split = (key: (p: CoveragePerson) => string) => {
    const groups = new Map<string, CoveragePerson[]>();
    for (const p of people) groups.set(key(p), [...(groups.get(key(p)) ?? []), p]);
    const drafts = [...groups.keys()].sort().map((k) => draft(k, groups.get(k)!));
    complement(drafts.map((d) => d.cell));
    for (const d of drafts) if (d.cell.suppressed) d.areaCells.forEach((c) => (c.suppressed = true));
    areas.forEach((_, i) => complement(drafts.map((d) => d.areaCells[i]!)));
    return drafts;
  };
  const finish = (d: Draft): GroupCoverage => {
    const assessedPeople = d.members.filter((p) => p.confidence !== null);
    const hidden = d.cell.suppressed;
    return {
      value: d.value,
      suppressed: hidden,
      staffCount: hidden ? null : d.members.length,
      assessed: hidden ? null : assessedPeople.length,
      trainedShare: hidden ? null : share(d.members.filter((p) => p.completed.size > 0).length, d.members.length),
      areas: areas.map((areaId, i) => {
        if (d.areaCells[i]!.suppressed) return { areaId, assessed: null, secureShare: null, trainedShare: null, suppressed: true };
        const secure = assessedPeople.filter((p) => (p.confidence![areaId] ?? 0) >= SECURE_CONFIDENCE).length;
        return {
          areaId,
          assessed: assessedPeople.length,
          secureShare: share(secure, assessedPeople.length),
          trainedShare: share(d.members.filter((p) => trainedIn(p, areaId)).length, d.members.length),
          suppressed: false,
        };
      }),
    };
  };
  const overall = finish(draft('all', [...people]));
  const trained = people.filter((p) => p.completed.size > 0).length;
  return {
    minGroupSize,
    secureConfidence: SECURE_CONFIDENCE,
    allStaffTrained: overall.suppressed ? { trained: null, total: people.length, share: null } : { trained, total: people.length, share: share(trained, people.length) },
    overall,
    byRole: split((p) => p.role).map(finish),
    byPhase: split((p) => p.phase).map(finish),
  };
}
