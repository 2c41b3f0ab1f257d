// POST /v1/auth/sign-in, /v1/auth/sign-out and /v1/auth/invites/accept: people sign in with a session cookie.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { consumeInvite, findOpenInvite } from '../../../repos/invites.js';
import { deleteUserSessionsQuery } from '../../../repos/sessions.js';
import { findUserByEmail, getUser, setPasswordQuery, toUser } from '../../../repos/users.js';
import { jsonBody, jsonRequest, registerSecuritySchemes, SECURITY } from '../../auth/openapi.js';
import { burnPasswordCheck, hashPassword, passwordProblems, verifyPassword } from '../../auth/passwords.js';
import { createSession, destroySession } from '../../auth/session.js';
import type { AppEnv } from '../../env.js';
import { commonErrors, problemDoc, ProblemError } from '../../problem.js';
import { AcceptInviteBody, SessionSchema, SignInBody } from '../../schemas/accounts.js';

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
  security: SECURITY.session,
  responses: { 204: { description: 'Signed out' }, ...commonErrors },
});

const acceptInvite = createRoute({
  method: 'post',
  path: '/v1/auth/invites/accept',
  tags: ['Accounts'],
  operationId: 'acceptInvite',
  summary: 'Use a one-time invite to set a password; signs in',
  security: [],
  request: { body: jsonRequest(AcceptInviteBody) },
  responses: {
    200: { ...jsonBody(SessionSchema, 'Password set and signed in'), headers: cookieHeader },
    404: problemDoc('The invite is not known, already used or expired'),
    ...commonErrors,
  },
});

export function registerAuth(app: OpenAPIHono<AppEnv>): void {
  registerSecuritySchemes(app);

  app.openapi(signIn, async (c) => {
    const { email, password } = c.req.valid('json');
    const user = await findUserByEmail(c.get('database').db, email);
    if (!user?.password_hash) {
      await burnPasswordCheck(password);
      throw new ProblemError('unauthorized', 'The email or password is not right.');
    }
    if (!(await verifyPassword(password, user.password_hash))) throw new ProblemError('unauthorized', 'The email or password is not right.');
    const { expiresAt } = await createSession(c, user.id);
    return c.json({ user: toUser(user), expiresAt }, 200);
  });

  app.openapi(signOut, async (c) => {
    await destroySession(c);
    return c.body(null, 204);
  });

  app.openapi(acceptInvite, async (c) => {
    const { token, password } = c.req.valid('json');
    const db = c.get('database').db;
    const now = c.get('clock')();
    const gone = new ProblemError('not-found', 'This invite link is not known, has been used or has expired. Ask for a new one.');
    const userId = await findOpenInvite(db, token, now);
    const user = userId ? await getUser(db, userId) : undefined;
    if (!user) throw gone;
    const problems = passwordProblems(password, user.email);
    if (problems.length) throw new ProblemError('validation', 'Choose a different password.', problems.map((message) => ({ path: 'password', message })));
    const hash = await hashPassword(password);
    if ((await consumeInvite(db, token, now)) !== user.id) throw gone;
    const { expiresAt } = await createSession(c, user.id, [setPasswordQuery(db, user.id, hash), deleteUserSessionsQuery(db, user.id)]);
    return c.json({ user: { ...toUser(user), hasPassword: true }, expiresAt }, 200);
  });
}
