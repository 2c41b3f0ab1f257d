// GET /v1/needs-areas, /v1/questionnaire, /v1/modules: the shipped reference content, cacheable with ETag.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Content } from '../../../domain/types.js';
import type { AppEnv } from '../../env.js';
import { cachedJson } from '../../middleware/etag.js';
import { readErrors } from '../../problem.js';
import { ModulesResponse, NeedsAreasResponse, QuestionnaireResponse } from '../../schemas/reference.js';

const cacheHeaders = {
  ETag: { description: 'Strong validator of the body', schema: { type: 'string' as const } },
  'Cache-Control': { description: 'public, max-age=300', schema: { type: 'string' as const } },
};

const get = <S extends typeof NeedsAreasResponse | typeof QuestionnaireResponse | typeof ModulesResponse>(
  path: string,
  operationId: string,
  summary: string,
  schema: S,
) =>
  createRoute({
    method: 'get',
    path,
    tags: ['Reference data'],
    operationId,
    summary,
    security: [], // public: no credentials needed
    responses: {
      200: { description: summary, headers: cacheHeaders, content: { 'application/json': { schema } } },
      304: { description: 'Not modified (If-None-Match matched)' },
      ...readErrors,
    },
  });

// Response bodies built once per Content object, so the ETag cache (keyed by identity) hits.
const views = new WeakMap<Content, { areas: object; questionnaire: object; modules: object }>();
function view(content: Content) {
  let v = views.get(content);
  if (!v) {
    v = {
      areas: {
        data: content.taxonomy.areas,
        groups: content.taxonomy.groups,
        version: content.taxonomy.version,
        sources: content.taxonomy.sources,
      },
      questionnaire: content.questionnaire,
      modules: { data: content.catalogue.modules, version: content.catalogue.version, notice: content.catalogue.notice },
    };
    views.set(content, v);
  }
  return v;
}

export function registerReference(app: OpenAPIHono<AppEnv>): void {
  app.openapi(get('/v1/needs-areas', 'listNeedsAreas', 'SEND needs areas and broad areas', NeedsAreasResponse), (c) =>
    cachedJson(c, view(c.get('content')).areas),
  );
  app.openapi(get('/v1/questionnaire', 'getQuestionnaire', 'The self-assessment questionnaire', QuestionnaireResponse), (c) =>
    cachedJson(c, view(c.get('content')).questionnaire),
  );
  app.openapi(get('/v1/modules', 'listModules', 'The module catalogue', ModulesResponse), (c) =>
    cachedJson(c, view(c.get('content')).modules),
  );
}
