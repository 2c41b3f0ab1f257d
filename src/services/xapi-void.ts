// Voiding xAPI statements (Data part 2.3.2): a statement with the verb …/voided and a StatementRef object marks the
// statement it names voided, in the same write as storing it. The target must be one the caller may read and not
// itself a voiding statement. Voiding hides the statement from reads and takes back progress only it recorded
// (xapi-undo.ts).
import type { CompiledQuery } from 'kysely';
import { getOrg } from '../repos/orgs.js';
import { voidStatementQuery } from '../repos/xapi-query.js';
import { getStatement, insertStatementQuery } from '../repos/xapi-statements.js';
import { mayManageOrg } from './tenancy.js';
import type { FieldError } from './problems.js';
import { VOIDED_VERB, type Statement } from '../http/schemas/xapi.js';
import { undoProgressQueries } from './xapi-undo.js';
import { forwardStatementQuery } from '../repos/xapi-forwarding.js';
import type { Deps } from './deps.js';

const COMPLETIONS = new Set(['http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/passed']);

/** True when the statement is about voiding (its verb voids, or its object is a StatementRef). */
export const isVoiding = (s: Statement): boolean => s.verb.id === VOIDED_VERB || s.object.objectType === 'StatementRef';

/**
 * Checks a voiding statement and adds its writes (store it beside its target's setting and person; mark the target).
 * `stored` is true when this id is stored already (nothing is written again). `voided` gathers the targets of the
 * request, and `undo` the writes that take back their progress (run before the request's own progress writes).
 */
export async function prepareVoid(
  deps: Deps,
  s: Statement,
  v: { id: string; stored: boolean; storedAt: string; authority: Record<string, unknown>; path: (p: string) => string; voided: Set<string>; undo: CompiledQuery[] },
  errors: FieldError[],
  queries: CompiledQuery[],
): Promise<void> {
  const db = deps.database.db;
  if (s.verb.id !== VOIDED_VERB) return void errors.push({ path: v.path('object'), message: `A StatementRef object is accepted only in a voiding statement (verb ${VOIDED_VERB}).` });
  if (s.object.objectType !== 'StatementRef') return void errors.push({ path: v.path('object'), message: 'A voiding statement’s object is a StatementRef naming the statement it voids.' });
  const target = await getStatement(db, s.object.id);
  const org = target ? await getOrg(db, target.settingId) : null;
  if (!target || !org || !mayManageOrg(deps.principal, org)) return void errors.push({ path: v.path('object.id'), message: `No statement ${s.object.id} is visible to you.` });
  if ((target.statement.verb as { id?: string } | undefined)?.id === VOIDED_VERB) return void errors.push({ path: v.path('object.id'), message: 'A voiding statement cannot itself be voided.' });
  if (v.stored) return;
  const timestamp = s.timestamp ? new Date(s.timestamp.endsWith('Z') || /[+-]\d\d(:?\d\d)?$/.test(s.timestamp.slice(10)) ? s.timestamp : `${s.timestamp}Z`).toISOString() : v.storedAt;
  const statement = { ...s, object: { objectType: 'StatementRef', id: target.id }, id: v.id, timestamp: s.timestamp ?? v.storedAt, stored: v.storedAt, authority: v.authority, version: s.version ?? '1.0.0' };
  queries.push(
    insertStatementQuery(db, { id: v.id, setting_id: target.settingId, staff_id: target.staffId, verb_id: VOIDED_VERB, object_id: target.id, timestamp, stored: v.storedAt, body: JSON.stringify(statement) }),
    voidStatementQuery(db, target.id, v.id),
  );
  // The voiding of a forwarded completion is forwarded too, so the organisation's LRS drops it as well.
  if (COMPLETIONS.has(String((target.statement.verb as { id?: string } | undefined)?.id))) queries.push(forwardStatementQuery(db, target.settingId, statement, deps.now()));
  v.voided.add(target.id);
  v.undo.push(...(await undoProgressQueries(db, target, v.voided)));
}
