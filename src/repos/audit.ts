// The audit log of security-relevant events (invites, roles granted, keys, exports, erasures, password resets):
// ids, an action and a time; never answers, names, emails or secrets.
import type { CompiledQuery, Kysely } from 'kysely';
import { newId } from './crypto.js';
import { toPage, type Page, type PageRequest } from './page.js';
import type { AuditLogTable, DB } from './schema.js';

export const AUDIT_ACTIONS = [
  'invite.issued',
  'password.set',
  'password.reset',
  'role.granted',
  'key.created',
  'key.revoked',
  'data.exported',
  'person.erased',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted: a signed-in user, an API key, the ADMIN_TOKEN or the admin CLI. */
export interface AuditActor {
  readonly kind: AuditLogTable['actor_kind'];
  /** The user or key id; null for the token and the CLI. */
  readonly id: string | null;
}

export interface AuditEvent {
  readonly action: AuditAction;
  readonly actor: AuditActor;
  readonly orgId?: string | null | undefined;
  readonly subjectUserId?: string | null | undefined;
  readonly subjectStaffId?: string | null | undefined;
  readonly targetId?: string | null | undefined;
  /** A short enumerated value (a role, a list of scopes); never free text from a person. */
  readonly detail?: string | null | undefined;
}

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly action: string;
  readonly actor: { readonly kind: string; readonly id: string | null };
  readonly orgId: string | null;
  readonly subjectUserId: string | null;
  readonly subjectStaffId: string | null;
  readonly targetId: string | null;
  readonly detail: string | null;
}

const toEntry = (r: AuditLogTable): AuditEntry => ({
  id: r.id,
  at: r.at,
  action: r.action,
  actor: { kind: r.actor_kind, id: r.actor_id },
  orgId: r.org_id,
  subjectUserId: r.subject_user_id,
  subjectStaffId: r.subject_staff_id,
  targetId: r.target_id,
  detail: r.detail,
});

/** The query that records `event` at `now`, to run in the same atomic write as the change it describes. */
export function auditQuery(db: Kysely<DB>, event: AuditEvent, now: Date): CompiledQuery {
  return db
    .insertInto('audit_log')
    .values({
      id: newId('aud', now),
      at: now.toISOString(),
      action: event.action,
      actor_kind: event.actor.kind,
      actor_id: event.actor.id,
      org_id: event.orgId ?? null,
      subject_user_id: event.subjectUserId ?? null,
      subject_staff_id: event.subjectStaffId ?? null,
      target_id: event.targetId ?? null,
      detail: event.detail ?? null,
    })
    .compile();
}

export interface AuditFilter {
  readonly action?: string | undefined;
  /** Events about this user or by them. */
  readonly userId?: string | undefined;
  readonly orgId?: string | undefined;
}

/** A page of events, oldest first (ids sort by time). */
export async function listAudit(db: Kysely<DB>, filter: AuditFilter, page: PageRequest): Promise<Page<AuditEntry>> {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.orgId) q = q.where('org_id', '=', filter.orgId);
  if (filter.userId) {
    const u = filter.userId;
    q = q.where((eb) => eb.or([eb('subject_user_id', '=', u), eb('actor_id', '=', u)]));
  }
  if (page.after) q = q.where('id', '>', page.after);
  const rows = await q.orderBy('id').limit(page.limit + 1).execute();
  return toPage(rows, page.limit, toEntry);
}

/** Events that name the person as their subject (for their own data export). */
export async function auditAbout(db: Kysely<DB>, ids: { userId: string | null; staffId: string | null }): Promise<AuditEntry[]> {
  const { userId, staffId } = ids;
  if (!userId && !staffId) return [];
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => eb.or([...(userId ? [eb('subject_user_id', '=', userId)] : []), ...(staffId ? [eb('subject_staff_id', '=', staffId)] : [])]))
    .orderBy('id')
    .execute();
  return rows.map(toEntry);
}

/** Erasure: deletes the events about the person and blanks them where they were the actor. */
export function eraseAuditQueries(db: Kysely<DB>, ids: { userId: string | null; staffId: string | null }): CompiledQuery[] {
  const q: CompiledQuery[] = [];
  if (ids.staffId) q.push(db.deleteFrom('audit_log').where('subject_staff_id', '=', ids.staffId).compile());
  if (ids.userId) {
    q.push(db.deleteFrom('audit_log').where('subject_user_id', '=', ids.userId).compile());
    q.push(db.updateTable('audit_log').set({ actor_id: null }).where('actor_kind', '=', 'user').where('actor_id', '=', ids.userId).compile());
  }
  return q;
}
