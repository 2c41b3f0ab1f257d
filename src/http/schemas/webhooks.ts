// Schemas for webhook endpoints (Standard Webhooks signing), secret rotation and the delivery log.
import { z } from '@hono/zod-openapi';
import { WEBHOOK_EVENTS } from '../../integrations/webhook-events.js';

export const EndpointIdParam = z.object({
  endpointId: z.string().regex(/^whe_[0-9a-z]{24}$/, 'Not an endpoint id').openapi({ param: { name: 'endpointId', in: 'path' }, example: 'whe_01jd5x2m7kq9w8e4r2t6y0u3ip' }),
});

export const NewEndpointBody = z
  .object({
    url: z.url('An absolute https URL').max(2000).openapi({ example: 'https://mis.school.example/hooks/send-pathways' }),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).openapi({ description: 'Events to receive' }),
    description: z.string().max(200).default(''),
  })
  .strict()
  .openapi('NewWebhookEndpoint');

export const EndpointSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
    previousSecretExpiresAt: z.string().nullable().openapi({ description: 'Until then, deliveries carry a signature with the previous secret too' }),
  })
  .openapi('WebhookEndpoint');

export const CreatedEndpointSchema = z
  .object({ endpoint: EndpointSchema, secret: z.string().openapi({ description: 'whsec_…: shown once; verify `webhook-signature` with it', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }) })
  .openapi('CreatedWebhookEndpoint');

export const RotatedSecretSchema = z
  .object({ secret: z.string(), previousSecretExpiresAt: z.string() })
  .openapi('RotatedWebhookSecret');

export const DeliverySchema = z
  .object({
    messageId: z.string().openapi({ description: 'The webhook-id, the same on every attempt' }),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.array(z.object({ at: z.string(), statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int() })),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery');

export const DeliveryLogSchema = z.object({ data: z.array(DeliverySchema) }).openapi('WebhookDeliveryLog');
