// Storing xAPI statements: each is matched to a member of staff the caller manages, checked against what is stored
// (same id, other content: 409), stored with its progress in one write, and a completion carrying re-ratings goes
// through the same check-in service as the web pages, so learning sees one de-identified observation per check-in.
// Each person's statements name modules of their own catalogue: shipped ones, and their setting's or trust's own.
import type { CompiledQuery } from 'kysely';
import { z } from 'zod';
import { validateCheckInRefs } from '../domain/validate-refs.js';
import { webhookEvent } from '../integrations/webhook-events.js';
import { listCheckIns } from '../repos/checkins.js';
import { toOrg } from '../repos/orgs.js';
import { recordProgressQuery } from '../repos/progress.js';
import { getStaff } from '../repos/staff.js';
import { normaliseEmail } from '../repos/users.js';
import { forwardStatementQuery } from '../repos/xapi-forwarding.js';
import { getStatements, insertStatementQuery } from '../repos/xapi-statements.js';
import { mayManageOrg } from './tenancy.js';
import { principalScope } from '../http/auth/principal.js';
import type { FieldError } from './problems.js';
import type { Agent, Statement } from '../http/schemas/xapi.js';
import { withZone } from '../http/schemas/xapi.js';
import { checkIn } from './staff-progress.js';
import { isVoiding, prepareVoid } from './xapi-void.js';
import { moduleIdOf, ownModuleActivityId, resolveActivity, type ActorModules } from './xapi-activity.js';
import { latestLayersOf, orgChain, staffCatalogue } from './local-content.js';
import type { Content } from '../domain/types.js';
import type { Deps } from './deps.js';

export { moduleIdOf };

const ADL = 'http://adlnet.gov/expapi/verbs/';
/** Verbs that change module progress; any other verb is stored and changes nothing else. */
export const PROGRESS_VERBS: Readonly<Record<string, 'started' | 'completed'>> = {
  [`${ADL}completed`]: 'completed',
  [`${ADL}passed`]: 'completed',
  [`${ADL}initialized`]: 'started',
  [`${ADL}launched`]: 'started',
  [`${ADL}attempted`]: 'started',
};

/** Result extension carrying the person's re-ratings after a module (area id → 1..5), as a web check-in does. */
export const RATINGS_EXTENSION = 'https://send-pathways.example/xapi/extensions/ratings';
const Ratings = z.record(z.string().min(1).max(100), z.number().int().min(1).max(5)).refine((r) => Object.keys(r).length > 0, 'Rate at least one area');

interface Prepared {
  readonly ids: string[];
  readonly queries: CompiledQuery[];
  readonly checkIns: { staffId: string; moduleId: string; ratings: Record<string, number> }[];
}

/** `bad-request`: the request itself is malformed (repeated ids); `validation`: statements that match nobody or nothing. */
export type StoreResult = { ok: true; ids: string[] } | { ok: false; kind: 'bad-request' | 'validation' | 'conflict'; errors: FieldError[] };

/** Staff the caller manages whose mailto IRI has this SHA-1 (hex): each email on their staff lists is hashed. */
async function findBySha1(deps: Deps, sha1: string): Promise<string[]> {
  const rows = await deps.database.db.selectFrom('staff').innerJoin('orgs', 'orgs.id', 'staff.setting_id').selectAll('orgs').select(['staff.id as staffId', 'staff.email']).where('staff.email', 'is not', null).execute();
  const out: string[] = [];
  for (const r of rows) {
    if (!mayManageOrg(deps.principal, toOrg(r))) continue;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(`mailto:${r.email}`)));
    if (Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') === sha1.toLowerCase()) out.push(r.staffId);
  }
  return out;
}

/**
 * Staff the caller manages who match the agent: `mbox` or `mbox_sha1sum` (an email on the staff list), `account.name`
 * (the staff id) or `openid` (an identity linked through single sign-on or LTI, written `<issuer>#<subject>`).
 */
