// POST /v1/recommendations/replay (a request under a stored evidence set, byte-identical to the original),
// GET /v1/recommendations/{id}/replay (a stored recommendation; admin) and POST /v1/recommendations/diff.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { diffEvidenceSets } from '../../../domain/ahp/index.js';
import { inputHash } from '../../../domain/hash.js';
import { diffRecommendations } from '../../../domain/recommendation-diff.js';
import { ALGORITHM_VERSION, recommend } from '../../../domain/recommend.js';
import type { RecommendationProvenance } from '../../../domain/types.js';
import { getRecommendation } from '../../../repos/recommendations.js';
import type { AppEnv } from '../../env.js';
import { issuedEvidence, type EvidenceInUse } from '../../../services/evidence-cache.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, ProblemError } from '../../problem.js';
import { DETAIL_HEADER, recommendationJson } from '../../recommendation-view.js';
import { AnyRecommendationSchema } from '../../schemas/recommendation.js';
import { DiffRequestSchema, RecommendationDiffSchema, RecommendationIdParam, ReplayRequestSchema } from '../../schemas/replay.js';
import { catalogueAtVersion, type CatalogueInUse } from '../../../services/local-content.js';
import { toEngineRequest } from '../../../services/engine-request.js';
import { sendJson, sendJsonText } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Recommendations'];
const json = <S>(schema: S) => ({ 'application/json': { schema } });
const notReplayable = problemDoc('The algorithm or catalogue version differs from the one that made the original');

const replay = createRoute({
  method: 'post',
  path: '/v1/recommendations/replay',
  tags,
  operationId: 'replayRecommendation',
  security: [], // public: no credentials needed
  summary: 'Re-derive a recommendation under a stored evidence set (byte-identical to the original)',
  request: { body: { required: true, content: json(ReplayRequestSchema) } },
  responses: { 200: { description: 'The recommendation as it was issued, in the asked detail', content: json(AnyRecommendationSchema) }, ...commonErrors, 409: notReplayable },
});

const replayStored = createRoute({
  method: 'get',
  path: '/v1/recommendations/{id}/replay',
  tags,
  operationId: 'replayStoredRecommendation',
  summary: 'Re-derive a stored recommendation; X-Replay-Identical says whether the bytes match what was stored',
  ...secured({ roles: ['panel', 'admin'] }),
  request: { params: RecommendationIdParam },
  responses: {
    200: {
      description: 'The re-derived recommendation',
      headers: { 'X-Replay-Identical': { description: '`true` when byte-identical to the stored response', schema: { type: 'string' } } },
      content: json(AnyRecommendationSchema),
    },
    ...commonErrors,
    ...authErrors,
    404: problemDoc('No stored recommendation with this id'),
    409: notReplayable,
  },
});

const diff = createRoute({
  method: 'post',
  path: '/v1/recommendations/diff',
  tags,
  operationId: 'diffRecommendation',
  security: [], // public: no credentials needed
  summary: 'Which steps of a pathway move between two evidence sets, and which weights caused it',
  request: { body: { required: true, content: json(DiffRequestSchema) } },
  responses: { 200: { description: 'Steps added, removed and moved, with causes', content: json(RecommendationDiffSchema) }, ...commonErrors },
});

async function setOrProblem(c: Context<AppEnv>, id: string, path: string): Promise<EvidenceInUse> {
  const found = await issuedEvidence(serviceDeps(c), id);
  if (!found) throw new ProblemError('validation', `There is no published or superseded evidence set '${id}'.`, [{ path, message: `unknown evidence set '${id}'` }]);
  return found;
}

/**
 * 409 unless this service runs the algorithm and catalogue versions that produced `p`; the catalogue may carry an
 * organisation's own versions ("2.0.0+set_X.3"), which are rebuilt from their stored bodies.
 */
async function replayable(c: Context<AppEnv>, set: EvidenceInUse, p: RecommendationProvenance, path: string): Promise<CatalogueInUse> {
  const errors = [];
  if (p.algorithmVersion !== ALGORITHM_VERSION) errors.push({ path: `${path}.algorithmVersion`, message: `made by ${p.algorithmVersion}; this service runs ${ALGORITHM_VERSION}` });
  const catalogue = await catalogueAtVersion(serviceDeps(c), set.content, p.catalogueVersion);
  if (!catalogue) {
    errors.push({ path: `${path}.catalogueVersion`, message: `made with catalogue ${p.catalogueVersion}; this service has ${c.get('content').catalogue.version} and no such organisation version` });
  }
  if (errors.length || !catalogue) throw new ProblemError('conflict', 'An exact replay needs the algorithm and catalogue versions that made the original.', errors);
  return catalogue;
}

export function registerRecommendationReplay(app: OpenAPIHono<AppEnv>): void {
  app.openapi(replay, async (c) => {
    const body = c.req.valid('json');
    const setId = body.evidenceSetId ?? body.provenance!.evidenceSetId;
    const set = await setOrProblem(c, setId, body.evidenceSetId ? 'evidenceSetId' : 'provenance.evidenceSetId');
    const { content } = body.provenance ? await replayable(c, set, body.provenance, 'provenance') : { content: set.content };
    const request = toEngineRequest(content, body.request, 'request.');
    if (body.provenance && inputHash(request) !== body.provenance.inputHash) {
      throw new ProblemError('validation', 'The request is not the one the provenance was issued for.', [
        { path: 'provenance.inputHash', message: 'does not match the hash of `request`' },
      ]);
    }
    const text = recommendationJson(content, recommend(content, request), body.detail);
    return sendJsonText(c, text, 200, { [DETAIL_HEADER]: body.detail });
  });

  app.openapi(replayStored, async (c) => {
    const stored = await getRecommendation(c.get('database'), c.req.valid('param').id);
    if (!stored) throw new ProblemError('not-found', 'There is no stored recommendation with this id.');
    const set = await setOrProblem(c, stored.evidenceSetId, 'provenance.evidenceSetId');
    const { content } = await replayable(c, set, stored.response.provenance, 'provenance');
    // Stored before API version 2, or with `detail: "full"`: the full shape; a stored lean answer replays lean.
    const detail = stored.responseJson.startsWith('{"detail":"lean"') ? 'lean' : 'full';
    const text = recommendationJson(content, recommend(content, stored.request), detail);
    return sendJsonText(c, text, 200, { 'X-Replay-Identical': String(text === stored.responseJson), [DETAIL_HEADER]: detail });
  });

  app.openapi(diff, async (c) => {
    const body = c.req.valid('json');
    const [from, to] = [await setOrProblem(c, body.from, 'from'), await setOrProblem(c, body.to, 'to')];
    const request = toEngineRequest(c.get('content'), body.request, 'request.');
    const before = recommend(from.content, request);
    const after = recommend(to.content, request);
    return sendJson(c, diffRecommendations(before, after, diffEvidenceSets(from.record.body, to.record.body), c.get('content').catalogue), 200);
  });
}
