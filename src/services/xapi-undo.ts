// Voiding a statement that recorded progress takes that progress back (Data part 2.3.2 leaves this to the LRS):
// a completion or start reported only by the voided statement is undone, so the module no longer counts for the
// person or in coverage, and a check-in made from its re-ratings no longer counts. Other evidence keeps it: another
// standing statement about the same module, a completion first recorded through another channel (the web page, the
// progress API, a leader) or a check-in made on the web. The pathway planned at the time stays as history, and the
// de-identified observations population learning received cannot be traced back to take out.
import type { Kysely, CompiledQuery } from 'kysely';
import { listCheckIns } from '../repos/checkins.js';
import { getProgress } from '../repos/progress.js';
import type { DB } from '../repos/schema.js';
import { backToStartedQuery, completedAtQuery, forgetCheckInQuery, forgetProgressQuery, standingProgressStatements } from '../repos/xapi-evidence.js';
import type { StoredStatement } from '../repos/xapi-statements.js';
import { moduleIdOf } from './xapi-activity.js';

const ADL = 'http://adlnet.gov/expapi/verbs/';
const STATUS: Readonly<Record<string, 'started' | 'completed'>> = {
  [`${ADL}completed`]: 'completed',
  [`${ADL}passed`]: 'completed',
  [`${ADL}initialized`]: 'started',
  [`${ADL}launched`]: 'started',
  [`${ADL}attempted`]: 'started',
};
const RATINGS = 'https://send-pathways.example/xapi/extensions/ratings';

/** The writes that take back what `target` recorded; `voided` holds every statement voided by this request. */
export async function undoProgressQueries(db: Kysely<DB>, target: StoredStatement, voided: ReadonlySet<string>): Promise<CompiledQuery[]> {
  const body = target.statement as { verb?: { id?: string }; object?: { id?: string }; result?: { extensions?: Record<string, unknown> }; stored?: string };
  const status = STATUS[body.verb?.id ?? ''];
  if (!status || !target.staffId || !body.object?.id) return [];
  const staffId = target.staffId;
  const moduleId = moduleIdOf(body.object.id);
  const progress = await getProgress(db, staffId, moduleId);
  // Nothing recorded, or the standing record came through another channel first: that is its evidence.
  if (!progress || progress.source !== 'xapi') return [];
  const others = (await standingProgressStatements(db, staffId, Object.keys(STATUS), voided)).filter((s) => moduleIdOf(s.objectId) === moduleId);
  const completions = others.filter((s) => STATUS[s.verbId] === 'completed').map((s) => s.timestamp).sort();
  const checkIn = (await listCheckIns(db, staffId)).find((x) => x.moduleId === moduleId);
  // The check-in came from this statement when it carried re-ratings and the check-in was made once it was stored.
  const fromTarget = !!checkIn && body.result?.extensions?.[RATINGS] !== undefined && checkIn.createdAt >= String(body.stored);
  const out: CompiledQuery[] = fromTarget ? [forgetCheckInQuery(db, checkIn.id)] : [];
  if (status === 'started') return progress.status === 'started' && !others.length ? [forgetProgressQuery(db, staffId, moduleId)] : [];
  if (progress.status !== 'completed' || (checkIn && !fromTarget)) return out;
  if (completions.length) return [...out, completedAtQuery(db, staffId, moduleId, completions[0]!)];
  return [...out, others.length ? backToStartedQuery(db, staffId, moduleId) : forgetProgressQuery(db, staffId, moduleId)];
}
