// Prerequisite graph checks: finds every cycle in the modules' prerequisite links.
// Pure and small so the rules can report each cycle once, at the link that closes it.

/** A link that closes a cycle: `modules[moduleIndex].prerequisites[prerequisiteIndex]`, with the cycle as ids. */
export interface CycleLink {
  readonly moduleIndex: number;
  readonly prerequisiteIndex: number;
  /** Module ids round the cycle, starting and ending with the same id. */
  readonly cycle: readonly string[];
}

/**
 * Depth-first search over prerequisite links. Each back edge (a link to a module still on the search stack)
 * closes one cycle. Links to unknown ids are ignored here; the reference rules report them.
 */
export function findPrerequisiteCycles(
  modules: readonly { readonly id: string; readonly prerequisites: readonly string[] }[],
): CycleLink[] {
  const indexById = new Map<string, number>();
  modules.forEach((m, i) => {
    if (!indexById.has(m.id)) indexById.set(m.id, i);
  });
  const state = new Uint8Array(modules.length); // 0 = unvisited, 1 = on stack, 2 = done
  const stack: number[] = [];
  const found: CycleLink[] = [];

  const visit = (u: number): void => {
    state[u] = 1;
    stack.push(u);
    const prerequisites = modules[u]?.prerequisites ?? [];
    prerequisites.forEach((pre, j) => {
      const v = indexById.get(pre);
      if (v === undefined) return;
      if (state[v] === 1) {
        const from = stack.indexOf(v);
        const ids = stack.slice(from).map((k) => modules[k]?.id ?? '?');
        found.push({ moduleIndex: u, prerequisiteIndex: j, cycle: [...ids, pre] });
      } else if (state[v] === 0) {
        visit(v);
      }
    });
    stack.pop();
    state[u] = 2;
  };

  for (let i = 0; i < modules.length; i++) if (state[i] === 0) visit(i);
  return found;
}
