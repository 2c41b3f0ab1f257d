// Schemas for self-assessments, pathways as a person sees them, assignments, progress, and check-ins (xAPI: schemas/xapi.ts).
import { z } from '@hono/zod-openapi';
import { PHASES, ROLES } from '../../domain/types.js';
import { PathwayStepSchema, ProvenanceSchema, RecommendationRequestSchema } from './recommendation.js';
import { stepAccessFields } from './module-access.js';

const moduleId = z.string().min(1).max(100).openapi({ example: 'slcn-foundations' });

export const AssessmentBody = RecommendationRequestSchema.omit({ role: true, phase: true, settingProfile: true })
  .extend({
    completedModuleIds: z
      .array(moduleId)
      .max(500)
      .default([])
      .openapi({ description: 'Modules you have already done elsewhere; recorded as completed' }),
  })
  .openapi('SelfAssessment');

export const AssessmentSchema = z
  .object({ id: z.string(), staffId: z.string(), answers: z.record(z.string(), z.unknown()), createdAt: z.string() })
  .openapi('StoredAssessment');

const AssignmentRef = z.object({ id: z.string(), dueDate: z.string().nullable(), assignedBy: z.string().nullable() });

export const MergedStepSchema = PathwayStepSchema.extend({
  source: z.enum(['assigned', 'personalised']),
  status: z.enum(['not_started', 'started']),
  assignment: AssignmentRef.nullable(),
}).openapi('MyPathwayStep');

export const MyPathwaySchema = z
  .object({
    assessed: z.boolean().openapi({ description: 'False until the first self-assessment: only assigned modules show' }),
    pathwayId: z.string().nullable(),
    updatedAt: z.string().nullable(),
    steps: z.array(MergedStepSchema),
    totalMinutes: z.number().int(),
    completed: z.array(z.object({ moduleId: z.string(), title: z.string(), minutes: z.number().int() })),
    profile: z.record(z.string(), z.object({ confidence: z.number(), uncertainty: z.number(), need: z.number() }).loose()).nullable(),
    provenance: z.union([ProvenanceSchema, z.null()]),
  })
  .openapi('MyPathway');

export const AssessmentCreatedSchema = z
  .object({ assessment: z.object({ id: z.string(), createdAt: z.string() }), pathway: MyPathwaySchema })
  .openapi('SelfAssessmentResult');

export const TargetSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('person'), staffId: z.string().min(1).max(64) }).strict(),
    z.object({ kind: z.literal('role'), value: z.enum(ROLES) }).strict(),
    z.object({ kind: z.literal('phase'), value: z.enum(PHASES) }).strict(),
    z.object({ kind: z.literal('group'), value: z.string().trim().toLowerCase().min(1).max(60) }).strict(),
    z.object({ kind: z.literal('everyone') }).strict(),
  ])
  .openapi('AssignmentTarget');

export const CreateAssignmentBody = z
  .object({
    target: TargetSchema,
    kind: z.enum(['personalised', 'modules']).openapi({ description: 'Each person’s personalised pathway, or a fixed module set merged into it' }),
    moduleIds: z.array(moduleId).max(50).optional().openapi({ description: 'Required (non-empty) for kind `modules`' }),
    dueDate: z.iso.date().nullable().optional().openapi({ example: '2027-03-31' }),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind === 'modules' && !b.moduleIds?.length) ctx.addIssue({ code: 'custom', path: ['moduleIds'], message: 'List at least one module for a module assignment.' });
    if (b.kind === 'personalised' && b.moduleIds?.length) ctx.addIssue({ code: 'custom', path: ['moduleIds'], message: 'A personalised assignment takes no modules.' });
  })
  .openapi('NewAssignment');

export const AssignmentSchema = z
  .object({
    id: z.string(),
    settingId: z.string(),
    target: TargetSchema,
    kind: z.enum(['personalised', 'modules']),
    moduleIds: z.array(z.string()),
    dueDate: z.string().nullable(),
    assignedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
    staffCount: z.number().int().optional().openapi({ description: 'People it applies to now' }),
  })
  .openapi('Assignment');

export const MyAssignmentSchema = AssignmentSchema.extend({
  modules: z.array(z.object({ moduleId: z.string(), title: z.string(), status: z.enum(['not_started', 'started', 'completed']), ...stepAccessFields })).openapi({
    description: 'Each assigned module with your status and where it is taken (provider, link, live sessions, materials, cost), as on a pathway step',
  }),
}).openapi('MyAssignment');

export const ProgressBody = z.object({ moduleId, status: z.enum(['started', 'completed']) }).strict().openapi('ProgressUpdate');
export const ProgressSchema = z
  .object({ moduleId: z.string(), status: z.enum(['started', 'completed']), source: z.string(), startedAt: z.string(), completedAt: z.string().nullable() })
  .openapi('Progress');
export const ProgressListSchema = z
  .object({ data: z.array(ProgressSchema), completedCount: z.number().int() })
  .openapi('ProgressList');

export const CheckInBody = z
  .object({
    moduleId,
    ratings: z
      .record(z.string().min(1).max(100), z.number().int().min(1).max(5))
      .refine((r) => Object.keys(r).length > 0, 'Rate at least one area')
      .openapi({ description: 'Your confidence now, 1..5, per area (usually the module’s areas)', example: { slcn: 4 } }),
  })
  .strict()
  .openapi('CheckIn');

export const CheckInResultSchema = z
  .object({
    checkIn: z.object({ id: z.string(), moduleId: z.string(), createdAt: z.string() }),
    pathway: MyPathwaySchema,
  })
  .openapi('CheckInResult');
