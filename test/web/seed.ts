// Seeds a setting for web tests through the repos: a leader, a member of staff and a panel member who can sign in,
// plus colleagues with saved self-assessments and some finished modules, so the dashboard has groups to show.
import { getShippedContent } from '../../src/content/bundled.js';
import { hashPassword } from '../../src/http/auth/passwords.js';
import { recommend } from '../../src/domain/recommend.js';
import type { Phase, Role } from '../../src/domain/types.js';
import { newAssessment } from '../../src/repos/assessments.js';
import type { Database } from '../../src/repos/database.js';
import { createOrg } from '../../src/repos/orgs.js';
import { newPathway } from '../../src/repos/pathways.js';
import { recordProgressQuery } from '../../src/repos/progress.js';
import { newStaff, newStaffBatch } from '../../src/repos/staff.js';
import { newUser, setPasswordQuery } from '../../src/repos/users.js';

export const PASSWORD = 'correct horse battery staple';

export interface Seeded {
  readonly settingId: string;
  readonly leader: { readonly email: string; readonly name: string };
  readonly staff: { readonly email: string; readonly name: string; readonly staffId: string };
  readonly panel: { readonly email: string; readonly name: string };
  readonly colleagues: number;
}

/** An account that signs in with PASSWORD; answers its user id. */
export async function account(database: Database, email: string, name: string, role: 'staff' | 'leader' | 'panel' | 'admin', orgId: string | null, now: Date) {
  const { row, query } = newUser(database.db, { email, name, role, orgId }, now);
  await database.atomic([query, setPasswordQuery(database.db, row.id, await hashPassword(PASSWORD))]);
  return row.id;
}

/** Colleagues: 6 teachers (years 1 to 3), 5 teaching assistants (group "ks1") and 2 SENCOs, all assessed. */
const COLLEAGUES: readonly { role: Role; groups: string[] }[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ role: 'teacher' as Role, groups: [`year-${(i % 3) + 1}`] })),
  ...Array.from({ length: 5 }, () => ({ role: 'teaching_assistant' as Role, groups: ['ks1'] })),
  { role: 'senco', groups: [] },
  { role: 'senco', groups: [] },
];

export async function seedSetting(database: Database, now = new Date('2026-11-22T10:00:00Z')): Promise<Seeded> {
  const content = getShippedContent();
  const setting = await createOrg(database.db, { kind: 'setting', name: 'Oak Tree Primary School', settingType: 'school', phase: 'primary' }, now);
  await account(database, 'leader@oak.example', 'Priya Shah', 'leader', setting.id, now);
  await account(database, 'panel@panel.example', 'Dr Sam Okafor', 'panel', null, now);
  const staffUser = await account(database, 'teacher@oak.example', 'Alex Green', 'staff', setting.id, now);
  const me = newStaff(database.db, setting.id, { name: 'Alex Green', email: 'teacher@oak.example', jobRole: 'teacher', phase: 'primary', groups: ['year-2'] }, now, staffUser);
  await database.atomic([me.query]);

  const batch = newStaffBatch(
    database.db,
    setting.id,
    COLLEAGUES.map((c, i) => ({ name: `Colleague ${i + 1}`, email: `colleague${i + 1}@oak.example`, jobRole: c.role, phase: 'primary', groups: c.groups })),
    now,
  );
  await database.atomic(batch.queries);
  const writes = [];
  for (const [i, s] of batch.staff.entries()) {
    const request = {
      role: s.jobRole as Role,
      phase: s.phase as Phase,
      responses: content.questionnaire.items.map((item, k) => ({ itemId: item.id, value: ((i + k) % 5) + 1 })),
      confidence: {},
      completedModuleIds: [],
      timeBudgetMinutes: 600,
      weeklyMinutes: 60,
      formats: ['online', 'in_person', 'in_house'] as const,
      priorities: {},
    };
    const response = recommend(content, { ...request, formats: [...request.formats] });
    const a = newAssessment(database.db, s.id, request, now);
    writes.push(a.query, ...newPathway(database.db, { staffId: s.id, assessmentId: a.id, cause: 'assessment', request: { ...request, formats: [...request.formats] }, response }, now).queries);
    if (i % 2 === 0 && response.pathway.steps[0]) writes.push(recordProgressQuery(database.db, s.id, response.pathway.steps[0].moduleId, 'completed', 'self', now));
  }
  await database.atomic(writes);
  return {
    settingId: setting.id,
    leader: { email: 'leader@oak.example', name: 'Priya Shah' },
    staff: { email: 'teacher@oak.example', name: 'Alex Green', staffId: me.staff.id },
    panel: { email: 'panel@panel.example', name: 'Dr Sam Okafor' },
    colleagues: COLLEAGUES.length,
  };
}
