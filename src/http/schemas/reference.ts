// OpenAPI response schemas for the reference-data endpoints (GET /v1/needs-areas, questionnaire, modules, evidence set).
import { z } from '@hono/zod-openapi';
import { FORMATS, GROUPS, LEVELS, PHASES, ROLES } from '../../domain/types.js';
import { moduleAccessFields } from './module-access.js';

export const NeedsAreaSchema = z
  .object({
    id: z.string().openapi({ example: 'slcn' }),
    name: z.string(),
    group: z.enum(GROUPS),
    description: z.string(),
    censusCode: z.string().optional(),
    subTags: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })).optional(),
  })
  .openapi('NeedsArea');

export const NeedsAreasResponse = z
  .object({
    data: z.array(NeedsAreaSchema),
    groups: z.array(z.object({ id: z.enum(GROUPS), name: z.string(), description: z.string() })),
    version: z.string(),
    sources: z.array(z.string()),
  })
  .openapi('NeedsAreaList');

export const QuestionnaireResponse = z
  .object({
    version: z.string(),
    scale: z.object({
      min: z.literal(1),
      max: z.literal(5),
      labels: z.array(z.string()),
      notRelevantLabel: z.string(),
    }),
    items: z.array(
      z.object({
        id: z.string(),
        prompt: z.string(),
        hint: z.string().optional(),
        areas: z.array(z.object({ areaId: z.string(), loading: z.number().min(0).max(1) })),
      }),
    ),
  })
  .openapi('Questionnaire');

/** What a module is, shared by the shipped catalogue's modules and organisations' own (after `id`, before `areas`). */
export const moduleFields = {
  title: z.string(),
  summary: z.string(),
  outcomes: z.array(z.string()),
  minutes: z.number().int(),
  formats: z.array(z.enum(FORMATS)),
  roles: z.array(z.enum(ROLES)),
  phases: z.array(z.enum(PHASES)),
  level: z.enum(LEVELS),
  prerequisites: z.array(z.string()),
};

export const ModuleSchema = z
  .object({
    id: z.string().openapi({ example: 'slcn-foundations' }),
    ...moduleFields,
    areas: z.array(z.object({ areaId: z.string(), relevance: z.number().min(0).max(1) })),
    tags: z.array(z.string()).optional(),
    ...moduleAccessFields,
  })
  .openapi('Module');

export const ModulesResponse = z
  .object({ data: z.array(ModuleSchema), version: z.string(), notice: z.string() })
  .openapi('ModuleList');

export const EvidenceSetSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    status: z.enum(['draft', 'published', 'superseded']).optional(),
    provenance: z.object({
      panel: z.string(),
      members: z.array(z.string()),
      method: z.string(),
      date: z.string(),
      sources: z.array(z.string()),
      notes: z.string(),
      learning: z
        .object({
          signedOffBy: z.string(),
          signedOffAt: z.string(),
          observations: z.number().int(),
          window: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
          modulesLearned: z.number().int(),
          minObservations: z.number().int(),
        })
        .optional()
        .openapi({ description: 'Set when module effects were learned from check-ins: who signed them off, when, and from which observations' }),
    }),
    modules: z.record(z.string(), z.object({ strength: z.number(), expectedImpact: z.number() }).loose()),
    areaImportance: z.record(z.string(), z.number()),
  })
  .loose()
  .openapi('EvidenceSet');
