// The rules for subscribing an endpoint and rotating its secret, shared by the API (routes/v1/webhooks.ts) and the
// leader's webhooks page (routes/web/webhooks.tsx): the body's shape, the outbound URL rules, a new whsec_ secret
// shown once, and the grace period during which the previous secret still signs.
import { newWebhookSecret } from '../integrations/webhook-signature.js';
import { deliveryLog, disableEndpoint, getEndpointRow, insertEndpoint, listEndpoints, rotateSecret, toEndpoint, type DeliveryLogEntry, type WebhookEndpoint } from '../repos/webhooks.js';
import type { FieldError } from './problems.js';
import { NewEndpointBody } from '../http/schemas/webhooks.js';
import { callableUrlProblem } from './webhook-url.js';
import type { Deps } from './deps.js';

/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_GRACE_HOURS = 24;

export type NewEndpointResult = { ok: true; endpoint: WebhookEndpoint; secret: string } | { ok: false; errors: FieldError[]; byUrlRules: boolean };

/** Checks `input` as the API does (shape, then the URL by form and address) and subscribes the endpoint for `orgId`. */
export async function subscribeEndpoint(deps: Deps, orgId: string, input: unknown, createdBy: string | null): Promise<NewEndpointResult> {
  const parsed = NewEndpointBody.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })), byUrlRules: false };
  const body = parsed.data;
  const bad = await callableUrlProblem(deps, body.url);
  if (bad) return { ok: false, errors: [{ path: 'url', message: bad }], byUrlRules: true };
  const secret = newWebhookSecret();
  const endpoint = await insertEndpoint(deps.database.db, { orgId, url: body.url, events: body.events, description: body.description, secret, createdBy }, deps.now());
  return { ok: true, endpoint, secret };
}

/** A new secret for an active endpoint; the old one also signs until the returned time. */
export async function rotateEndpointSecret(deps: Deps, endpoint: WebhookEndpoint): Promise<{ secret: string; previousSecretExpiresAt: string }> {
  const secret = newWebhookSecret();
  const until = new Date(deps.now().getTime() + ROTATION_GRACE_HOURS * 3_600_000);
  await rotateSecret(deps.database.db, endpoint.id, secret, until);
  return { secret, previousSecretExpiresAt: until.toISOString() };
}

/** The endpoint `id` (active or deleted), or null. */
export async function endpointById(deps: Deps, id: string): Promise<WebhookEndpoint | null> {
  const row = await getEndpointRow(deps.database.db, id);
  return row ? toEndpoint(row) : null;
}

/** The endpoints of `orgId`, each with its `recent` latest deliveries. */
export async function endpointsWithDeliveries(deps: Deps, orgId: string, recent: number): Promise<{ endpoint: WebhookEndpoint; deliveries: DeliveryLogEntry[] }[]> {
  const db = deps.database.db;
  return Promise.all((await listEndpoints(db, orgId)).map(async (endpoint) => ({ endpoint, deliveries: await deliveryLog(db, endpoint.id, recent) })));
}

/** Deletes the endpoint: nothing more is sent to it; its delivery log is kept. */
export function removeEndpoint(deps: Deps, endpoint: WebhookEndpoint): Promise<void> {
  return disableEndpoint(deps.database.db, endpoint.id, deps.now());
}
