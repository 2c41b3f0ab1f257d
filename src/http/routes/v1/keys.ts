// Platform API keys of an organisation: create (the key is shown once), list (prefix only) and revoke.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey, type ApiKey } from '../../../repos/api-keys.js';
import { auditQuery } from '../../../repos/audit.js';
import { getOrg } from '../../../repos/orgs.js';
import { mayManageOrg, pageRequest, visibleOrg } from '../../auth/access.js';
import { oneTimeSecret } from '../../auth/invite-link.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import { actorUserId, auditActor } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, ProblemError, readErrors } from '../../problem.js';
import { ApiKeySchema, CreatedKeySchema, CreateKeyBody, KeyIdParam, OrgIdParam, PageQuery, pageOf, IdempotencyHeaders } from '../../schemas/accounts.js';

const tags = ['API keys'];
const leaders = secured({ roles: ['leader', 'admin'] });
const view = (k: ApiKey) => k as typeof ApiKeySchema._output;

const create = createRoute({
  method: 'post',
  path: '/v1/orgs/{orgId}/keys',
  tags,
  operationId: 'createApiKey',
  summary: 'Create a platform API key for an organisation; the key is in this response only',
  ...leaders,
  request: { headers: IdempotencyHeaders, params: OrgIdParam, body: jsonRequest(CreateKeyBody) },
  responses: { 201: jsonBody(CreatedKeySchema, 'Created; store the key now'), ...authErrors, 404: readErrors[404], ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/v1/orgs/{orgId}/keys',
  tags,
  operationId: 'listApiKeys',
  summary: 'The organisation’s keys (prefix and scopes; never the key)',
  ...leaders,
  request: { params: OrgIdParam, query: PageQuery },
  responses: { 200: jsonBody(pageOf(ApiKeySchema, 'ApiKeyPage'), 'A page of keys'), ...authErrors, ...readErrors, 422: commonErrors[422] },
});

const revoke = createRoute({
  method: 'delete',
  path: '/v1/keys/{keyId}',
  tags,
  operationId: 'revokeApiKey',
  summary: 'Revoke a key; it stops working at once',
  ...leaders,
  request: { params: KeyIdParam },
  responses: { 204: { description: 'Revoked' }, ...authErrors, ...readErrors },
});

export function registerKeys(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    const body = c.req.valid('json');
    const database = c.get('database');
    const now = c.get('clock')();
    const made = await createApiKey(database.db, { orgId: org.id, name: body.name, scopes: body.scopes, createdBy: actorUserId(c.get('principal')!) }, now);
    await database.atomic([auditQuery(database.db, { action: 'key.created', actor: auditActor(c.get('principal')!), orgId: org.id, targetId: made.record.id, detail: body.scopes.join(',') }, now)]);
    oneTimeSecret(c);
    return c.json({ apiKey: view(made.record), key: made.key }, 201);
  });

  app.openapi(list, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    const page = await listApiKeys(c.get('database').db, org.id, pageRequest(c.req.valid('query')));
    return c.json({ data: page.data.map(view), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(revoke, async (c) => {
    const { keyId } = c.req.valid('param');
    const db = c.get('database').db;
    const key = await getApiKey(db, keyId);
    const org = key ? await getOrg(db, key.orgId) : null;
    if (!key || !org || !mayManageOrg(c.get('principal'), org)) throw new ProblemError('not-found', `No API key ${keyId} is visible to you.`);
    const now = c.get('clock')();
    await revokeApiKey(db, key.id, now);
    await c.get('database').atomic([auditQuery(db, { action: 'key.revoked', actor: auditActor(c.get('principal')!), orgId: key.orgId, targetId: key.id }, now)]);
    return c.body(null, 204);
  });
}
