// One run of the background work both runtimes share: queue due-date webhook notices, send due webhook messages,
// and (with a mailer) send due-date reminder emails.
import type { Content } from '../domain/types.js';
import type { Database } from '../repos/database.js';
import type { Mailer } from './mail.js';
import { sendDueReminders } from './reminders.js';
import { webhookTick } from './webhook-delivery.js';

export async function backgroundTick(database: Database, content: Content, mailer: Mailer | undefined, publicUrl: string, now: () => Date = () => new Date()): Promise<void> {
  await webhookTick(database, { now });
  if (mailer) {
    const moduleTitles = new Map(content.catalogue.modules.map((m) => [m.id, m.title]));
    await sendDueReminders(database, mailer, { now: now(), publicUrl, moduleTitles });
  }
}
