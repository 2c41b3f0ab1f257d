// Loads a leader's view of one setting: staff with assessment, assignment and completion status, the coverage
// (with small groups suppressed by domain/coverage) and the named groups. Repos and domain only, no HTML.
import type { Context } from 'hono';
import { computeCoverage, coverageConfidence, type Coverage } from '../../../domain/coverage.js';
import type { Content } from '../../../domain/types.js';
import { allAssignments, targets, type Assignment } from '../../../repos/assignments.js';
import { getOrg, type Org } from '../../../repos/orgs.js';
import { latestProfiles } from '../../../repos/pathways.js';
import { completedModules } from '../../../repos/progress.js';
import { allStaffUnder, type Staff } from '../../../repos/staff.js';
import type { AppEnv } from '../../env.js';
import type { WebUser } from './web-user.js';

export interface StaffStatus {
  readonly staff: Staff;
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
  readonly coverage: Coverage;
  readonly groups: readonly string[];
  readonly assignments: readonly Assignment[];
}

/** The settings a user may open a dashboard for: their own, or those under their trust (admins: none listed). */
export async function dashboardSettings(c: Context<AppEnv>, user: WebUser): Promise<Org[]> {
  const db = c.get('database').db;
  if (!user.orgId) return [];
  const org = await getOrg(db, user.orgId);
  if (!org) return [];
  if (org.kind === 'setting') return [org];
  const rows = await db.selectFrom('orgs').select('id').where('parent_id', '=', org.id).orderBy('name').execute();
  const out: Org[] = [];
  for (const r of rows) {
    const o = await getOrg(db, r.id);
    if (o) out.push(o);
  }
  return out;
}

/** Everything the dashboard shows for `setting`. */
export async function loadDashboard(c: Context<AppEnv>, content: Content, setting: Org): Promise<DashboardData> {
  const db = c.get('database').db;
  const staff = (await allStaffUnder(db, setting.id)).filter((s) => s.settingId === setting.id);
  const ids = staff.map((s) => s.id);
  const [latest, done, assignments] = await Promise.all([latestProfiles(db, ids), completedModules(db, ids), allAssignments(db, setting.id)]);
  const people = staff
    .map((s): StaffStatus => {
      const completed = done.get(s.id) ?? new Set<string>();
      const mine = assignments.filter((a) => targets(a, s));
      const fixed = [...new Set(mine.filter((a) => a.kind === 'modules').flatMap((a) => a.moduleIds))];
      const assignedDone = fixed.filter((id) => completed.has(id)).length;
      const assessed = latest.has(s.id);
      const status =
        fixed.length && assignedDone === fixed.length ? 'Assigned modules done' : completed.size || assessed ? 'In progress' : 'Not started';
      return { staff: s, assessed, completed: completed.size, assignments: mine, assignedDone, assignedTotal: fixed.length, status };
    })
    .sort((a, b) => a.staff.name.localeCompare(b.staff.name, 'en-GB'));
  const coverage = computeCoverage(
    content,
    staff.map((s) => {
      // As GET /v1/orgs/{id}/coverage does: the person's own latest rating where they gave one, else the estimate.
      const profile = latest.get(s.id);
      return { role: s.jobRole, phase: s.phase, confidence: profile ? coverageConfidence(profile) : null, completed: done.get(s.id) ?? new Set<string>() };
    }),
  );
  const groups = [...new Set(staff.flatMap((s) => s.groups))].sort();
  return { setting, people, coverage, groups, assignments };
}
