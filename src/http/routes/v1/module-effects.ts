// GET /v1/module-effects: for the panel, each module's effect as the evidence set in force rates it beside what
// check-ins across many staff suggest (learned, with its uncertainty and the number of observations).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env.js';
import { moduleEffects } from '../../../services/module-effects.js';
import { secured } from '../../auth/secured.js';
import { adminDoc } from './evidence-shared.js';
import { serviceDeps } from '../../service-deps.js';

const Effect = z.object({
  moduleId: z.string(),
  title: z.string(),
  prior: z.number().openapi({ description: "The panel's expected impact (0..1 rise on a fully relevant area at the right level)" }),
  learned: z.number().openapi({ description: 'Posterior mean on the same scale, from check-ins' }),
  sd: z.number().openapi({ description: 'Posterior sd of `learned`' }),
  n: z.number().int().openapi({ description: 'Observations of this module (one per area re-rated at a check-in)' }),
});

const EffectsSchema = z
  .object({
    evidenceSetId: z.string(),
    observations: z.number().int(),
    noiseSd: z.number(),
    data: z.array(Effect),
  })
  .openapi('ModuleEffects');

const route = createRoute({
  method: 'get',
  path: '/v1/module-effects',
  tags: ['Evidence sets'],
  operationId: 'getModuleEffects',
  summary: "Each module's effect: the panel's prior beside what check-ins suggest",
  ...secured({ roles: ['panel', 'admin'] }),
  responses: { 200: { description: 'Prior and learned effect per module, in catalogue order', content: { 'application/json': { schema: EffectsSchema } } }, ...adminDoc.responses },
});

export function registerModuleEffects(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { evidenceSetId, learned } = await moduleEffects(serviceDeps(c));
    const titles = new Map(c.get('content').catalogue.modules.map((m) => [m.id, m.title]));
    const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
    return c.json(
      {
        evidenceSetId,
        observations: learned.observations,
        noiseSd: r4(learned.noiseSd),
        data: learned.modules.map((m) => ({ moduleId: m.moduleId, title: titles.get(m.moduleId) ?? m.moduleId, prior: r4(m.prior), learned: r4(m.learned), sd: r4(m.sd), n: m.n })),
      },
      200,
    );
  });
}
