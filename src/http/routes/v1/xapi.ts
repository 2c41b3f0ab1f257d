// The xAPI 1.0.3 statement resource: POST and PUT store statements (key with progress:write, or an admin), GET reads
// them back (xapi-read.ts), GET /about names the version; a voiding statement voids another. "completed"/"passed" mark the module completed,
// "initialized"/"launched"/"attempted" started; other verbs are stored only. Malformed statements are 400s.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { jsonBody, jsonRequest, SECURITY } from '../../auth/openapi.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { XAPI_VERSION } from '../../middleware/xapi-version.js';
import { authErrors, commonErrors, problemDoc, ProblemError, readErrors, zodFieldErrors } from '../../problem.js';
import { IdempotencyHeaders } from '../../schemas/accounts.js';
import { StatementSchema, StatementsBody, VersionHeader } from '../../schemas/xapi.js';
import { storeStatements } from '../../../services/xapi.js';
import { registerXapiRead } from './xapi-read.js';
import { serviceDeps } from '../../service-deps.js';

export { moduleIdOf } from '../../../services/xapi.js';

const access = secured({ roles: ['platform', 'admin'], scope: 'progress:write' });
const errors = { ...authErrors, ...commonErrors, 409: problemDoc('A different statement with this id is stored already') };
const StatementIdQuery = z.object({ statementId: z.uuid('statementId must be a UUID').openapi({ example: '6b9e4a8c-1f2d-4c3b-9a7e-2d1c0b9f8e7a' }) });
const usage = 'Send `X-Experience-API-Version: 1.0.3`. actor: `mbox` (mailto: the person’s email on the staff list) or `account.name` (their staff id). object.id: an IRI ending in the module id (`…/modules/<id>`); a setting’s own module by its address on this service, its `activityId` (`<base URL>/v1/orgs/<orgId>/modules/<id>`). A completion may carry re-ratings in `result.extensions["https://send-pathways.example/xapi/extensions/ratings"]` (area id → 1..5), counted as the person’s check-in.';

const post = createRoute({
  method: 'post',
  path: '/v1/xapi/statements',
  tags: ['xAPI'],
  operationId: 'postXapiStatements',
  summary: 'Store xAPI statements (one or up to 100); all are checked before any is stored',
  description: usage,
  ...access,
  request: { headers: VersionHeader.extend(IdempotencyHeaders.shape), body: jsonRequest(StatementsBody) },
  responses: { 200: jsonBody(z.array(z.string()).openapi('XapiStatementIds'), 'Statement ids, in order'), ...errors },
});

const put = createRoute({
  method: 'put',
  path: '/v1/xapi/statements',
  tags: ['xAPI'],
  operationId: 'putXapiStatement',
  summary: 'Store one xAPI statement under the given statementId',
  description: usage,
  ...access,
  request: { headers: VersionHeader, query: StatementIdQuery, body: jsonRequest(StatementSchema) },
  responses: { 204: { description: 'Stored (or stored already with the same content)' }, ...errors },
});

const about = createRoute({
  method: 'get',
  path: '/v1/xapi/about',
  tags: ['xAPI'],
  operationId: 'getXapiAbout',
  summary: 'The xAPI versions this endpoint speaks',
  security: SECURITY.optionalKey,
  responses: { 200: jsonBody(z.object({ version: z.array(z.string()) }).openapi('XapiAbout'), 'Versions'), ...authErrors, ...readErrors },
});

/** xAPI answers malformed requests with 400 (not 422), naming each failing field. */
const hook = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
  if (!result.success) throw new ProblemError('bad-request', 'The statement does not follow xAPI 1.0.3; see `errors`.', zodFieldErrors(result.error!.issues));
  return undefined;
};

async function store(c: Context<AppEnv>, statements: Parameters<typeof storeStatements>[1], single: boolean): Promise<string[]> {
  const r = await storeStatements(serviceDeps(c), statements, (i, path) => (single ? path : `[${i}].${path}`));
  if (r.ok) return r.ids;
  if (r.kind === 'conflict') throw new ProblemError('conflict', 'Nothing was stored: a statement id is taken by a different statement.', r.errors);
  throw new ProblemError(r.kind, r.kind === 'bad-request' ? 'Statement ids must be unique within a request.' : 'No statement was stored: some could not be matched.', r.errors);
}

export function registerXapi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(post, async (c) => {
    const body = c.req.valid('json');
    return c.json(await store(c, Array.isArray(body) ? body : [body], !Array.isArray(body)), 200);
  }, hook);

  app.openapi(put, async (c) => {
    const { statementId } = c.req.valid('query');
    const body = c.req.valid('json');
    if (body.id !== undefined && body.id.toLowerCase() !== statementId.toLowerCase()) {
      throw new ProblemError('bad-request', 'The statement id differs from statementId.', [{ path: 'id', message: 'Must equal the statementId parameter.' }]);
    }
    await store(c, [{ ...body, id: statementId }], true);
    return c.body(null, 204);
  }, hook);

  registerXapiRead(app);

  app.openapi(about, (c) => c.json({ version: [XAPI_VERSION] }, 200));
}
