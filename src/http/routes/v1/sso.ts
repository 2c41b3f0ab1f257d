// Single sign-on with OpenID Connect (Microsoft Entra ID, Google Workspace or any provider with discovery):
// leaders and admins connect their organisation's tenant; staff start at /v1/sso/start and come back to
// /v1/sso/callback, which checks state, PKCE, the id_token and the verified email, then starts a session.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorizationUrl, discover, exchangeCode, newLoginSecrets, OidcError, verifyIdToken } from '../../../integrations/oidc.js';
import { consumeLoginState, deleteConnection, getConnection, insertConnection, insertLoginState, listConnections, type OidcConnection } from '../../../repos/sso.js';
import { visibleOrg } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import type { AppEnv } from '../../env.js';
import { createSession } from '../../middleware/auth.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, ProblemError, readErrors } from '../../problem.js';
import { OrgIdParam } from '../../schemas/accounts.js';
import { CallbackQuery, ConnectionIdParam, ConnectionSchema, NewConnectionBody, StartQuery } from '../../schemas/sso.js';
import { connectionForEmail, resolveAccount, safeReturn } from '../../../services/sso.js';
import { callableUrlProblem, outboundPolicy } from '../../../services/webhook-url.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Single sign-on'];
const leaders = secured({ roles: ['leader', 'admin'] });
const STATE_TTL_MS = 10 * 60_000;
const redirectUri = (c: Context<AppEnv>) => `${new URL(c.req.url).origin}/v1/sso/callback`;
const view = (c: Context<AppEnv>, k: OidcConnection) => ({
  id: k.id, orgId: k.orgId, issuer: k.issuer, clientId: k.clientId, hasClientSecret: k.clientSecret !== null, domains: k.domains, createdAt: k.createdAt,
  redirectUri: redirectUri(c), signInUrl: `${new URL(c.req.url).origin}/v1/sso/start?connection=${k.id}`,
});
const redirect = { description: 'Redirect (Location header)', headers: z.object({ location: z.string() }) };

const create = createRoute({
  method: 'post', path: '/v1/orgs/{orgId}/sso', tags, operationId: 'createSsoConnection', ...leaders,
  summary: 'Connect the organisation’s OpenID Connect tenant (its discovery document is fetched and checked now)',
  request: { params: OrgIdParam, body: jsonRequest(NewConnectionBody) },
  responses: { 201: jsonBody(ConnectionSchema, 'Connected'), ...authErrors, 404: readErrors[404], ...commonErrors },
});
const list = createRoute({
  method: 'get', path: '/v1/orgs/{orgId}/sso', tags, operationId: 'listSsoConnections', ...leaders,
  summary: 'The organisation’s single sign-on connections (never the client secret)',
  request: { params: OrgIdParam },
  responses: { 200: jsonBody(z.object({ data: z.array(ConnectionSchema) }).openapi('SsoConnectionList'), 'Connections'), ...authErrors, ...readErrors },
});
const remove = createRoute({
  method: 'delete', path: '/v1/sso/connections/{connectionId}', tags, operationId: 'deleteSsoConnection', ...leaders,
  summary: 'Disconnect; linked people sign in with a password again',
  request: { params: ConnectionIdParam },
  responses: { 204: { description: 'Removed' }, ...authErrors, ...readErrors },
});
const start = createRoute({
  method: 'get', path: '/v1/sso/start', tags, operationId: 'startSsoSignIn', security: [{}],
  summary: 'Start signing in: redirects to the provider with state, nonce and a PKCE challenge',
  request: { query: StartQuery },
  responses: { 302: redirect, 404: readErrors[404], 422: commonErrors[422], 502: problemDoc('The provider’s discovery document could not be read') },
});
const callback = createRoute({
  method: 'get', path: '/v1/sso/callback', tags, operationId: 'ssoCallback', security: [{}],
  summary: 'Where the provider returns: checks everything, starts a session and redirects to returnTo',
  request: { query: CallbackQuery },
  responses: { 303: redirect, 400: commonErrors[400], 401: authErrors[401], 403: authErrors[403], 502: problemDoc('The provider could not be reached') },
});

/** The connection for `connection` or for the email's domain; 404/422 otherwise. */
async function chosen(c: Context<AppEnv>, q: z.infer<typeof StartQuery>): Promise<OidcConnection> {
  const db = c.get('database').db;
  if (q.connection) return (await getConnection(db, q.connection)) ?? notFound();
  if (!q.email?.includes('@')) throw new ProblemError('validation', 'Give `connection`, or the `email` you sign in with.', [{ path: 'email', message: 'An email address, or pass connection.' }]);
  const found = await connectionForEmail(serviceDeps(c), q.email);
  if ('problem' in found) throw new ProblemError('not-found', `${found.problem}.`);
  return found.connection;
}
const notFound = (): never => {
  throw new ProblemError('not-found', 'No single sign-on connection with this id.');
};
const providerDown = (e: unknown): never => {
  if (e instanceof OidcError) throw new ProblemError('bad-gateway', `The sign-in provider could not be used: ${e.message}.`);
  throw e;
};

