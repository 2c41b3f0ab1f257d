// The panel's work on a draft: POST/GET /v1/evidence-sets/{id}/judgements, POST .../aggregate (weights with CR,
// GCI, flags and dispersion, stored into the draft) and POST .../preview (impact on a population). Admin token only.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { PanelJudgement } from '../../../domain/panel/index.js';
import { getEvidenceSet } from '../../../repos/evidence-sets.js';
import { listJudgements } from '../../../repos/judgements.js';
import type { Content, RecommendationRequest } from '../../../domain/types.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { ProblemError, type FieldError } from '../../problem.js';
import {
  AggregateOptionsSchema,
  AggregateResultSchema,
  EvidenceSetIdParam,
  ImpactPreviewSchema,
  JudgementListSchema,
  JudgementReceiptSchema,
  JudgementSubmitSchema,
  PreviewOptionsSchema,
} from '../../schemas/evidence.js';
import type { RecommendationRequestBody } from '../../schemas/recommendation.js';
import { aggregateDraft, previewDraft, storeJudgements } from '../../../services/evidence-sets.js';
import { fieldErrors } from '../../../services/outcome.js';
import { toEngineRequest } from '../../../services/engine-request.js';
import { adminDoc, conflictDoc } from './evidence-shared.js';
import { findDraft, findSet, notDraft, recordView } from '../../../services/evidence-find.js';
import { sendJson } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Evidence panel'];
const json = <S>(schema: S) => ({ 'application/json': { schema } });

/** Every given staff request as an engine request; one 422 naming every unknown id in any of them. */
function checkedPopulation(content: Content, people: readonly RecommendationRequestBody[]): RecommendationRequest[] {
  const errors: FieldError[] = [];
  const requests = people.flatMap((p, i) => {
    try {
      return [toEngineRequest(content, p, `population[${i}].`)];
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      errors.push(...(err.errors ?? []));
      return [];
    }
  });
  if (errors.length) throw new ProblemError('validation', 'The population refers to ids this service does not know.', errors);
  return requests;
}

const submit = createRoute({
  method: 'post',
  path: '/v1/evidence-sets/{id}/judgements',
  tags,
  operationId: 'submitJudgements',
  summary: "Submit (or replace) one expert's ratings and pairwise comparisons for a draft",
  ...secured({ roles: ['panel', 'admin'] }),
  request: { params: EvidenceSetIdParam, body: { required: true, content: json(JudgementSubmitSchema) } },
  responses: {
    201: { description: 'Stored; with the expert\'s own consistency (CR, GCI, pairs to revisit)', content: json(JudgementReceiptSchema) },
    200: { description: "Stored, replacing the expert's earlier submission", content: json(JudgementReceiptSchema) },
    ...adminDoc.responses,
    ...conflictDoc,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/v1/evidence-sets/{id}/judgements',
  tags,
  operationId: 'listJudgements',
  summary: 'The judgements submitted for a set',
  ...secured({ roles: ['panel', 'admin'] }),
  request: { params: EvidenceSetIdParam },
  responses: { 200: { description: 'Submissions by expert', content: json(JudgementListSchema) }, ...adminDoc.responses },
});

const aggregate = createRoute({
  method: 'post',
  path: '/v1/evidence-sets/{id}/aggregate',
  tags,
  operationId: 'aggregateJudgements',
  summary: "Aggregate the panel's judgements into the draft's weights",
  ...secured({ roles: ['panel', 'admin'] }),
  request: { params: EvidenceSetIdParam, body: { required: false, content: json(AggregateOptionsSchema) } },
  responses: { 200: { description: 'The report and the updated draft', content: json(AggregateResultSchema) }, ...adminDoc.responses, ...conflictDoc },
});

const preview = createRoute({
  method: 'post',
  path: '/v1/evidence-sets/{id}/preview',
  tags,
  operationId: 'previewEvidenceImpact',
  summary: 'How recommendations for a population would change under the draft',
  ...secured({ roles: ['panel', 'admin'] }),
  request: { params: EvidenceSetIdParam, body: { required: false, content: json(PreviewOptionsSchema) } },
  responses: { 200: { description: 'Changed pathways and module exposure', content: json(ImpactPreviewSchema) }, ...adminDoc.responses, ...conflictDoc },
});

export function registerEvidencePanel(app: OpenAPIHono<AppEnv>): void {
  app.openapi(submit, async (c) => {
    const id = c.req.valid('param').id;
    const input = c.req.valid('json');
    const draft = await findDraft(serviceDeps(c), id, 'accept judgements');
    const stored = await storeJudgements(serviceDeps(c), draft, [input]);
    if (!stored.ok) {
      if (stored.reason === 'invalid') throw new ProblemError('validation', `The judgements of '${input.expert}' have problems; nothing was stored.`, fieldErrors(stored.problems));
      throw notDraft(id, 'no longer a draft', 'accept judgements');
    }
    const { expert, weight, submittedAt, replaced, consistency } = stored.value[0]!;
    return sendJson(c, { evidenceSetId: id, expert, weight, submittedAt, replaced, consistency }, replaced ? 200 : 201);
  });

  app.openapi(listRoute, async (c) => {
    const id = (await findSet(serviceDeps(c), c.req.valid('param').id)).id;
    const rows = await listJudgements<PanelJudgement>(c.get('database'), id);
    return sendJson(c, { data: rows.map((r) => ({ expert: r.expert, weight: r.weight, submittedAt: r.submittedAt, judgement: r.body })) }, 200);
  });

  app.openapi(aggregate, async (c) => {
    const id = c.req.valid('param').id;
    const options = AggregateOptionsSchema.parse(c.req.valid('json') ?? {});
    const draft = await findDraft(serviceDeps(c), id, 'aggregate judgements');
    const done = await aggregateDraft(serviceDeps(c), draft, options);
    if (!done.ok) {
      if (done.reason === 'cannot-aggregate') throw new ProblemError('validation', `The judgements for '${id}' cannot be aggregated yet; the draft was not changed.`, fieldErrors(done.problems));
      throw notDraft(id, 'no longer a draft', 'aggregate judgements');
    }
    const record = await getEvidenceSet(c.get('database'), id);
    if (record?.status !== 'draft') throw notDraft(id, record?.status ?? 'gone', 'aggregate judgements');
    return sendJson(c, { report: done.value, evidenceSet: recordView(record) }, 200);
  });

  app.openapi(preview, async (c) => {
    const id = c.req.valid('param').id;
    const options = PreviewOptionsSchema.parse(c.req.valid('json') ?? {});
    const draft = await findDraft(serviceDeps(c), id, 'preview it (it is already in force or retired)');
    const population = options.population && checkedPopulation(c.get('content'), options.population);
    return sendJson(c, (await previewDraft(serviceDeps(c), draft, { ...options, population })), 200);
  });
}
