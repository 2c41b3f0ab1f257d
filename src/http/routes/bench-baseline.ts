// POST /v1/bench/baseline, registered only with config.benchBaseline (scripts/bench-http.ts): parses and validates
// the same body as POST /v1/recommendations and answers with a fixed body of the same size, without the engine.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { recommend } from '../../domain/recommend.js';
import type { AppEnv } from '../env.js';
import { commonErrors } from '../problem.js';
import { RecommendationRequestSchema } from '../schemas/recommendation.js';
import { toEngineRequest } from './v1/recommendations.js';

const route = createRoute({
  method: 'post',
  path: '/v1/bench/baseline',
  hide: true,
  request: { body: { required: true, content: { 'application/json': { schema: RecommendationRequestSchema } } } },
  responses: { 200: { description: 'A fixed body the size of the recommendation for the first body seen' }, ...commonErrors },
});

export function registerBenchBaseline(app: OpenAPIHono<AppEnv>): void {
  let fixed: string | undefined;
  app.openapi(route, (c) => {
    const content = c.get('content');
    const request = toEngineRequest(content, c.req.valid('json'));
    // The engine runs once, for the first body, only to learn the response's exact bytes.
    fixed ??= JSON.stringify(recommend(content, request));
    return c.body(fixed, 200, { 'content-type': 'application/json' }) as never;
  });
}
