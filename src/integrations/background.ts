// One run of the background work both runtimes share: queue due-date webhook notices, send due webhook messages,
// (with a mailer) send due-date reminder emails, and continue a recompute job whose own run stopped part-way.
import type { Content } from '../domain/types.js';
import type { Database } from '../repos/database.js';
import { continueIdleRecompute, yieldToRequests } from '../services/recompute.js';
import type { Mailer } from './mail.js';
import { sendDueReminders } from './reminders.js';
import { webhookTick, type DeliveryOptions } from './webhook-delivery.js';

/** `outbound`: ALLOW_PRIVATE_URLS and the runtime's host resolver, for the webhook receivers' URL check. */
export async function backgroundTick(
  database: Database,
  content: Content,
  mailer: Mailer | undefined,
  publicUrl: string,
  now: () => Date = () => new Date(),
  outbound: Pick<DeliveryOptions, 'allowPrivate' | 'resolve'> = {},
): Promise<void> {
  await webhookTick(database, { now, ...outbound });
  if (mailer) {
    const moduleTitles = new Map(content.catalogue.modules.map((m) => [m.id, m.title]));
    await sendDueReminders(database, mailer, { now: now(), publicUrl, moduleTitles });
  }
  // Last: a turn at a recompute can take seconds, and yields between its chunks so requests are answered meanwhile.
  await continueIdleRecompute({ database, content, now }, { between: yieldToRequests });
}
