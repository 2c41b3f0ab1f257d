// Sends due outbox messages to their endpoints, signed per Standard Webhooks (or, to an LRS, as an xAPI statement
// with Basic auth), logging every attempt; a failure is
// retried with backoff until the schedule runs out. Also queues `assignment.due` once per assignment as its due date
// nears. Runtime-neutral (fetch and Web Crypto): Node runs it on a timer, Workers from waitUntil and a cron trigger.
import type { Database } from '../repos/database.js';
import { attemptQueries, claimDue, type DueMessage } from '../repos/webhooks.js';
import { outboundUrlProblem, type HostResolver } from './outbound-url.js';
import { webhookEvent } from './webhook-events.js';
import { webhookHeaders } from './webhook-signature.js';

/** The xAPI version sent to a learning record store. */
const XAPI_VERSION = '1.0.3';

/** Seconds to wait after the 1st, 2nd, … failed attempt; after the last, the message fails for good (8 attempts). */
export const RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000, 36_000] as const;
/** `assignment.due` is sent this many days before the due date (once). */
export const DUE_NOTICE_DAYS = 3;

export interface DeliveryOptions {
  readonly now: () => Date;
  readonly fetch?: typeof fetch;
  /** Messages per run. */
  readonly limit?: number;
  readonly timeoutMs?: number;
  /** ALLOW_PRIVATE_URLS: private and loopback receivers are called too. */
  readonly allowPrivate?: boolean;
  /** Resolves receivers' host names so a name pointing at a private address is refused (Node). */
  readonly resolve?: HostResolver | undefined;
}

export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed';

export interface DeliveryReport {
  readonly delivered: number;
  readonly retrying: number;
  readonly failed: number;
}

/** How a message goes out: a signed webhook POST, or an xAPI statement PUT to an LRS under its own id with Basic auth. */
async function request(m: DueMessage, at: Date): Promise<{ url: string; method: string; headers: Record<string, string> }> {
  if (m.kind === 'lrs') {
    const id = String((JSON.parse(m.payload) as { id?: unknown }).id);
    const url = `${m.url.replace(/\/*$/, '')}/statements?statementId=${encodeURIComponent(id)}`;
    return { url, method: 'PUT', headers: { authorization: `Basic ${btoa(m.basicAuth ?? '')}`, 'x-experience-api-version': XAPI_VERSION, 'user-agent': 'send-pathways-xapi' } };
  }
  return { url: m.url, method: 'POST', headers: { ...(await webhookHeaders(m.secrets, m.id, Math.floor(at.getTime() / 1000), m.payload)), 'user-agent': 'send-pathways-webhooks' } };
}

async function sendOne(database: Database, m: DueMessage, o: DeliveryOptions, retries = true): Promise<DeliveryOutcome> {
  const started = o.now();
  const out = await request(m, started);
  let statusCode: number | null = null;
  let error: string | null = await outboundUrlProblem(m.url, { allowPrivate: o.allowPrivate === true, resolve: o.resolve });
  if (error) error = `Not sent: ${error}`;
  else try {
    const res = await (o.fetch ?? fetch)(out.url, {
      method: out.method,
      headers: { ...out.headers, 'content-type': 'application/json' },
      body: m.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
    });
    statusCode = res.status;
    await res.body?.cancel();
    if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : 'network error';
  }
  const at = o.now();
  const delivered = error === null;
  const wait = retries ? RETRY_SCHEDULE_SECONDS[m.attempts] : undefined;
  const retryAt = delivered || wait === undefined ? null : new Date(at.getTime() + wait * 1000);
  await database.atomic(attemptQueries(database.db, m, { at, statusCode, error, durationMs: at.getTime() - started.getTime(), delivered, retryAt }));
  return delivered ? 'delivered' : retryAt ? 'retrying' : 'failed';
}

/** Sends what is due now (a bounded batch); safe to run concurrently from several processes. */
export async function deliverDue(database: Database, o: DeliveryOptions): Promise<DeliveryReport> {
  const due = await claimDue(database.db, o.now(), o.limit ?? 25);
  const results = await Promise.all(due.map((m) => sendOne(database, m, o)));
  return {
    delivered: results.filter((r) => r === 'delivered').length,
    retrying: results.filter((r) => r === 'retrying').length,
    failed: results.filter((r) => r === 'failed').length,
  };
}

/**
 * Sends one queued message now, once (a test ping: a failure is logged and not retried); null when the message is
 * not pending or another sender holds it.
 */
export async function deliverNow(database: Database, messageId: string, o: DeliveryOptions): Promise<DeliveryOutcome | null> {
  const [m] = await claimDue(database.db, o.now(), 1, 60, messageId);
  return m ? sendOne(database, m, o, false) : null;
}

/** Queues `assignment.due` for assignments due within DUE_NOTICE_DAYS (each once per endpoint); returns how many assignments. */
export async function enqueueDueAssignments(database: Database, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() + DUE_NOTICE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const due = await database.db
    .selectFrom('assignments')
    .select(['id', 'setting_id', 'due_date', 'target_kind', 'target_value', 'target_staff_id', 'kind', 'module_ids'])
    .where('due_date', '>=', today)
    .where('due_date', '<=', horizon)
    .execute();
  if (!due.length) return 0;
  await database.atomic(
    due.map((a) =>
      webhookEvent(
        database.db,
        a.setting_id,
        'assignment.due',
        { assignmentId: a.id, dueDate: a.due_date, target: { kind: a.target_kind, value: a.target_value, staffId: a.target_staff_id }, kind: a.kind, moduleIds: JSON.parse(a.module_ids) as string[] },
        now,
        `due_${a.id}`,
      ),
    ),
  );
  return due.length;
}

/** One dispatcher tick: queue due-date notices, then send what is due. */
export async function webhookTick(database: Database, o: DeliveryOptions): Promise<DeliveryReport> {
  await enqueueDueAssignments(database, o.now());
  return deliverDue(database, o);
}
