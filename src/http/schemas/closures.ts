// Schemas for a setting's term dates and closures (/v1/orgs/{orgId}/closures): validation, types and the OpenAPI
// document. The checks a schema cannot express (last day after the first, no overlap) are in services/closures.ts.
import { z } from '@hono/zod-openapi';

const day = (which: 'first' | 'last', example: string) =>
  z
    .string({ error: `Give the ${which} day closed as a date, like ${example}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Give the ${which} day closed as YYYY-MM-DD, like ${example}`)
    .openapi({ example, description: `The ${which} day the setting is closed (inclusive), YYYY-MM-DD` });

export const ClosureBody = z
  .object({
    label: z
      .string({ error: 'Give the closure a name, like “Christmas holiday”' })
      .trim()
      .min(1, 'Give the closure a name, like “Christmas holiday”')
      .max(80, 'The name must be 80 characters or fewer')
      .openapi({ example: 'Christmas holiday' }),
    from: day('first', '2026-12-21'),
    to: day('last', '2027-01-01'),
  })
  .openapi('NewClosure');

export const ClosureSchema = z
  .object({
    id: z.string().openapi({ example: 'cls_01jd5x2m7kq9w8e4r2t6y0u3ip' }),
    label: z.string(),
    from: z.string().openapi({ example: '2026-12-21' }),
    to: z.string().openapi({ example: '2027-01-01' }),
    createdAt: z.string(),
  })
  .openapi('Closure');

export const ClosureListSchema = z
  .object({ data: z.array(ClosureSchema).openapi({ description: 'Earliest first. Pathway schedules and calendars of the setting’s staff put no step on these days.' }) })
  .openapi('ClosureList');

export const ClosureIdParam = z.object({
  orgId: z.string().min(1).max(64).openapi({ param: { name: 'orgId', in: 'path' } }),
  closureId: z.string().min(1).max(64).openapi({ param: { name: 'closureId', in: 'path' } }),
});
