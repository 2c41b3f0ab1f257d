// POST /v1/recommendations: validate the body, check every id against the content, run the engine with the
// evidence set in force in the database (so responses are stamped with the newest published set), and answer in
// the asked detail (lean by default; see recommendation-view.ts).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { recommend } from '../../../domain/recommend.js';
import { securedPublic } from '../../auth/secured.js';
import type { AppEnv } from '../../env.js';
import { evidenceInForce } from '../../../services/evidence-cache.js';
import { catalogueForCaller } from '../../caller-catalogue.js';
import { commonErrors } from '../../problem.js';
import { DEFAULT_DETAIL, DETAIL_HEADER, recommendationJson } from '../../recommendation-view.js';
import { sendJsonText } from '../../respond.js';
import { AnyRecommendationSchema, RecommendBodySchema } from '../../schemas/recommendation.js';
import { toEngineRequest } from '../../../services/engine-request.js';
import { serviceDeps } from '../../service-deps.js';

export const recommendRoute = createRoute({
  method: 'post',
  path: '/v1/recommendations',
  tags: ['Recommendations'],
  operationId: 'recommend',
  ...securedPublic('recommendations:write'),
  summary: 'Recommend an ordered, scheduled, explained pathway from a self-assessment',
  description:
    'Answers the lean shape by default (API version 2): ids, numbers and one explanation per step, evidence sources as ids ' +
    'resolvable at `GET /v1/evidence-sets/{id}/sources/{sourceId}`. Send `"detail": "full"` for every reason sentence and ' +
    'source text, byte for byte as API version 1 answered. The `X-Recommendation-Detail` header names the shape sent.',
  request: { body: { required: true, content: { 'application/json': { schema: RecommendBodySchema } } } },
  responses: {
    200: {
      description: 'The pathway, the confidence profile and provenance (lean or full)',
      headers: { [DETAIL_HEADER]: { description: '`lean` or `full`', schema: { type: 'string' } } },
      content: { 'application/json': { schema: AnyRecommendationSchema } },
    },
    ...commonErrors,
  },
});

export function registerRecommendations(app: OpenAPIHono<AppEnv>): void {
  app.openapi(recommendRoute, async (c) => {
    // An API key's organisation, or a signed-in person's, adds its own modules and sessions (named in provenance).
    const { content } = await catalogueForCaller(c, (await evidenceInForce(serviceDeps(c))).content);
    const body = c.req.valid('json');
    const detail = body.detail ?? DEFAULT_DETAIL;
    const text = recommendationJson(content, recommend(content, toEngineRequest(content, body)), detail);
    return sendJsonText(c, text, 200, { [DETAIL_HEADER]: detail });
  });
}
