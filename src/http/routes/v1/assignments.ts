// Assignments: a leader assigns each person's personalised pathway or a fixed module set (merged into it) to a
// person, a job role, a phase, a named group or everyone, with an optional due date; staff see theirs and by whom.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { assignmentsFor, listAssignments, targets, type Assignment } from '../../../repos/assignments.js';
import { createAssignment, withdrawAssignment } from '../../../services/assignments.js';
import { fieldErrors } from '../../../services/outcome.js';
import { listProgress } from '../../../repos/progress.js';
import { allStaffUnder } from '../../../repos/staff.js';
import { ownStaff, pageRequest, visibleSetting } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import { actorUserId } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { catalogueForOrg } from '../../../services/local-content.js';
import { withStepAccess } from '../../step-access.js';
import { authErrors, commonErrors, ProblemError, readErrors } from '../../problem.js';
import { secured, securedUser } from '../../auth/secured.js';
import { OrgIdParam, PageQuery, pageOf, IdempotencyHeaders } from '../../schemas/accounts.js';
import { AssignmentSchema, CreateAssignmentBody, MyAssignmentSchema } from '../../schemas/learning.js';
import { z } from '@hono/zod-openapi';
import { sendJson } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Assignments'];
const AssignmentIdParam = z.object({ assignmentId: z.string().min(1).max(64).openapi({ param: { name: 'assignmentId', in: 'path' } }) });
const view = (a: Assignment, staffCount?: number) => ({ ...a, ...(staffCount === undefined ? {} : { staffCount }) }) as z.infer<typeof AssignmentSchema>;

const create = createRoute({
  method: 'post',
  path: '/v1/orgs/{orgId}/assignments',
  tags,
  operationId: 'createAssignment',
  summary: 'Assign pathways or a module set to a person, a role, a phase, a group or everyone in a setting',
  ...secured({ roles: ['leader', 'admin', 'platform'], scope: 'assignments:write' }),
  request: { headers: IdempotencyHeaders, params: OrgIdParam, body: jsonRequest(CreateAssignmentBody) },
  responses: { 201: jsonBody(AssignmentSchema, 'Assigned'), ...authErrors, 404: readErrors[404], ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/v1/orgs/{orgId}/assignments',
  tags,
  operationId: 'listAssignments',
  summary: 'A setting’s assignments, with how many people each applies to now',
  ...secured({ roles: ['leader', 'admin', 'platform'], scope: 'staff:read' }),
  request: { params: OrgIdParam, query: PageQuery },
  responses: { 200: jsonBody(pageOf(AssignmentSchema, 'AssignmentPage'), 'A page of assignments'), ...authErrors, ...readErrors, 422: commonErrors[422] },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/assignments/{assignmentId}',
  tags,
  operationId: 'deleteAssignment',
  summary: 'Withdraw an assignment (progress already made is kept)',
  ...secured({ roles: ['leader', 'admin', 'platform'], scope: 'assignments:write' }),
  request: { params: AssignmentIdParam },
  responses: { 204: { description: 'Withdrawn' }, ...authErrors, ...readErrors },
});

const mine = createRoute({
  method: 'get',
  path: '/v1/me/assignments',
  tags,
  operationId: 'listMyAssignments',
  summary: 'What has been assigned to you, by whom and by when, with each module’s status',
  ...securedUser(['staff', 'leader']),
  responses: { 200: jsonBody(z.object({ data: z.array(MyAssignmentSchema) }).openapi('MyAssignments'), 'Your assignments'), ...authErrors, ...readErrors },
});

export function registerAssignments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const setting = await visibleSetting(c, c.req.valid('param').orgId);
    const body = c.req.valid('json');
    // The setting's own modules (and its trust's) can be assigned too.
    const made = await createAssignment(serviceDeps(c), setting, {
      target: body.target,
      kind: body.kind,
      moduleIds: body.moduleIds ?? [],
      dueDate: body.dueDate ?? null,
      assignedBy: actorUserId(c.get('principal')!),
    });
    if (!made.ok) throw new ProblemError('validation', 'The assignment refers to ids this setting does not have.', fieldErrors(made.problems));
    const staff = await allStaffUnder(c.get('database').db, setting.id);
    return c.json(view(made.value, staff.filter((s) => targets(made.value, s)).length), 201);
  });

  app.openapi(list, async (c) => {
    const setting = await visibleSetting(c, c.req.valid('param').orgId);
    const db = c.get('database').db;
    const [page, staff] = await Promise.all([listAssignments(db, setting.id, pageRequest(c.req.valid('query'))), allStaffUnder(db, setting.id)]);
    return c.json({ data: page.data.map((a) => view(a, staff.filter((s) => targets(a, s)).length)), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(remove, async (c) => {
    const { assignmentId } = c.req.valid('param');
    if (!(await withdrawAssignment(serviceDeps(c), c.get('principal'), assignmentId))) throw new ProblemError('not-found', `No assignment ${assignmentId} is visible to you.`);
    return c.body(null, 204);
  });

  app.openapi(mine, async (c) => {
    const staff = await ownStaff(c);
    const db = c.get('database').db;
    const [assignments, progress] = await Promise.all([assignmentsFor(db, staff), listProgress(db, staff.id)]);
    const status = new Map(progress.map((p) => [p.moduleId, p.status]));
    const { content } = await catalogueForOrg(serviceDeps(c), c.get('content'), staff.settingId);
    const titles = new Map(content.catalogue.modules.map((m) => [m.id, m.title]));
    const data = assignments.map((a) => ({
      ...view(a),
      modules: withStepAccess(content, a.moduleIds.map((id) => ({ moduleId: id, title: titles.get(id) ?? id, status: status.get(id) ?? ('not_started' as const) }))),
    }));
    return sendJson(c, { data }, 200);
  });
}
