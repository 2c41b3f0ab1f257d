// OpenAPI schemas for where a module is taken (provider, link, sessions, materials, cost, accessibility,
// accreditation), shared by the module list, pathway steps and organisations' own modules and sessions.
import { z } from '@hono/zod-openapi';
import { COSTS } from '../../domain/types.js';

export const SessionSchema = z
  .object({
    id: z.string().openapi({ example: 's-2026-09-01-hall' }),
    start: z.string().openapi({ description: 'ISO 8601 date and time with offset', example: '2026-09-01T09:00:00+01:00' }),
    end: z.string().openapi({ example: '2026-09-01T10:30:00+01:00' }),
    place: z.string().optional().openapi({ example: 'School hall' }),
    onlineUrl: z.string().optional().openapi({ description: 'https link to join online' }),
    facilitator: z.string().optional(),
    capacity: z.number().int().openapi({ description: 'Places available', example: 30 }),
  })
  .openapi('ModuleSession');

export const AccessibilitySchema = z
  .object({ captions: z.boolean().optional(), transcripts: z.boolean().optional(), bsl: z.boolean().optional(), notes: z.string().optional() })
  .openapi('ModuleAccessibility');

/** Fields every module carries about where it is taken (added in catalogue 2.0.0). */
export const moduleAccessFields = {
  provider: z.string().optional().openapi({ description: 'Who provides the training', example: 'Education Endowment Foundation (EEF)' }),
  url: z.string().optional().openapi({ description: 'https address: self-study material, or the facilitator’s pack beside `materials`' }),
  sessions: z.array(SessionSchema).optional().openapi({ description: 'Live sessions' }),
  materials: z.array(z.string()).optional().openapi({ description: 'What a facilitator needs to run it in-house' }),
  cost: z.enum(COSTS).optional(),
  accessibility: AccessibilitySchema.optional(),
  accreditation: z.string().optional(),
  illustrative: z.string().optional().openapi({ description: 'Set when no real course is linked yet: a plain-words note for staff' }),
};

/** Fields added to each pathway step from the catalogue the recommendation used. */
export const stepAccessFields = {
  provider: z.string().optional().openapi({ description: 'Who provides the module', example: 'Education Endowment Foundation (EEF)' }),
  url: z.string().optional().openapi({ description: 'Where to start the module (https)' }),
  sessions: z.array(SessionSchema).optional().openapi({ description: 'Live sessions of the module, soonest first' }),
  materials: z.array(z.string()).optional(),
  cost: z.enum(COSTS).optional(),
  illustrative: z.string().optional().openapi({ description: 'Set when no course is linked yet: a note for staff' }),
};
