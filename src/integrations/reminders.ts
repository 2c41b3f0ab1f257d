// Due-date reminder emails: each person an assignment applies to, with an email address and work left, gets one
// message when the due date is DUE_NOTICE_DAYS away or nearer. Sent ones are recorded, so a failure is retried on
// the next run and a success never repeats.
import type { Database } from '../repos/database.js';
import { allAssignments, targets, type Assignment } from '../repos/assignments.js';
import { completedModules } from '../repos/progress.js';
import { allStaffUnder, type Staff } from '../repos/staff.js';
import { DUE_NOTICE_DAYS } from './webhook-delivery.js';
import { reminderMessage, type Mailer } from './mail.js';

export interface ReminderOptions {
  readonly now: Date;
  /** The site's public origin, for the link in the email. */
  readonly publicUrl: string;
  /** Titles by module id. */
  readonly moduleTitles: ReadonlyMap<string, string>;
  /** Messages per run. */
  readonly limit?: number;
}

async function dueAssignments(database: Database, now: Date): Promise<Assignment[]> {
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() + DUE_NOTICE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const settings = await database.db.selectFrom('assignments').select('setting_id').distinct().where('due_date', '>=', today).where('due_date', '<=', horizon).execute();
  const out: Assignment[] = [];
  for (const s of settings) out.push(...(await allAssignments(database.db, s.setting_id)).filter((a) => a.dueDate !== null && a.dueDate >= today && a.dueDate <= horizon));
  return out;
}

/** People `a` applies to who have an email, have not been reminded, and (for module sets) have modules left. */
async function toRemind(database: Database, a: Assignment): Promise<Staff[]> {
  const people = (await allStaffUnder(database.db, a.settingId)).filter((s) => s.email && targets(a, s));
  if (!people.length) return [];
  const sent = new Set((await database.db.selectFrom('mail_reminders').select('staff_id').where('assignment_id', '=', a.id).execute()).map((r) => r.staff_id));
  const done = await completedModules(database.db, people.map((p) => p.id));
  return people.filter((p) => !sent.has(p.id) && (a.kind === 'personalised' || a.moduleIds.some((m) => !done.get(p.id)?.has(m))));
}

/** Sends due reminders (up to `limit`); answers how many were sent. A failed send is left for the next run. */
export async function sendDueReminders(database: Database, mailer: Mailer, o: ReminderOptions): Promise<number> {
  let sent = 0;
  const limit = o.limit ?? 50;
  for (const a of await dueAssignments(database, o.now)) {
    for (const person of await toRemind(database, a)) {
      if (sent >= limit) return sent;
      const modules = a.moduleIds.map((id) => o.moduleTitles.get(id) ?? id);
      await mailer.send(reminderMessage({ to: person.email!, name: person.name, dueDate: a.dueDate!, modules, url: `${o.publicUrl}/pathway` }));
      await database.db.insertInto('mail_reminders').values({ assignment_id: a.id, staff_id: person.id, sent_at: o.now.toISOString() }).onConflict((oc) => oc.doNothing()).execute();
      sent++;
    }
  }
  return sent;
}
