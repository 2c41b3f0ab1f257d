// The webhook events an organisation can subscribe to, their payload envelope ({ type, timestamp, data } as Standard
// Webhooks suggests) and the outbox insert that reports one in the same write as the change.
import type { CompiledQuery, Kysely } from 'kysely';
import type { DB } from '../repos/schema.js';
import { enqueueEventQuery } from '../repos/webhooks.js';

export const WEBHOOK_EVENTS = ['assessment.completed', 'pathway.updated', 'module.completed', 'assignment.created', 'assignment.due'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The outbox insert for `type` about something in `settingId`; run it in the same atomic() call as the change. */
export function webhookEvent(db: Kysely<DB>, settingId: string, type: WebhookEvent, data: Record<string, unknown>, now: Date, dedupe?: string): CompiledQuery {
  const payload = JSON.stringify({ type, timestamp: now.toISOString(), data: { settingId, ...data } });
  return enqueueEventQuery(db, settingId, type, payload, now, dedupe);
}
