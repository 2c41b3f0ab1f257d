// GET /v1/evidence-sets/{id}/sources and /{id}/sources/{sourceId}: the source texts a lean recommendation refers
// to by id (`evidence.sourceIds`). Published and superseded sets are immutable, so answers are cacheable for long.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.js';
import { evidenceInForce, issuedEvidence, type EvidenceInUse } from '../../../services/evidence-cache.js';
import { problemDoc, ProblemError, readErrors } from '../../problem.js';
import { sourceIndex } from '../../recommendation-view.js';
import { EvidenceSourceListSchema, EvidenceSourceSchema } from '../../schemas/recommendation.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Recommendations'];
const SetParam = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, description: 'A published or superseded set id, or `current`', example: 'national-v1' }),
});
const SourceParam = SetParam.extend({
  sourceId: z.string().min(1).max(100).openapi({ param: { name: 'sourceId', in: 'path' }, example: 'src-1a2b3c4d' }),
});
const unknown = problemDoc('No published or superseded evidence set, or no source, with this id');

const list = createRoute({
  method: 'get',
  path: '/v1/evidence-sets/{id}/sources',
  tags,
  operationId: 'listEvidenceSources',
  security: [], // public: no credentials needed
  summary: 'Every source the set cites, with the ids lean recommendations use',
  request: { params: SetParam },
  responses: { 200: { description: 'The sources', content: { 'application/json': { schema: EvidenceSourceListSchema } } }, ...readErrors, 404: unknown },
});

const one = createRoute({
  method: 'get',
  path: '/v1/evidence-sets/{id}/sources/{sourceId}',
  tags,
  operationId: 'getEvidenceSource',
  security: [], // public: no credentials needed
  summary: 'One source a lean recommendation refers to (`evidence.sourceIds`)',
  request: { params: SourceParam },
  responses: { 200: { description: 'The source', content: { 'application/json': { schema: EvidenceSourceSchema } } }, ...readErrors, 404: unknown },
});

async function setOf(c: Context<AppEnv>, id: string): Promise<EvidenceInUse> {
  const found = id === 'current' ? await evidenceInForce(serviceDeps(c)) : await issuedEvidence(serviceDeps(c), id);
  if (!found) throw new ProblemError('not-found', `There is no published or superseded evidence set '${id}'.`);
  return found;
}

export function registerRecommendationSources(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const set = await setOf(c, c.req.valid('param').id);
    if (c.req.valid('param').id !== 'current') c.header('Cache-Control', 'public, max-age=86400, immutable');
    const data = sourceIndex(set.content.evidence).list.map((s) => ({ id: s.id, text: s.text, moduleIds: [...s.moduleIds] }));
    return c.json({ evidenceSetId: set.record.id, data }, 200);
  });

  app.openapi(one, async (c) => {
    const { id, sourceId } = c.req.valid('param');
    const set = await setOf(c, id);
    const source = sourceIndex(set.content.evidence).byId.get(sourceId);
    if (!source) throw new ProblemError('not-found', `Evidence set '${set.record.id}' cites no source '${sourceId}'.`);
    if (id !== 'current') c.header('Cache-Control', 'public, max-age=86400, immutable');
    return c.json({ id: source.id, evidenceSetId: set.record.id, text: source.text, moduleIds: [...source.moduleIds] }, 200);
  });
}
