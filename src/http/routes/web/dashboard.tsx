// The leader dashboard: /dashboard (choose a setting), /dashboard/:settingId (coverage, heatmap, staff), the staff
// list as CSV, invite links for staff, assigning and removing training, and importing staff from CSV with a preview.
import type { Context, Hono } from 'hono';
import type { Assignment, AssignmentTarget } from '../../../repos/assignments.js';
import { createAssignment, withdrawAssignment } from '../../../services/assignments.js';
import type { Org } from '../../../repos/orgs.js';
import { ROLES } from '../../../domain/types.js';
import type { FieldError } from '../../../web/components/forms.js';
import { AssignPage, type AssignValues } from '../../../web/pages/assign.js';
import { ChooseSettingPage, DashboardPage, roleLabel, staffRowId } from '../../../web/pages/dashboard.js';
import { ImportStaffPage } from '../../../web/pages/import-staff.js';
import { NotFoundPage } from '../../../web/pages/message.js';
import { StaffInvitePage } from '../../../web/pages/staff-invite.js';
import { toCsv } from '../../../services/csv.js';
import type { AppEnv } from '../../env.js';
import { oneTimeSecret } from '../../auth/invite-link.js';
import { INVITE_TTL_DAYS, inviteStaff, type InviteFailure } from '../../../services/invites.js';
import { deliverInvite } from '../../../services/invite-mail.js';
import { MAX_IMPORT_ROWS } from '../../../services/staff-import.js';
import { checkStaffCsv, importStaff, staffOfSetting } from '../../../services/staff.js';
import { catalogueForOrg } from '../../../services/local-content.js';
import { allLocalModules } from '../../../domain/local-catalogue.js';
import { loadDashboard, recordStaffListExport, type DashboardData } from '../../../services/dashboard.js';
import { allSettings, managedSetting, settingsOf } from '../../../services/tenancy.js';
import { requireWebUser, userOf } from './guard.js';
import { shortDate } from './pathway.js';
import { respond } from './render.js';
import { serviceDeps } from '../../service-deps.js';

type C = Context<AppEnv>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const NOTICES: Readonly<Record<string, string>> = {
  assigned: 'Training assigned. It now shows on each person’s pathway.',
  removed: 'Assignment removed.',
  imported: 'Staff imported.',
};

/** The setting in the path if the signed-in leader may manage it (their setting, or one under their trust; admins any). */
export async function settingFor(c: C): Promise<Org | null> {
  return managedSetting(serviceDeps(c), userOf(c), c.req.param('settingId') ?? '');
}

const notFound = (c: C) => respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);
const baseOf = (org: Org) => `/dashboard/${encodeURIComponent(org.id)}`;

function describe(a: Assignment, names: Map<string, string>, titles: Map<string, string>): { who: string; what: string } {
  const t = a.target;
  const who =
    t.kind === 'everyone' ? 'Everyone' : t.kind === 'person' ? (names.get(t.staffId) ?? 'A former member of staff') : t.kind === 'role' ? `Every ${roleLabel(t.value).toLowerCase()}` : t.kind === 'group' ? `Group: ${t.value}` : `Phase: ${t.value}`;
  const what = a.kind === 'personalised' ? 'Personalised pathway' : a.moduleIds.map((id) => titles.get(id) ?? id).join('; ');
  return { who, what };
}

/**
 * What a leader of `setting` may assign: the shipped modules and the active own modules of the setting and its trust
 * (the rules `POST /v1/orgs/{orgId}/assignments` applies), the ids of the own ones, and titles of every module ever
 * listed (retired own modules keep their names in old assignments).
 */
async function assignable(c: C, setting: Org) {
  const { content, layers } = await catalogueForOrg(serviceDeps(c), c.get('content'), setting.id);
  const own = allLocalModules(layers);
  const titles = new Map([...own.map((m) => [m.id, m.title] as const), ...content.catalogue.modules.map((m) => [m.id, m.title] as const)]);
  const shipped = new Set(c.get('content').catalogue.modules.map((m) => m.id));
  const ownIds = new Set(content.catalogue.modules.filter((m) => !shipped.has(m.id)).map((m) => m.id));
  return { catalogue: content.catalogue, ownIds, titles };
}