export function registerSso(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    const body = c.req.valid('json');
    const bad = await callableUrlProblem(serviceDeps(c), body.issuer);
    if (bad) throw new ProblemError('validation', bad, [{ path: 'issuer', message: bad }]);
    await discover(body.issuer, outboundPolicy(serviceDeps(c))).catch((e: unknown) => {
      throw new ProblemError('validation', `The issuer’s discovery document could not be used: ${e instanceof Error ? e.message : String(e)}.`, [{ path: 'issuer', message: 'No usable /.well-known/openid-configuration.' }]);
    });
    const made = await insertConnection(c.get('database').db, { orgId: org.id, issuer: body.issuer, clientId: body.clientId, clientSecret: body.clientSecret ?? null, domains: body.domains }, c.get('clock')());
    return c.json(view(c, made), 201);
  });

  app.openapi(list, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    return c.json({ data: (await listConnections(c.get('database').db, org.id)).map((k) => view(c, k)) }, 200);
  });

  app.openapi(remove, async (c) => {
    const k = (await getConnection(c.get('database').db, c.req.valid('param').connectionId)) ?? notFound();
    await visibleOrg(c, k.orgId).catch(notFound);
    await deleteConnection(c.get('database').db, k.id);
    return c.body(null, 204);
  });

  app.openapi(start, async (c) => {
    const q = c.req.valid('query');
    const k = await chosen(c, q);
    const meta = await discover(k.issuer, outboundPolicy(serviceDeps(c))).catch(providerDown);
    const s = await newLoginSecrets();
    const expires = new Date(c.get('clock')().getTime() + STATE_TTL_MS).toISOString();
    await insertLoginState(c.get('database').db, { state: s.state, kind: 'oidc', ref_id: k.id, nonce: s.nonce, code_verifier: s.verifier, return_to: safeReturn(q.returnTo), expires_at: expires });
    return c.redirect(authorizationUrl(meta, { clientId: k.clientId, redirectUri: redirectUri(c), state: s.state, nonce: s.nonce, challenge: s.challenge, loginHint: q.email }), 302);
  });

  app.openapi(callback, async (c) => {
    const q = c.req.valid('query');
    if (!q.state) throw new ProblemError('bad-request', 'The provider returned without `state`; start signing in again.');
    const st = await consumeLoginState(c.get('database').db, q.state, 'oidc', c.get('clock')());
    if (!st) throw new ProblemError('bad-request', 'This sign-in has expired or was used already; start again.', [{ path: 'state', message: 'Unknown, used or expired.' }]);
    if (q.error || !q.code) throw new ProblemError('unauthorized', `The provider did not sign you in${q.error ? ` (${q.error}${q.error_description ? `: ${q.error_description}` : ''})` : ''}.`);
    const k = (await getConnection(c.get('database').db, st.ref_id)) ?? notFound();
    const meta = await discover(k.issuer, outboundPolicy(serviceDeps(c))).catch(providerDown);
    const idToken = await exchangeCode(meta, { clientId: k.clientId, clientSecret: k.clientSecret, code: q.code, redirectUri: redirectUri(c), verifier: st.code_verifier! }, outboundPolicy(serviceDeps(c))).catch(providerDown);
    const claims = await verifyIdToken(meta, idToken, { clientId: k.clientId, nonce: st.nonce }, outboundPolicy(serviceDeps(c))).catch((e: unknown) => {
      throw new ProblemError('unauthorized', e instanceof Error ? `Sign-in refused: ${e.message}.` : 'Sign-in refused.');
    });
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
    if (!email || claims.email_verified !== true) throw new ProblemError('forbidden', 'The provider has not verified this email address, so it cannot be matched to an account.');
    if (!k.domains.includes(email.split('@')[1] ?? '')) throw new ProblemError('forbidden', `Accounts at ${email.split('@')[1]} do not sign in through this connection.`);
    const who = await resolveAccount(serviceDeps(c), k.orgId, { issuer: k.issuer, subject: String(claims.sub), kind: 'oidc', email, name: typeof claims.name === 'string' ? claims.name : null });
    await createSession(c, who.userId, who.queries);
    return c.redirect(st.return_to ?? '/', 303);
  });
}
