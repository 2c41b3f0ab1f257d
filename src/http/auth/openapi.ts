// OpenAPI pieces for secured routes: the two security schemes, per-route security lists and JSON content helpers.
import type { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { registerAdminTokenScheme } from '../middleware/admin-token.js';
import { SCOPES } from './principal.js';
import { SESSION_COOKIE_HEADER_NAME } from './session.js';

type Requirement = Record<string, string[]>;

/** Requirements for routes without an access rule; routes with one take theirs from `secured(rule)` (./secured.ts). */
export const SECURITY: Readonly<Record<'optionalKey', Requirement[]>> = {
  /** Public, or a key for higher limits. */
  optionalKey: [{}, { apiKey: [] }],
};

const registered = new WeakSet<object>();

/** Registers `sessionCookie` (apiKey in cookie), `apiKey` (HTTP bearer) and `adminToken` (HTTP bearer) once per app. */
export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>): void {
  if (registered.has(app)) return;
  registered.add(app);
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE_HEADER_NAME,
    description: 'Set by POST /v1/auth/sign-in or POST /v1/auth/invites/accept; HttpOnly, Secure, SameSite=Lax, 12 hours.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description:
      'A platform API key (`spk_…`, scoped to one organisation). Where an operation lists a name in its `apiKey` requirement, ' +
      `the key must carry that scope (403 otherwise). Scopes: ${SCOPES.map((s) => `\`${s}\``).join(', ')}.`,
  });
  registerAdminTokenScheme(app);
}

/** `{ 'application/json': { schema } }` with a description, for route responses. */
export function jsonBody<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A JSON request body that must be present. */
export function jsonRequest<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}
