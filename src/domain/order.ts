// Orders the planner's selection: prerequisites first (hard), foundation before higher levels on the same
// primary area where possible (soft), otherwise in the order the greedy planner chose them (most valuable early).

import type { ContentIndex } from './content-index.js';

/**
 * Topological order of `selected` (module indexes, in selection order). At each place, among the modules whose
 * selected prerequisites are already placed, take the earliest selected one that no unplaced lower-level module
 * on the same primary area waits for; if every ready module waits, the earliest selected ready one.
 */
export function orderSelection(ix: ContentIndex, selected: readonly number[]): number[] {
  const unplaced = [...selected];
  const chosen = new Set(selected);
  const out: number[] = [];
  const isReady = (m: number) => ix.entries[m]!.prerequisites.every((p) => !chosen.has(p) || out.includes(p));
  const waitsForLowerLevel = (m: number) => {
    const { primaryArea, levelCode } = ix.entries[m]!;
    return unplaced.some((o) => ix.entries[o]!.primaryArea === primaryArea && ix.entries[o]!.levelCode < levelCode);
  };
  while (unplaced.length > 0) {
    const ready = unplaced.filter(isReady);
    if (ready.length === 0) throw new Error('prerequisite cycle among selected modules'); // closures exclude cycles
    const pick = ready.find((m) => !waitsForLowerLevel(m)) ?? ready[0]!;
    unplaced.splice(unplaced.indexOf(pick), 1);
    out.push(pick);
  }
  return out;
}
