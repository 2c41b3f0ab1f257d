// Request and response schemas for POST /v1/orgs/{orgId}/session-plans and accepting a plan.
import { z } from '@hono/zod-openapi';

const iso = z.iso.datetime({ offset: true, message: 'must be a date and time with an offset, such as "2027-01-04T09:00:00+00:00"' });

export const PlanWindowSchema = z
  .object({
    start: iso.openapi({ example: '2027-01-04T09:00:00+00:00' }),
    end: iso.openapi({ example: '2027-01-04T12:00:00+00:00' }),
    place: z.string().trim().min(1, 'must not be empty').max(200),
    capacity: z.number().int('must be a whole number').min(1).max(1000),
  })
  .strict()
  .refine((w) => Date.parse(w.end) > Date.parse(w.start), { message: 'must be after start', path: ['end'] })
  .openapi('PlanWindow');

export const SessionPlanRequestSchema = z
  .object({
    windows: z.array(PlanWindowSchema).min(1, 'give at least one time and room').max(30),
    maxSessions: z.number().int().min(1).max(50).default(6),
    minAttendees: z.number().int().min(1).max(500).default(3),
  })
  .strict()
  .openapi('SessionPlanRequest');

const PlannedSessionSchema = z
  .object({
    moduleId: z.string(),
    title: z.string(),
    minutes: z.number().int(),
    start: z.string(),
    end: z.string(),
    place: z.string(),
    facilitator: z.string().optional().openapi({ description: 'Who runs it, when the leader named someone on accepting the plan' }),
    capacity: z.number().int(),
    attendees: z.array(z.object({ staffId: z.string(), name: z.string() })),
    minutesCovered: z.number().int(),
  })
  .openapi('PlannedSession');

const TotalsSchema = z
  .object({
    sessions: z.number().int(),
    minutesCovered: z.number(),
    minutesPerSession: z.number(),
    staffReached: z.number().int(),
    minutesRequested: z.number(),
    coveredShare: z.number(),
  })
  .openapi('SessionPlanTotals');

export const SessionPlanSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    status: z.enum(['proposed', 'accepted']),
    sessions: z.array(PlannedSessionSchema),
    totals: TotalsSchema,
    baseline: TotalsSchema.openapi({ description: 'The naive plan (one session per most-requested module) with the same limits' }),
    createdAt: z.string(),
    acceptedAt: z.string().nullable(),
    catalogueVersion: z.string().optional(),
  })
  .openapi('SessionPlan');

export const AcceptPlanSchema = z
  .object({
    sessions: z
      .array(
        z
          .object({
            index: z.number().int().min(0),
            skip: z.boolean().optional(),
            start: iso.optional(),
            end: iso.optional(),
            place: z.string().trim().min(1).max(200).optional(),
            facilitator: z.string().trim().min(1).max(200).optional(),
            attendees: z.array(z.string().min(1).max(64)).max(1000).optional(),
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict()
  .openapi('AcceptSessionPlan');

export const PlanIdParam = z.object({
  orgId: z.string().min(1).max(64).openapi({ param: { name: 'orgId', in: 'path' } }),
  planId: z.string().min(1).max(64).openapi({ param: { name: 'planId', in: 'path' } }),
});
