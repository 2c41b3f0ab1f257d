// Schemas of the evidence-set panel API: drafts and their provenance, stored records and pages, judgements,
// the aggregation report (weights with CR, GCI, dispersion and flags) and the impact preview.
import { z } from '@hono/zod-openapi';
import { RANDOM_INDEX_TABLES } from '../../domain/ahp/index.js';
import { EvidenceSetSchema } from './reference.js';
import { RecommendationRequestSchema } from './recommendation.js';

const STATUSES = ['draft', 'published', 'superseded'] as const;
const text = (max: number) => z.string().trim().min(1).max(max);

export const EvidenceSetIdParam = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, example: 'national-v2' }),
});

export const ProvenanceInputSchema = z
  .object({
    panel: text(200).openapi({ example: 'SEND advisory panel, spring round' }),
    members: z.array(text(200)).max(100).default([]),
    method: text(2000).optional().openapi({ description: 'Default: the AHP and ratings method this service applies' }),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31').optional().openapi({ description: 'Default: today (UTC)' }),
    sources: z.array(text(500)).max(200).optional().openapi({ description: "Default: the base set's sources" }),
    notes: z.string().max(5000).default(''),
  })
  .strict()
  .openapi('EvidenceProvenanceInput');

export const CreateDraftSchema = z
  .object({
    id: z
      .string()
      .max(64)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-kebab-case, e.g. national-v2')
      .optional()
      .openapi({ description: 'Default: evidence-v<version>' }),
    provenance: ProvenanceInputSchema,
  })
  .strict()
  .openapi('EvidenceDraftCreate');

const meta = {
  status: z.enum(STATUSES),
  basedOn: z.string().nullable().openapi({ description: 'The published set a draft was copied from' }),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
};

export const EvidenceSetRecordSchema = EvidenceSetSchema.extend({
  ...meta,
  aggregation: z.record(z.string(), z.unknown()).optional().openapi({ description: "A draft's last aggregation report (see AggregationReport)" }),
}).openapi('EvidenceSetRecord');

export const EvidenceSetSummarySchema = z
  .object({ id: z.string(), version: z.number().int(), ...meta, provenance: EvidenceSetSchema.shape.provenance })
  .openapi('EvidenceSetSummary');

