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
  /** Areas where the latest confidence (coverageConfidence) is secure, or null before a first self-assessment. */
  readonly secure: ReadonlySet<string> | null;
  readonly completed: ReadonlySet<string>;
  /** How many people this row stands for (people alike in all of the above); default 1. */
  readonly count?: number;
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

/** The areas counted secure: confidence (as coverageConfidence gives it) at or above SECURE_CONFIDENCE. */
export function secureAreas(confidence: Readonly<Record<string, number>>): string[] {
  return Object.keys(confidence).filter((id) => confidence[id]! >= SECURE_CONFIDENCE);
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

/** A group's counts: people, assessed, trained in anything, and per area (in taxonomy order) secure and trained. */
export interface Tally {
  n: number;
  assessed: number;
  trainedAny: number;
  readonly secure: number[];
  readonly trained: number[];
}

/** The counts of the people of one role in one phase; coverage adds them up per role, per phase and overall. */
export interface CoverageCell extends Tally {
  readonly role: string;
  readonly phase: string;
}

/** Areas each module counts as training in (relevance at least TRAINING_RELEVANCE), as indexes into the taxonomy. */
export function trainingAreas(content: Content): Map<string, number[]> {
  const areas = content.taxonomy.areas.map((a) => a.id);
  const areaOfModule = new Map<string, number[]>();
  for (const m of content.catalogue.modules) {
    for (const a of m.areas) {
      const i = areas.indexOf(a.areaId);
      if (a.relevance >= TRAINING_RELEVANCE && i >= 0) areaOfModule.set(m.id, [...(areaOfModule.get(m.id) ?? []), i]);
    }
  }
  return areaOfModule;
}

export const emptyTally = (areas: number): Tally => ({ n: 0, assessed: 0, trainedAny: 0, secure: new Array<number>(areas).fill(0), trained: new Array<number>(areas).fill(0) });

/** Adds `t` into `into`. */
export function addTally(into: Tally, t: Tally): void {
  into.n += t.n;
  into.assessed += t.assessed;
  into.trainedAny += t.trainedAny;
  for (let i = 0; i < into.secure.length; i++) {
    into.secure[i]! += t.secure[i]!;
    into.trained[i]! += t.trained[i]!;
  }
}

/** Coverage of a set of people (one setting or a whole trust): one pass over the people into cells, then the groups. */
export function computeCoverage(content: Content, people: readonly CoveragePerson[], minGroupSize = MIN_GROUP_SIZE): Coverage {
  const areas = content.taxonomy.areas.map((a) => a.id);
  const areaOfModule = trainingAreas(content);
  const cells = new Map<string, CoverageCell>();
  const trained = areas.map(() => false);
  for (const p of people) {
    const key = `${p.role}\u0000${p.phase}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { role: p.role, phase: p.phase, ...emptyTally(areas.length) }));
    const k = p.count ?? 1;
    trained.fill(false);
    for (const id of p.completed) for (const i of areaOfModule.get(id) ?? []) trained[i] = true;
    cell.n += k;
    if (p.secure !== null) cell.assessed += k;
    if (p.completed.size > 0) cell.trainedAny += k;
    for (let i = 0; i < areas.length; i++) {
      if (p.secure !== null && p.secure.has(areas[i]!)) cell.secure[i]! += k;
      if (trained[i]) cell.trained[i]! += k;
    }
  }
  return coverageOfCells(areas, [...cells.values()], minGroupSize);
}

/** Coverage from the counts of each role in each phase (`areas` in taxonomy order): groups, suppression, shares. */
export function coverageOfCells(areas: readonly string[], cells: readonly CoverageCell[], minGroupSize = MIN_GROUP_SIZE): Coverage {
  const overallT = emptyTally(areas.length);
  const byRole = new Map<string, Tally>();
  const byPhase = new Map<string, Tally>();
  const tally = () => emptyTally(areas.length);
  for (const c of cells) {
    addTally(overallT, c);
    addTally(groupOf(byRole, c.role, tally), c);
    addTally(groupOf(byPhase, c.phase, tally), c);
  }
  const total = overallT.n;
  interface Draft { value: string; t: Tally; cell: Cell; areaCells: Cell[] }
  const draft = (value: string, t: Tally): Draft => ({
    value,
    t,
    cell: { n: t.n, suppressed: t.n < minGroupSize },
    areaCells: areas.map(() => ({ n: t.assessed, suppressed: t.n < minGroupSize || t.assessed < minGroupSize })),
  });
  const split = (groups: Map<string, Tally>) => {
    const drafts = [...groups.keys()].sort().map((k) => draft(k, groups.get(k)!));
    complement(drafts.map((d) => d.cell));
    for (const d of drafts) if (d.cell.suppressed) d.areaCells.forEach((c) => (c.suppressed = true));
    areas.forEach((_, i) => complement(drafts.map((d) => d.areaCells[i]!)));
    return drafts;
  };
  const finish = (d: Draft): GroupCoverage => {
    const { t } = d;
    const hidden = d.cell.suppressed;
    return {
      value: d.value,
      suppressed: hidden,
      staffCount: hidden ? null : t.n,
      assessed: hidden ? null : t.assessed,
      trainedShare: hidden ? null : share(t.trainedAny, t.n),
      areas: areas.map((areaId, i) => {
        if (d.areaCells[i]!.suppressed) return { areaId, assessed: null, secureShare: null, trainedShare: null, suppressed: true };
        return { areaId, assessed: t.assessed, secureShare: share(t.secure[i]!, t.assessed), trainedShare: share(t.trained[i]!, t.n), suppressed: false };
      }),
    };
  };
  const overall = finish(draft('all', overallT));
  return {
    minGroupSize,
    secureConfidence: SECURE_CONFIDENCE,
    allStaffTrained: overall.suppressed ? { trained: null, total, share: null } : { trained: overallT.trainedAny, total, share: share(overallT.trainedAny, total) },
    overall,
    byRole: split(byRole).map(finish),
    byPhase: split(byPhase).map(finish),
  };
}

function groupOf(groups: Map<string, Tally>, key: string, make: () => Tally): Tally {
  let t = groups.get(key);
  if (!t) groups.set(key, (t = make()));
  return t;
}
