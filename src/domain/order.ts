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
  let addresses = false;
  let addressed = -Infinity;
  let touched = 0;
  for (const { area, relevance } of ix.entries[m]!.areas) {
    if (relevance >= ADDRESSES) {
      addresses = true;
      addressed = Math.max(addressed, need[area]!);
    }
    touched = Math.max(touched, relevance * need[area]!);
  }
  return addresses ? addressed : touched;
}

/**
 * Order `selected` (module indexes, in selection order). At each place, among the modules whose selected
 * prerequisites are placed, take the one answering the largest need, its own or that of a selected module
 * waiting for it (the earliest selected on a tie); if a
 * ready lower-level module shares its primary area, take the lowest-level such module first.
 */
export function orderSelection(ix: ContentIndex, selected: readonly number[], need: readonly number[]): number[] {
  const answers = selected.map((m) => needAnswered(ix, m, need));
  // waiting[i]: how many of selected[i]'s prerequisites are selected and not yet placed. A prerequisite answers
  // the need of the modules that wait for it.
  const waiting = selected.map(() => 0);
  selected.forEach((m, i) => {
    for (const p of ix.entries[m]!.prerequisites) {
      const j = selected.indexOf(p);
      if (j < 0) continue;
      answers[j] = Math.max(answers[j]!, answers[i]!);
      waiting[i]!++;
    }
  });
  const placed = selected.map(() => false);
  const out: number[] = [];
  while (out.length < selected.length) {
    let pick = -1;
    for (let i = 0; i < selected.length; i++) if (isReady(i, placed, waiting) && (pick < 0 || answers[i]! > answers[pick]!)) pick = i;
    if (pick < 0) throw new Error('prerequisite cycle among selected modules'); // closures exclude cycles
    const { primaryArea } = ix.entries[selected[pick]!]!;
    for (let i = 0; i < selected.length; i++) {
      const e = ix.entries[selected[i]!]!;
      if (isReady(i, placed, waiting) && e.primaryArea === primaryArea && e.levelCode < ix.entries[selected[pick]!]!.levelCode) pick = i;
    }
    placed[pick] = true;
    out.push(selected[pick]!);
    for (const d of ix.dependants[selected[pick]!]!) {
      const k = selected.indexOf(d);
      if (k >= 0) waiting[k]!--;
    }
  }
  return out;
}

/**
 * Whether selected[i] can be placed next: not yet placed, and no selected prerequisite waiting. A module-level
 * function, not a closure: the TypeScript loader (tsx, which runs the service) names a closure with a call each time
 * one is made.
 */
function isReady(i: number, placed: readonly boolean[], waiting: readonly number[]): boolean {
  return !placed[i] && waiting[i] === 0;
}
