// POST /v1/bench/baseline, registered only by the benchmark's server (scripts/bench-http-server.ts), never by the
// product: parses and validates the same body as POST /v1/recommendations and answers with a fixed body of the same
// size (per `detail`), without the engine.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { recommend } from '../../src/domain/recommend.js';
import type { AppEnv } from '../../src/http/env.js';
import { commonErrors } from '../../src/http/problem.js';
import { DEFAULT_DETAIL, recommendationJson, type Detail } from '../../src/http/recommendation-view.js';
import { RecommendBodySchema } from '../../src/http/schemas/recommendation.js';
import { toEngineRequest } from '../../src/services/engine-request.js';

const route = createRoute({
  method: 'post',
  path: '/v1/bench/baseline',
  hide: true,
  request: { body: { required: true, content: { 'application/json': { schema: RecommendBodySchema } } } },
  responses: { 200: { description: 'A fixed body the size of the recommendation for the first body seen' }, ...commonErrors },
});

export function registerBenchBaseline(app: OpenAPIHono<AppEnv>): void {
  const fixed = new Map<Detail, string>();
  app.openapi(route, (c) => {
    const content = c.get('content');
    const body = c.req.valid('json');
    const request = toEngineRequest(content, body);
    const detail = body.detail ?? DEFAULT_DETAIL;
    // The engine runs once per detail, for the first body, only to learn the response's exact bytes.
    let text = fixed.get(detail);
    if (text === undefined) fixed.set(detail, (text = recommendationJson(content, recommend(content, request), detail)));
    return c.body(text, 200, { 'content-type': 'application/json', 'X-Recommendation-Detail': detail });
  });
}
