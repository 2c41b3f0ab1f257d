// Webhook endpoints, the outbox of messages to send and the log of every delivery attempt. Events enter the outbox
// through one INSERT … SELECT that the caller runs in the same atomic() unit as the change it reports.
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { newId } from './crypto.js';
import type { DB, WebhookEndpointsTable } from './schema.js';

export interface WebhookEndpoint {
  readonly id: string;
  readonly orgId: string;
  readonly url: string;
  readonly description: string;
  readonly events: string[];
  readonly createdAt: string;
  readonly disabledAt: string | null;
  /** While a rotation is in its grace period, the old secret still signs until this time. */
  readonly previousSecretExpiresAt: string | null;
}

export const toEndpoint = (r: WebhookEndpointsTable): WebhookEndpoint => ({
  id: r.id,
  orgId: r.org_id,
  url: r.url,
  description: r.description,
  events: JSON.parse(r.events) as string[],
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
  previousSecretExpiresAt: r.previous_expires_at,
});

export async function insertEndpoint(
  db: Kysely<DB>,
  input: { orgId: string; url: string; events: readonly string[]; description: string; secret: string; createdBy: string | null },
  now: Date,
): Promise<WebhookEndpoint> {
  const row: WebhookEndpointsTable = {
    id: newId('whe', now),
    org_id: input.orgId,
    url: input.url,
    description: input.description,
    events: JSON.stringify([...new Set(input.events)]),
    secret: input.secret,
    previous_secret: null,
    previous_expires_at: null,
    created_by: input.createdBy,
    created_at: now.toISOString(),
    disabled_at: null,
  };
  await db.insertInto('webhook_endpoints').values(row).execute();
  return toEndpoint(row);
}

export async function getEndpointRow(db: Kysely<DB>, id: string): Promise<WebhookEndpointsTable | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).where('kind', '=', 'webhook').executeTakeFirst();
}

export async function listEndpoints(db: Kysely<DB>, orgId: string): Promise<WebhookEndpoint[]> {
  return (await db.selectFrom('webhook_endpoints').selectAll().where('org_id', '=', orgId).where('kind', '=', 'webhook').orderBy('id').execute()).map(toEndpoint);
}

/** Stops new messages and deliveries to the endpoint; its log stays readable. */
export async function disableEndpoint(db: Kysely<DB>, id: string, now: Date): Promise<void> {
  await db.updateTable('webhook_endpoints').set({ disabled_at: now.toISOString() }).where('id', '=', id).where('disabled_at', 'is', null).execute();
  await db.updateTable('webhook_outbox').set({ status: 'failed' }).where('endpoint_id', '=', id).where('status', '=', 'pending').execute();
}

/** Replaces the secret; the old one keeps signing (beside the new) until `graceUntil`. */
export async function rotateSecret(db: Kysely<DB>, id: string, secret: string, graceUntil: Date): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set((eb) => ({ previous_secret: eb.ref('secret'), previous_expires_at: graceUntil.toISOString(), secret }))
    .where('id', '=', id)
    .execute();
}

/**
 * One message per active endpoint of the setting (or its trust) subscribed to `type`, as a single INSERT … SELECT
 * to run in the same atomic() unit as the change. `dedupe` gives messages a fixed id per endpoint (a repeat is ignored).
 */
export function enqueueEventQuery(db: Kysely<DB>, settingId: string, type: string, payload: string, now: Date, dedupe?: string): CompiledQuery {
  const at = now.toISOString();
  const id = dedupe ? sql`'msg_' || ${dedupe} || '_' || e.id` : sql`'msg_' || lower(hex(randomblob(16)))`;
  return sql`INSERT OR IGNORE INTO webhook_outbox (id, endpoint_id, event_type, payload, status, attempts, next_attempt_at, created_at)
    SELECT ${id}, e.id, ${type}, ${payload}, 'pending', 0, ${at}, ${at} FROM webhook_endpoints e
    WHERE e.disabled_at IS NULL
      AND e.org_id IN (${settingId}, (SELECT parent_id FROM orgs WHERE id = ${settingId}))
      AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE json_each.value = ${type})`.compile(db);
}

export interface DueMessage {
  readonly id: string;
  readonly endpointId: string;
  readonly url: string;
  readonly payload: string;
  readonly attempts: number;
  /** The secrets that sign now: the current one, and the previous one during a rotation's grace period. */
  readonly secrets: string[];
  /** 'lrs': an xAPI statement PUT to the LRS with Basic auth (`basicAuth`), not a signed webhook. */
  readonly kind: 'webhook' | 'lrs';
  readonly basicAuth: string | null;
}

