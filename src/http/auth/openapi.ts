// OpenAPI pieces for secured routes: the two security schemes, per-route security lists and JSON content helpers.
import type { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { SESSION_COOKIE_HEADER_NAME } from './session.js';

type Requirement = Record<string, string[]>;

export const SECURITY: Readonly<Record<'session' | 'key' | 'either' | 'optionalKey', Requirement[]>> = {
  /** Signed-in people only. */
  session: [{ sessionCookie: [] }],
  /** Platform API keys (and the operator's ADMIN_TOKEN) only. */
  key: [{ apiKey: [] }],
  /** Either a session or a bearer credential. */
  either: [{ sessionCookie: [] }, { apiKey: [] }],
  /** Public, or a key for higher limits. */
  optionalKey: [{}, { apiKey: [] }],
};

const registered = new WeakSet<object>();

/** Registers `sessionCookie` (apiKey in cookie) and `apiKey` (HTTP bearer) once per app. */
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
    description: 'A platform API key (`spk_…`, scoped to one organisation) or the operator’s ADMIN_TOKEN.',
  });
}

/** `{ 'application/json': { schema } }` with a description, for route responses. */
export function jsonBody<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A JSON request body that must be present. */
export function jsonRequest<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}
