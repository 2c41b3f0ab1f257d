// Staff of a setting: list, add (optionally with an invite), CSV import (all-or-nothing, with a dry run),
// read, update, invite and remove a leaver (which erases their personal data).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { erasePerson } from '../../../repos/personal-data.js';
import { getStaff, listStaff, newStaff, updateStaff, type Staff } from '../../../repos/staff.js';
import { getUser } from '../../../repos/users.js';
import { pageRequest, visibleSetting, visibleStaff } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import { auditActor } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, ProblemError, readErrors } from '../../problem.js';
import {
  CreateStaffBody,
  ImportQuery,
  ImportReportSchema,
  InviteSchema,
  OrgIdParam,
  PageQuery,
  pageOf,
  StaffCreatedSchema,
  StaffIdParam,
  StaffSchema,
  UpdateStaffBody,
  IdempotencyHeaders,
} from '../../schemas/accounts.js';
import { fieldErrors } from '../../../services/outcome.js';
import { oneTimeSecret } from '../../auth/invite-link.js';
import { inviteStaff } from '../../../services/invites.js';
import { deliverInvite } from '../../../services/invite-mail.js';
import { MAX_IMPORT_ROWS } from '../../../services/staff-import.js';
import { checkStaffCsv, importStaff } from '../../../services/staff.js';
import { uniqueOr409 } from '../../unique.js';
import { PHASES, ROLES } from '../../../domain/types.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Staff'];
const readers = secured({ roles: ['leader', 'admin', 'platform'], scope: 'staff:read' });
const writers = secured({ roles: ['leader', 'admin', 'platform'], scope: 'staff:write' });
const emailTaken = 'That email address is already on this setting’s staff list.';
const activeAccount =
  'This person has set their own password, so no one else can issue an invite for their account. If they have forgotten it, an administrator can reset it (POST /v1/admin/users/{userId}/password-reset).';

const StaffQuery = PageQuery.extend({
  jobRole: z.enum(ROLES).optional(),
  phase: z.enum(PHASES).optional(),
  group: z.string().max(60).optional(),
});

const list = createRoute({
  method: 'get',
  path: '/v1/orgs/{orgId}/staff',
  tags,
  operationId: 'listStaff',
  summary: 'A setting’s staff, optionally filtered by job role, phase or group',
  ...readers,
  request: { params: OrgIdParam, query: StaffQuery },
  responses: { 200: jsonBody(pageOf(StaffSchema, 'StaffPage'), 'A page of staff'), ...authErrors, ...readErrors, 422: commonErrors[422] },
});

const create = createRoute({
  method: 'post',
  path: '/v1/orgs/{orgId}/staff',
  tags,
  operationId: 'createStaff',
  summary: 'Add a member of staff; with `invite: true` also an account and a one-time invite (people only)',
  ...writers,
  request: { headers: IdempotencyHeaders, params: OrgIdParam, body: jsonRequest(CreateStaffBody) },
  responses: { 201: jsonBody(StaffCreatedSchema, 'Added'), ...authErrors, 404: readErrors[404], 409: problemDoc('Email already on the staff list or has an account'), ...commonErrors },
});

const importCsv = createRoute({
  method: 'post',
  path: '/v1/orgs/{orgId}/staff/import',
  tags,
  operationId: 'importStaff',
  summary: 'Import staff from CSV (columns name, email, job_role, phase, groups separated by ;); all rows or none',
  description:
    'The header row names the columns; other columns are ignored (listed in `ignoredColumns`), so the dashboard export re-imports. Job role and phase take the codes or the labels the service shows (e.g. `Secondary school`). Limits: at most 20,000 data rows and 8 MB per request. Every row is checked; any error means nothing is created and the answer is 422 with one entry per problem (`row N.field`, rows numbered as in a spreadsheet). `?dryRun=true` checks and reports without creating. The report gives `rows` read, `checked` and `createdCount`.',
  ...writers,
  request: { headers: IdempotencyHeaders, params: OrgIdParam, query: ImportQuery, body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ example: 'name,email,job_role,phase,groups\nAsha Khan,asha@school.org.uk,teacher,primary,ks1;maths' }) } } } },
  responses: {
    200: jsonBody(ImportReportSchema, 'Dry run: the report, nothing created'),
    201: jsonBody(ImportReportSchema, 'Every row created'),
    ...authErrors,
    404: readErrors[404],
    ...commonErrors,
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/staff/{staffId}',
  tags,
  operationId: 'getStaff',
  summary: 'One member of staff (their own record, or one in a setting you manage)',
  ...secured({ roles: ['staff', 'leader', 'admin', 'platform'], scope: 'staff:read' }),
  request: { params: StaffIdParam },
  responses: { 200: jsonBody(StaffSchema, 'The record'), ...authErrors, ...readErrors },
});

const patch = createRoute({
  method: 'patch',
  path: '/v1/staff/{staffId}',
  tags,
  operationId: 'updateStaff',
  summary: 'Change a member of staff’s name, email, job role, phase or groups',
  ...writers,
  request: { params: StaffIdParam, body: jsonRequest(UpdateStaffBody) },
  responses: { 200: jsonBody(StaffSchema, 'Updated'), ...authErrors, 404: readErrors[404], 409: problemDoc('Email already on the staff list'), ...commonErrors },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/staff/{staffId}',
  tags,
  operationId: 'removeStaff',
  summary: 'Remove a leaver: erases their staff record, answers, pathways, progress and (for staff accounts) their account',
  ...writers,
  request: { params: StaffIdParam },
  responses: { 204: { description: 'Removed and erased' }, ...authErrors, ...readErrors },
});

