// Learning record stores an organisation forwards statements to: rows of webhook_endpoints of kind 'lrs', so
// forwarded statements use the webhook outbox, its retries and its delivery log. The Basic credentials are never read
// back through the API.
import type { CompiledQuery, Kysely } from 'kysely';
import { newId } from './crypto.js';
import type { DB, WebhookEndpointsTable } from './schema.js';
import { enqueueEventQuery } from './webhooks.js';

/** The outbox event type of a forwarded statement (only LRS destinations subscribe to it). */
export const FORWARD_EVENT = 'xapi.statement';

export interface LrsDestination {
  readonly id: string;
  readonly orgId: string;
  /** The LRS's xAPI endpoint; statements go to `<url>/statements`. */
  readonly url: string;
  readonly description: string;
  readonly username: string;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

const toDestination = (r: WebhookEndpointsTable): LrsDestination => ({
  id: r.id,
  orgId: r.org_id,
  url: r.url,
  description: r.description,
  username: (r.basic_auth ?? '').split(':')[0] ?? '',
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
});

export async function insertDestination(db: Kysely<DB>, input: { orgId: string; url: string; username: string; password: string; description: string; createdBy: string | null }, now: Date): Promise<LrsDestination> {
  const row: WebhookEndpointsTable = {
    id: newId('lrs', now),
    org_id: input.orgId,
    url: input.url,
    description: input.description,
    events: JSON.stringify([FORWARD_EVENT]),
    secret: '',
    previous_secret: null,
    previous_expires_at: null,
    created_by: input.createdBy,
    created_at: now.toISOString(),
    disabled_at: null,
    kind: 'lrs',
    basic_auth: `${input.username}:${input.password}`,
  };
  await db.insertInto('webhook_endpoints').values(row).execute();
  return toDestination(row);
}

export async function getDestination(db: Kysely<DB>, id: string): Promise<LrsDestination | null> {
  const r = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).where('kind', '=', 'lrs').executeTakeFirst();
  return r ? toDestination(r) : null;
}

export async function listDestinations(db: Kysely<DB>, orgId: string): Promise<LrsDestination[]> {
  return (await db.selectFrom('webhook_endpoints').selectAll().where('org_id', '=', orgId).where('kind', '=', 'lrs').orderBy('id').execute()).map(toDestination);
}

/**
 * Queues the statement for every active LRS destination of the setting and its trust, in the same write as storing
 * it. `stored` and `authority` are left out: the receiving LRS sets its own.
 */
export function forwardStatementQuery(db: Kysely<DB>, settingId: string, statement: Record<string, unknown>, now: Date): CompiledQuery {
  const { stored: _s, authority: _a, ...rest } = statement;
  return enqueueEventQuery(db, settingId, FORWARD_EVENT, JSON.stringify(rest), now, `xapi_${String(statement.id)}`);
}
