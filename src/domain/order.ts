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
  const out: number[] = [];
  if (n === 0) return out;
  const s = scratchFor(ix);
  // pos[m] = index of module m in `selected` (the last, if listed twice), else -1. waiting[(area + 1) × 3 + level]
  // = unplaced selected modules with that primary area (-1 for none) and level. Both are reset before returning.
  const { pos, waiting } = s;
  const { closureOffset, closure, primaryArea, levelCode } = ix;
  for (let i = 0; i < n; i++) {
    const m = selected[i]!;
    pos[m] = i;
    waiting[(primaryArea[m]! + 1) * 3 + levelCode[m]!]!++;
  }
  const placed = new Uint8Array(n);
  try {
    while (out.length < n) {
      let pick = -1;
      let fallback = -1;
      for (let i = 0; i < n; i++) {
        if (placed[i]) continue;
        const m = selected[i]!;
        // Ready: every selected prerequisite is placed.
        let ready = true;
        for (let k = closureOffset[m]!; k < closureOffset[m + 1]!; k++) {
          const j = pos[closure[k]!]!;
          if (j >= 0 && !placed[j]) {
            ready = false;
            break;
          }
        }
        if (!ready) continue;
        if (fallback < 0) fallback = i;
        // Soft-blocked: an unplaced lower-level module on the same primary area is waiting.
        const row = (primaryArea[m]! + 1) * 3;
        const level = levelCode[m]!;
        let soft = false;
        for (let l = 0; l < level; l++) if (waiting[row + l]! > 0) soft = true;
        if (!soft) {
          pick = i;
          break;
        }
      }
      if (pick < 0) pick = fallback;
      if (pick < 0) throw new Error('prerequisite cycle among selected modules'); // closures exclude cycles
      placed[pick] = 1;
      const m = selected[pick]!;
      waiting[(primaryArea[m]! + 1) * 3 + levelCode[m]!]!--;
      out.push(m);
    }
  } finally {
    for (let i = 0; i < n; i++) {
      const m = selected[i]!;
      pos[m] = -1;
      waiting[(primaryArea[m]! + 1) * 3 + levelCode[m]!] = 0;
    }
  }
  return out;
}

// Scratch arrays per content index (reset to all -1 / all 0 before orderSelection returns).
const scratches = new WeakMap<ContentIndex, { pos: Int32Array; waiting: Int32Array }>();

function scratchFor(ix: ContentIndex): { pos: Int32Array; waiting: Int32Array } {
  let s = scratches.get(ix);
  if (!s) scratches.set(ix, (s = { pos: new Int32Array(ix.modules.length).fill(-1), waiting: new Int32Array((ix.areas.length + 1) * 3) }));
  return s;
}
