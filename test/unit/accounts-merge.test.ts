// Merging leader-assigned modules into a personalised pathway (domain/merge-assigned.ts).
import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { mergeAssigned, type AssignedWork } from '../../src/domain/merge-assigned.js';
import { recommend } from '../../src/domain/recommend.js';
import { FORMATS } from '../../src/domain/types.js';

const content = getShippedContent();
const personalised = recommend(content, {
  role: 'teacher',
  phase: 'primary',
  responses: [{ itemId: 'speech-and-language', value: 1 }],
  confidence: {},
  completedModuleIds: [],
  timeBudgetMinutes: 300,
  weeklyMinutes: 60,
  formats: [...FORMATS],
  priorities: {},
});
const work = (id: string, moduleIds: string[], dueDate: string | null, kind: AssignedWork['kind'] = 'modules'): AssignedWork => ({ assignmentId: id, kind, moduleIds, dueDate, assignedBy: 'Pat' });
const merge = (assignments: AssignedWork[], completed: string[] = [], started: string[] = []) =>
  mergeAssigned(content, { personalised, assignments, completed: new Set(completed), started: new Set(started), formats: ['online'], weeklyMinutes: 60 });

describe('mergeAssigned', () => {
  it('puts assigned modules first by due date, each after its missing prerequisites, without duplicates', () => {
    const m = merge([work('late', ['autism-distress-anxiety'], '2027-06-01'), work('soon', ['slcn-in-the-classroom'], '2027-01-10')]);
    const ids = m.steps.map((s) => s.moduleId);
    expect(ids.slice(0, 5)).toEqual(['communication-friendly-practice', 'slcn-in-the-classroom', 'understanding-autism', 'autism-environment-routines', 'autism-distress-anxiety']);
    expect(m.steps[0]!.reasons[0]!.kind).toBe('prerequisite');
    expect(m.steps[1]!.assignment).toEqual({ id: 'soon', dueDate: '2027-01-10', assignedBy: 'Pat' });
    expect(new Set(ids).size).toBe(ids.length);
    expect(m.steps.slice(5).every((s) => s.source === 'personalised')).toBe(true);
  });

  it('reschedules weeks over the merged list and totals the remaining minutes', () => {
    const m = merge([work('a', ['slcn-in-the-classroom'], null)]);
    let before = 0;
    for (const s of m.steps) {
      expect(s.week).toBe(1 + Math.floor(before / 60));
      before += s.minutes;
    }
    expect(m.totalMinutes).toBe(before);
    expect(m.steps.map((s) => s.position)).toEqual(m.steps.map((_, i) => i + 1));
  });

  it('lists completed modules apart, marks started ones, and labels personalised steps with that assignment', () => {
    const first = personalised.pathway.steps[0]!.moduleId;
    const second = personalised.pathway.steps[1]!.moduleId;
    const m = merge([work('p', [], '2027-07-01', 'personalised')], [first], [second]);
    expect(m.completed.map((c) => c.moduleId)).toEqual([first]);
    expect(m.steps.map((s) => s.moduleId)).not.toContain(first);
    expect(m.steps.find((s) => s.moduleId === second)).toMatchObject({ status: 'started', source: 'personalised', assignment: { id: 'p', dueDate: '2027-07-01' } });
  });

  it('shows assigned modules even before a first assessment', () => {
    const m = mergeAssigned(content, { personalised: null, assignments: [work('a', ['dyslexia-in-practice'], null)], completed: new Set(), started: new Set(), formats: ['online'], weeklyMinutes: 60 });
    expect(m.steps.map((s) => s.moduleId)).toEqual(['dyslexia-in-practice']);
  });
});
