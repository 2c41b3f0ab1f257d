// Who is calling: a signed-in user (session cookie), a platform API key, or the ADMIN_TOKEN operator credential.
import type { AuditActor } from '../../repos/audit.js';
import type { UserRole } from '../../repos/schema.js';

/** Roles a route may allow; `platform` is an API key (further limited by its scopes). */
export type Role = UserRole | 'platform';

export const SCOPES = [
  'recommendations:write',
  'staff:read',
  'staff:write',
  'assignments:write',
  'progress:write',
  'coverage:read',
  'modules:write',
] as const;
export type Scope = (typeof SCOPES)[number];

export interface UserPrincipal {
  readonly kind: 'user';
  readonly role: UserRole;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  /** Setting or trust for staff and leaders; null for panel and admin. */
  readonly orgId: string | null;
  /** The staff record linked to the account, if any. */
  readonly staffId: string | null;
  /** SHA-256 of the session cookie, to end this session. */
  readonly sessionHash: string;
}

export interface KeyPrincipal {
  readonly kind: 'key';
  readonly role: 'platform';
  readonly keyId: string;
  readonly orgId: string;
  readonly scopes: readonly string[];
}

export interface AdminTokenPrincipal {
  readonly kind: 'admin-token';
  readonly role: 'admin';
}

export type Principal = UserPrincipal | KeyPrincipal | AdminTokenPrincipal;

/** A stable id for per-credential state (rate limits, idempotency records). */
export function principalScope(p: Principal): string {
  return p.kind === 'user' ? `user:${p.userId}` : p.kind === 'key' ? `key:${p.keyId}` : 'admin-token';
}

/** The user id to record as author of a change, when the caller is a person. */
export function actorUserId(p: Principal): string | null {
  return p.kind === 'user' ? p.userId : null;
}

/** The caller as the audit log records them (ids only). */
export function auditActor(p: Principal): AuditActor {
  return p.kind === 'user' ? { kind: 'user', id: p.userId } : p.kind === 'key' ? { kind: 'key', id: p.keyId } : { kind: 'admin-token', id: null };
}
