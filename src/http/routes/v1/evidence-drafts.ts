// POST /v1/evidence-sets (a draft copied from the set in force, with provenance) and POST /v1/evidence-sets/{id}/publish
// (the draft becomes the set in force and the old one is superseded, atomically). Admin token only.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { ProblemError } from '../../problem.js';
import { CreateDraftSchema, EvidenceSetIdParam, EvidenceSetRecordSchema, PublishBodySchema } from '../../schemas/evidence.js';
import { createDraft, publishDraft } from '../../../services/evidence-sets.js';
import { fieldErrors } from '../../../services/outcome.js';
import { adminDoc, conflictDoc } from './evidence-shared.js';
import { findDraft, notDraft, recordView } from '../../../services/evidence-find.js';
import { sendJson } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Evidence sets'];

const create = createRoute({
  method: 'post',
  path: '/v1/evidence-sets',
  tags,
  operationId: 'createEvidenceDraft',
  summary: 'Start a draft evidence set from the set in force, with its provenance',
  ...secured({ roles: ['panel', 'admin'] }),
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
  description: 'A draft aggregated with learned effects needs `signOff.by`; who, when, the observation window and counts are recorded in its provenance.',
  ...secured({ roles: ['panel', 'admin'] }),
  request: { params: EvidenceSetIdParam, body: { required: false, content: { 'application/json': { schema: PublishBodySchema } } } },
  responses: {
    200: { description: 'The published set', content: { 'application/json': { schema: EvidenceSetRecordSchema } } },
    ...adminDoc.responses,
    ...conflictDoc,
  },
});

export function registerEvidenceDrafts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const made = await createDraft(serviceDeps(c), input);
    if (!made.ok) {
      if (made.reason === 'id-taken') throw new ProblemError('conflict', `The id '${input.id}' is already used by an evidence set.`, fieldErrors(made.problems));
      throw new ProblemError('conflict', 'Another draft was created at the same moment; try again.');
    }
    const id = made.value.id;
    return sendJson(c, recordView(made.value), 201, { Location: `/v1/evidence-sets/${encodeURIComponent(id)}` });
  });

  app.openapi(publish, async (c) => {
    const id = c.req.valid('param').id;
    const body = PublishBodySchema.parse(c.req.valid('json') ?? {});
    const draft = await findDraft(serviceDeps(c), id, 'publish it again');
    const published = await publishDraft(serviceDeps(c), draft, body.signOff?.by);
    if (published.ok) return sendJson(c, recordView(published.value), 200);
    switch (published.reason) {
      case 'stale':
        throw new ProblemError(
          'conflict',
          `Draft '${id}' was started from '${published.basedOn}', but '${published.inForce}' has been published since; start a new draft so its changes are not lost.`,
          fieldErrors(published.problems),
        );
      case 'not-aggregated':
        throw new ProblemError('conflict', `Draft '${id}' has not been aggregated: submit judgements and aggregate them before publishing.`, fieldErrors(published.problems));
      case 'aggregation-out-of-date':
        throw new ProblemError('conflict', `Judgements for '${id}' changed after the last aggregation; aggregate again before publishing.`, fieldErrors(published.problems));
      case 'busy':
        throw notDraft(id, 'being published by another request', 'publish it');
      case 'sign-off-needed':
        throw new ProblemError('validation', `Draft '${id}' uses module effects learned from check-ins: name who signs them off in signOff.by.`, fieldErrors(published.problems));
      default:
        throw notDraft(id, published.status, 'publish it');
    }
  });
}
