// POST /v1/recommendations: validate the body, check every id against the content, run the engine with the
// evidence set in force in the database (so responses are stamped with the newest published set).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { recommend, validateRequestRefs } from '../../../domain/recommend.js';
import type { RecommendationRequest } from '../../../domain/types.js';
import type { AppEnv } from '../../env.js';
import { evidenceInForce } from '../../evidence-cache.js';
import { catalogueForCaller } from '../../local-content.js';
import { recommendationWithAccess } from '../../step-access.js';
import { commonErrors, ProblemError } from '../../problem.js';
import { RecommendationRequestSchema, RecommendationResponseSchema, type RecommendationRequestBody } from '../../schemas/recommendation.js';
import type { Content } from '../../../domain/types.js';

export const recommendRoute = createRoute({
  method: 'post',
  path: '/v1/recommendations',
  tags: ['Recommendations'],
  operationId: 'recommend',
  security: [{}, { apiKey: [] }] as Record<string, string[]>[],
  summary: 'Recommend an ordered, scheduled, explained pathway from a self-assessment',
  request: { body: { required: true, content: { 'application/json': { schema: RecommendationRequestSchema } } } },
  responses: {
    200: { description: 'The pathway, the confidence profile and provenance', content: { 'application/json': { schema: RecommendationResponseSchema } } },
    ...commonErrors,
  },
});

/**
 * Checks ids against the content and throws a 422 ProblemError naming each unknown one; `pathPrefix` (e.g.
 * `request.`) places the paths when the request is nested in a larger body.
 */
export function toEngineRequest(content: Content, body: RecommendationRequestBody, pathPrefix = ''): RecommendationRequest {
  const request: RecommendationRequest = { ...body, formats: [...new Set(body.formats)] };
  const problems = validateRequestRefs(content, request).map((p) => ({ path: pathPrefix + p.path, message: p.message }));
  if (problems.length) throw new ProblemError('validation', 'The request refers to ids this service does not know.', problems);
  return request;
}

export function registerRecommendations(app: OpenAPIHono<AppEnv>): void {
  app.openapi(recommendRoute, async (c) => {
    // An API key's organisation, or a signed-in person's, adds its own modules and sessions (named in provenance).
    const { content } = await catalogueForCaller(c, (await evidenceInForce(c)).content);
    const request = toEngineRequest(content, c.req.valid('json'));
    return c.json(recommendationWithAccess(content, recommend(content, request)) as never, 200);
  });
}
