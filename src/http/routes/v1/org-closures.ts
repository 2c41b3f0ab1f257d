// A setting's term dates and closures (/v1/orgs/{orgId}/closures): list, add (422 for bad dates, 409 when they
// overlap one stored meanwhile) and remove. The same people may change them as may change the setting itself.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listClosures, type Closure } from '../../../repos/closures.js';
import { visibleSetting } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import { actorUserId } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, ProblemError, readErrors } from '../../problem.js';
import { OrgIdParam } from '../../schemas/accounts.js';
import { ClosureBody, ClosureIdParam, ClosureListSchema, ClosureSchema } from '../../schemas/closures.js';
import { addClosure, removeClosure } from '../../../services/closures.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Organisations'];
const route = <R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ tags, ...r });

const list = route({
  method: 'get',
  path: '/v1/orgs/{orgId}/closures',
  operationId: 'listClosures',
  summary: 'A setting’s term dates and closures, earliest first (no pathway step is scheduled on them)',
  ...secured({ roles: ['leader', 'admin', 'platform'] }),
  request: { params: OrgIdParam },
  responses: { 200: jsonBody(ClosureListSchema, 'Closures'), ...authErrors, ...readErrors, 422: commonErrors[422] },
});

const create = route({
  method: 'post',
  path: '/v1/orgs/{orgId}/closures',
  operationId: 'addClosure',
  summary: 'Record days a setting is closed (a holiday or training day); its staff’s schedules skip them',
  ...secured({ roles: ['leader', 'admin'] }),
  request: { params: OrgIdParam, body: jsonRequest(ClosureBody) },
  responses: { 201: jsonBody(ClosureSchema, 'Recorded'), ...authErrors, 404: readErrors[404], 409: problemDoc('The dates overlap a closure stored meanwhile'), ...commonErrors },
});

const remove = route({
  method: 'delete',
  path: '/v1/orgs/{orgId}/closures/{closureId}',
  operationId: 'removeClosure',
  summary: 'Remove one of a setting’s closures',
  ...secured({ roles: ['leader', 'admin'] }),
  request: { params: ClosureIdParam },
  responses: { 204: { description: 'Removed' }, ...authErrors, ...readErrors, 422: commonErrors[422] },
});

const view = (x: Closure) => ({ id: x.id, label: x.label, from: x.from, to: x.to, createdAt: x.createdAt });

export function registerOrgClosures(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const setting = await visibleSetting(c, c.req.valid('param').orgId);
    return c.json({ data: (await listClosures(c.get('database').db, setting.id)).map(view) }, 200);
  });

  app.openapi(create, async (c) => {
    const setting = await visibleSetting(c, c.req.valid('param').orgId);
    const done = await addClosure(serviceDeps(c), setting, c.req.valid('json'), actorUserId(c.get('principal')!));
    if (!done.ok) {
      const detail = done.status === 409 ? 'Nothing was recorded: the dates overlap a closure stored meanwhile.' : 'Nothing was recorded; see `errors`.';
      throw new ProblemError(done.status === 409 ? 'conflict' : 'validation', detail, done.problems.map((p) => ({ path: p.field, message: `${p.message}.` })));
    }
    return c.json(view(done.closure), 201);
  });

  app.openapi(remove, async (c) => {
    const { orgId, closureId } = c.req.valid('param');
    const setting = await visibleSetting(c, orgId);
    if (!(await removeClosure(serviceDeps(c), setting, closureId))) throw new ProblemError('not-found', `No closure ${closureId} belongs to this setting.`);
    return c.body(null, 204);
  });
}
