// GET /v1/xapi/statements (Communication part 2.1.3): one statement by statementId or voidedStatementId, or a
// StatementResult of those the caller may read, filtered by agent, verb, activity, registration, since and until,
// newest stored first (or ascending), `limit` at a time with a `more` link to the next page.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getOrg } from '../../../repos/orgs.js';
import { getVoidedStatement, listStatements, type AgentMatch, type StatementFilter } from '../../../repos/xapi-query.js';
import { getStatement } from '../../../repos/xapi-statements.js';
import { mayManageOrg } from '../../auth/access.js';
import { jsonBody } from '../../auth/openapi.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, ProblemError, readErrors } from '../../problem.js';
import { formatStatement } from './xapi-format.js';
import { AgentSchema, isXapiTimestamp, StoredStatementSchema, VersionHeader, withZone } from '../../schemas/xapi.js';

/** Most statements in one page (and what limit=0 means). */
export const MAX_PAGE = 100;
const access = secured({ roles: ['platform', 'admin'], scope: 'progress:write' });
const bool = z.enum(['true', 'false']).optional();
const time = (name: string) => z.string().refine(isXapiTimestamp, `${name} must be an ISO 8601 date-time, e.g. 2026-11-22T10:00:00Z`).optional();

const ReadQuery = z.object({
  statementId: z.uuid('statementId must be a UUID').optional(),
  voidedStatementId: z.uuid('voidedStatementId must be a UUID').optional(),
  agent: z.string().optional().openapi({ description: 'An Agent as JSON, e.g. {"mbox":"mailto:ali@school.example"}' }),
  verb: z.string().optional(),
  activity: z.string().optional(),
  registration: z.uuid('registration must be a UUID').optional(),
  related_activities: bool.openapi({ description: 'true: `activity` may also be any context activity' }),
  related_agents: bool.openapi({ description: 'true: `agent` may also be the authority, context instructor or team, or a member of one of those groups' }),
  since: time('since'),
  until: time('until'),
  limit: z.coerce.number().int().min(0, 'limit is 0 or more').optional(),
  format: z.enum(['ids', 'exact', 'canonical']).optional().openapi({ description: '`exact` (default), `ids` (identifiers only) or `canonical` (one language per language map, by Accept-Language)' }),
  attachments: z.enum(['false']).optional().openapi({ description: 'Attachments are not accepted, so only false' }),
  ascending: bool,
  cursor: z.string().max(200).optional().openapi({ description: 'From a `more` link' }),
});

const StatementResultSchema = z.object({ statements: z.array(StoredStatementSchema), more: z.string() }).openapi('XapiStatementResult');

const get = createRoute({
  method: 'get',
  path: '/v1/xapi/statements',
  tags: ['xAPI'],
  operationId: 'getXapiStatements',
  summary: 'One statement (statementId or voidedStatementId), or a filtered list with a `more` link',
  description:
    'Voided statements are left out of lists and of statementId; read them by voidedStatementId. `format`: `exact` (default) answers each statement as stored; `ids` keeps only what identifies each Agent or Group (its one identifier), Activity (`objectType` and `id`) and Verb (`id`); `canonical` keeps one language in each Verb `display` and Activity `name` and `description`, chosen by `Accept-Language` (this service keeps no other canonical definitions). `related_agents=true` matches `agent` as the actor, authority, context instructor or team, or a member of one of those groups; `related_activities=true` matches `activity` as the object or any context activity.',
  ...access,
  request: { headers: VersionHeader, query: ReadQuery },
  responses: { 200: jsonBody(z.union([StoredStatementSchema, StatementResultSchema]), 'A statement, or a StatementResult'), 400: commonErrors[400], ...authErrors, ...readErrors },
});

const bad = (detail: string, path: string): never => {
  throw new ProblemError('bad-request', detail, [{ path, message: detail }]);
};

