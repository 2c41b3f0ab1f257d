// LTI 1.3 tool: admins register platforms for an organisation; the platform starts a login at /v1/lti/login (GET or
// POST), the tool answers with an authentication request, and the platform posts the id_token to /v1/lti/launch,
// which opens the person's pathway in a session of their account within the platform's organisation.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authRequestUrl, LtiError, toolJwks, verifyLaunch, type LoginInitiation } from '../../../integrations/lti.js';
import { randomToken } from '../../../repos/crypto.js';
import { isUniqueViolation } from '../../../repos/database.js';
import { deletePlatform, findPlatforms, getPlatform, insertPlatform, listPlatforms, type LtiPlatform } from '../../../repos/lti.js';
import { consumeLoginState, insertLoginState, useNonce } from '../../../repos/sso.js';
import { visibleOrg } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import type { AppEnv } from '../../env.js';
import { createSession } from '../../middleware/auth.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, ProblemError, readErrors } from '../../problem.js';
import { OrgIdParam } from '../../schemas/accounts.js';
import { JwksSchema, LaunchSchema, LoginInitiationSchema, NewPlatformBody, PlatformIdParam, PlatformSchema } from '../../schemas/lti.js';
import { resolveAccount, safeReturn } from '../../../services/sso.js';
import { callableUrlProblem, outboundPolicy } from '../../../services/webhook-url.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['LTI 1.3'];
const admins = secured({ roles: ['admin'] });
const STATE_TTL_MS = 10 * 60_000;
const origin = (c: Context<AppEnv>) => new URL(c.req.url).origin;
const view = (c: Context<AppEnv>, p: LtiPlatform) => ({
  ...p,
  tool: { loginUrl: `${origin(c)}/v1/lti/login`, redirectUrl: `${origin(c)}/v1/lti/launch`, targetLinkUrl: `${origin(c)}/v1/lti/launch`, jwksUrl: `${origin(c)}/.well-known/jwks.json` },
});
const redirect = { description: 'Redirect (Location header)', headers: z.object({ location: z.string() }) };
const form = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/x-www-form-urlencoded': { schema } } }) as const;

const create = createRoute({
  method: 'post', path: '/v1/orgs/{orgId}/lti/platforms', tags, operationId: 'registerLtiPlatform', ...admins,
  summary: 'Register an LTI 1.3 platform (issuer, client id, deployments, its JWKS and login URLs) for an organisation',
  request: { params: OrgIdParam, body: jsonRequest(NewPlatformBody) },
  responses: { 201: jsonBody(PlatformSchema, 'Registered; `tool` says what to enter at the platform'), ...authErrors, 404: readErrors[404], 409: problemDoc('Issuer and client id are registered already'), ...commonErrors },
});
const list = createRoute({
  method: 'get', path: '/v1/orgs/{orgId}/lti/platforms', tags, operationId: 'listLtiPlatforms', ...admins,
  summary: 'The organisation’s LTI platforms', request: { params: OrgIdParam },
  responses: { 200: jsonBody(z.object({ data: z.array(PlatformSchema) }).openapi('LtiPlatformList'), 'Platforms'), ...authErrors, ...readErrors },
});
const remove = createRoute({
  method: 'delete', path: '/v1/lti/platforms/{platformId}', tags, operationId: 'deleteLtiPlatform', ...admins,
  summary: 'Remove a platform; its launches stop working', request: { params: PlatformIdParam },
  responses: { 204: { description: 'Removed' }, ...authErrors, ...readErrors },
});
const loginErrors = { 400: commonErrors[400], 404: readErrors[404], 422: commonErrors[422] };
const loginGet = createRoute({
  method: 'get', path: '/v1/lti/login', tags, operationId: 'ltiLoginInitiationGet', security: [{}],
  summary: 'Third-party login initiation from the platform; redirects to its authentication endpoint', request: { query: LoginInitiationSchema },
  responses: { 302: redirect, ...loginErrors },
});
const loginPost = createRoute({
  method: 'post', path: '/v1/lti/login', tags, operationId: 'ltiLoginInitiationPost', security: [{}],
  summary: 'Third-party login initiation (form post)', request: { body: form(LoginInitiationSchema) },
  responses: { 302: redirect, ...loginErrors, 415: commonErrors[415] },
});
const launch = createRoute({
  method: 'post', path: '/v1/lti/launch', tags, operationId: 'ltiLaunch', security: [{}],
  summary: 'Resource-link launch: checks the id_token and opens the person’s pathway', request: { body: form(LaunchSchema) },
  responses: { 303: redirect, 400: commonErrors[400], 401: authErrors[401], 403: authErrors[403], 415: commonErrors[415], 422: commonErrors[422] },
});
const jwks = createRoute({
  method: 'get', path: '/.well-known/jwks.json', tags, operationId: 'toolJwks', security: [{}],
  summary: 'The tool’s public signing keys', responses: { 200: jsonBody(JwksSchema, 'JSON Web Key Set'), 500: commonErrors[500] },
});

