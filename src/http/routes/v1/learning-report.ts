// GET /v1/learning-report: for the panel, what population learning knows per module (prior, learned effect with its
// 95% interval, observations, exploration share, needs more data) and how much exploration is happening.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { ExplorationSchema } from '../../schemas/evidence.js';
import { learningReport } from '../../../services/learning-report.js';
import { adminDoc } from './evidence-shared.js';
import { sendJson } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const Row = z.object({
  moduleId: z.string(),
  title: z.string(),
  prior: z.number().openapi({ description: 'The panel-judged expected impact learning starts from (0..1)' }),
  inForce: z.number().openapi({ description: 'The figure in the set in force (learned or the panel’s)' }),
  learned: z.number().openapi({ description: 'Posterior mean from every observation, fitted against the panel-judged figures' }),
  sd: z.number(),
  interval: z.array(z.number()).length(2).openapi({ description: '95% credible interval (lower end not below 0)' }),
  observations: z.number().int(),
  exploringShare: z.number().openapi({ description: 'Share of recent pathways under the set in force with a step on this module chosen partly to learn' }),
  needsData: z.boolean().openapi({ description: 'Fewer observations than the threshold, or an interval wider than ±0.05' }),
});

const ReportSchema = z
  .object({
    evidenceSetId: z.string(),
    observations: z.number().int(),
    byChannel: z.record(z.string(), z.number().int()).openapi({ description: "Observations by channel: 'checkin' (web or API) and 'xapi'" }),
    window: z.object({ from: z.string().nullable(), to: z.string().nullable() }).openapi({ description: 'Months (YYYY-MM) the observations span' }),
    minObservations: z.number().int(),
    exploration: z.union([ExplorationSchema, z.null()]).openapi({ description: 'The set in force’s exploration settings; null = off' }),
    pathways: z.object({ sampled: z.number().int(), exploring: z.number().int(), meanLossShare: z.number(), maxLossShare: z.number() }),
    modules: z.array(Row),
    needsData: z.array(z.string()),
  })
  .openapi('LearningReport');

const route = createRoute({
  method: 'get',
  path: '/v1/learning-report',
  tags: ['Evidence sets'],
  operationId: 'getLearningReport',
  summary: 'What check-ins have taught about each module, and how much the service explores',
  ...secured({ roles: ['panel', 'admin'] }),
  responses: { 200: { description: 'The learning report for the set in force', content: { 'application/json': { schema: ReportSchema } } }, ...adminDoc.responses },
});

export function registerLearningReport(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => sendJson(c, (await learningReport(serviceDeps(c))), 200));
}
