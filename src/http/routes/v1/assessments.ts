// Self-assessments and pathways: take the assessment (stored with its pathway and provenance), see your history
// and your pathway; a leader sees a person's answers and pathway only if that person chose to share them.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listAssessments } from '../../../repos/assessments.js';
import type { Staff } from '../../../repos/staff.js';
import { isSelf, ownStaff, pageRequest, visibleStaff } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import type { AppEnv } from '../../env.js';
import { staffCatalogue } from '../../../services/local-content.js';
import { pathwayWithAccess } from '../../step-access.js';
import { myPathway, planningState } from '../../../services/pathway-view.js';
import { secured, securedUser } from '../../auth/secured.js';
import { authErrors, commonErrors, ProblemError, readErrors } from '../../problem.js';
import { PageQuery, pageOf, StaffIdParam, IdempotencyHeaders } from '../../schemas/accounts.js';
import { AssessmentBody, AssessmentCreatedSchema, AssessmentSchema, MyPathwaySchema } from '../../schemas/learning.js';
import { takeAssessment } from '../../../services/staff-progress.js';
import { toEngineRequest } from '../../../services/engine-request.js';
import type { Context } from 'hono';
import { sendJson } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Assessments and pathways'];
const staffOnly = securedUser(['staff', 'leader']);
const AssessmentPage = pageOf(AssessmentSchema, 'AssessmentPage');

const take = createRoute({
  method: 'post',
  path: '/v1/me/assessments',
  tags,
  operationId: 'takeAssessment',
  summary: 'Submit your self-assessment; stores it (history kept) and returns your new pathway',
  ...staffOnly,
  request: { headers: IdempotencyHeaders, body: jsonRequest(AssessmentBody) },
  responses: { 201: jsonBody(AssessmentCreatedSchema, 'Stored, with your pathway'), ...authErrors, ...commonErrors },
});

const history = createRoute({
  method: 'get',
  path: '/v1/me/assessments',
  tags,
  operationId: 'listMyAssessments',
  summary: 'Your self-assessments, newest first',
  ...staffOnly,
  request: { query: PageQuery },
  responses: { 200: jsonBody(AssessmentPage, 'A page of assessments'), ...authErrors, ...readErrors, 422: commonErrors[422] },
});

const mine = createRoute({
  method: 'get',
  path: '/v1/me/pathway',
  tags,
  operationId: 'getMyPathway',
  summary: 'Your pathway: assigned modules first, then your personalised steps; completed modules apart',
  ...staffOnly,
  responses: { 200: jsonBody(MyPathwaySchema, 'Your pathway'), ...authErrors, ...readErrors },
});

const shared = secured({ roles: ['staff', 'leader', 'admin'] });

const theirs = createRoute({
  method: 'get',
  path: '/v1/staff/{staffId}/assessments',
  tags,
  operationId: 'listStaffAssessments',
  summary: 'A person’s self-assessments: for them, or for their leader if they chose to share',
  ...shared,
  request: { params: StaffIdParam, query: PageQuery },
  responses: { 200: jsonBody(AssessmentPage, 'A page of assessments'), ...authErrors, ...readErrors, 422: commonErrors[422] },
});

const theirPathway = createRoute({
  method: 'get',
  path: '/v1/staff/{staffId}/pathway',
  tags,
  operationId: 'getStaffPathway',
  summary: 'A person’s pathway: for them, or for their leader if they chose to share',
  ...shared,
  request: { params: StaffIdParam },
  responses: { 200: jsonBody(MyPathwaySchema, 'The pathway'), ...authErrors, ...readErrors },
});

/** The staff record if the caller is the person, or manages them and the person shares; 403/404 otherwise. */
async function sharedStaff(c: Context<AppEnv>, staffId: string): Promise<Staff> {
  const staff = await visibleStaff(c, staffId, { self: true });
  if (!isSelf(c.get('principal'), staff) && !staff.shareWithLeader) {
    throw new ProblemError('forbidden', `${staff.name} has not chosen to share their individual answers; see coverage for the setting’s aggregates.`);
  }
  return staff;
}

export function registerAssessments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(take, async (c) => {
    const body = c.req.valid('json');
    const staff = await ownStaff(c);
    const catalogue = await staffCatalogue(serviceDeps(c), staff.settingId);
    const { content } = catalogue;
    // Checks every id in the body (422 naming each unknown one) before anything is stored.
    const request = toEngineRequest(content, { ...body, role: staff.jobRole, phase: staff.phase });
    const taken = await takeAssessment(serviceDeps(c), content, staff, { request, answers: body, alsoCompleted: body.completedModuleIds });
    return sendJson(c, { assessment: taken.assessment, pathway: pathwayWithAccess(catalogue, myPathway(content, taken.state)) }, 201);
  });

  app.openapi(history, async (c) => {
    const staff = await ownStaff(c);
    const page = await listAssessments(c.get('database').db, staff.id, pageRequest(c.req.valid('query')));
    return c.json(page, 200);
  });

  app.openapi(mine, async (c) => {
    const staff = await ownStaff(c);
    const catalogue = await staffCatalogue(serviceDeps(c), staff.settingId);
    return sendJson(c, pathwayWithAccess(catalogue, myPathway(catalogue.content, await planningState(serviceDeps(c), staff))), 200);
  });

  app.openapi(theirs, async (c) => {
    const staff = await sharedStaff(c, c.req.valid('param').staffId);
    const page = await listAssessments(c.get('database').db, staff.id, pageRequest(c.req.valid('query')));
    return c.json(page, 200);
  });

  app.openapi(theirPathway, async (c) => {
    const staff = await sharedStaff(c, c.req.valid('param').staffId);
    const catalogue = await staffCatalogue(serviceDeps(c), staff.settingId);
    return sendJson(c, pathwayWithAccess(catalogue, myPathway(catalogue.content, await planningState(serviceDeps(c), staff))), 200);
  });
}