export const EvidenceSetListQuery = z.object({
  status: z.enum(STATUSES).optional().openapi({ description: 'Drafts need the admin token; default published and superseded' }),
  cursor: z.string().max(100).optional().openapi({ description: "Opaque: the previous page's nextCursor" }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const EvidenceSetListSchema = z
  .object({ data: z.array(EvidenceSetSummarySchema), nextCursor: z.string().nullable() })
  .openapi('EvidenceSetList');

const Matrix = z
  .array(z.array(z.number()).max(30))
  .max(30)
  .openapi({ description: "Square, reciprocal, 1 on the diagonal, entries on Saaty's 1/9..9 scale; row i vs column j", example: [[1, 3], [1 / 3, 1]] });

const ComparisonFields = {
  items: z.array(z.string().min(1).max(100)).max(30).optional().openapi({ description: 'Ids in matrix row order (needed with `matrix`)' }),
  matrix: Matrix.optional(),
  judgements: z
    .array(z.object({ a: z.string().min(1), b: z.string().min(1), value: z.number() }).strict())
    .max(435)
    .optional()
    .openapi({ description: '`a` is `value` times as important as `b`; one per pair' }),
};

export const JudgementSubmitSchema = z
  .object({
    expert: text(100).openapi({ description: 'Who is judging; a resubmission by the same expert replaces theirs', example: 'expert-1' }),
    weight: z.number().min(0).max(100).default(1).openapi({ description: "Relative weight in the panel's aggregation" }),
    ratings: z
      .array(
        z
          .object({
            moduleId: z.string().min(1),
            strength: z.number().min(0).max(5).optional().openapi({ description: 'Evidence strength 0..5' }),
            expectedImpact: z.number().min(0).max(1).optional().openapi({ description: 'Expected rise in confidence 0..1' }),
            relevance: z.record(z.string(), z.number().min(0).max(1)).optional().openapi({ description: 'Per area id, 0..1' }),
          })
          .strict(),
      )
      .max(1000)
      .default([]),
    areaComparison: z.object(ComparisonFields).strict().optional().openapi({ description: 'Pairwise comparison of needs areas' }),
    moduleComparisons: z
      .array(z.object({ areaId: z.string().min(1), ...ComparisonFields }).strict())
      .max(100)
      .default([])
      .openapi({ description: 'Pairwise comparisons of modules within an area' }),
  })
  .strict()
  .openapi('JudgementSubmission');

const CompactPair = z
  .object({ a: z.string(), b: z.string(), judged: z.number(), implied: z.number(), impliedOnScale: z.number() })
  .openapi('InconsistentPair');

export const JudgementReceiptSchema = z
  .object({
    evidenceSetId: z.string(),
    expert: z.string(),
    weight: z.number(),
    submittedAt: z.string(),
    replaced: z.boolean().openapi({ description: 'True when this replaced the expert\'s earlier submission' }),
    consistency: z.array(
      z.object({ comparison: z.string(), cr: z.number().nullable(), gci: z.number(), inconsistent: z.boolean(), mostInconsistentPairs: z.array(CompactPair) }),
    ),
  })
  .openapi('JudgementReceipt');

export const JudgementListSchema = z
  .object({
    data: z.array(z.object({ expert: z.string(), weight: z.number(), submittedAt: z.string(), judgement: z.record(z.string(), z.unknown()) })),
  })
  .openapi('JudgementList');

export const ExplorationSchema = z
  .object({
    margin: z.number().min(0).max(1).openapi({ description: "How far (relative, 0..1) a module's sampled effect may stray from its mean; 0 switches exploration off", example: 0.3 }),
    maxLossShare: z.number().min(0).max(0.1).default(0.02).openapi({ description: 'Most expected value a pathway may give up to explore, as a share of it (≤ 0.1)' }),
  })
  .strict()
  .openapi('ExplorationSettings');

export const PublishBodySchema = z
  .object({
    signOff: z
      .object({ by: text(200).openapi({ description: 'Who signs off the learned effects (recorded in the provenance)', example: 'Dr A Expert, panel chair' }) })
      .strict()
      .optional()
      .openapi({ description: 'Required when the draft uses learned effects' }),
  })
  .strict()
  .openapi('PublishEvidenceSet');

export const AggregateOptionsSchema = z
  .object({
    randomIndexTable: z.enum(RANDOM_INDEX_TABLES).default('saaty'),
    crThreshold: z.number().gt(0).max(1).default(0.1),
    method: z.enum(['geometric-mean', 'eigenvector']).default('geometric-mean').openapi({ description: 'Priority method; the other is reported as a cross-check' }),
    useLearnedEffects: z
      .boolean()
      .default(false)
      .openapi({ description: "Start modules' expected impact from what check-ins suggest (GET /v1/module-effects) before the panel's ratings apply" }),
    minObservations: z.number().int().min(1).max(1_000_000).default(20).openapi({ description: 'Observations a module needs for its learned effect to be used' }),
    exploration: ExplorationSchema.optional().openapi({ description: "Bounded exploration for the draft; default the base set's (absent = off). margin 0 switches it off" }),
  })
  .strict()
  .openapi('AggregateOptions');

const Summary = z.object({ value: z.number(), mean: z.number(), median: z.number(), sd: z.number(), q1: z.number(), q3: z.number(), iqr: z.number(), min: z.number(), max: z.number(), n: z.number() });

const ComparisonReport = z
  .object({
    comparison: z.string().openapi({ description: '`areas`, or `modules:<areaId>`' }),
    items: z.array(z.string()),
    consistency: z.object({
      lambdaMax: z.number(),
      ci: z.number(),
      randomIndex: z.number().nullable(),
      cr: z.number().nullable(),
      crThreshold: z.number(),
      gci: z.number(),
      gciThreshold: z.number().nullable(),
      inconsistent: z.boolean(),
      methodDifference: z.number(),
    }),
    weights: z.array(
      z.object({
        id: z.string(),
        priority: z.number(),
        eigenvector: z.number().openapi({ description: 'Cross-check from the other method' }),
        dispersion: z.object({ mean: z.number(), sd: z.number(), min: z.number(), max: z.number(), n: z.number() }),
      }),
    ),
    pairs: z.array(z.object({ a: z.string(), b: z.string(), group: z.number(), geometricSd: z.number(), min: z.number(), max: z.number(), n: z.number() })),
    experts: z.array(z.object({ expert: z.string(), weight: z.number(), cr: z.number().nullable(), gci: z.number(), inconsistent: z.boolean(), mostInconsistentPairs: z.array(CompactPair) })),
  })
  .openapi('ComparisonReport');

const WeightChange = z
  .object({
    field: z.enum(['areaImportance', 'strength', 'expectedImpact']),
    id: z.string(),
    before: z.number().nullable(),
    after: z.number().nullable(),
    delta: z.number(),
    scaledDelta: z.number(),
  })
  .openapi('WeightChange');

export const AggregationReportSchema = z
  .object({
    method: z.object({
      priorities: z.string(),
      crossCheck: z.string(),
      aggregation: z.string(),
      randomIndexTable: z.enum(RANDOM_INDEX_TABLES),
      randomIndexSource: z.string(),
      crThreshold: z.number(),
      ratings: z.string(),
      moduleComparisons: z.string(),
    }),
    experts: z.array(z.object({ expert: z.string(), weight: z.number() })),
    areas: ComparisonReport.nullable(),
    moduleComparisons: z.array(ComparisonReport),
    modules: z.array(
      z.object({
        moduleId: z.string(),
        strength: Summary.nullable(),
        strengthAgreement: z.object({ share: z.number(), within: z.number(), median: z.number(), n: z.number(), threshold: z.number(), meetsThreshold: z.boolean() }).nullable(),
        expectedImpact: Summary.nullable(),
        relevance: z.record(z.string(), Summary),
        applied: z.object({ strength: z.number(), expectedImpact: z.number(), impactFrom: z.enum(['ratings', 'comparisons', 'base']) }),
      }),
    ),
    flags: z.array(
      z.object({
        expert: z.string().nullable().openapi({ description: 'null: the aggregated panel matrix' }),
        comparison: z.string(),
        cr: z.number().nullable(),
        gci: z.number(),
        message: z.string(),
        mostInconsistentPairs: z.array(CompactPair),
      }),
    ),
    changes: z.array(WeightChange),
    notes: z.array(z.string()),
    learnedImpacts: z
      .array(z.object({ moduleId: z.string(), before: z.number(), after: z.number(), prior: z.number(), n: z.number().int(), sd: z.number() }))
      .optional()
      .openapi({ description: 'Learned module effects the draft takes: the figure in force, the learned one, the panel prior, observations and posterior sd' }),
    learning: z
      .object({
        observations: z.number().int(),
        byChannel: z.record(z.string(), z.number().int()),
        window: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
        minObservations: z.number().int(),
        modulesLearned: z.number().int(),
        fittedAgainst: z.string(),
      })
      .optional()
      .openapi({ description: 'What the learned effects were fitted from (present when the draft uses them)' }),
  })
  .openapi('AggregationReport');

export const AggregateResultSchema = z
  .object({ report: AggregationReportSchema, evidenceSet: EvidenceSetRecordSchema })
  .openapi('AggregateResult');

export const PreviewOptionsSchema = z
  .object({
    size: z.number().int().min(1).max(1000).default(200).openapi({ description: 'Synthetic population size' }),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional().openapi({ description: 'PRNG seed; default fixed' }),
    population: z.array(RecommendationRequestSchema).min(1).max(500).optional().openapi({ description: 'Staff requests to use instead of a synthetic population' }),
    topK: z.number().int().min(1).max(10).default(3),
  })
  .strict()
  .openapi('PreviewOptions');

const Exposure = z.object({
  moduleId: z.string(),
  before: z.number().int(),
  after: z.number().int(),
  delta: z.number().int(),
  beforeTopK: z.number().int(),
  afterTopK: z.number().int(),
  deltaTopK: z.number().int(),
});

export const ImpactPreviewSchema = z
  .object({
    currentSetId: z.string(),
    draftSetId: z.string(),
    population: z.number().int(),
    topK: z.number().int(),
    changedTopK: z.object({ count: z.number().int(), share: z.number() }),
    changedAny: z.object({ count: z.number().int(), share: z.number() }),
    gaining: z.array(Exposure),
    losing: z.array(Exposure),
    examples: z.array(z.object({ index: z.number().int(), role: z.string(), phase: z.string(), before: z.array(z.string()), after: z.array(z.string()) })),
    weightChanges: z.array(WeightChange),
  })
  .openapi('ImpactPreview');

export { WeightChange as WeightChangeSchema };
