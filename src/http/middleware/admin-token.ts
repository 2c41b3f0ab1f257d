// The `adminToken` bearer scheme in the OpenAPI document (`Authorization: Bearer <ADMIN_TOKEN>`) and the security
// requirement naming it. The token itself is checked by the authenticate middleware (./auth.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';

/** OpenAPI security requirement naming the scheme registered by registerAdminTokenScheme. */
export const ADMIN_SECURITY = [{ adminToken: [] }];

/** Registers the `adminToken` bearer scheme in the OpenAPI document (once per app). */
export function registerAdminTokenScheme(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The ADMIN_TOKEN configured on the server (interim, until panel/admin accounts replace it).',
  });
}
