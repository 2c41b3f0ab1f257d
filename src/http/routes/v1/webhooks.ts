// Webhook endpoints of an organisation (leaders of it, or of its trust, and admins): subscribe (the secret is shown
// once), list, disable, rotate the secret, send a test ping, and read the delivery log of every attempt.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deliveryLog, disableEndpoint, getEndpointRow, listEndpoints, toEndpoint, type WebhookEndpoint } from '../../../repos/webhooks.js';
import { visibleOrg } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import { actorUserId } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, ProblemError, readErrors } from '../../problem.js';
import { IdempotencyHeaders, OrgIdParam } from '../../schemas/accounts.js';
import { CreatedEndpointSchema, DeliveryLogSchema, DeliverySchema, EndpointIdParam, EndpointSchema, NewEndpointBody, RotatedSecretSchema } from '../../schemas/webhooks.js';
import { ROTATION_GRACE_HOURS, rotateEndpointSecret, subscribeEndpoint } from '../../../services/webhook-endpoints.js';
import { pingEndpoint } from '../../../services/webhook-ping.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Webhooks'];
const leaders = secured({ roles: ['leader', 'admin'] });
export { ROTATION_GRACE_HOURS };

const route = <M extends 'get' | 'post' | 'delete'>(method: M, path: string, operationId: string, summary: string) => ({ method, path, tags, operationId, summary, ...leaders });

const create = createRoute({
  ...route('post', '/v1/orgs/{orgId}/webhooks', 'createWebhookEndpoint', 'Subscribe an endpoint to events; the signing secret is in this response only'),
  request: { headers: IdempotencyHeaders, params: OrgIdParam, body: jsonRequest(NewEndpointBody) },
  responses: { 201: jsonBody(CreatedEndpointSchema, 'Subscribed'), ...authErrors, 404: readErrors[404], ...commonErrors },
});
const list = createRoute({
  ...route('get', '/v1/orgs/{orgId}/webhooks', 'listWebhookEndpoints', 'The organisation’s endpoints (never the secrets)'),
  request: { params: OrgIdParam },
  responses: { 200: jsonBody(z.object({ data: z.array(EndpointSchema) }).openapi('WebhookEndpointList'), 'Endpoints'), ...authErrors, ...readErrors },
});
const remove = createRoute({
  ...route('delete', '/v1/webhooks/{endpointId}', 'disableWebhookEndpoint', 'Stop sending to an endpoint; its delivery log stays'),
  request: { params: EndpointIdParam },
  responses: { 204: { description: 'Disabled' }, ...authErrors, ...readErrors },
});
const rotate = createRoute({
  ...route('post', '/v1/webhooks/{endpointId}/secret', 'rotateWebhookSecret', `A new signing secret; the old one also signs for ${ROTATION_GRACE_HOURS} hours`),
  request: { params: EndpointIdParam },
  responses: { 200: jsonBody(RotatedSecretSchema, 'The new secret, shown once'), ...authErrors, ...readErrors, 409: problemDoc('The endpoint is disabled') },
});
const log = createRoute({
  ...route('get', '/v1/webhooks/{endpointId}/deliveries', 'listWebhookDeliveries', 'The latest 100 messages to the endpoint, with every attempt'),
  request: { params: EndpointIdParam },
  responses: { 200: jsonBody(DeliveryLogSchema, 'Delivery log'), ...authErrors, ...readErrors },
});

const ping = createRoute({
  ...route('post', '/v1/webhooks/{endpointId}/ping', 'pingWebhookEndpoint', 'Send a signed test ping (`webhook.ping`) now, once, and answer with how the receiver answered'),
  description: 'The ping is signed like any event and appears in the delivery log; a failed ping is not retried. The answer is 200 whether the receiver accepted it or not: read `status` and `attempts`.',
  request: { params: EndpointIdParam },
  responses: { 200: jsonBody(DeliverySchema, 'The ping’s delivery'), ...authErrors, ...readErrors, 409: problemDoc('The endpoint is disabled') },
});

/** The endpoint if the caller manages its organisation; 404 otherwise. */
async function visibleEndpoint(c: Context<AppEnv>, id: string): Promise<WebhookEndpoint> {
  const row = await getEndpointRow(c.get('database').db, id);
  if (!row) throw new ProblemError('not-found', `No webhook endpoint ${id} is visible to you.`);
  await visibleOrg(c, row.org_id).catch(() => {
    throw new ProblemError('not-found', `No webhook endpoint ${id} is visible to you.`);
  });
  return toEndpoint(row);
}

export { visibleEndpoint };

export function registerWebhooks(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    const made = await subscribeEndpoint(serviceDeps(c), org.id, c.req.valid('json'), actorUserId(c.get('principal')!));
    if (!made.ok) throw new ProblemError('validation', made.errors[0]!.message, made.errors);
    return c.json({ endpoint: made.endpoint, secret: made.secret }, 201);
  });

  app.openapi(list, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    return c.json({ data: await listEndpoints(c.get('database').db, org.id) }, 200);
  });

  app.openapi(remove, async (c) => {
    const endpoint = await visibleEndpoint(c, c.req.valid('param').endpointId);
    await disableEndpoint(c.get('database').db, endpoint.id, c.get('clock')());
    return c.body(null, 204);
  });

  app.openapi(rotate, async (c) => {
    const endpoint = await visibleEndpoint(c, c.req.valid('param').endpointId);
    if (endpoint.disabledAt) throw new ProblemError('conflict', 'The endpoint is disabled; subscribe a new one instead.');
    return c.json(await rotateEndpointSecret(serviceDeps(c), endpoint), 200);
  });

  app.openapi(ping, async (c) => {
    const endpoint = await visibleEndpoint(c, c.req.valid('param').endpointId);
    return c.json(await pingEndpoint(serviceDeps(c), endpoint), 200);
  });

  app.openapi(log, async (c) => {
    const endpoint = await visibleEndpoint(c, c.req.valid('param').endpointId);
    return c.json({ data: await deliveryLog(c.get('database').db, endpoint.id, 100) }, 200);
  });
}
