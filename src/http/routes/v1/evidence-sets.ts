// GET /v1/evidence-sets/current: the published evidence set in force, with its id and provenance.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env.js';
import { cachedJson } from '../../middleware/etag.js';
import { readErrors } from '../../problem.js';
import { EvidenceSetSchema } from '../../schemas/reference.js';

const current = createRoute({
  method: 'get',
  path: '/v1/evidence-sets/current',
  tags: ['Evidence sets'],
  operationId: 'getCurrentEvidenceSet',
  summary: 'The published evidence set in force',
  responses: {
    200: { description: 'The current evidence set', content: { 'application/json': { schema: EvidenceSetSchema } } },
    304: { description: 'Not modified (If-None-Match matched)' },
    ...readErrors,
  },
});

export function registerEvidenceSets(app: OpenAPIHono<AppEnv>): void {
  app.openapi(current, (c) => cachedJson(c, c.get('content').evidence) as never);
}
