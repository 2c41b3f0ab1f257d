// POST /v1/auth/sign-in, /v1/auth/sign-out, /v1/auth/invites/accept and /v1/auth/password-reset: people sign in
// with a session cookie, and ask for a reset link by email.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { toUser } from '../../../repos/users.js';
import { acceptInvite as useInvite, checkCredentials } from '../../auth/credentials.js';
import { jsonBody, jsonRequest, registerSecuritySchemes } from '../../auth/openapi.js';
import { createSession, destroySession } from '../../auth/session.js';
import type { AppEnv } from '../../env.js';
import { commonErrors, problemDoc, ProblemError } from '../../problem.js';
import { AcceptInviteBody, PasswordResetBody, SessionSchema, SignInBody } from '../../schemas/accounts.js';
import { canEmailResets, requestPasswordReset } from '../../../services/password-reset.js';
import { serviceDeps } from '../../service-deps.js';

const cookieHeader = { 'Set-Cookie': { description: 'The session cookie (__Host-sp_session)', schema: { type: 'string' as const } } };

const signIn = createRoute({
  method: 'post',
  path: '/v1/auth/sign-in',
  tags: ['Accounts'],
  operationId: 'signIn',
  summary: 'Sign in with email and password; sets the session cookie',
  security: [],
  request: { body: jsonRequest(SignInBody) },
  responses: {
    200: { ...jsonBody(SessionSchema, 'Signed in'), headers: cookieHeader },
    401: problemDoc('The email or password is not right'),
    ...commonErrors,
  },
});

const signOut = createRoute({
  method: 'post',
  path: '/v1/auth/sign-out',
  tags: ['Accounts'],
  operationId: 'signOut',
  summary: 'End this session and clear the cookie (always 204)',
  security: [{}, { sessionCookie: [] }],
  responses: { 204: { description: 'Signed out' }, ...commonErrors },
});

const acceptInvite = createRoute({
  method: 'post',
  path: '/v1/auth/invites/accept',
  tags: ['Accounts'],
  operationId: 'acceptInvite',
  summary: 'Use a one-time invite or password-reset link to set your password; ends your other sessions and signs in',
  security: [],
  request: { body: jsonRequest(AcceptInviteBody) },
  responses: {
    200: { ...jsonBody(SessionSchema, 'Password set and signed in'), headers: cookieHeader },
    404: problemDoc('The invite is not known, already used or expired'),
    ...commonErrors,
  },
});

const askReset = createRoute({
  method: 'post',
  path: '/v1/auth/password-reset',
  tags: ['Accounts'],
  operationId: 'requestPasswordReset',
  summary: 'Forgotten password: emails a one-hour, single-use link to choose a new one (the same answer whether or not an account exists)',
  description:
    'Only when this server sends email. The password keeps working until the link is used; the link is accepted at POST /v1/auth/invites/accept (or the /invite page). Limited per address like sign-in.',
  security: [],
  request: { body: jsonRequest(PasswordResetBody) },
  responses: {
    202: jsonBody(z.object({ detail: z.string() }).openapi('PasswordResetRequested'), 'Accepted: if an account uses this address, a link is on its way'),
    503: problemDoc('This server does not send email; an administrator resets passwords'),
    ...commonErrors,
  },
});

export function registerAuth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(askReset, async (c) => {
    if (!canEmailResets(serviceDeps(c))) throw new ProblemError('unavailable', 'This server does not send email, so it cannot send a reset link. Ask an administrator to reset your password.');
    void requestPasswordReset(serviceDeps(c), c.req.valid('json').email);
    return c.json({ detail: 'If an account uses this address, an email with a link to choose a new password is on its way. The link works for an hour.' }, 202);
  });

  registerSecuritySchemes(app);

  app.openapi(signIn, async (c) => {
    const { email, password } = c.req.valid('json');
    const user = await checkCredentials(c, email, password);
    if (!user) throw new ProblemError('unauthorized', 'The email or password is not right.');
    const { expiresAt } = await createSession(c, user.id);
    return c.json({ user: toUser(user), expiresAt }, 200);
  });

  app.openapi(signOut, async (c) => {
    await destroySession(c);
    return c.body(null, 204);
  });

  app.openapi(acceptInvite, async (c) => {
    const { token, password } = c.req.valid('json');
    const done = await useInvite(c, token, password);
    if (!done.ok && done.reason === 'gone') throw new ProblemError('not-found', 'This invite link is not known, has been used or has expired. Ask for a new one.');
    if (!done.ok) throw new ProblemError('validation', 'Choose a different password.', (done as { problems: string[] }).problems.map((message) => ({ path: 'password', message })));
    return c.json({ user: toUser(done.user), expiresAt: done.expiresAt }, 200);
  });
}