/** The dashboard for `setting`, with a notice after an action or the problems of one that failed. */
async function dashboardPage(c: C, setting: Org, opts: { notice?: string | undefined; errors?: FieldError[]; status?: 409 | 422 } = {}) {
  const content = c.get('content');
  const data = await loadDashboard(serviceDeps(c), setting);
  const { titles } = await assignable(c, setting);
  const staff = data.people.map((p) => ({
    id: p.staff.id,
    name: p.staff.name,
    email: p.staff.email,
    jobRole: p.staff.jobRole,
    phase: p.staff.phase,
    groups: p.staff.groups,
    assessed: p.assessed,
    completed: p.completed,
    assigned: p.assignments.length
      ? p.assignments
          .map((a) => (a.kind === 'personalised' ? 'Personalised pathway' : a.moduleIds.map((id) => titles.get(id) ?? id).join('; ')))
          .join('; ') + (p.assignedTotal ? ` (${p.assignedDone} of ${p.assignedTotal} modules done)` : '')
      : 'Nothing',
    status: p.status,
    account: p.account,
  }));
  const errors = opts.errors ?? [];
  return respond(
    c,
    { title: `Staff training dashboard – ${setting.name}`, section: 'dashboard', status: errors.length ? (opts.status ?? 422) : 200, hasErrors: errors.length > 0 },
    <DashboardPage
      base={baseOf(setting)}
      token={c.get('csrfToken')}
      errors={errors}
      settingName={setting.name}
      notice={opts.notice}
      coverage={data.coverage}
      ownTraining={data.ownTraining}
      taxonomy={content.taxonomy}
      staff={staff}
    />,
  );
}

/** What to tell a leader whose invite could not be made, in plain English. */
function inviteProblem(reason: InviteFailure['reason'], name: string): string {
  switch (reason) {
    case 'no-email':
      return `Add an email address for ${name} before creating an invite link`;
    case 'already-active':
      return `${name} already has an account and can sign in with their email address; if they have forgotten their password, an administrator can reset it`;
    case 'email-taken':
      return `Another account of this setting already uses the email address of ${name}, so no invite link can be made with it`;
  }
}

async function assignPage(c: C, setting: Org, data: DashboardData, values: AssignValues, errors: FieldError[] = []) {
  const content = c.get('content');
  const names = new Map(data.people.map((p) => [p.staff.id, p.staff.name]));
  const { catalogue, ownIds, titles } = await assignable(c, setting);
  const roles = [...new Set(data.people.map((p) => p.staff.jobRole))].sort();
  return respond(
    c,
    { title: 'Assign training', section: 'dashboard', status: errors.length ? 422 : 200, hasErrors: errors.length > 0 },
    <AssignPage
      token={c.get('csrfToken')}
      base={baseOf(setting)}
      settingName={setting.name}
      people={data.people.map((p) => ({ id: p.staff.id, name: p.staff.name }))}
      groups={data.groups}
      roles={roles}
      catalogue={catalogue}
      ownModuleIds={ownIds}
      taxonomy={content.taxonomy}
      values={values}
      errors={errors}
      current={data.assignments.map((a) => ({ id: a.id, ...describe(a, names, titles), due: a.dueDate ? shortDate(a.dueDate) : null }))}
    />,
  );
}

