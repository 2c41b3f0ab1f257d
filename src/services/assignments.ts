// Creating an assignment, for the API and the leader dashboard alike: the assignment and its `assignment.created`
// webhook message are written together.
import { webhookEvent } from '../integrations/webhook-events.js';
import { getAssignment, newAssignmentQuery, type Assignment, type NewAssignment } from '../repos/assignments.js';
import type { Deps } from './deps.js';

export async function assign(deps: Deps, input: NewAssignment): Promise<Assignment> {
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