async function findActor(deps: Deps, actor: Agent): Promise<string[]> {
  if (actor.mbox_sha1sum) return findBySha1(deps, actor.mbox_sha1sum);
  if (actor.openid) return findByOpenId(deps, actor.openid);
  if (!actor.mbox && !actor.account) return [];
  let q = deps.database.db.selectFrom('staff').innerJoin('orgs', 'orgs.id', 'staff.setting_id').selectAll('orgs').select('staff.id as staffId');
  if (actor.account) q = q.where('staff.id', '=', actor.account.name);
  else q = q.where('staff.email', '=', normaliseEmail(actor.mbox!.slice('mailto:'.length)));
  const rows = await q.limit(10).execute();
  return rows.filter((r) => mayManageOrg(deps.principal, toOrg(r))).map((r) => r.staffId);
}

/** Staff linked to the external identity `<issuer>#<subject>` that the openid names, within the caller's organisations. */
async function findByOpenId(deps: Deps, openid: string): Promise<string[]> {
  const cut = openid.lastIndexOf('#');
  if (cut < 0) return [];
  const rows = await deps.database.db
    .selectFrom('external_identities as x')
    .innerJoin('staff', 'staff.user_id', 'x.user_id')
    .innerJoin('orgs', 'orgs.id', 'staff.setting_id')
    .selectAll('orgs')
    .select('staff.id as staffId')
    .where('x.issuer', '=', openid.slice(0, cut))
    .where('x.subject', '=', decodeURIComponent(openid.slice(cut + 1)))
    .execute();
  return rows.filter((r) => mayManageOrg(deps.principal, toOrg(r))).map((r) => r.staffId);
}

/** The statement without the properties this service sets, in key order, for comparing with a stored one. */
function comparable(s: Record<string, unknown>, keepTimestamp: boolean): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  const { stored: _s, authority: _a, version: _v, timestamp, ...rest } = s;
  return JSON.stringify(sort(keepTimestamp ? { ...rest, timestamp: timestamp ? new Date(withZone(String(timestamp))).toISOString() : undefined } : rest));
}

/**
 * Checks and stores statements (ids given or generated, lower-case): every statement must match one member of staff
 * the caller manages; progress verbs must name a catalogue module. A statement whose id is stored already with the
 * same content is accepted and not stored again; with other content it is a conflict. Nothing is written on failure.
 */
export async function storeStatements(deps: Deps, statements: readonly Statement[], at: (i: number, path: string) => string): Promise<StoreResult> {
  const errors: FieldError[] = [];
  const ids = statements.map((s) => (s.id ?? crypto.randomUUID()).toLowerCase());
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) errors.push({ path: at(i, 'id'), message: 'Another statement in this request has the same id.' });
    seen.add(id);
  }
  if (errors.length) return { ok: false, kind: 'bad-request', errors };
  const existing = await getStatements(deps.database.db, ids);
  const conflicts = statements.flatMap((s, i) => {
    const old = existing.get(ids[i]!);
    if (!old) return [];
    const same = comparable({ ...s, id: ids[i] }, s.timestamp !== undefined) === comparable(old.statement, s.timestamp !== undefined);
    return same ? [] : [{ path: at(i, 'id'), message: 'A different statement with this id is stored already.' }];
  });
  if (conflicts.length) return { ok: false, kind: 'conflict', errors: conflicts };
  const prepared = await prepare(deps, statements, ids, new Set(existing.keys()), at, errors);
  if (errors.length) return { ok: false, kind: 'validation', errors };
  const database = deps.database;
  await database.atomic(prepared.queries);
  for (const ci of prepared.checkIns) {
    const staff = await getStaff(database.db, ci.staffId);
    // Before a first self-assessment there is no pathway to re-plan: the statement and progress stand alone.
    if (staff) await checkIn(deps, (await staffCatalogue(deps, staff.settingId)).content, staff, { moduleId: ci.moduleId, ratings: ci.ratings }, 'xapi');
  }
  return { ok: true, ids };
}