export function registerDashboard(app: Hono<AppEnv>): void {
  const leaders = requireWebUser(['leader', 'admin']);

  app.get('/dashboard', leaders, async (c) => {
    const user = userOf(c);
    let settings = await settingsOf(serviceDeps(c), user);
    if (user.role === 'admin') return respond(c, { title: 'Choose a setting', section: 'dashboard' }, <ChooseSettingPage settings={await allSettings(serviceDeps(c))} />);
    if (settings.length === 1) return c.redirect(baseOf(settings[0]!), 303);
    settings = settings.filter((s) => s.kind === 'setting');
    return respond(c, { title: 'Choose a setting', section: 'dashboard' }, <ChooseSettingPage settings={settings} />);
  });

  app.get('/dashboard/:settingId', leaders, async (c) => {
    const setting = await settingFor(c);
    const count = Number(c.req.query('count'));
    const notice = c.req.query('notice') === 'imported' && Number.isInteger(count) && count > 0 ? `${count.toLocaleString('en-GB')} of ${count.toLocaleString('en-GB')} rows imported: every row of the file is on the staff list.` : NOTICES[c.req.query('notice') ?? ''];
    return setting ? dashboardPage(c, setting, { notice }) : notFound(c);
  });

  app.get('/dashboard/:settingId/staff.csv', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const data = await loadDashboard(serviceDeps(c), setting);
    // The staff list names people and their emails: exporting it is recorded like any other export of personal data.
    await recordStaffListExport(serviceDeps(c), userOf(c).userId, setting);
    const { titles } = await assignable(c, setting);
    // An upcoming session as "Title (2027-01-04 09:00 UTC)", so the file reads the same wherever it is opened.
    const sessionText = (s: { moduleId: string; start: string }) => `${titles.get(s.moduleId) ?? s.moduleId} (${new Date(s.start).toISOString().slice(0, 16).replace('T', ' ')} UTC)`;
    const csv = toCsv([
      ['name', 'email', 'job_role', 'phase', 'groups', 'self_assessment', 'modules_completed', 'assignments', 'assigned_modules_done', 'assigned_modules_total', 'status', 'own_modules_completed', 'sessions_booked', 'sessions_attended'],
      ...data.people.map((p) => {
        const own = data.own.get(p.staff.id);
        return [
          p.staff.name,
          p.staff.email,
          p.staff.jobRole,
          p.staff.phase,
          p.staff.groups.join(';'),
          p.assessed ? 'yes' : 'no',
          p.completed,
          p.assignments.length,
          p.assignedDone,
          p.assignedTotal,
          p.status,
          own?.ownModulesCompleted ?? 0,
          (own?.upcoming ?? []).map(sessionText).join('; '),
          own?.sessionsAttended ?? 0,
        ];
      }),
    ], { bom: true });
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="staff-${setting.id}.csv"`,
      'cache-control': 'no-store',
    });
  });

  app.post('/dashboard/:settingId/staff/:staffId/invite', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const staff = await staffOfSetting(serviceDeps(c), setting, c.req.param('staffId'));
    if (!staff) return notFound(c);
    const user = userOf(c);
    const made = await inviteStaff(serviceDeps(c), staff, { kind: 'user', id: user.userId });
    if (!made.ok) {
      const errors = [{ field: staffRowId(staff.id), text: inviteProblem(made.reason, staff.name) }];
      return dashboardPage(c, setting, { errors, status: made.reason === 'no-email' ? 422 : 409 });
    }
    oneTimeSecret(c);
    await deliverInvite(serviceDeps(c), made.value, { email: staff.email!, name: staff.name, orgId: staff.settingId });
    return respond(
      c,
      { title: `Invite link for ${staff.name}`, section: 'dashboard' },
      <StaffInvitePage base={baseOf(setting)} settingName={setting.name} name={staff.name} email={staff.email!} url={made.value.url} expiresAt={made.value.expiresAt} days={INVITE_TTL_DAYS} />,
    );
  });

  app.get('/dashboard/:settingId/assign', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    return assignPage(c, setting, await loadDashboard(serviceDeps(c), setting), {});
  });

  app.post('/dashboard/:settingId/assign', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const data = await loadDashboard(serviceDeps(c), setting);
    const form = await c.req.parseBody({ all: true });
    const raw = form.moduleIds === undefined ? [] : Array.isArray(form.moduleIds) ? form.moduleIds : [form.moduleIds];
    const values: AssignValues = {
      target: str(form.target) || undefined,
      staffId: str(form.staffId) || undefined,
      group: str(form.group) || undefined,
      jobRole: str(form.jobRole) || undefined,
      kind: str(form.kind) || undefined,
      moduleIds: raw.filter((v): v is string => typeof v === 'string'),
      due: str(form.due) || undefined,
    };
    const errors: FieldError[] = [];
    let target: AssignmentTarget | null = null;
    if (values.target === 'everyone') target = { kind: 'everyone' };
    else if (values.target === 'person') {
      if (values.staffId && data.people.some((p) => p.staff.id === values.staffId)) target = { kind: 'person', staffId: values.staffId };
      else errors.push({ field: 'staffId', text: 'Choose the person to assign training to' });
    } else if (values.target === 'group') {
      if (values.group && data.groups.includes(values.group)) target = { kind: 'group', value: values.group };
      else errors.push({ field: 'group', text: 'Choose the group to assign training to' });
    } else if (values.target === 'role') {
      if (values.jobRole && (ROLES as readonly string[]).includes(values.jobRole)) target = { kind: 'role', value: values.jobRole };
      else errors.push({ field: 'jobRole', text: 'Choose the job role to assign training to' });
    } else errors.push({ field: 'target', text: 'Select who the training is for' });
    const known = new Set((await assignable(c, setting)).catalogue.modules.map((m) => m.id));
    if (values.kind !== 'personalised' && values.kind !== 'modules') errors.push({ field: 'kind', text: 'Select what they should do' });
    else if (values.kind === 'modules' && !values.moduleIds!.some((id) => known.has(id))) errors.push({ field: 'moduleIds', text: 'Choose at least one module' });
    const today = c.get('clock')().toISOString().slice(0, 10);
    if (values.due && (!/^\d{4}-\d{2}-\d{2}$/.test(values.due) || Number.isNaN(Date.parse(values.due)))) errors.push({ field: 'due', text: 'Enter the due date as a real date, like 2027-03-31' });
    else if (values.due && values.due < today) errors.push({ field: 'due', text: 'The due date must be today or in the future' });
    if (errors.length || !target) return assignPage(c, setting, data, values, errors);
    const user = userOf(c);
    const made = await createAssignment(serviceDeps(c), setting, {
      target,
      kind: values.kind as 'personalised' | 'modules',
      moduleIds: values.kind === 'modules' ? values.moduleIds!.filter((id) => known.has(id)) : [],
      dueDate: values.due ?? null,
      assignedBy: user.userId,
    });
    if (!made.ok) return assignPage(c, setting, data, values, [{ field: 'target', text: 'The person or a module is no longer in this setting. Check the form and try again.' }]);
    return c.redirect(`${baseOf(setting)}?notice=assigned`, 303);
  });

  app.post('/dashboard/:settingId/assignments/:assignmentId/remove', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    if (!(await withdrawAssignment(serviceDeps(c), userOf(c), c.req.param('assignmentId'), setting.id))) return notFound(c);
    return c.redirect(`${baseOf(setting)}?notice=removed`, 303);
  });

  const importPage = (c: C, setting: Org, props: { errors?: FieldError[]; preview?: Parameters<typeof ImportStaffPage>[0]['preview']; pasted?: string }, status: 200 | 409 | 422 = 200) =>
    respond(
      c,
      { title: 'Import staff from a CSV file', section: 'dashboard', status, hasErrors: (props.errors ?? []).length > 0 },
      <ImportStaffPage token={c.get('csrfToken')} base={baseOf(setting)} settingName={setting.name} errors={props.errors ?? []} preview={props.preview} pasted={props.pasted} maxRows={MAX_IMPORT_ROWS} />,
    );

  app.get('/dashboard/:settingId/import', leaders, async (c) => {
    const setting = await settingFor(c);
    return setting ? importPage(c, setting, {}) : notFound(c);
  });

  app.post('/dashboard/:settingId/import', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const form = await c.req.parseBody();
    const file = form.file;
    const fromFile = file instanceof File && file.size > 0 ? await file.text() : '';
    const csv = str(form.step) === 'confirm' ? str(form.csv) : fromFile || str(form.pasted);
    if (!csv.trim()) return importPage(c, setting, { errors: [{ field: 'file', text: 'Choose a CSV file, or paste the rows' }] }, 422);
    const report = await checkStaffCsv(serviceDeps(c), setting, csv);
    const preview = {
      csv,
      rows: report.staff.map((s) => ({ name: s.name, email: s.email ?? null, jobRole: s.jobRole, phase: s.phase, groups: s.groups ?? [] })),
      rowErrors: report.errors,
      total: report.rows,
      checked: report.checked,
      ignoredColumns: report.ignoredColumns,
    };
    if (report.errors.length) {
      const summary = [{ field: 'row-errors', text: `${report.errors.length} problem${report.errors.length === 1 ? '' : 's'} in the file: see the rows to fix` }];
      return importPage(c, setting, { errors: summary, preview, pasted: fromFile ? undefined : csv }, 422);
    }
    if (str(form.step) !== 'confirm') return importPage(c, setting, { preview });
    const done = await importStaff(serviceDeps(c), setting, report);
    if (!done.ok) return importPage(c, setting, { errors: [{ field: 'file', text: 'Someone added one of these email addresses meanwhile. Check the file and try again.' }] }, 409);
    return c.redirect(`${baseOf(setting)}?notice=imported&count=${done.created.length}`, 303);
  });
}
