// Listing stored xAPI statements (Communication part 2.1.3): filters on agent, verb, activity, registration and the
// stored time, newest first (or oldest), a page at a time with a cursor, within the settings the caller may read.
// Voided statements are never listed; voiding is a mark on the row (voided_by).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from './schema.js';

export interface StatementFilter {
  /** Settings the caller may read; null for every setting (administrators). */
  readonly settingsUnder: string | null;
  /** One inverse functional identifier of an agent: its property (`account` for account.name), value and account home page. */
  readonly agent?: AgentMatch | undefined;
  /** Match the agent as actor, authority, instructor or team, or as a member of one of those groups (related_agents). */
  readonly relatedAgents?: boolean | undefined;
  readonly verb?: string | undefined;
  readonly activity?: string | undefined;
  readonly relatedActivities?: boolean | undefined;
  readonly registration?: string | undefined;
  /** Stored after this time (exclusive). */
  readonly since?: string | undefined;
  /** Stored at or before this time. */
  readonly until?: string | undefined;
  readonly ascending: boolean;
  readonly limit: number;
  /** The last row of the previous page: its stored time and insertion sequence (rowid). */
  readonly after?: { stored: string; seq: number } | undefined;
}

export interface AgentMatch {
  readonly ifi: 'mbox' | 'mbox_sha1sum' | 'openid' | 'account';
  readonly value: string;
  readonly homePage?: string | undefined;
}

/** Where related_agents looks for the agent: these objects, and the members of those that are groups. */
const AGENT_PLACES = ['$.actor', '$.authority', '$.context.instructor', '$.context.team'];

/** SQL true when the JSON object `obj` carries the agent's identifier. */
const hasIdentifier = (obj: RawBuilder<unknown>, a: AgentMatch) =>
  a.ifi === 'account'
    ? sql`(json_extract(${obj}, '$.account.name') = ${a.value} AND json_extract(${obj}, '$.account.homePage') = ${a.homePage ?? ''})`
    : sql`json_extract(${obj}, ${`$.${a.ifi}`}) = ${a.value}`;

function agentCondition(a: AgentMatch, related: boolean) {
  if (!related) return hasIdentifier(sql`json_extract(body, '$.actor')`, a);
  const places = sql.join(AGENT_PLACES.map((p) => sql.lit(p)));
  const members = sql.join(AGENT_PLACES.map((p) => sql.lit(`${p}.member`)));
  return sql`EXISTS (SELECT 1 FROM json_tree(body) t WHERE t.type = 'object' AND (t.fullkey IN (${places}) OR t.path IN (${members})) AND ${hasIdentifier(sql`t.value`, a)})`;
}

/** Up to `limit` statements (parsed), and the cursor of the last one when more may follow. */
export async function listStatements(db: Kysely<DB>, f: StatementFilter): Promise<{ statements: Record<string, unknown>[]; next: { stored: string; seq: number } | null }> {
  let q = db.selectFrom('xapi_statements').select(['stored', 'body', sql<number>`rowid`.as('seq')]).where('voided_by', 'is', null);
  if (f.settingsUnder !== null) {
    const org = f.settingsUnder;
    q = q.where((eb) => eb('setting_id', 'in', eb.selectFrom('orgs').select('id').where((o) => o.or([o('id', '=', org), o('parent_id', '=', org)]))));
  }
  if (f.agent) q = q.where(agentCondition(f.agent, f.relatedAgents === true) as RawBuilder<boolean>);
  if (f.verb) q = q.where('verb_id', '=', f.verb);
  if (f.activity && f.relatedActivities) {
    const a = f.activity;
    q = q.where((eb) => eb.or([eb('object_id', '=', a), eb.exists(sql`(SELECT 1 FROM json_tree(body, '$.context.contextActivities') t WHERE t.key = 'id' AND t.value = ${a})`)]));
  } else if (f.activity) q = q.where('object_id', '=', f.activity);
  if (f.registration) q = q.where(sql<string>`json_extract(body, '$.context.registration')`, '=', f.registration);
  if (f.since) q = q.where('stored', '>', f.since);
  if (f.until) q = q.where('stored', '<=', f.until);
  if (f.after) {
    const { stored, seq } = f.after;
    const cmp = f.ascending ? '>' : '<';
    q = q.where((eb) => eb.or([eb('stored', cmp, stored), eb.and([eb('stored', '=', stored), eb(sql<number>`rowid`, cmp, seq)])]));
  }
  const dir = f.ascending ? 'asc' : 'desc';
  const rows = await q.orderBy('stored', dir).orderBy(sql`rowid`, dir).limit(f.limit + 1).execute();
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return { statements: page.map((r) => JSON.parse(r.body) as Record<string, unknown>), next: rows.length > f.limit && last ? { stored: last.stored, seq: Number(last.seq) } : null };
}

/** The statement with this id if it was voided (for voidedStatementId), with its setting. */
export async function getVoidedStatement(db: Kysely<DB>, id: string): Promise<{ settingId: string; statement: Record<string, unknown> } | null> {
  const r = await db.selectFrom('xapi_statements').select(['setting_id', 'body']).where('id', '=', id.toLowerCase()).where('voided_by', 'is not', null).executeTakeFirst();
  return r ? { settingId: r.setting_id, statement: JSON.parse(r.body) as Record<string, unknown> } : null;
}

/** Marks `targetId` voided by `voidingId` (a query for the same atomic write as the voiding statement). */
export const voidStatementQuery = (db: Kysely<DB>, targetId: string, voidingId: string) =>
  db.updateTable('xapi_statements').set({ voided_by: voidingId }).where('id', '=', targetId).where('voided_by', 'is', null).compile();