async function prepare(deps: Deps, statements: readonly Statement[], ids: string[], skip: Set<string>, at: (i: number, path: string) => string, errors: FieldError[]): Promise<Prepared> {
  const database = deps.database;
  const catalogues = new Map<string, { content: Content; modules: ActorModules }>();
  const now = deps.now();
  const stored = now.toISOString();
  const p = deps.principal!;
  const authority = { objectType: 'Agent', name: 'send-pathways', account: { homePage: deps.origin, name: principalScope(p) } };
  const out: Prepared = { ids, queries: [], checkIns: [] };
  // Progress taken back by voiding comes first, so statements of the same request may record it again.
  const voiding = { voided: new Set<string>(), undo: [] as CompiledQuery[] };
  for (const [i, s] of statements.entries()) {
    if (isVoiding(s)) {
      await prepareVoid(deps, s, { id: ids[i]!, stored: skip.has(ids[i]!), storedAt: stored, authority, path: (p) => at(i, p), ...voiding }, errors, out.queries);
      continue;
    }
    const found = await findActor(deps, s.actor);
    if (found.length !== 1) {
      errors.push({ path: at(i, 'actor'), message: found.length ? 'More than one member of staff matches; identify them by account.name (staff id).' : 'No member of staff you manage matches this actor (use mbox, mbox_sha1sum, account.name or a linked openid).' });
      continue;
    }
    const staffId = found[0]!;
    const setting = (await getStaff(database.db, staffId))!.settingId;
    const { content, modules } = catalogues.get(setting) ?? (await actorCatalogue(deps, setting, catalogues));
    const status = PROGRESS_VERBS[s.verb.id];
    const resolved = resolveActivity(s.object.id, new URL(deps.origin).host, modules, (orgId, id) => ownModuleActivityId(deps, orgId, id));
    const moduleId = resolved.ok ? resolved.moduleId : moduleIdOf(s.object.id);
    const known = resolved.ok;
    if (status && !resolved.ok) errors.push({ path: at(i, 'object.id'), message: resolved.message });
    const checkInsBefore = out.checkIns.length;
    const raw = s.result?.extensions?.[RATINGS_EXTENSION];
    if (raw !== undefined) {
      const r = Ratings.safeParse(raw);
      const refs = r.success ? validateCheckInRefs(content, { moduleId, ratings: r.data }) : [];
      if (!r.success || refs.length) errors.push({ path: at(i, `result.extensions.${RATINGS_EXTENSION}`), message: r.success ? refs.map((e) => e.message).join(' ') : 'Ratings are area id → whole number 1..5.' });
      else if (status === 'completed' && !skip.has(ids[i]!) && !out.checkIns.some((x) => x.staffId === staffId && x.moduleId === moduleId) && !(await listCheckIns(database.db, staffId)).some((x) => x.moduleId === moduleId)) {
        out.checkIns.push({ staffId, moduleId, ratings: r.data });
      }
    }
    if (skip.has(ids[i]!)) continue;
    const timestamp = s.timestamp ? new Date(withZone(s.timestamp)).toISOString() : stored;
    const statement = { ...s, id: ids[i]!, timestamp: s.timestamp ?? stored, stored, authority, version: s.version ?? '1.0.0' };
    out.queries.push(insertStatementQuery(database.db, { id: ids[i]!, setting_id: setting, staff_id: staffId, verb_id: s.verb.id, object_id: s.object.id, timestamp, stored, body: JSON.stringify(statement) }));
    // A completion with re-ratings is recorded by the check-in itself; otherwise progress is recorded at the statement's time.
    if (status && known) out.queries.push(recordProgressQuery(database.db, staffId, moduleId, status, 'xapi', new Date(timestamp)));
    // A completion (with or without re-ratings) is forwarded to the organisation's own LRS destinations, if any.
    if (status === 'completed' && known) out.queries.push(forwardStatementQuery(database.db, setting, statement, now));
    // The check-in reports its own completion; otherwise the completion is reported here.
    if (status === 'completed' && known && out.checkIns.length === checkInsBefore) {
      out.queries.push(webhookEvent(database.db, setting, 'module.completed', { staffId, moduleId, source: 'xapi', statementId: ids[i]! }, now));
    }
  }
  out.queries.unshift(...voiding.undo);
  return out;
}

/** The catalogue a member of staff of `settingId` plans with, and the module ids their statements may name (cached per setting). */
async function actorCatalogue(deps: Deps, settingId: string, cache: Map<string, { content: Content; modules: ActorModules }>) {
  const database = deps.database;
  const { content } = await staffCatalogue(deps, settingId);
  const layers = await latestLayersOf(database, await orgChain(database, settingId));
  const shipped = new Set(deps.content.catalogue.modules.map((m) => m.id));
  const own = new Map(layers.map((l) => [l.orgId, new Set(l.body.modules.filter((m) => m.status === 'active' && !shipped.has(m.id)).map((m) => m.id))]));
  const entry = { content, modules: { shipped, own } };
  cache.set(settingId, entry);
  return entry;
}
