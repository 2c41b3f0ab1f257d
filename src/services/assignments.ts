// Assignments, for the API and the leader dashboard alike: the rules a new one must meet (modules of the setting's
// catalogue, a person of the setting), writing it with its `assignment.created` webhook message, and withdrawing one.
import { webhookEvent } from '../integrations/webhook-events.js';
import { deleteAssignment, getAssignment, newAssignmentQuery, type Assignment, type NewAssignment } from '../repos/assignments.js';
import { getOrg, type Org } from '../repos/orgs.js';
import { getStaff } from '../repos/staff.js';
import type { Deps } from './deps.js';
import { catalogueForOrg } from './local-content.js';
import { succeed, type Failure, type Outcome, type ServiceProblem } from './outcome.js';
import { mayManageOrg, type Actor } from './tenancy.js';

/** Writes the assignment and its webhook message together (the ids are checked already). */
async function assign(deps: Deps, input: NewAssignment): Promise<Assignment> {
  const database = deps.database;
  const now = deps.now();
  const made = newAssignmentQuery(database.db, input, now);
  const t = input.target;
  const target = { kind: t.kind, value: 'value' in t ? t.value : null, staffId: t.kind === 'person' ? t.staffId : null };
  await database.atomic([
    made.query,
    webhookEvent(database.db, input.settingId, 'assignment.created', { assignmentId: made.id, target, kind: input.kind, moduleIds: [...new Set(input.moduleIds)], dueDate: input.dueDate }, now),
  ]);
  return (await getAssignment(database.db, made.id))!;
}

/** Why an assignment was refused: a module the setting's catalogue lacks, or a person of another setting. */
export type AssignFailure = Failure<'unknown-ids'>;

/**
 * Assigns work in `setting`: every module must be in the catalogue its staff use (shipped, or the setting's or its
 * trust's own) and a person must belong to the setting.
 */
export async function createAssignment(deps: Deps, setting: Org, input: Omit<NewAssignment, 'settingId'>): Promise<Outcome<Assignment, AssignFailure>> {
  const modules = new Set((await catalogueForOrg(deps, deps.content, setting.id)).content.catalogue.modules.map((m) => m.id));
  const problems: ServiceProblem[] = [];
  input.moduleIds.forEach((id, i) => {
    if (!modules.has(id)) problems.push({ kind: 'validation', path: `moduleIds[${i}]`, message: `Unknown module "${id}".` });
  });
  if (input.target.kind === 'person') {
    const person = await getStaff(deps.database.db, input.target.staffId);
    if (person?.settingId !== setting.id) problems.push({ kind: 'validation', path: 'target.staffId', message: 'No member of staff with this id in this setting.' });
  }
  if (problems.length) return { ok: false, reason: 'unknown-ids', problems };
  return succeed(await assign(deps, { ...input, settingId: setting.id }));
}

/**
 * Withdraws assignment `id` when `who` manages its setting (and, given `settingId`, it belongs to that setting);
 * false when there is no such assignment for them.
 */
export async function withdrawAssignment(deps: Deps, who: Actor | null | undefined, id: string, settingId?: string): Promise<boolean> {
  const db = deps.database.db;
  const found = await getAssignment(db, id);
  const setting = found && (settingId === undefined || found.settingId === settingId) ? await getOrg(db, found.settingId) : null;
  if (!found || !setting || !mayManageOrg(who, setting)) return false;
  await deleteAssignment(db, found.id);
  return true;
}
