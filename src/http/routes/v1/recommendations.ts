// POST /v1/recommendations: validate the body, check every id against the content, run the engine with the
// evidence set in force in the database (so responses are stamped with the newest published set), and answer in
// the asked detail (lean by default; see recommendation-view.ts).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { recommend, validateRequestRefs } from '../../../domain/recommend.js';
import type { RecommendationRequest } from '../../../domain/types.js';
import { securedPublic } from '../../auth/secured.js';
import type { AppEnv } from '../../env.js';
import { evidenceInForce } from '../../evidence-cache.js';
import { catalogueForCaller } from '../../local-content.js';
import { commonErrors, ProblemError } from '../../problem.js';
import { DEFAULT_DETAIL, DETAIL_HEADER, recommendationJson } from '../../recommendation-view.js';
import { sendJsonText } from '../../respond.js';
import { AnyRecommendationSchema, RecommendBodySchema, type RecommendationRequestBody } from '../../schemas/recommendation.js';
import type { Content } from '../../../domain/types.js';

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

/**
 * Checks ids against the content and throws a 422 ProblemError naming each unknown one; `pathPrefix` (e.g.
 * `request.`) places the paths when the request is nested in a larger body. A `detail` option is not part of
 * the engine request (nor of its input hash) and is dropped here.
 */
export function toEngineRequest(content: Content, body: RecommendationRequestBody & { detail?: unknown }, pathPrefix = ''): RecommendationRequest {
  const { detail: _detail, ...rest } = body;
  const request: RecommendationRequest = { ...rest, formats: [...new Set(rest.formats)] };
  const problems = validateRequestRefs(content, request).map((p) => ({ path: pathPrefix + p.path, message: p.message }));
  if (problems.length) throw new ProblemError('validation', 'The request refers to ids this service does not know.', problems);
  return request;
}

export function registerRecommendations(app: OpenAPIHono<AppEnv>): void {
  app.openapi(recommendRoute, async (c) => {
    // An API key's organisation, or a signed-in person's, adds its own modules and sessions (named in provenance).
    const { content } = await catalogueForCaller(c, (await evidenceInForce(c)).content);
    const body = c.req.valid('json');
    const detail = body.detail ?? DEFAULT_DETAIL;
    const text = recommendationJson(content, recommend(content, toEngineRequest(content, body)), detail);
    return sendJsonText(c, text, 200, { [DETAIL_HEADER]: detail });
  });
}