const invite = createRoute({
  method: 'post',
  path: '/v1/staff/{staffId}/invite',
  tags,
  operationId: 'inviteStaff',
  summary: 'Issue a one-time invite for someone who has not yet set a password (creating the account if needed); a new invite replaces any unused one',
  description:
    'Refused (409) once the person has set their own password: from then on only they can change it, or an administrator through the audited password reset. Audited as `invite.issued`.',
  ...secured({ roles: ['leader', 'admin'] }),
  request: { headers: IdempotencyHeaders, params: StaffIdParam },
  responses: { 201: jsonBody(InviteSchema, 'The invite, shown once'), ...authErrors, 404: readErrors[404], 409: problemDoc('The person has set their own password already, or another account of this setting has the email'), ...commonErrors },
});

/** The invite for a staff record (creating and linking the account if needed), or the problem to answer with. */
async function inviteFor(c: Context<AppEnv>, staff: Staff) {
  const made = await inviteStaff(serviceDeps(c), staff, auditActor(c.get('principal')!));
  if (made.ok) {
    oneTimeSecret(c); // the invite is shown once: never cached or replayed
    return deliverInvite(serviceDeps(c), made.value, { email: staff.email!, name: staff.name, orgId: staff.settingId });
  }
  if (made.reason === 'no-email') throw new ProblemError('validation', 'Add an email address before inviting.', fieldErrors(made.problems));
  if (made.reason === 'already-active') throw new ProblemError('conflict', activeAccount, fieldErrors(made.problems));
  throw new ProblemError('conflict', 'Another account of this setting already has that email address.', fieldErrors(made.problems));
}

export function registerStaff(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const setting = await visibleSetting(c, c.req.valid('param').orgId);
    const q = c.req.valid('query');
    const page = await listStaff(c.get('database').db, setting.id, q, pageRequest(q));
    return c.json({ data: page.data, nextCursor: page.nextCursor }, 200);
  });

  app.openapi(create, async (c) => {
    const setting = await visibleSetting(c, c.req.valid('param').orgId);
    const body = c.req.valid('json');
    const p = c.get('principal')!;
    if (body.invite && p.kind === 'key') throw new ProblemError('forbidden', 'API keys cannot create sign-in invites; a leader can.');
    const phase = body.phase ?? setting.phase;
    if (!phase) throw new ProblemError('validation', 'Give a phase; the setting has no default phase.', [{ path: 'phase', message: 'Required for this setting.' }]);
    const database = c.get('database');
    const made = newStaff(database.db, setting.id, { ...body, phase }, c.get('clock')());
    await uniqueOr409(database.atomic([made.query]), emailTaken);
    const inv = body.invite ? await inviteFor(c, made.staff) : undefined;
    const staff = inv ? ((await getStaff(database.db, made.staff.id)) ?? made.staff) : made.staff;
    return c.json({ staff: staff, ...(inv ? { invite: inv } : {}) }, 201);
  });

  app.openapi(importCsv, async (c) => {
    const setting = await visibleSetting(c, c.req.valid('param').orgId);
    const dryRun = c.req.valid('query').dryRun === 'true';
    const text = await c.req.text();
    const report = await checkStaffCsv(serviceDeps(c), setting, text);
    if (!dryRun && report.errors.length) {
      throw new ProblemError(
        'validation',
        `Nothing was imported: ${report.errors.length} problem(s) in the file. Fix them and import again.`,
        report.errors.map((e) => ({ path: `row ${e.row}.${e.field}`, message: e.message })),
      );
    }
    const counts = { rows: report.rows, checked: report.checked, maxRows: MAX_IMPORT_ROWS, ignoredColumns: report.ignoredColumns };
    if (dryRun) return c.json({ dryRun, valid: report.errors.length === 0, ...counts, createdCount: 0, created: [], errors: report.errors }, 200);
    const done = await importStaff(serviceDeps(c), setting, report);
    if (!done.ok) throw new ProblemError('conflict', 'Someone added one of these email addresses meanwhile; check and import again.');
    return c.json({ dryRun, valid: true, ...counts, createdCount: done.created.length, created: done.created, errors: [] }, 201);
  });

  app.openapi(get, async (c) => c.json(await visibleStaff(c, c.req.valid('param').staffId, { self: true }), 200));

  app.openapi(patch, async (c) => {
    const staff = await visibleStaff(c, c.req.valid('param').staffId, { self: false });
    const updated = await uniqueOr409(updateStaff(c.get('database').db, staff.id, c.req.valid('json'), c.get('clock')()), emailTaken);
    return c.json(updated!, 200);
  });

  app.openapi(remove, async (c) => {
    const staff = await visibleStaff(c, c.req.valid('param').staffId, { self: false });
    const database = c.get('database');
    const user = staff.userId ? await getUser(database.db, staff.userId) : undefined;
    // A leader who also had a staff record keeps their leader account; a staff account goes with the record.
    const ids = { staffId: staff.id, userId: user?.role === 'staff' ? user.id : null, email: staff.email };
    await erasePerson(database, ids, { actor: auditActor(c.get('principal')!), orgId: staff.settingId }, c.get('clock')());
    return c.body(null, 204);
  });

  app.openapi(invite, async (c) => {
    const staff = await visibleStaff(c, c.req.valid('param').staffId, { self: false });
    return c.json(await inviteFor(c, staff), 201);
  });
}