/** The agent's one identifier (and the account's home page). */
function agentFilter(raw: string): AgentMatch {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return bad('agent must be an Agent object as JSON.', 'agent');
  }
  const r = AgentSchema.safeParse(parsed);
  if (!r.success) return bad(`agent is not a valid Agent: ${r.error.issues[0]?.message ?? 'see the xAPI specification'}`, 'agent');
  const a = r.data;
  if (a.mbox) return { ifi: 'mbox', value: a.mbox };
  if (a.mbox_sha1sum) return { ifi: 'mbox_sha1sum', value: a.mbox_sha1sum };
  if (a.openid) return { ifi: 'openid', value: a.openid };
  return { ifi: 'account', value: a.account!.name, homePage: a.account!.homePage };
}

async function single(c: Context<AppEnv>, q: z.infer<typeof ReadQuery>): Promise<Record<string, unknown>> {
  const others = Object.entries(q).filter(([k, v]) => v !== undefined && !['statementId', 'voidedStatementId', 'format', 'attachments'].includes(k));
  if (q.statementId && q.voidedStatementId) bad('Give statementId or voidedStatementId, not both.', 'voidedStatementId');
  if (others.length) bad(`With statementId or voidedStatementId, only format and attachments may be given (not ${others.map(([k]) => k).join(', ')}).`, others[0]![0]);
  const db = c.get('database').db;
  const id = (q.statementId ?? q.voidedStatementId)!;
  const one = q.statementId ? await getStatement(db, id) : await getVoidedStatement(db, id);
  const org = one && !('voided' in one && one.voided) ? await getOrg(db, one.settingId) : null;
  if (!one || !org || !mayManageOrg(c.get('principal'), org)) throw new ProblemError('not-found', `No ${q.statementId ? '' : 'voided '}statement ${id} is visible to you.`);
  c.header('Last-Modified', new Date(String(one.statement.stored)).toUTCString());
  return formatStatement(one.statement, q.format, c.req.header('accept-language'));
}

function cursorOf(raw: string | undefined): StatementFilter['after'] {
  if (!raw) return undefined;
  const cut = raw.indexOf('_');
  const stored = raw.slice(0, cut);
  const seq = Number(raw.slice(cut + 1));
  if (cut < 0 || !isXapiTimestamp(stored) || !Number.isSafeInteger(seq)) return bad('cursor is not one this service gave.', 'cursor');
  return { stored, seq };
}

export function registerXapiRead(app: OpenAPIHono<AppEnv>): void {
  app.openapi(get, async (c) => {
    c.header('X-Experience-API-Consistent-Through', c.get('clock')().toISOString());
    const q = c.req.valid('query');
    if (q.statementId || q.voidedStatementId) return c.json(await single(c, q), 200);
    const p = c.get('principal')!;
    const filter: StatementFilter = {
      settingsUnder: p.role === 'admin' ? null : ('orgId' in p && p.orgId ? p.orgId : '-'),
      agent: q.agent ? agentFilter(q.agent) : undefined,
      relatedAgents: q.related_agents === 'true',
      verb: q.verb,
      activity: q.activity,
      relatedActivities: q.related_activities === 'true',
      registration: q.registration?.toLowerCase(),
      since: q.since ? new Date(withZone(q.since)).toISOString() : undefined,
      until: q.until ? new Date(withZone(q.until)).toISOString() : undefined,
      ascending: q.ascending === 'true',
      limit: !q.limit || q.limit > MAX_PAGE ? MAX_PAGE : q.limit,
      after: cursorOf(q.cursor),
    };
    const page = await listStatements(c.get('database').db, filter);
    let more = '';
    if (page.next) {
      const u = new URL(c.req.url);
      u.searchParams.set('cursor', `${page.next.stored}_${page.next.seq}`);
      more = `${u.pathname}?${u.searchParams.toString()}`;
    }
    const lang = c.req.header('accept-language');
    return c.json({ statements: page.statements.map((s) => formatStatement(s, q.format, lang)), more }, 200);
  }, (result) => {
    if (!result.success) throw new ProblemError('bad-request', 'The query does not follow xAPI 1.0.3; see `errors`.', result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    return undefined;
  });
}
