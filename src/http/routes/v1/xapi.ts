// POST /v1/xapi/statements: xAPI-style statements from a platform (key with progress:write). "completed" marks
// the module completed, "initialized"/"launched"/"attempted" started; other verbs are accepted and not stored.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { toOrg } from '../../../repos/orgs.js';
import { recordProgressQuery } from '../../../repos/progress.js';
import type { DB } from '../../../repos/schema.js';
import { normaliseEmail } from '../../../repos/users.js';
import { mayManageOrg } from '../../auth/access.js';
import { jsonBody, jsonRequest, SECURITY } from '../../auth/openapi.js';
import type { Principal } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { IdempotencyHeaders } from '../../schemas/accounts.js';
import { requireAuth } from '../../middleware/auth.js';
import { authErrors, commonErrors, ProblemError, type FieldError } from '../../problem.js';
import { StatementsBody, type StatementSchema } from '../../schemas/learning.js';

const VERBS: Readonly<Record<string, 'started' | 'completed'>> = {
  'http://adlnet.gov/expapi/verbs/completed': 'completed',
  'http://adlnet.gov/expapi/verbs/initialized': 'started',
  'http://adlnet.gov/expapi/verbs/launched': 'started',
  'http://adlnet.gov/expapi/verbs/attempted': 'started',
};

const route = createRoute({
  method: 'post',
  path: '/v1/xapi/statements',
  tags: ['Progress'],
  operationId: 'postXapiStatements',
  summary: 'Record module progress from xAPI statements (one or up to 100); all are checked before any is stored',
  description:
    'actor: `mbox` (mailto: the person’s email on the staff list) or `account.name` (their staff id). object.id: the module id, or a URL or URN ending in it (`…/modules/<id>`). Answers with the statement ids, as an LRS does.',
  security: SECURITY.key,
  middleware: requireAuth({ roles: ['platform', 'admin'], scope: 'progress:write' }),
  request: { headers: IdempotencyHeaders, body: jsonRequest(StatementsBody) },
  responses: { 200: jsonBody(z.array(z.string()).openapi('XapiStatementIds'), 'Statement ids, in order'), ...authErrors, ...commonErrors },
});

/** The module id at the end of an activity id: `https://…/modules/slcn-foundations`, `urn:…:slcn-foundations` or the id. */
export function moduleIdOf(activityId: string): string {
  const tail = activityId.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return tail.split(/[/:]/).pop() ?? tail;
}

/** Staff the caller may report on who match the actor (by email or staff id). */
async function findActor(db: Kysely<DB>, p: Principal, actor: z.infer<typeof StatementSchema>['actor']): Promise<string[]> {
  let q = db.selectFrom('staff').innerJoin('orgs', 'orgs.id', 'staff.setting_id').selectAll('orgs').select('staff.id as staffId');
  if (actor.account) q = q.where('staff.id', '=', actor.account.name);
  else q = q.where('staff.email', '=', normaliseEmail(actor.mbox!.slice('mailto:'.length)));
  const rows = await q.limit(10).execute();
  return rows.filter((r) => mayManageOrg(p, toOrg(r))).map((r) => r.staffId);
}

export function registerXapi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const statements = Array.isArray(body) ? body : [body];
    const database = c.get('database');
    const p = c.get('principal')!;
    const modules = new Set(c.get('content').catalogue.modules.map((m) => m.id));
    const now = c.get('clock')();
    const errors: FieldError[] = [];
    const writes: { staffId: string; moduleId: string; status: 'started' | 'completed' }[] = [];
    const at = (i: number, path: string) => (Array.isArray(body) ? `[${i}].${path}` : path);
    for (const [i, s] of statements.entries()) {
      const status = VERBS[s.verb.id];
      if (!status) continue;
      const moduleId = moduleIdOf(s.object.id);
      if (!modules.has(moduleId)) errors.push({ path: at(i, 'object.id'), message: `No module "${moduleId}" in the catalogue.` });
      const found = await findActor(database.db, p, s.actor);
      if (found.length !== 1) {
        errors.push({ path: at(i, 'actor'), message: found.length ? 'More than one member of staff matches; identify them by account.name (staff id).' : 'No member of staff you manage matches this actor.' });
      } else writes.push({ staffId: found[0]!, moduleId, status });
    }
    if (errors.length) throw new ProblemError('validation', 'No statement was stored: some could not be matched.', errors);
    await database.atomic(writes.map((w) => recordProgressQuery(database.db, w.staffId, w.moduleId, w.status, 'xapi', now)));
    return c.json(statements.map((s) => s.id ?? crypto.randomUUID()), 200);
  });
}
