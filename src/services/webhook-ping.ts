// A test ping: one `webhook.ping` message to one endpoint, signed and logged like any event and sent at once (not
// retried), so a leader sees whether their receiver answers and verifies signatures before real events flow.
import { deliverNow } from '../integrations/webhook-delivery.js';
import { deliveryLog, enqueueForEndpoint, type DeliveryLogEntry, type WebhookEndpoint } from '../repos/webhooks.js';
import { ProblemError } from './problems.js';
import { outboundPolicy } from './webhook-url.js';
import type { Deps } from './deps.js';

export const PING_EVENT = 'webhook.ping';

/** Sends the ping and answers with its delivery (status, status code or error, duration). 409 for a disabled endpoint. */
export async function pingEndpoint(deps: Deps, endpoint: WebhookEndpoint): Promise<DeliveryLogEntry> {
  if (endpoint.disabledAt) throw new ProblemError('conflict', 'The endpoint is disabled; subscribe a new one to test it.');
  const database = deps.database;
  const now = deps.now();
  const payload = JSON.stringify({ type: PING_EVENT, timestamp: now.toISOString(), data: { endpointId: endpoint.id, orgId: endpoint.orgId } });
  const id = await enqueueForEndpoint(database.db, endpoint.id, PING_EVENT, payload, now);
  await deliverNow(database, id, { now: deps.now, ...outboundPolicy(deps) });
  const [entry] = await deliveryLog(database.db, endpoint.id, 1, id);
  return entry!;
}
