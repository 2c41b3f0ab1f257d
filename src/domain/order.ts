// Orders the planner's selection: prerequisites first (hard), foundation before higher levels on the same
// primary area where possible (soft), otherwise in the order the greedy planner valued them (most valuable early).

import type { ContentIndex } from './content-index.js';

/**
 * Topological order of `selected` (module indexes, in selection order). Among modules whose selected
 * prerequisites are placed, prefer one that no unplaced lower-level module on the same primary area waits
 * for, then the earliest selected. Every prerequisite in `selected` precedes its dependants.
 */
export function orderSelection(ix: ContentIndex, selected: readonly number[]): number[] {
  const n = selected.length;
  const pos = new Map(selected.map((m, i) => [m, i] as const));
  const placed = new Uint8Array(n);
  const out: number[] = [];
  const ready = (i: number): boolean => {
    const m = selected[i]!;
    for (let k = ix.closureOffset[m]!; k < ix.closureOffset[m + 1]!; k++) {
      const j = pos.get(ix.closure[k]!);
      if (j !== undefined && !placed[j]) return false;
    }
    return true;
  };
  const softBlocked = (i: number): boolean => {
    const m = selected[i]!;
    const area = ix.primaryArea[m]!;
    for (let j = 0; j < n; j++) {
      if (placed[j] || j === i) continue;
      const o = selected[j]!;
      if (ix.primaryArea[o] === area && ix.levelCode[o]! < ix.levelCode[m]!) return true;
    }
    return false;
  };
  while (out.length < n) {
    let pick = -1;
    let fallback = -1;
    for (let i = 0; i < n; i++) {
      if (placed[i] || !ready(i)) continue;
      if (fallback < 0) fallback = i;
      if (!softBlocked(i)) {
        pick = i;
        break;
      }
    }
    if (pick < 0) pick = fallback;
    if (pick < 0) throw new Error('prerequisite cycle among selected modules'); // closures exclude cycles
    placed[pick] = 1;
    out.push(selected[pick]!);
  }
  return out;
}
