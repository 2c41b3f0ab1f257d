// A recommendation body as the engine takes it: every id checked against the content in use (422 naming each
// unknown one), formats de-duplicated. The API's recommend, assess, replay and panel-preview routes all use it.
import { validateRequestRefs } from '../domain/recommend.js';
import type { Content, RecommendationRequest } from '../domain/types.js';
import type { RecommendationRequestBody } from '../http/schemas/recommendation.js';
import { ProblemError } from './problems.js';

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
