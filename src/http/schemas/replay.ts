// Schemas for replaying a recommendation under a stored evidence set and for diffing one request across two sets.
import { z } from '@hono/zod-openapi';
import { WeightChangeSchema } from './evidence.js';
import { DETAILS } from '../recommendation-view.js';
import { ProvenanceSchema, RecommendationRequestSchema } from './recommendation.js';

export const ReplayRequestSchema = z
  .object({
    request: RecommendationRequestSchema,
    evidenceSetId: z.string().min(1).max(100).optional().openapi({ description: 'A published or superseded set' }),
    provenance: ProvenanceSchema.optional().openapi({ description: "A previous response's provenance: its set, checked against the request's input hash and versions" }),
    detail: z.enum(DETAILS).default('full').openapi({
      description: 'The shape of the original: `full` (default; every stored recommendation and every API version 1 answer) or `lean` (the API version 2 default)',
    }),
  })
  .strict()
  .refine((b) => (b.evidenceSetId === undefined) !== (b.provenance === undefined), {
    message: 'give exactly one of `evidenceSetId` or `provenance`',
    path: ['evidenceSetId'],
  })
  .openapi('ReplayRequest');

export const DiffRequestSchema = z
  .object({
    request: RecommendationRequestSchema,
    from: z.string().min(1).max(100).openapi({ description: 'Evidence set id (published or superseded)', example: 'national-v1' }),
    to: z.string().min(1).max(100).openapi({ example: 'evidence-v2' }),
  })
  .strict()
  .openapi('RecommendationDiffRequest');

const Step = z.object({ moduleId: z.string(), title: z.string(), from: z.number().int().nullable(), to: z.number().int().nullable() });

export const RecommendationDiffSchema = z
  .object({
    fromSetId: z.string(),
    toSetId: z.string(),
    identical: z.boolean(),
    firstThreeChanged: z.boolean(),
    added: z.array(Step),
    removed: z.array(Step),
    moved: z.array(Step.extend({ kind: z.enum(['reordered', 'shifted']) })),
    needs: z.array(z.object({ areaId: z.string(), before: z.number(), after: z.number(), delta: z.number() })),
    causes: z.array(WeightChangeSchema.extend({ modules: z.array(z.string()) })),
  })
  .openapi('RecommendationDiff');

export const RecommendationIdParam = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }),
});
