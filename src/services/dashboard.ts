// Loads a leader's view of one setting: staff with assessment, assignment, completion and account status, the
// coverage (with small groups suppressed by domain/coverage, own modules counted), own training and the named groups. Repos and domain only, no HTML.
import type { Coverage } from '../domain/coverage.js';
import { allAssignments, targets, type Assignment } from '../repos/assignments.js';
import { auditQuery } from '../repos/audit.js';
import { usersWithOpenInvite } from '../repos/invites.js';
import type { Org } from '../repos/orgs.js';
import { allStaffUnder, type Staff } from '../repos/staff.js';
import { usersWithPassword } from '../repos/users.js';
import type { Deps } from './deps.js';
import { coverageWithOwnTraining, type OwnTrainingOfPerson, type OwnTrainingSummary } from './own-coverage.js';

/**
 * Whether a person can sign in: no account yet, an account whose invite is unused (and still works, or expired),
 * or an account with a password.
 */
export type AccountState = 'none' | 'invited' | 'invite-expired' | 'active';

export interface StaffStatus {
  readonly staff: Staff;
  readonly account: AccountState;
  readonly assessed: boolean;
  readonly completed: number;
  /** Assignments that apply to the person. */
  readonly assignments: readonly Assignment[];
  /** Assigned fixed modules done / assigned fixed modules in total. */
  readonly assignedDone: number;
  readonly assignedTotal: number;
  /** Plain-English status: "Not started", "In progress", "Assigned modules done". */
  readonly status: string;
}

export interface DashboardData {
  readonly setting: Org;
  readonly people: readonly StaffStatus[];
  /** Coverage counting own modules as training, as GET /v1/orgs/{id}/coverage gives it. */
  readonly coverage: Coverage;
  readonly ownTraining: OwnTrainingSummary;
  /** Each person's own modules completed and sessions booked and attended. */
  readonly own: ReadonlyMap<string, OwnTrainingOfPerson>;
  readonly groups: readonly string[];
  readonly assignments: readonly Assignment[];
}

/** Names in the order people expect (one collator: localeCompare with options builds one a call). */
const BY_NAME = new Intl.Collator('en-GB', { numeric: true });

/** Everything the dashboard shows for `setting`. */
export async function loadDashboard(deps: Deps, setting: Org): Promise<DashboardData> {
  const db = deps.database.db;
  const staff = (await allStaffUnder(db, setting.id)).filter((s) => s.settingId === setting.id);
  const userIds = staff.flatMap((s) => (s.userId ? [s.userId] : []));
  const [{ coverage, ownTraining, people: own, rows: byId }, assignments, active, invited] = await Promise.all([
    coverageWithOwnTraining(deps, setting, true),
    allAssignments(db, setting.id),
    usersWithPassword(db, userIds),
    usersWithOpenInvite(db, userIds, deps.now()),
  ]);
  const accountOf = (s: Staff): AccountState => (!s.userId ? 'none' : active.has(s.userId) ? 'active' : invited.has(s.userId) ? 'invited' : 'invite-expired');
  const people = staff
    .map((s): StaffStatus => {
      const completed = byId.get(s.id)?.completed ?? new Set<string>();
      const mine = assignments.filter((a) => targets(a, s));
      const fixed = [...new Set(mine.filter((a) => a.kind === 'modules').flatMap((a) => a.moduleIds))];
      const assignedDone = fixed.filter((id) => completed.has(id)).length;
      const assessed = (byId.get(s.id)?.secure ?? null) !== null;
      const status =
        fixed.length && assignedDone === fixed.length ? 'Assigned modules done' : completed.size || assessed ? 'In progress' : 'Not started';
      return { staff: s, account: accountOf(s), assessed, completed: completed.size, assignments: mine, assignedDone, assignedTotal: fixed.length, status };
    })
    .sort((a, b) => BY_NAME.compare(a.staff.name, b.staff.name));
  const groups = [...new Set(staff.flatMap((s) => s.groups))].sort();
  return { setting, people, coverage, ownTraining, own, groups, assignments };
}

/** Records that `userId` exported `setting`'s staff list: it names people and their emails, like any export of personal data. */
export async function recordStaffListExport(deps: Deps, userId: string, setting: Org): Promise<void> {
  const database = deps.database;
  await database.atomic([auditQuery(database.db, { action: 'data.exported', actor: { kind: 'user', id: userId }, orgId: setting.id, detail: 'staff-csv' }, deps.now())]);
}
