// The `adminToken` bearer scheme in the OpenAPI document (`Authorization: Bearer <ADMIN_TOKEN>`); routes name it
// through secured(rule) (../auth/secured.ts). The token itself is checked by the authenticate middleware (./auth.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';

/** Registers the `adminToken` bearer scheme in the OpenAPI document (once per app). */
const registered = new WeakSet<object>();

export function registerAdminTokenScheme(app: OpenAPIHono<AppEnv>): void {
  if (registered.has(app)) return;
  registered.add(app);
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The ADMIN_TOKEN configured on the server (interim, until panel/admin accounts replace it).',
  });
}
