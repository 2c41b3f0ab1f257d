// POST /v1/recompute-jobs (start re-planning every stored pathway under the set in force), GET /v1/recompute-jobs/{id}
// (progress) and POST /v1/recompute-jobs/{id}/resume (continue a job stopped part-way). Admin only. The job runs in
// the background (on Workers through waitUntil, whose time is limited; the background work then continues it from
// the last whole chunk, as resume does at once).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env.js';
import type { Logger } from '../../logger.js';
import { runInBackground } from '../../recompute-background.js';
import { serviceDeps } from '../../service-deps.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, ProblemError } from '../../problem.js';
import { getRecomputeJob, type RecomputeJob } from '../../../repos/recompute-jobs.js';
import { fieldErrors } from '../../../services/outcome.js';
import { progressOf, startRecompute } from '../../../services/recompute.js';

const tags = ['Recommendations'];
const guard = secured({ roles: ['admin'] });

export const RecomputeJobSchema = z
  .object({
    id: z.string(),
    evidenceSetId: z.string(),
    status: z.enum(['running', 'completed']),
    total: z.number().int().openapi({ description: 'People with a stored pathway when the job started' }),
    done: z.number().int().openapi({ description: 'People re-planned so far' }),
    progress: z.number().openapi({ description: 'Share done, 0..1 (1 once completed)', example: 0.42 }),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('RecomputeJob');

const StartBody = z
  .object({ evidenceSetId: z.string().min(1).max(100).optional().openapi({ description: 'Default: the set in force (only that set can be recomputed)' }) })
  .strict();
const JobParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
const jobBody = (description: string) => ({ description, content: { 'application/json': { schema: RecomputeJobSchema } } });

const start = createRoute({
  method: 'post',
  path: '/v1/recompute-jobs',
  tags,
  operationId: 'startRecompute',
  summary: 'Re-plan every stored pathway under the evidence set in force, in the background',
  description:
    'People are re-planned in staff-id order, a chunk at a time; each chunk and the job\'s progress are written together. ' +
    'If the run stops part-way (a Worker\'s time runs out, the server restarts), the service\'s background work continues ' +
    'the job once it has made no progress for 20 seconds; `POST /v1/recompute-jobs/{id}/resume` continues it at once. ' +
    'Two runs of one job never count a person twice.',
  ...guard,
  request: { body: { required: false, content: { 'application/json': { schema: StartBody } } } },
  responses: { 202: jobBody('The job, started'), ...commonErrors, ...authErrors, 409: problemDoc('Another job is running, or the set is not the one in force') },
});

const show = createRoute({
  method: 'get',
  path: '/v1/recompute-jobs/{id}',
  tags,
  operationId: 'getRecomputeJob',
  summary: 'A recompute job and its progress',
  ...guard,
  request: { params: JobParam },
  responses: { 200: jobBody('The job'), ...authErrors, 404: problemDoc('No job with this id') },
});

const resume = createRoute({
  method: 'post',
  path: '/v1/recompute-jobs/{id}/resume',
  tags,
  operationId: 'resumeRecompute',
  summary: 'Continue a job stopped part-way, from its last whole chunk',
  ...guard,
  request: { params: JobParam },
  responses: { 202: jobBody('The job, running again (or as it is, when completed)'), ...authErrors, 404: problemDoc('No job with this id') },
});

export const jobView = (job: RecomputeJob) => ({
  id: job.id,
  evidenceSetId: job.evidenceSetId,
  status: job.status,
  total: job.total,
  done: job.done,
  progress: Math.round(progressOf(job) * 10_000) / 10_000,
  createdAt: job.createdAt,
  updatedAt: job.updatedAt,
  finishedAt: job.finishedAt,
});

export function registerRecompute(app: OpenAPIHono<AppEnv>, logger: Logger): void {
  app.openapi(start, async (c) => {
    const deps = serviceDeps(c);
    const body = c.req.valid('json') ?? {};
    const started = await startRecompute(deps, body.evidenceSetId);
    if (!started.ok) {
      const kind = started.reason === 'no-set' && started.problems[0]?.kind === 'validation' ? 'validation' : 'conflict';
      throw new ProblemError(kind, 'The recompute cannot start.', fieldErrors(started.problems));
    }
    runInBackground(deps, started.value.id, logger);
    return c.json(jobView(started.value), 202);
  });

  app.openapi(show, async (c) => {
    const job = await getRecomputeJob(c.get('database'), c.req.valid('param').id);
    if (!job) throw new ProblemError('not-found', 'There is no recompute job with this id.');
    return c.json(jobView(job), 200);
  });

  app.openapi(resume, async (c) => {
    const deps = serviceDeps(c);
    const job = await getRecomputeJob(deps.database, c.req.valid('param').id);
    if (!job) throw new ProblemError('not-found', 'There is no recompute job with this id.');
    if (job.status === 'running') runInBackground(deps, job.id, logger);
    return c.json(jobView(job), 202);
  });
}
