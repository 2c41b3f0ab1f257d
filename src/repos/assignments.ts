// Leaders' assignments in a setting: to a person, a job role, a phase, a named group or everyone;
// either each person's personalised pathway or a fixed set of modules, with an optional due date.
import type { CompiledQuery, Kysely } from 'kysely';
import { newId } from './crypto.js';
import { toPage, type Page, type PageRequest } from './page.js';
import type { AssignmentsTable, DB } from './schema.js';
import type { Staff } from './staff.js';

export type AssignmentTarget =
  | { readonly kind: 'person'; readonly staffId: string }
  | { readonly kind: 'role' | 'phase' | 'group'; readonly value: string }
  | { readonly kind: 'everyone' };

export interface Assignment {
  readonly id: string;
  readonly settingId: string;
  readonly target: AssignmentTarget;
  readonly kind: 'personalised' | 'modules';
  readonly moduleIds: string[];
  /** YYYY-MM-DD or null. */
  readonly dueDate: string | null;
  /** Who assigned it; null once that leader's account is removed. */
  readonly assignedBy: { readonly id: string; readonly name: string } | null;
  readonly createdAt: string;
}

type Row = Omit<AssignmentsTable, 'module_ids'> & { module_ids: string; assigner_name: string | null };

function toAssignment(r: Row): Assignment {
  const target: AssignmentTarget =
    r.target_kind === 'person'
      ? { kind: 'person', staffId: r.target_staff_id! }
      : r.target_kind === 'everyone'
        ? { kind: 'everyone' }
        : { kind: r.target_kind, value: r.target_value! };
  return {
    id: r.id,
    settingId: r.setting_id,
    target,
    kind: r.kind,
    moduleIds: JSON.parse(r.module_ids) as string[],
    dueDate: r.due_date,
    assignedBy: r.assigned_by && r.assigner_name !== null ? { id: r.assigned_by, name: r.assigner_name } : null,
    createdAt: r.created_at,
  };
}

const withAssigner = (db: Kysely<DB>) =>
  db.selectFrom('assignments as a').leftJoin('users as u', 'u.id', 'a.assigned_by').selectAll('a').select('u.name as assigner_name');

export interface NewAssignment {
  readonly settingId: string;
  readonly target: AssignmentTarget;
  readonly kind: 'personalised' | 'modules';
  readonly moduleIds: readonly string[];
  readonly dueDate: string | null;
  readonly assignedBy: string | null;
}

/** The insert for a new assignment and its id, to run in an atomic() unit. */
export function newAssignmentQuery(db: Kysely<DB>, input: NewAssignment, now: Date): { id: string; query: CompiledQuery } {
  const id = newId('asg', now);
  const t = input.target;
  const query = db
    .insertInto('assignments')
    .values({
      id,
      setting_id: input.settingId,
      target_kind: t.kind,
      target_value: t.kind === 'role' || t.kind === 'phase' || t.kind === 'group' ? t.value : null,
      target_staff_id: t.kind === 'person' ? t.staffId : null,
      kind: input.kind,
      module_ids: JSON.stringify([...new Set(input.moduleIds)]),
      due_date: input.dueDate,
      assigned_by: input.assignedBy,
      created_at: now.toISOString(),
    })
    .compile();
  return { id, query };
}

export async function getAssignment(db: Kysely<DB>, id: string): Promise<Assignment | null> {
  const r = await withAssigner(db).where('a.id', '=', id).executeTakeFirst();
  return r ? toAssignment(r) : null;
}

export async function listAssignments(db: Kysely<DB>, settingId: string, page: PageRequest): Promise<Page<Assignment>> {
  let q = withAssigner(db).where('a.setting_id', '=', settingId);
  if (page.after) q = q.where('a.id', '>', page.after);
  return toPage(await q.orderBy('a.id').limit(page.limit + 1).execute(), page.limit, toAssignment);
}

/** Every assignment of a setting (for matching against many people at once). */
export async function allAssignments(db: Kysely<DB>, settingId: string): Promise<Assignment[]> {
  return (await withAssigner(db).where('a.setting_id', '=', settingId).orderBy('a.id').execute()).map(toAssignment);
}

/** True when the assignment's target includes this person (by id, job role, phase, group or everyone). */
export function targets(a: Assignment, s: Staff): boolean {
  if (a.settingId !== s.settingId) return false;
  const t = a.target;
  switch (t.kind) {
    case 'everyone':
      return true;
    case 'person':
      return t.staffId === s.id;
    case 'role':
      return s.jobRole === t.value;
    case 'phase':
      return s.phase === t.value;
    case 'group':
      return s.groups.includes(t.value);
  }
}

/** The assignments that apply to a person, oldest first. */
export async function assignmentsFor(db: Kysely<DB>, s: Staff): Promise<Assignment[]> {
  return (await allAssignments(db, s.settingId)).filter((a) => targets(a, s));
}

export async function deleteAssignment(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('assignments').where('id', '=', id).execute();
}
