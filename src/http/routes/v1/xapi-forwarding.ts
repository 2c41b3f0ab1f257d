// An organisation's own learning record stores (leaders of it or its trust, and admins): completions received as
// xAPI statements (and the voiding of them) are forwarded to each destination through the webhook outbox, PUT under
// their own id with X-Experience-API-Version and HTTP Basic auth, retried on the webhook schedule and logged.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deliveryLog, disableEndpoint } from '../../../repos/webhooks.js';
import { getDestination, insertDestination, listDestinations, type LrsDestination } from '../../../repos/xapi-forwarding.js';
import { visibleOrg } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import { actorUserId } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, ProblemError, readErrors } from '../../problem.js';
import { IdempotencyHeaders, OrgIdParam } from '../../schemas/accounts.js';
import { DeliveryLogSchema } from '../../schemas/webhooks.js';
import { callableUrlProblem } from '../../../services/webhook-url.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['xAPI'];
const leaders = secured({ roles: ['leader', 'admin'] });
const route = <M extends 'get' | 'post' | 'delete'>(method: M, path: string, operationId: string, summary: string) => ({ method, path, tags, operationId, summary, ...leaders });
/** Printable ASCII without a colon in the key, as HTTP Basic auth needs. */
const basicPart = (name: string, colon: boolean) => z.string().min(1, `${name} is required`).max(200).regex(colon ? /^[\x20-\x7e]+$/ : /^[\x20-\x39\x3b-\x7e]+$/, `${name} must be printable ASCII${colon ? '' : ' without a colon'}`);

const DestinationIdParam = z.object({
  destinationId: z.string().regex(/^lrs_[0-9a-z]{24}$/, 'Not an LRS destination id').openapi({ param: { name: 'destinationId', in: 'path' }, example: 'lrs_01jd5x2m7kq9w8e4r2t6y0u3' }),
});
const NewDestinationBody = z
  .object({
    url: z.url('An absolute https URL').max(2000).openapi({ description: 'The LRS’s xAPI endpoint; statements are sent to `<url>/statements`', example: 'https://lrs.trust.example/xapi' }),
    username: basicPart('username', false).openapi({ description: 'The Basic auth key the LRS issued' }),
    password: basicPart('password', true).openapi({ description: 'The Basic auth secret; never shown again' }),
    description: z.string().max(200).default(''),
  })
  .strict()
  .openapi('NewLrsDestination');
const DestinationSchema = z
  .object({ id: z.string(), orgId: z.string(), url: z.string(), description: z.string(), username: z.string(), createdAt: z.string(), disabledAt: z.string().nullable() })
  .openapi('LrsDestination');

const create = createRoute({
  ...route('post', '/v1/orgs/{orgId}/lrs', 'createLrsDestination', 'Forward completions received as xAPI statements to the organisation’s own LRS'),
  request: { headers: IdempotencyHeaders, params: OrgIdParam, body: jsonRequest(NewDestinationBody) },
  responses: { 201: jsonBody(DestinationSchema, 'Forwarding from now on'), ...authErrors, 404: readErrors[404], ...commonErrors },
});
const list = createRoute({
  ...route('get', '/v1/orgs/{orgId}/lrs', 'listLrsDestinations', 'The organisation’s LRS destinations (never the password)'),
  request: { params: OrgIdParam },
  responses: { 200: jsonBody(z.object({ data: z.array(DestinationSchema) }).openapi('LrsDestinationList'), 'Destinations'), ...authErrors, ...readErrors },
});
const remove = createRoute({
  ...route('delete', '/v1/lrs/{destinationId}', 'disableLrsDestination', 'Stop forwarding to a destination; its delivery log stays'),
  request: { params: DestinationIdParam },
  responses: { 204: { description: 'Stopped' }, ...authErrors, ...readErrors },
});
const log = createRoute({
  ...route('get', '/v1/lrs/{destinationId}/deliveries', 'listLrsDeliveries', 'The latest 100 statements forwarded to the destination, with every attempt'),
  request: { params: DestinationIdParam },
  responses: { 200: jsonBody(DeliveryLogSchema, 'Delivery log'), ...authErrors, ...readErrors },
});

async function visibleDestination(c: Context<AppEnv>, id: string): Promise<LrsDestination> {
  const found = await getDestination(c.get('database').db, id);
  if (!found || !(await visibleOrg(c, found.orgId).catch(() => null))) throw new ProblemError('not-found', `No LRS destination ${id} is visible to you.`);
  return found;
}

export function registerXapiForwarding(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    const body = c.req.valid('json');
    const bad = await callableUrlProblem(serviceDeps(c), body.url);
    if (bad) throw new ProblemError('validation', bad, [{ path: 'url', message: bad }]);
    const made = await insertDestination(c.get('database').db, { orgId: org.id, ...body, createdBy: actorUserId(c.get('principal')!) }, c.get('clock')());
    return c.json(made, 201);
  });

  app.openapi(list, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    return c.json({ data: await listDestinations(c.get('database').db, org.id) }, 200);
  });

  app.openapi(remove, async (c) => {
    const found = await visibleDestination(c, c.req.valid('param').destinationId);
    await disableEndpoint(c.get('database').db, found.id, c.get('clock')());
    return c.body(null, 204);
  });

  app.openapi(log, async (c) => {
    const found = await visibleDestination(c, c.req.valid('param').destinationId);
    return c.json({ data: await deliveryLog(c.get('database').db, found.id, 100) }, 200);
  });
}
