// Orders the planner's selection so the person's largest weighted gaps come first: prerequisites before the
// modules that need them (hard), a lower-level module before a higher one on the same primary area (soft), and
// otherwise by the need of the gap each module addresses, largest first (ties in the order the planner chose).

import type { ContentIndex } from './content-index.js';

/** Relevance at which a module counts as addressing an area. */
export const ADDRESSES = 0.5;

/**
 * The need a module answers: the largest need (weight × gap, at the start) among the areas it addresses
 * (relevance ≥ ADDRESSES), or, if it addresses none, the largest relevance × need among its areas.
 */
export function needAnswered(ix: ContentIndex, m: number, need: readonly number[]): number {
  const areas = ix.entries[m]!.areas;
  const addressed = areas.filter((r) => r.relevance >= ADDRESSES).map((r) => need[r.area]!);
  return addressed.length ? Math.max(...addressed) : Math.max(0, ...areas.map((r) => r.relevance * need[r.area]!));
}

/**
 * Order `selected` (module indexes, in selection order). At each place, among the modules whose selected
 * prerequisites are placed, take the one answering the largest need, its own or that of a selected module
 * waiting for it (the earliest selected on a tie); if a
 * ready lower-level module shares its primary area, take the lowest-level such module first.
 */
export function orderSelection(ix: ContentIndex, selected: readonly number[], need: readonly number[]): number[] {
  const unplaced = [...selected];
  const chosen = new Set(selected);
  const out: number[] = [];
  const answers = new Map(selected.map((m) => [m, needAnswered(ix, m, need)]));
  // A prerequisite answers the need of the modules that wait for it.
  for (const m of selected) {
    for (const p of ix.entries[m]!.prerequisites) if (chosen.has(p)) answers.set(p, Math.max(answers.get(p)!, answers.get(m)!));
  }
  const isReady = (m: number) => ix.entries[m]!.prerequisites.every((p) => !chosen.has(p) || out.includes(p));
  while (unplaced.length > 0) {
    const ready = unplaced.filter(isReady);
    if (ready.length === 0) throw new Error('prerequisite cycle among selected modules'); // closures exclude cycles
    let pick = ready.reduce((best, m) => (answers.get(m)! > answers.get(best)! ? m : best));
    const { primaryArea } = ix.entries[pick]!;
    for (const m of ready) {
      const e = ix.entries[m]!;
      if (e.primaryArea === primaryArea && e.levelCode < ix.entries[pick]!.levelCode) pick = m;
    }
    unplaced.splice(unplaced.indexOf(pick), 1);
    out.push(pick);
  }
  return out;
}
