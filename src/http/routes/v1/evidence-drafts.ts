// POST /v1/evidence-sets (a draft copied from the set in force, with provenance) and POST /v1/evidence-sets/{id}/publish
// (the draft becomes the set in force and the old one is superseded, atomically). Admin token only.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { isUniqueViolation } from '../../../repos/database.js';
import {
  getEvidenceSet,
  insertEvidenceSetQuery,
  isNotDraftViolation,
  maxEvidenceVersion,
  publishDraftQueries,
} from '../../../repos/evidence-sets.js';
import { listJudgements } from '../../../repos/judgements.js';
import type { AppEnv } from '../../env.js';
import { evidenceInForce, forgetEvidenceInForce } from '../../evidence-cache.js';
import { requireAuth } from '../../middleware/auth.js';
import { ProblemError } from '../../problem.js';
import { CreateDraftSchema, EvidenceSetIdParam, EvidenceSetRecordSchema } from '../../schemas/evidence.js';
import { adminDoc, conflictDoc, findDraft, notDraft, recordView } from './evidence-shared.js';
import { aggregationBasis } from './evidence-panel.js';

export const DEFAULT_PANEL_METHOD =
  "Analytic Hierarchy Process: pairwise comparisons on Saaty's 1-9 scale, aggregated across experts by weighted " +
  'geometric mean of judgements (AIJ), priorities by row geometric mean with an eigenvector cross-check, consistency ' +
  'by CR (named RI table) and GCI; module ratings aggregated by weighted mean with median and IQR reported.';

const tags = ['Evidence sets'];

const create = createRoute({
  method: 'post',
  path: '/v1/evidence-sets',
  tags,
  operationId: 'createEvidenceDraft',
  summary: 'Start a draft evidence set from the set in force, with its provenance',
  middleware: [requireAuth({ roles: ['panel', 'admin'] })],
  security: adminDoc.security,
  request: { body: { required: true, content: { 'application/json': { schema: CreateDraftSchema } } } },
  responses: {
    201: {
      description: 'The new draft',
      headers: { Location: { description: 'The draft', schema: { type: 'string' } } },
      content: { 'application/json': { schema: EvidenceSetRecordSchema } },
    },
    ...adminDoc.responses,
    409: { ...conflictDoc[409], description: 'The id is taken' },
  },
});

const publish = createRoute({
  method: 'post',
  path: '/v1/evidence-sets/{id}/publish',
  tags,
  operationId: 'publishEvidenceSet',
  summary: 'Publish an aggregated draft: it becomes the set in force and the previous set is superseded',
  middleware: [requireAuth({ roles: ['panel', 'admin'] })],
  security: adminDoc.security,
  request: { params: EvidenceSetIdParam },
  responses: {
    200: { description: 'The published set', content: { 'application/json': { schema: EvidenceSetRecordSchema } } },
    ...adminDoc.responses,
    ...conflictDoc,
  },
});

export function registerEvidenceDrafts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const database = c.get('database');
    const base = (await evidenceInForce(c)).record;
    const now = c.get('clock')();
    if (input.id && (await getEvidenceSet(database, input.id))) {
      throw new ProblemError('conflict', `The id '${input.id}' is already used by an evidence set.`, [{ path: 'id', message: 'already used' }]);
    }
    const p = input.provenance;
    const provenance = {
      panel: p.panel,
      members: p.members,
      method: p.method ?? DEFAULT_PANEL_METHOD,
      date: p.date ?? now.toISOString().slice(0, 10),
      sources: p.sources ?? base.body.provenance.sources,
      notes: p.notes,
    };
    // Versions are allocated max + 1; a concurrent create takes the same number and we try the next one.
    for (let attempt = 0; attempt < 3; attempt++) {
      const version = (await maxEvidenceVersion(database)) + 1;
      const id = input.id ?? `evidence-v${version}${attempt ? `-${crypto.randomUUID().slice(0, 6)}` : ''}`;
      const body = { ...base.body, id, version, provenance };
      try {
        await database.atomic([insertEvidenceSetQuery(database, { body, status: 'draft', basedOn: base.id, now: now.toISOString() })]);
      } catch (err) {
        if (isUniqueViolation(err)) continue;
        throw err;
      }
      const record = await getEvidenceSet(database, id);
      return c.json(recordView(record!) as never, 201, { Location: `/v1/evidence-sets/${encodeURIComponent(id)}` });
    }
    throw new ProblemError('conflict', 'Another draft was created at the same moment; try again.');
  });

  app.openapi(publish, async (c) => {
    const id = c.req.valid('param').id;
    const database = c.get('database');
    const draft = await findDraft(c, id, 'publish it again');
    const inForce = (await evidenceInForce(c)).record;
    if (draft.basedOn !== null && draft.basedOn !== inForce.id) {
      throw new ProblemError('conflict', `Draft '${id}' was started from '${draft.basedOn}', but '${inForce.id}' has been published since; start a new draft so its changes are not lost.`, [
        { path: 'id', message: 'stale draft' },
      ]);
    }
    if (!draft.aggregation) {
      throw new ProblemError('conflict', `Draft '${id}' has not been aggregated: submit judgements and aggregate them before publishing.`, [{ path: 'id', message: 'not aggregated' }]);
    }
    const basis = aggregationBasis(await listJudgements(database, id));
    if (basis !== (draft.aggregation as { basis?: string }).basis) {
      throw new ProblemError('conflict', `Judgements for '${id}' changed after the last aggregation; aggregate again before publishing.`, [{ path: 'id', message: 'aggregation out of date' }]);
    }
    try {
      await database.atomic(publishDraftQueries(database, id, c.get('clock')().toISOString()));
      forgetEvidenceInForce(database);
    } catch (err) {
      forgetEvidenceInForce(database);
      if (isNotDraftViolation(err) || isUniqueViolation(err)) throw notDraft(id, 'being published by another request', 'publish it');
      throw err;
    }
    const record = await getEvidenceSet(database, id);
    if (record?.status !== 'published') throw notDraft(id, record?.status ?? 'gone', 'publish it');
    return c.json(recordView(record) as never, 200);
  });
}
