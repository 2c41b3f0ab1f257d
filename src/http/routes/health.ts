// Liveness (/healthz) and readiness (/readyz: the database answers and can be written) probes.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { problemDoc, sendProblem } from '../problem.js';

const Status = z.object({ status: z.literal('ok') }).openapi('Health');

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  operationId: 'liveness',
  security: [], // public: no credentials needed
  summary: 'Liveness: the process is up',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: Status } } } },
});

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Operations'],
  operationId: 'readiness',
  security: [], // public: no credentials needed
  summary: 'Readiness: the database answers and takes writes (a read-only database is not ready)',
  responses: {
    200: {
      description: 'Ready',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'd1']) }) } },
    },
    503: problemDoc('The database does not answer, or cannot be written'),
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyz, async (c) => {
    const database = c.get('database');
    let ok = false;
    let writable = false;
    try {
      ok = await database.ping();
      writable = ok && (await database.writable());
    } catch {
      // Not answering or not writable: the flags keep the value they had when the call failed.
    }
    if (!ok) return sendProblem(c, 'unavailable', 'The database is not answering.');
    if (!writable) return sendProblem(c, 'unavailable', 'The database cannot be written (a read-only file, folder or disk); every change would fail.');
    return c.json({ status: 'ok' as const, database: database.kind }, 200);
  });
}
