// Interim guard for panel/admin routes until accounts and roles replace it: `Authorization: Bearer <ADMIN_TOKEN>`,
// compared in constant time. 403 when no token is configured (the routes are off), 401 when missing or wrong.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { sha256Hex, timingSafeEqual } from '../../repos/crypto.js';
import type { AppEnv } from '../env.js';
import { ProblemError } from '../problem.js';

/** OpenAPI security requirement naming the scheme registered by registerAdminTokenScheme. */
export const ADMIN_SECURITY = [{ adminToken: [] }];

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="send-pathways"' };

/** Throws a 403/401 ProblemError unless the request carries the configured admin token. */
export async function assertAdmin(c: Context<AppEnv>): Promise<void> {
  const expected = c.get('config').adminToken;
  if (!expected) throw new ProblemError('forbidden', 'Panel and admin routes are turned off: this server has no ADMIN_TOKEN configured.');
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ProblemError('unauthorized', 'Send the admin token as `Authorization: Bearer <token>`.', undefined, CHALLENGE);
  // Hashing both sides first makes the comparison independent of the token's length as well as its content.
  const [given, wanted] = await Promise.all([sha256Hex(match[1]!), sha256Hex(expected)]);
  if (!timingSafeEqual(given, wanted)) {
    throw new ProblemError('unauthorized', 'The admin token is not valid.', undefined, { 'WWW-Authenticate': 'Bearer realm="send-pathways", error="invalid_token"' });
  }
}

/** Route middleware: only callers holding the admin token get through. */
export const adminToken = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  await assertAdmin(c);
  await next();
};

/** Registers the `adminToken` bearer scheme in the OpenAPI document (once per app). */
export function registerAdminTokenScheme(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The ADMIN_TOKEN configured on the server (interim, until panel/admin accounts replace it).',
  });
}
