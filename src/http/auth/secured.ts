// One declaration per route for who may call it: `...secured(rule)` in a createRoute config puts the security
// requirement in the OpenAPI document and the matching check in the route's middleware, from the same rule, so the
// document and the enforcement cannot drift apart. An API-key requirement names the scope the key must carry
// (OpenAPI 3.1 lets any scheme's requirement list role names; here they are the key scopes of ./principal.ts).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { requireAuth, requireScopeForKeys, requireUser, type AccessRule } from '../middleware/auth.js';
import type { Role, Scope } from './principal.js';

export type Requirement = Record<string, string[]>;

interface Secured {
  readonly security: Requirement[];
  readonly middleware: MiddlewareHandler<AppEnv>;
}

/** The requirements a rule stands for: a session for people, an API key with its scope, the ADMIN_TOKEN for admins. */
export function securityFor(rule: AccessRule): Requirement[] {
  const out: Requirement[] = [];
  if (rule.roles.some((r) => r !== 'platform')) out.push({ sessionCookie: [] });
  if (rule.roles.includes('platform')) out.push({ apiKey: rule.scope ? [rule.scope] : [] });
  if (rule.roles.includes('admin')) out.push({ adminToken: [] });
  return out;
}

/** Signed-in people, API keys (with `scope`) or the ADMIN_TOKEN, as `rule.roles` allows; 401 / 403 otherwise. */
export function secured(rule: AccessRule): Secured {
  return { security: securityFor(rule), middleware: requireAuth(rule) };
}

/** Signed-in people with one of `roles` only: keys and the ADMIN_TOKEN get 403. */
export function securedUser(roles: readonly Exclude<Role, 'platform'>[]): Secured {
  return { security: [{ sessionCookie: [] }], middleware: requireUser(roles) };
}

/** Anyone may call; an API key must carry `scope`. */
export function securedPublic(scope: Scope): Secured {
  return { security: [{}, { apiKey: [scope] }], middleware: requireScopeForKeys(scope) };
}
