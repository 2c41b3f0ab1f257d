// Serves /openapi.json (OpenAPI 3.1 from the zod schemas), the offline /docs page and the stylesheet.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { withExamples } from './openapi-examples.js';
import { ApiReference } from '../web/api-reference.js';
import { page } from '../web/layout.js';
import { STYLESHEET } from '../web/styles.js';

// Relative: the API is served from the same origin as this document, wherever the service runs.
const SERVERS: { url: string; description: string }[] = [{ url: '/', description: 'The service that served this document' }];

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'SEND training pathways API',
    version: '2.0.0',
    license: { name: 'MIT', identifier: 'MIT' },
    description:
      'Recommends an ordered, scheduled and explained sequence of SEND training modules for a member of staff, from a short self-assessment, using versioned evidence weightings. ' +
      'Version 2: POST /v1/recommendations answers a lean shape by default (ids, numbers and one explanation per step; sources as ids resolvable at /v1/evidence-sets/{id}/sources/{sourceId}); `"detail": "full"` answers the version 1 shape byte for byte.\n\n' +
      'Changes from version 1, for the body of POST /v1/recommendations: (1) each step\'s `reasons[]` keep `kind`, `areaId` and `value` but not their sentences (the step\'s one `explanation` stays); ' +
      '(2) `evidence.sources` (texts) becomes `evidence.sourceIds` (ids such as `src-1a2b3c4d`), resolved at GET /v1/evidence-sets/{provenance.evidenceSetId}/sources/{sourceId}, or all of a set\'s sources at GET /v1/evidence-sets/{id}/sources (cacheable: a published set never changes); ' +
      '(3) `exploration` is left out; (4) the body starts with `"detail": "lean"` and the `X-Recommendation-Detail` header names the shape. Everything else (profile, provenance, step ids, numbers, schedule and where each step is taken) is unchanged. ' +
      'Send `"detail": "full"` to keep the version 1 shape; `detail` is not part of the input hash. Replays (POST /v1/recommendations/replay, GET /v1/recommendations/{id}/replay) answer in the shape asked for or stored.',
  },
  servers: SERVERS,
} as const;

const docCache = new WeakMap<object, Record<string, unknown>>();

/** The OpenAPI 3.1 document of this app, generated once per app. */
export function openApiDocument(app: OpenAPIHono<AppEnv>): Record<string, unknown> {
  let doc = docCache.get(app);
  if (!doc) {
    doc = withExamples(app.getOpenAPI31Document(OPENAPI_INFO)) as unknown as Record<string, unknown>;
    docCache.set(app, doc);
  }
  return doc;
}

export function registerDocs(app: OpenAPIHono<AppEnv>): void {
  app.get('/openapi.json', (c) => c.json(openApiDocument(app)));
  app.get('/docs', (c) => c.html(page('API reference', <ApiReference doc={openApiDocument(app)} />)));
  app.get('/assets/app.css', (c) =>
    c.body(STYLESHEET, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }),
  );
}