/** Queues one message for one endpoint only (a test ping), whatever it subscribes to; returns its id. */
export async function enqueueForEndpoint(db: Kysely<DB>, endpointId: string, type: string, payload: string, now: Date): Promise<string> {
  const id = newId('msg', now);
  const at = now.toISOString();
  await db.insertInto('webhook_outbox').values({ id, endpoint_id: endpointId, event_type: type, payload, status: 'pending', attempts: 0, next_attempt_at: at, locked_until: null, created_at: at, delivered_at: null }).execute();
  return id;
}

/** Claims up to `limit` due messages for `leaseSeconds` (a conditional update each, so two workers never share one). */
export async function claimDue(db: Kysely<DB>, now: Date, limit: number, leaseSeconds = 60, onlyId?: string): Promise<DueMessage[]> {
  const at = now.toISOString();
  let q = db.selectFrom('webhook_outbox as m');
  if (onlyId) q = q.where('m.id', '=', onlyId);
  const rows = await q
    .innerJoin('webhook_endpoints as e', 'e.id', 'm.endpoint_id')
    .select(['m.id', 'm.endpoint_id', 'm.payload', 'm.attempts', 'm.locked_until', 'e.url', 'e.secret', 'e.previous_secret', 'e.previous_expires_at', 'e.kind', 'e.basic_auth'])
    .where('m.status', '=', 'pending')
    .where('m.next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('m.locked_until', 'is', null), eb('m.locked_until', '<=', at)]))
    .orderBy('m.next_attempt_at')
    .limit(limit)
    .execute();
  const until = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
  const out: DueMessage[] = [];
  for (const r of rows) {
    const claimed = await db
      .updateTable('webhook_outbox')
      .set({ locked_until: until })
      .where('id', '=', r.id)
      .where('status', '=', 'pending')
      .where((eb) => (r.locked_until === null ? eb('locked_until', 'is', null) : eb('locked_until', '=', r.locked_until)))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const secrets = [r.secret, ...(r.previous_secret && r.previous_expires_at && r.previous_expires_at > at ? [r.previous_secret] : [])];
    out.push({ id: r.id, endpointId: r.endpoint_id, url: r.url, payload: r.payload, attempts: r.attempts, secrets, kind: r.kind ?? 'webhook', basicAuth: r.basic_auth ?? null });
  }
  return out;
}

/** Logs an attempt and moves the message on: delivered, retried at `retryAt`, or failed for good (retryAt null). */
export function attemptQueries(
  db: Kysely<DB>,
  m: DueMessage,
  a: { at: Date; statusCode: number | null; error: string | null; durationMs: number; delivered: boolean; retryAt: Date | null },
): CompiledQuery[] {
  const at = a.at.toISOString();
  const status = a.delivered ? 'delivered' : a.retryAt ? 'pending' : 'failed';
  return [
    db
      .insertInto('webhook_attempts')
      .values({ id: newId('wha', a.at), message_id: m.id, attempted_at: at, status_code: a.statusCode, error: a.error, duration_ms: a.durationMs })
      .compile(),
    db
      .updateTable('webhook_outbox')
      .set({ status, attempts: m.attempts + 1, locked_until: null, next_attempt_at: (a.retryAt ?? a.at).toISOString(), delivered_at: a.delivered ? at : null })
      .where('id', '=', m.id)
      .compile(),
  ];
}

export interface DeliveryLogEntry {
  readonly messageId: string;
  readonly eventType: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: { at: string; statusCode: number | null; error: string | null; durationMs: number }[];
  readonly nextAttemptAt: string | null;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
}

/** The endpoint's latest messages (newest first) with every attempt; `messageId` picks one message. */
export async function deliveryLog(db: Kysely<DB>, endpointId: string, limit: number, messageId?: string): Promise<DeliveryLogEntry[]> {
  let q = db.selectFrom('webhook_outbox').selectAll().where('endpoint_id', '=', endpointId);
  if (messageId) q = q.where('id', '=', messageId);
  const messages = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  if (!messages.length) return [];
  const attempts = await db.selectFrom('webhook_attempts').selectAll().where('message_id', 'in', messages.map((m) => m.id)).orderBy('id').execute();
  return messages.map((m) => ({
    messageId: m.id,
    eventType: m.event_type,
    status: m.status,
    attempts: attempts.filter((a) => a.message_id === m.id).map((a) => ({ at: a.attempted_at, statusCode: a.status_code, error: a.error, durationMs: a.duration_ms })),
    nextAttemptAt: m.status === 'pending' ? m.next_attempt_at : null,
    createdAt: m.created_at,
    deliveredAt: m.delivered_at,
  }));
}
