// The POST /v1/recommendations request and response schemas of API.md, with the service's defaults.
import { z } from '@hono/zod-openapi';
import { FORMATS, LEVELS, PHASES, ROLES } from '../../domain/types.js';
import { DETAILS } from '../recommendation-view.js';
import { stepAccessFields } from './module-access.js';

export const DEFAULT_TIME_BUDGET_MINUTES = 600;
export const DEFAULT_WEEKLY_MINUTES = 60;

const areaMap = (value: z.ZodNumber, description: string) =>
  z.record(z.string().min(1), value).default({}).openapi({ description });

export const RecommendationRequestSchema = z
  .object({
    role: z.enum(ROLES).openapi({ example: 'teacher' }),
    phase: z.enum(PHASES).openapi({ example: 'primary' }),
    responses: z
      .array(
        z
          .object({
            itemId: z.string().min(1),
            value: z.number().int().min(1).max(5).nullable().openapi({ description: '1..5, or null for "not relevant to my role"' }),
          })
          .strict(),
      )
      .max(200)
      .default([]),
    confidence: areaMap(z.number().int().min(1).max(5), 'Direct per-area ratings 1..5, used where no response covers an area'),
    completedModuleIds: z.array(z.string().min(1)).max(500).default([]),
    timeBudgetMinutes: z.number().int().min(15).max(100_000).default(DEFAULT_TIME_BUDGET_MINUTES),
    weeklyMinutes: z.number().int().min(5).max(10_080).default(DEFAULT_WEEKLY_MINUTES),
    formats: z.array(z.enum(FORMATS)).min(1).default([...FORMATS]),
    priorities: areaMap(z.number().min(0).max(3), 'Leader or setting emphasis per area, 0..3'),
    settingProfile: z
      .record(z.string().min(1), z.number().min(0).max(1))
      .optional()
      .openapi({ description: 'Share of pupils by primary need, 0..1; default national by phase' }),
  })
  .strict()
  .openapi('RecommendationRequest');

export type RecommendationRequestBody = z.infer<typeof RecommendationRequestSchema>;

const detailOption = z.enum(DETAILS).openapi({
  description:
    'Response shape (API version 2). `lean` (the default): ids, numbers and one explanation per step, sources as ids ' +
    'resolvable at /v1/evidence-sets/{id}/sources/{sourceId}. `full`: every reason sentence and source text, exactly as API version 1 answered.',
  example: 'lean',
});

/** The POST /v1/recommendations body: an engine request plus the response `detail` (never part of the input hash). */
export const RecommendBodySchema = RecommendationRequestSchema.extend({ detail: detailOption.optional() })
  .strict()
  .openapi('RecommendRequest');

const ReasonSchema = z.object({
  kind: z.enum(['gap', 'prevalence', 'evidence', 'prerequisite', 'priority', 'exploration']),
  areaId: z.string().optional(),
  value: z.number(),
  text: z.string(),
});

export const PathwayStepSchema = z
  .object({
    position: z.number().int(),
    moduleId: z.string(),
    title: z.string(),
    format: z.enum(FORMATS),
    minutes: z.number().int(),
    week: z.number().int(),
    level: z.enum(LEVELS),
    targets: z.array(z.object({ areaId: z.string(), expectedGain: z.number() })),
    evidence: z.object({ strength: z.number(), sources: z.array(z.string()) }),
    reasons: z.array(ReasonSchema),
    explanation: z.string(),
    ...stepAccessFields,
  })
  .openapi('PathwayStep');

export const ProvenanceSchema = z
  .object({
    algorithmVersion: z.string(),
    catalogueVersion: z.string(),
    evidenceSetId: z.string(),
    inputHash: z.string(),
  })
  .openapi('RecommendationProvenance');

const LeanStepSchema = PathwayStepSchema.omit({ evidence: true, reasons: true })
  .extend({
    evidence: z.object({
      strength: z.number(),
      sourceIds: z.array(z.string()).openapi({ description: 'Ids in the evidence set of `provenance.evidenceSetId`' }),
    }),
    reasons: z.array(ReasonSchema.omit({ text: true })),
  })
  .openapi('LeanPathwayStep');

export const LeanRecommendationSchema = z
  .object({
    detail: z.literal('lean'),
    pathway: z.object({ steps: z.array(LeanStepSchema), totalMinutes: z.number().int() }),
    profile: z.record(z.string(), z.object({ confidence: z.number(), uncertainty: z.number(), need: z.number() }).loose()),
    provenance: ProvenanceSchema,
  })
  .openapi('LeanRecommendation');

export const RecommendationResponseSchema = z
  .object({
    pathway: z.object({ steps: z.array(PathwayStepSchema), totalMinutes: z.number().int() }),
    profile: z.record(z.string(), z.object({ confidence: z.number(), uncertainty: z.number(), need: z.number() }).loose()),
    provenance: ProvenanceSchema,
    exploration: z
      .object({ margin: z.number(), maxLossShare: z.number(), expectedLossShare: z.number(), exploringModuleIds: z.array(z.string()) })
      .optional()
      .openapi({ description: 'Present when the evidence set explores: the expected value given up (never above maxLossShare) and the steps chosen partly to learn' }),
  })
  .loose()
  .openapi('Recommendation');

/** Either shape; the `X-Recommendation-Detail` header and the lean body's `detail` field say which. */
export const AnyRecommendationSchema = z.union([LeanRecommendationSchema, RecommendationResponseSchema]);

export const EvidenceSourceSchema = z
  .object({
    id: z.string().openapi({ example: 'src-1a2b3c4d' }),
    evidenceSetId: z.string(),
    text: z.string(),
    moduleIds: z.array(z.string()).openapi({ description: 'Modules whose evidence cites this source' }),
  })
  .openapi('EvidenceSource');

export const EvidenceSourceListSchema = z
  .object({ evidenceSetId: z.string(), data: z.array(EvidenceSourceSchema.omit({ evidenceSetId: true })) })
  .openapi('EvidenceSourceList');
