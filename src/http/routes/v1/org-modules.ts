// A setting's or trust's own modules: list, add, read, change and retire (/v1/orgs/{orgId}/modules). They are
// validated like shipped content and recommended only to that organisation's staff; another organisation's answer 404.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { localModulePatchSchema, localModuleSchema } from '../../../content/schemas.js';
import { visibleOrg } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import { actorUserId } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, ProblemError, readErrors, zodFieldErrors } from '../../problem.js';
import { OrgIdParam } from '../../schemas/accounts.js';
import { LocalModuleListSchema, LocalModuleSchema, LocalModuleWrittenSchema, ModuleIdParam } from '../../schemas/local-catalogue.js';
import { editing } from '../../../services/local-catalogue.js';
import { ownModuleActivityId } from '../../../services/xapi-activity.js';
import type { LocalModule } from '../../../domain/local-catalogue.js';
import type { Context } from 'hono';
import { addLocalModule, changeLocalModule, listLocalModules, ownModule, retireLocalModule, type LocalModuleInput } from '../../../services/local-modules.js';
import { sendJson } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Own modules and sessions'];
const readers = secured({ roles: ['leader', 'admin', 'platform'], scope: 'staff:read' });
const writers = secured({ roles: ['leader', 'admin', 'platform'], scope: 'modules:write' });
const conflict = problemDoc('Another change was stored first, or the module is still a prerequisite');

const list = createRoute({
  method: 'get',
  path: '/v1/orgs/{orgId}/modules',
  tags,
  operationId: 'listOwnModules',
  summary: 'The organisation’s own modules (active, then retired) and the catalogue version its staff plan with',
  ...readers,
  request: { params: OrgIdParam },
  responses: { 200: jsonBody(LocalModuleListSchema, 'Own modules'), ...authErrors, ...readErrors },
});

const create = createRoute({
  method: 'post',
  path: '/v1/orgs/{orgId}/modules',
  tags,
  operationId: 'addOwnModule',
  summary: 'Add a module of the organisation’s own; its staff are recommended it from now on',
  ...writers,
  request: { params: OrgIdParam, body: jsonRequest(localModuleSchema) },
  responses: { 201: jsonBody(LocalModuleWrittenSchema, 'Added'), ...authErrors, 404: readErrors[404], 409: conflict, ...commonErrors },
});

const read = createRoute({
  method: 'get',
  path: '/v1/orgs/{orgId}/modules/{moduleId}',
  tags,
  operationId: 'getOwnModule',
  summary: 'One own module',
  ...readers,
  request: { params: ModuleIdParam },
  responses: { 200: jsonBody(LocalModuleSchema, 'The module'), ...authErrors, ...readErrors },
});

const patch = createRoute({
  method: 'patch',
  path: '/v1/orgs/{orgId}/modules/{moduleId}',
  tags,
  operationId: 'changeOwnModule',
  summary: 'Change an own module (any field but its id); the changed module is checked whole',
  ...writers,
  request: { params: ModuleIdParam, body: jsonRequest(localModulePatchSchema) },
  responses: { 200: jsonBody(LocalModuleWrittenSchema, 'Changed'), ...authErrors, 404: readErrors[404], 409: conflict, ...commonErrors },
});

const retire = createRoute({
  method: 'delete',
  path: '/v1/orgs/{orgId}/modules/{moduleId}',
  tags,
  operationId: 'retireOwnModule',
  summary: 'Retire an own module: no longer recommended, its sessions cancelled, kept for earlier pathways',
  ...writers,
  request: { params: ModuleIdParam },
  responses: { 200: jsonBody(LocalModuleWrittenSchema, 'Retired'), ...authErrors, ...readErrors, 409: conflict },
});

/** Parses a whole module after a change, as a 422 naming each field. */
function parseModule(m: unknown): LocalModuleInput {
  const r = localModuleSchema.safeParse(m);
  if (!r.success) throw new ProblemError('validation', 'The changed module is not valid; see `errors`.', zodFieldErrors(r.error.issues));
  return r.data;
}

/** A module as the API shows it: with `activityId`, the IRI xAPI statements use for it. */
const shown = (c: Context<AppEnv>, orgId: string, m: LocalModule) => ({ ...m, activityId: ownModuleActivityId(serviceDeps(c), orgId, m.id) });

export function registerOrgModules(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    const { modules, catalogueVersion } = await listLocalModules(serviceDeps(c), org);
    return sendJson(c, { data: modules.map((m) => shown(c, org.id, m)), catalogueVersion }, 200);
  });

  app.openapi(create, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    const done = await addLocalModule(serviceDeps(c), org, c.req.valid('json'), actorUserId(c.get('principal')!));
    return sendJson(c, { ...shown(c, org.id, done.module), catalogueVersion: done.catalogueVersion }, 201);
  });

  app.openapi(read, async (c) => {
    const { orgId, moduleId } = c.req.valid('param');
    const org = await visibleOrg(c, orgId);
    return sendJson(c, shown(c, org.id, ownModule(await editing(serviceDeps(c), org), moduleId)), 200);
  });

  app.openapi(patch, async (c) => {
    const { orgId, moduleId } = c.req.valid('param');
    const org = await visibleOrg(c, orgId);
    const done = await changeLocalModule(serviceDeps(c), org, moduleId, c.req.valid('json'), actorUserId(c.get('principal')!), parseModule);
    return sendJson(c, { ...shown(c, org.id, done.module), catalogueVersion: done.catalogueVersion }, 200);
  });

  app.openapi(retire, async (c) => {
    const { orgId, moduleId } = c.req.valid('param');
    const org = await visibleOrg(c, orgId);
    const done = await retireLocalModule(serviceDeps(c), org, moduleId, actorUserId(c.get('principal')!));
    return sendJson(c, { ...shown(c, org.id, done.module), catalogueVersion: done.catalogueVersion }, 200);
  });
}
