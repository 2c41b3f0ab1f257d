// The panel's work on a draft: POST/GET /v1/evidence-sets/{id}/judgements, POST .../aggregate (weights with CR,
// GCI, flags and dispersion, stored into the draft) and POST .../preview (impact on a population). Admin token only.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { aggregatePanel, checkJudgement, type PanelJudgement } from '../../../domain/panel/index.js';
import { DEFAULT_POPULATION_SEED, previewImpact, syntheticPopulation } from '../../../domain/preview.js';
import { getEvidenceSet, isNotDraftViolation, updateDraftQuery } from '../../../repos/evidence-sets.js';
import { hasJudgement, listJudgements, upsertJudgementQueries, type JudgementRecord } from '../../../repos/judgements.js';
import type { Content, RecommendationRequest } from '../../../domain/types.js';
import type { AppEnv } from '../../env.js';
import { evidenceInForce } from '../../evidence-cache.js';
import { requireAuth } from '../../middleware/auth.js';
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
import { toEngineRequest } from './recommendations.js';
import { adminDoc, conflictDoc, findDraft, findSet, notDraft, recordView } from './evidence-shared.js';

const tags = ['Evidence panel'];
const json = <S>(schema: S) => ({ 'application/json': { schema } });

/** Fingerprint of the judgements an aggregation used: publish refuses a draft whose judgements changed since. */
export function aggregationBasis(judgements: readonly JudgementRecord[]): string {
  return judgements.map((j) => `${j.expert}\u0000${j.weight}\u0000${j.submittedAt}\u0000${j.id}`).sort().join('\n');
}

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
  middleware: [requireAuth({ roles: ['panel', 'admin'] })],
  security: adminDoc.security,
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
  middleware: [requireAuth({ roles: ['panel', 'admin'] })],
  security: adminDoc.security,
  request: { params: EvidenceSetIdParam },
  responses: { 200: { description: 'Submissions by expert', content: json(JudgementListSchema) }, ...adminDoc.responses },
});

const aggregate = createRoute({
  method: 'post',
  path: '/v1/evidence-sets/{id}/aggregate',
  tags,
  operationId: 'aggregateJudgements',
  summary: "Aggregate the panel's judgements into the draft's weights",
  middleware: [requireAuth({ roles: ['panel', 'admin'] })],
  security: adminDoc.security,
  request: { params: EvidenceSetIdParam, body: { required: false, content: json(AggregateOptionsSchema) } },
  responses: { 200: { description: 'The report and the updated draft', content: json(AggregateResultSchema) }, ...adminDoc.responses, ...conflictDoc },
});

const preview = createRoute({
  method: 'post',
  path: '/v1/evidence-sets/{id}/preview',
  tags,
  operationId: 'previewEvidenceImpact',
  summary: 'How recommendations for a population would change under the draft',
  middleware: [requireAuth({ roles: ['panel', 'admin'] })],
  security: adminDoc.security,
  request: { params: EvidenceSetIdParam, body: { required: false, content: json(PreviewOptionsSchema) } },
  responses: { 200: { description: 'Changed pathways and module exposure', content: json(ImpactPreviewSchema) }, ...adminDoc.responses, ...conflictDoc },
});

export function registerEvidencePanel(app: OpenAPIHono<AppEnv>): void {
  app.openapi(submit, async (c) => {
    const id = c.req.valid('param').id;
    const input = c.req.valid('json');
    const database = c.get('database');
    const draft = await findDraft(c, id, 'accept judgements');
    const checked = checkJudgement(c.get('content'), draft.body, input);
    if (!checked.ok) throw new ProblemError('validation', `The judgements of '${input.expert}' have problems; nothing was stored.`, checked.problems);
    const replaced = await hasJudgement(database, id, input.expert);
    const submittedAt = c.get('clock')().toISOString();
    const record = { id: crypto.randomUUID(), evidenceSetId: id, expert: input.expert, weight: input.weight, body: checked.judgement, submittedAt };
    try {
      await database.atomic(upsertJudgementQueries(database, record));
    } catch (err) {
      if (isNotDraftViolation(err)) throw notDraft(id, 'no longer a draft', 'accept judgements');
      throw err;
    }
    const receipt = { evidenceSetId: id, expert: input.expert, weight: input.weight, submittedAt, replaced, consistency: checked.consistency };
    return c.json(receipt as never, replaced ? 200 : 201);
  });

  app.openapi(listRoute, async (c) => {
    const id = (await findSet(c, c.req.valid('param').id)).id;
    const rows = await listJudgements<PanelJudgement>(c.get('database'), id);
    return c.json({ data: rows.map((r) => ({ expert: r.expert, weight: r.weight, submittedAt: r.submittedAt, judgement: r.body })) } as never, 200);
  });

  app.openapi(aggregate, async (c) => {
    const id = c.req.valid('param').id;
    const options = AggregateOptionsSchema.parse(c.req.valid('json') ?? {});
    const database = c.get('database');
    const draft = await findDraft(c, id, 'aggregate judgements');
    const base = (draft.basedOn && (await getEvidenceSet(database, draft.basedOn))?.body) || draft.body;
    const judgements = await listJudgements<PanelJudgement>(database, id);
    const provenance = draft.body.provenance;
    const outcome = aggregatePanel(
      base,
      {
        id,
        version: draft.version,
        provenance: { ...provenance, members: provenance.members.length ? provenance.members : judgements.map((j) => j.expert) },
      },
      judgements.map((j) => ({ expert: j.expert, weight: j.weight, judgement: j.body })),
      options,
    );
    if (!outcome.ok) throw new ProblemError('validation', `The judgements for '${id}' cannot be aggregated yet; the draft was not changed.`, outcome.problems);
    const stored = { ...outcome.report, aggregatedAt: c.get('clock')().toISOString(), basis: aggregationBasis(judgements) };
    try {
      await database.atomic([updateDraftQuery(database, id, outcome.evidence, stored)]);
    } catch (err) {
      if (isNotDraftViolation(err)) throw notDraft(id, 'no longer a draft', 'aggregate judgements');
      throw err;
    }
    const record = await getEvidenceSet(database, id);
    if (record?.status !== 'draft') throw notDraft(id, record?.status ?? 'gone', 'aggregate judgements');
    return c.json({ report: outcome.report, evidenceSet: recordView(record) } as never, 200);
  });

  app.openapi(preview, async (c) => {
    const id = c.req.valid('param').id;
    const options = PreviewOptionsSchema.parse(c.req.valid('json') ?? {});
    const draft = await findDraft(c, id, 'preview it (it is already in force or retired)');
    const content = c.get('content');
    const current = await evidenceInForce(c);
    const population = options.population ? checkedPopulation(content, options.population) : syntheticPopulation(content, options.size, options.seed ?? DEFAULT_POPULATION_SEED);
    return c.json(previewImpact(content, current.record.body, draft.body, population, options.topK) as never, 200);
  });
}