async function startLogin(c: Context<AppEnv>, init: LoginInitiation): Promise<Response> {
  const db = c.get('database').db;
  const found = await findPlatforms(db, init.iss, init.client_id);
  if (found.length !== 1) throw new ProblemError('not-found', found.length ? 'Several registrations share this issuer; the platform must send client_id.' : `No LTI platform ${init.iss} is registered here.`);
  const p = found[0]!;
  if (init.lti_deployment_id && !p.deploymentIds.includes(init.lti_deployment_id)) throw new ProblemError('forbidden', `Deployment ${init.lti_deployment_id} is not registered for this platform.`);
  const state = randomToken(24);
  const nonce = randomToken(24);
  const target = new URL(init.target_link_uri, origin(c));
  const returnTo = target.origin === origin(c) && !target.pathname.startsWith('/v1/') ? safeReturn(target.pathname + target.search) : '/pathway';
  await insertLoginState(db, { state, kind: 'lti', ref_id: p.id, nonce, code_verifier: null, return_to: returnTo, expires_at: new Date(c.get('clock')().getTime() + STATE_TTL_MS).toISOString() });
  return c.redirect(authRequestUrl(p, init, `${origin(c)}/v1/lti/launch`, state, nonce), 302);
}

export function registerLti(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    const body = c.req.valid('json');
    for (const key of ['jwksUrl', 'authLoginUrl', 'authTokenUrl'] as const) {
      const bad = body[key] ? await callableUrlProblem(serviceDeps(c), body[key]) : null;
      if (bad) throw new ProblemError('validation', bad, [{ path: key, message: bad }]);
    }
    try {
      const made = await insertPlatform(c.get('database').db, { orgId: org.id, issuer: body.issuer, clientId: body.clientId, deploymentIds: body.deploymentIds, jwksUrl: body.jwksUrl, authLoginUrl: body.authLoginUrl, authTokenUrl: body.authTokenUrl ?? null }, c.get('clock')());
      return c.json(view(c, made), 201);
    } catch (e) {
      if (isUniqueViolation(e)) throw new ProblemError('conflict', 'This issuer and client id are registered already.');
      throw e;
    }
  });

  app.openapi(list, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    return c.json({ data: (await listPlatforms(c.get('database').db, org.id)).map((p) => view(c, p)) }, 200);
  });

  app.openapi(remove, async (c) => {
    const p = await getPlatform(c.get('database').db, c.req.valid('param').platformId);
    if (!p) throw new ProblemError('not-found', 'No LTI platform with this id.');
    await deletePlatform(c.get('database').db, p.id);
    return c.body(null, 204);
  });

  app.openapi(loginGet, (c) => startLogin(c, c.req.valid('query')));
  app.openapi(loginPost, (c) => startLogin(c, c.req.valid('form')));

  app.openapi(launch, async (c) => {
    const { id_token, state } = c.req.valid('form');
    const db = c.get('database').db;
    const now = c.get('clock')();
    const st = await consumeLoginState(db, state, 'lti', now);
    if (!st) throw new ProblemError('bad-request', 'This launch has expired or was used already; launch again from the platform.', [{ path: 'state', message: 'Unknown, used or expired.' }]);
    const p = await getPlatform(db, st.ref_id);
    if (!p) throw new ProblemError('not-found', 'The platform of this launch is no longer registered.');
    const claims = await verifyLaunch(p, id_token, st.nonce, outboundPolicy(serviceDeps(c))).catch((e: unknown) => {
      if (e instanceof LtiError && /^deployment/.test(e.message)) throw new ProblemError('forbidden', `Launch refused: ${e.message}.`);
      throw new ProblemError('unauthorized', `Launch refused: ${e instanceof Error ? e.message : String(e)}.`);
    });
    if (!(await useNonce(db, p.issuer, st.nonce, new Date((claims.exp ?? 0) * 1000 + 3_600_000), now))) throw new ProblemError('unauthorized', 'Launch refused: this nonce was used already.');
    const email = typeof claims.email === 'string' ? claims.email : null;
    const who = await resolveAccount(serviceDeps(c), p.orgId, { issuer: p.issuer, subject: String(claims.sub), kind: 'lti', email, name: typeof claims.name === 'string' ? claims.name : null });
    await createSession(c, who.userId, who.queries);
    return c.redirect(st.return_to ?? '/pathway', 303);
  });

  app.openapi(jwks, async (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return c.json(await toolJwks(c.get('database').db, c.get('clock')()), 200);
  });
}
