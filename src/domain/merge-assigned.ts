// A person's pathway as they see it: leader-assigned modules (with missing prerequisites) first, by due date,
// then their personalised steps; completed modules listed apart; weeks re-scheduled over the merged list. Pure.

import { indexContent } from './content-index.js';
import { stepFormat } from './eligibility.js';
import type { Content, Format, PathwayStep, RecommendationResponse } from './types.js';

export interface AssignedWork {
  readonly assignmentId: string;
  readonly kind: 'personalised' | 'modules';
  /** Module ids for kind `modules`. */
  readonly moduleIds: readonly string[];
  /** YYYY-MM-DD or null. */
  readonly dueDate: string | null;
  /** The assigning leader's name, or null when their account is gone. */
  readonly assignedBy: string | null;
}

export interface MergedStep extends PathwayStep {
  readonly source: 'assigned' | 'personalised';
  readonly status: 'not_started' | 'started';
  readonly assignment: { readonly id: string; readonly dueDate: string | null; readonly assignedBy: string | null } | null;
}

export interface MergedPathway {
  readonly steps: readonly MergedStep[];
  /** Minutes of the remaining steps. */
  readonly totalMinutes: number;
  readonly completed: readonly { readonly moduleId: string; readonly title: string; readonly minutes: number }[];
}

export interface MergeInput {
  /** The latest personalised recommendation, or null before the first self-assessment. */
  readonly personalised: RecommendationResponse | null;
  /** Assignments that apply to the person, oldest first. */
  readonly assignments: readonly AssignedWork[];
  readonly completed: ReadonlySet<string>;
  readonly started: ReadonlySet<string>;
  readonly formats: readonly Format[];
  /** Minutes a week for the schedule (> 0). */
  readonly weeklyMinutes: number;
}

const byDue = (a: AssignedWork, b: AssignedWork) => (a.dueDate ?? '9999') < (b.dueDate ?? '9999') ? -1 : (a.dueDate ?? '9999') > (b.dueDate ?? '9999') ? 1 : 0;

/** Assigned module ids not yet completed, each preceded by its missing prerequisites, in merged order. */
export function assignedModuleOrder(content: Content, assignments: readonly AssignedWork[], completed: ReadonlySet<string>): { moduleId: string; work: AssignedWork; neededFor: string | null }[] {
  const ix = indexContent(content);
  const out: { moduleId: string; work: AssignedWork; neededFor: string | null }[] = [];
  const listed = new Set<string>();
  const add = (id: string, work: AssignedWork, neededFor: string | null) => {
    const m = ix.moduleIndex.get(id);
    if (m === undefined || listed.has(id) || completed.has(id)) return;
    listed.add(id);
    for (const pre of ix.modules[m]!.prerequisites) add(pre, work, id);
    out.push({ moduleId: id, work, neededFor });
  };
  // Stable sort: earlier due dates first, undated last, otherwise in assignment order.
  for (const work of [...assignments].filter((a) => a.kind === 'modules').sort(byDue)) for (const id of work.moduleIds) add(id, work, null);
  return out;
}

/** Merges assigned work and the personalised pathway into the steps a person sees. */
export function mergeAssigned(content: Content, input: MergeInput): MergedPathway {
  const ix = indexContent(content);
  const steps: Omit<MergedStep, 'position' | 'week'>[] = [];
  const seen = new Set<string>();
  for (const { moduleId, work, neededFor } of assignedModuleOrder(content, input.assignments, input.completed)) {
    const m = ix.moduleIndex.get(moduleId)!;
    const mod = ix.modules[m]!;
    const by = work.assignedBy ?? 'Your leader';
    const due = work.dueDate ? ` Due ${work.dueDate}.` : '';
    const text = neededFor
      ? `Needed before “${ix.modules[ix.moduleIndex.get(neededFor)!]!.title}”, which ${by} assigned.${due}`
      : `${by} assigned this module.${due}`;
    const ev = content.evidence.modules[moduleId];
    seen.add(moduleId);
    steps.push({
      moduleId,
      title: mod.title,
      format: stepFormat(ix, m, input.formats),
      minutes: mod.minutes,
      level: mod.level,
      targets: [],
      evidence: { strength: ev?.strength ?? 0, sources: [...(ev?.sources ?? [])] },
      reasons: [{ kind: neededFor ? 'prerequisite' : 'priority', value: 1, text }],
      explanation: text,
      source: 'assigned',
      status: input.started.has(moduleId) ? 'started' : 'not_started',
      assignment: { id: work.assignmentId, dueDate: work.dueDate, assignedBy: work.assignedBy },
    });
  }
  const personal = [...input.assignments].filter((a) => a.kind === 'personalised').sort(byDue)[0];
  for (const s of input.personalised?.pathway.steps ?? []) {
    if (seen.has(s.moduleId) || input.completed.has(s.moduleId)) continue;
    seen.add(s.moduleId);
    const { position: _p, week: _w, ...rest } = s;
    steps.push({
      ...rest,
      source: 'personalised',
      status: input.started.has(s.moduleId) ? 'started' : 'not_started',
      assignment: personal ? { id: personal.assignmentId, dueDate: personal.dueDate, assignedBy: personal.assignedBy } : null,
    });
  }
  let before = 0;
  const weekly = input.weeklyMinutes > 0 ? input.weeklyMinutes : Infinity;
  const scheduled = steps.map((s, i) => {
    const step = { ...s, position: i + 1, week: 1 + Math.floor(before / weekly) } as MergedStep;
    before += s.minutes;
    return step;
  });
  const completed = [...input.completed]
    .filter((id) => ix.moduleIndex.has(id))
    .sort()
    .map((id) => {
      const mod = ix.modules[ix.moduleIndex.get(id)!]!;
      return { moduleId: id, title: mod.title, minutes: mod.minutes };
    });
  return { steps: scheduled, totalMinutes: before, completed };
}
