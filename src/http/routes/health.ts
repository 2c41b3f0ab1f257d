// Liveness (/healthz) and readiness (/readyz: the database answers) probes.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { problemDoc, sendProblem } from '../problem.js';

const Status = z.object({ status: z.literal('ok') }).openapi('Health');

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  operationId: 'liveness',
  summary: 'Liveness: the process is up',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: Status } } } },
});

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Operations'],
  operationId: 'readiness',
  summary: 'Readiness: the database answers',
  responses: {
    200: {
      description: 'Ready',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'd1']) }) } },
    },
    503: problemDoc('The database does not answer'),
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyz, async (c) => {
    const database = c.get('database');
    let ok = false;
    try {
      ok = await database.ping();
    } catch {
      ok = false;
    }
    if (!ok) return sendProblem(c, 'unavailable', 'The database is not answering.') as never;
    return c.json({ status: 'ok' as const, database: database.kind }, 200);
  });
}
