// GET /v1/evidence-sets/current (the set in force, cacheable), GET /v1/evidence-sets (pages) and /{id}; registers
// the panel routes (drafts, judgements, aggregation, preview, publish) and the admin-token security scheme.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listEvidenceSets, type EvidenceSetRecord, type EvidenceStatus } from '../../../repos/evidence-sets.js';
import type { AppEnv } from '../../env.js';
import { evidenceInForce } from '../../../services/evidence-cache.js';
import { cachedJson } from '../../middleware/etag.js';
import { registerAdminTokenScheme } from '../../middleware/admin-token.js';
import { securityFor } from '../../auth/secured.js';
import { assertRole } from '../../middleware/auth.js';
import { authErrors, commonErrors, ProblemError, readErrors } from '../../problem.js';
import { EvidenceSetIdParam, EvidenceSetListQuery, EvidenceSetListSchema, EvidenceSetRecordSchema } from '../../schemas/evidence.js';
import { registerEvidenceDrafts } from './evidence-drafts.js';
import { findSet, recordView, summaryView } from '../../../services/evidence-find.js';
import { registerEvidencePanel } from './evidence-panel.js';
import { sendJson } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Evidence sets'];
const publicOrAdmin = [{}, ...securityFor({ roles: ['panel', 'admin'] })];

const current = createRoute({
  method: 'get',
  path: '/v1/evidence-sets/current',
  tags,
  operationId: 'getCurrentEvidenceSet',
  security: [], // public: no credentials needed
  summary: 'The published evidence set in force',
  responses: {
    200: {
      description: 'The current evidence set; it changes when a new set is published',
      headers: {
        ETag: { description: 'Strong validator of the body', schema: { type: 'string' } },
        'Cache-Control': { description: 'public, max-age=60, must-revalidate', schema: { type: 'string' } },
      },
      content: { 'application/json': { schema: EvidenceSetRecordSchema } },
    },
    304: { description: 'Not modified (If-None-Match matched)' },
    ...readErrors,
  },
});

const list = createRoute({
  method: 'get',
  path: '/v1/evidence-sets',
  tags,
  operationId: 'listEvidenceSets',
  summary: 'Evidence sets, newest version first (drafts only for panel experts and admins)',
  security: publicOrAdmin,
  request: { query: EvidenceSetListQuery },
  responses: {
    200: { description: 'A page of sets', content: { 'application/json': { schema: EvidenceSetListSchema } } },
    ...commonErrors,
    ...authErrors,
  },
});

const byId = createRoute({
  method: 'get',
  path: '/v1/evidence-sets/{id}',
  tags,
  operationId: 'getEvidenceSet',
  summary: 'One evidence set with its weights and provenance (drafts only for panel experts and admins)',
  security: publicOrAdmin,
  request: { params: EvidenceSetIdParam },
  responses: {
    200: { description: 'The set', content: { 'application/json': { schema: EvidenceSetRecordSchema } } },
    ...readErrors,
    ...authErrors,
  },
});

// One view object per cached record, so cachedJson's identity-keyed ETag cache hits.
const currentViews = new WeakMap<EvidenceSetRecord, object>();

const encodeCursor = (version: string) => btoa(`v${version}`).replace(/=+$/, '');
function decodeCursor(cursor: string): number {
  let v = NaN;
  try {
    const m = /^v(\d{1,9})$/.exec(atob(cursor));
    if (m) v = Number(m[1]);
  } catch {
    // falls through to the problem below
  }
  if (!Number.isInteger(v)) throw new ProblemError('validation', 'The cursor is not one this service issued.', [{ path: 'cursor', message: 'unknown cursor' }]);
  return v;
}

export function registerEvidenceSets(app: OpenAPIHono<AppEnv>): void {
  registerAdminTokenScheme(app);

  app.openapi(current, async (c) => {
    const inForce = await evidenceInForce(serviceDeps(c));
    let view = currentViews.get(inForce.record);
    if (!view) currentViews.set(inForce.record, (view = recordView(inForce.record)));
    return cachedJson(c, view, 60);
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    if (q.status === 'draft') assertRole(c, ['panel', 'admin']);
    await evidenceInForce(serviceDeps(c)); // a fresh database lists its shipped set too
    const statuses: EvidenceStatus[] = q.status ? [q.status] : ['published', 'superseded'];
    const page = await listEvidenceSets(c.get('database'), {
      statuses,
      limit: q.limit,
      cursor: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
    });
    return sendJson(c, { data: page.data.map(summaryView), nextCursor: page.nextCursor && encodeCursor(page.nextCursor) }, 200);
  });

  registerEvidenceDrafts(app);
  registerEvidencePanel(app);

  app.openapi(byId, async (c) => {
    await evidenceInForce(serviceDeps(c));
    const record = await findSet(serviceDeps(c), c.req.valid('param').id);
    if (record.status === 'draft') assertRole(c, ['panel', 'admin']);
    return sendJson(c, recordView(record), 200);
  });
}
