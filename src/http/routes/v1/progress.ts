// Module progress and check-ins: start and complete modules (yourself, your leader, or a platform key), and
// check in after a module: your re-ratings re-plan the rest of your pathway and feed de-identified observations
// to population learning.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listProgress } from '../../../repos/progress.js';
import type { Staff } from '../../../repos/staff.js';
import { ownStaff, visibleStaff } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import type { AppEnv } from '../../env.js';
import { staffCatalogue } from '../../../services/local-content.js';
import { pathwayWithAccess } from '../../step-access.js';
import { myPathway } from '../../../services/pathway-view.js';
import { secured, securedUser } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, ProblemError, readErrors } from '../../problem.js';
import { StaffIdParam, IdempotencyHeaders } from '../../schemas/accounts.js';
import { CheckInBody, CheckInResultSchema, ProgressBody, ProgressListSchema, ProgressSchema } from '../../schemas/learning.js';
import { fieldErrors } from '../../../services/outcome.js';
import { checkIn, recordProgress } from '../../../services/staff-progress.js';
import { sendJson } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Progress'];

const mine = createRoute({
  method: 'post',
  path: '/v1/me/progress',
  tags,
  operationId: 'recordMyProgress',
  summary: 'Record that you started or completed a module (repeats never double-count)',
  ...securedUser(['staff', 'leader']),
  request: { headers: IdempotencyHeaders, body: jsonRequest(ProgressBody) },
  responses: { 200: jsonBody(ProgressSchema, 'Your progress on the module'), ...authErrors, ...commonErrors },
});

const theirs = createRoute({
  method: 'post',
  path: '/v1/staff/{staffId}/progress',
  tags,
  operationId: 'recordStaffProgress',
  summary: 'Record a start or completion for a member of staff (leaders; keys with progress:write)',
  ...secured({ roles: ['leader', 'admin', 'platform'], scope: 'progress:write' }),
  request: { headers: IdempotencyHeaders, params: StaffIdParam, body: jsonRequest(ProgressBody) },
  responses: { 200: jsonBody(ProgressSchema, 'Their progress on the module'), ...authErrors, 404: readErrors[404], ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/v1/staff/{staffId}/progress',
  tags,
  operationId: 'listStaffProgress',
  summary: 'Completion status of a person’s modules (the person, their leader, keys with staff:read)',
  ...secured({ roles: ['staff', 'leader', 'admin', 'platform'], scope: 'staff:read' }),
  request: { params: StaffIdParam },
  responses: { 200: jsonBody(ProgressListSchema, 'Progress'), ...authErrors, ...readErrors },
});

const checkin = createRoute({
  method: 'post',
  path: '/v1/me/checkins',
  tags,
  operationId: 'checkIn',
  summary: 'After a module, re-rate your confidence; marks the module completed and re-plans the rest of your pathway',
  ...securedUser(['staff', 'leader']),
  request: { headers: IdempotencyHeaders, body: jsonRequest(CheckInBody) },
  responses: {
    201: jsonBody(CheckInResultSchema, 'Checked in; your re-planned pathway'),
    409: problemDoc('Take the self-assessment first'),
    ...authErrors,
    ...commonErrors,
  },
});

/** Records progress for a person and answers with the stored record. */
async function record(c: Context<AppEnv>, staff: Staff, body: { moduleId: string; status: 'started' | 'completed' }, source: string) {
  const recorded = await recordProgress(serviceDeps(c), staff, body, source);
  if (!recorded.ok) throw new ProblemError('validation', `There is no module ${body.moduleId}.`, fieldErrors(recorded.problems));
  return recorded.value;
}

export function registerProgress(app: OpenAPIHono<AppEnv>): void {
  app.openapi(mine, async (c) => c.json(await record(c, await ownStaff(c), c.req.valid('json'), 'self'), 200));

  app.openapi(theirs, async (c) => {
    const staff = await visibleStaff(c, c.req.valid('param').staffId, { self: false });
    return c.json(await record(c, staff, c.req.valid('json'), c.get('principal')!.kind === 'key' ? 'api' : 'leader'), 200);
  });

  app.openapi(list, async (c) => {
    const staff = await visibleStaff(c, c.req.valid('param').staffId, { self: true });
    const data = await listProgress(c.get('database').db, staff.id);
    return c.json({ data, completedCount: data.filter((p) => p.status === 'completed').length }, 200);
  });

  app.openapi(checkin, async (c) => {
    const body = c.req.valid('json');
    const staff = await ownStaff(c);
    const catalogue = await staffCatalogue(serviceDeps(c), staff.settingId);
    const { content } = catalogue;
    const done = await checkIn(serviceDeps(c), content, staff, body);
    if (!done.ok) {
      if (done.reason === 'unknown-ids') throw new ProblemError('validation', 'The check-in refers to ids this service does not know.', fieldErrors(done.problems));
      throw new ProblemError('conflict', 'Take the self-assessment first; a check-in updates the pathway it gives you.');
    }
    return sendJson(c, { checkIn: done.value.checkIn, pathway: pathwayWithAccess(catalogue, myPathway(content, done.value.state)) }, 201);
  });
}
