// In-house session planner (/v1/orgs/{orgId}/session-plans): propose group sessions from the setting's pathways,
// read a proposal, and accept it with edits (the sessions go live with their attendees booked).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { visibleSetting } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import { actorUserId } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, readErrors } from '../../problem.js';
import { OrgIdParam } from '../../schemas/accounts.js';
import { AcceptPlanSchema, PlanIdParam, SessionPlanRequestSchema, SessionPlanSchema } from '../../schemas/session-plans.js';
import { acceptPlan, proposePlan, readPlan } from '../../../services/session-plans.js';
import { sendJson } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Own modules and sessions'];
const writers = secured({ roles: ['leader', 'admin', 'platform'], scope: 'modules:write' });

const propose = createRoute({
  method: 'post',
  path: '/v1/orgs/{orgId}/session-plans',
  tags,
  operationId: 'proposeSessionPlan',
  summary: 'Propose group sessions (module, attendees, time and room) covering the most pathway minutes with the fewest sessions',
  ...writers,
  request: { params: OrgIdParam, body: jsonRequest(SessionPlanRequestSchema) },
  responses: { 201: jsonBody(SessionPlanSchema, 'The proposal, with the naive plan’s figures beside it'), ...authErrors, 404: readErrors[404], ...commonErrors },
});

const read = createRoute({
  method: 'get',
  path: '/v1/orgs/{orgId}/session-plans/{planId}',
  tags,
  operationId: 'getSessionPlan',
  summary: 'A session plan of the setting',
  ...secured({ roles: ['leader', 'admin', 'platform'], scope: 'staff:read' }),
  request: { params: PlanIdParam },
  responses: { 200: jsonBody(SessionPlanSchema, 'The plan'), ...authErrors, ...readErrors },
});

const accept = createRoute({
  method: 'post',
  path: '/v1/orgs/{orgId}/session-plans/{planId}/accept',
  tags,
  operationId: 'acceptSessionPlan',
  summary: 'Accept a plan, with edits (skip a session, move it, change attendees or facilitator): its sessions go live',
  ...writers,
  request: { params: PlanIdParam, body: jsonRequest(AcceptPlanSchema) },
  responses: { 200: jsonBody(SessionPlanSchema, 'Accepted'), ...authErrors, 404: readErrors[404], 409: problemDoc('Accepted already'), ...commonErrors },
});

export function registerSessionPlans(app: OpenAPIHono<AppEnv>): void {
  app.openapi(propose, async (c) => {
    const setting = await visibleSetting(c, c.req.valid('param').orgId);
    return sendJson(c, (await proposePlan(serviceDeps(c), setting, c.req.valid('json'))), 201);
  });

  app.openapi(read, async (c) => {
    const { orgId, planId } = c.req.valid('param');
    return sendJson(c, (await readPlan(serviceDeps(c), await visibleSetting(c, orgId), planId)), 200);
  });

  app.openapi(accept, async (c) => {
    const { orgId, planId } = c.req.valid('param');
    const setting = await visibleSetting(c, orgId);
    return sendJson(c, (await acceptPlan(serviceDeps(c), setting, planId, c.req.valid('json'), actorUserId(c.get('principal')!))), 200);
  });
}
