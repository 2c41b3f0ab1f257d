// OpenAPI response schemas for organisations' own modules and live sessions (request bodies are the content
// schemas in src/content/schemas.ts, so they are validated exactly like shipped content).
import { z } from '@hono/zod-openapi';
import { moduleAccessFields, SessionSchema } from './module-access.js';
import { moduleFields } from './reference.js';

export const LocalModuleSchema = z
  .object({
    id: z.string().openapi({ example: 'our-zones-of-regulation' }),
    ...moduleFields,
    areas: z.array(z.object({ areaId: z.string(), relevance: z.number() })),
    tags: z.array(z.string()).optional(),
    ...moduleAccessFields,
    evidence: z.object({ strength: z.number(), expectedImpact: z.number(), sources: z.array(z.string()) }),
    status: z.enum(['active', 'retired']).openapi({ description: 'Retired modules are kept for history and old pathways but never recommended or assigned' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    activityId: z.string().openapi({
      description: 'The xAPI activity IRI of this module: statements about it use this as `object.id` (the module’s address on this service)',
      example: 'https://pathways.example.org/v1/orgs/set_01JD8Q4XG7M2N8P3R5T6V7W8X9/modules/our-zones-of-regulation',
    }),
  })
  .openapi('LocalModule');

export const LocalModuleWrittenSchema = LocalModuleSchema.extend({
  catalogueVersion: z.string().openapi({ description: 'The catalogue version the organisation’s staff now plan with', example: '2.0.0+set_01JD.3' }),
}).openapi('LocalModuleWritten');

export const LocalModuleListSchema = z
  .object({ data: z.array(LocalModuleSchema), catalogueVersion: z.string() })
  .openapi('LocalModuleList');

export const LocalSessionSchema = SessionSchema.extend({
  moduleId: z.string().openapi({ description: 'The module the session is of: shipped or the organisation’s own', example: 'send-essentials' }),
  status: z.enum(['scheduled', 'cancelled']).openapi({ description: 'A cancelled session leaves pathways and calendars; its bookings are kept as a record' }),
  planId: z.string().optional().openapi({ description: 'The session plan it came from, when a leader accepted one' }),
  booked: z.number().int().optional().openapi({ description: 'Places booked; capacity minus booked places are left', example: 12 }),
  attended: z.number().int().optional().openapi({ description: 'Booked people whose attendance is recorded', example: 0 }),
}).openapi('LocalSession', { description: 'A live session an organisation runs, with its bookings counted' });

export const LocalSessionListSchema = z.object({ data: z.array(LocalSessionSchema) }).openapi('LocalSessionList');

export const LocalSessionsWrittenSchema = z
  .object({ data: z.array(LocalSessionSchema), catalogueVersion: z.string() })
  .openapi('LocalSessionsWritten');

export const StaffIdsBody = z
  .object({ staffIds: z.array(z.string().min(1).max(64)).min(1).max(500).openapi({ description: 'Staff ids of the organisation (1-500)', example: ['stf_01JDQ4XG7M2N8P3R5T6V7W8X9Y'] }) })
  .strict()
  .openapi('StaffIds');

export const ModuleIdParam = z.object({
  orgId: z.string().min(1).max(64).openapi({ param: { name: 'orgId', in: 'path' } }),
  moduleId: z.string().min(1).max(100).openapi({ param: { name: 'moduleId', in: 'path' } }),
});

export const SessionIdParam = z.object({
  orgId: z.string().min(1).max(64).openapi({ param: { name: 'orgId', in: 'path' } }),
  sessionId: z.string().min(1).max(64).openapi({ param: { name: 'sessionId', in: 'path' } }),
});

export const BookingParam = SessionIdParam.extend({
  staffId: z.string().min(1).max(64).openapi({ param: { name: 'staffId', in: 'path' }, description: 'The member of staff whose booking is cancelled', example: 'stf_01JDQ4XG7M2N8P3R5T6V7W8X9Y' }),
});
