// The app's dependency bundle and the Hono Env type that flows through app, context and middleware.
import type { Context } from 'hono';
import type { Content } from '../domain/types.js';
import type { Database } from '../repos/database.js';
import type { Principal } from './auth/principal.js';
import type { Logger } from './logger.js';
import type { Mailer } from '../integrations/mail.js';
import type { HostResolver } from '../integrations/outbound-url.js';
import type { RateLimiter, RateLimits } from './middleware/rate-limit.js';

export interface AppConfig {
  /** Bearer token for panel/admin routes until accounts exist; unset disables those routes. */
  readonly adminToken?: string | undefined;
  /** Rate limits per rule; an absent rule is not enforced (tests leave them all off). */
  readonly rateLimits?: RateLimits | undefined;
  /** Key (32+ characters) that signs the web pages' cookies and CSRF tokens. */
  readonly sessionSecret?: string | undefined;
  /** Registers the same-size baseline route the HTTP benchmark compares against (never in production). */
  readonly benchBaseline?: boolean | undefined;
  /** Lets webhook endpoints use http and private or loopback addresses (tests, on-premises receivers). */
  readonly allowPrivateUrls?: boolean | undefined;
  /** Resolves host names for the outbound URL check (Node: node:dns); absent, only the literal check applies. */
  readonly resolveHost?: HostResolver | undefined;
  /** Sends invites and reminders by email when set; unset, invite links are only shown. */
  readonly mailer?: Mailer | undefined;
}

export interface AppDeps {
  /** Resolves the database for a request; Workers pass their bindings, Node ignores them. */
  readonly database: (bindings: unknown) => Database;
  /** The validated content (taxonomy, questionnaire, catalogue, shipped evidence set). */
  readonly content: () => Content;
  readonly logger: Logger;
  readonly config: AppConfig | ((bindings: unknown) => AppConfig);
  /** Wall clock; injected so tests can fix it. */
  readonly now: () => Date;
  /** Counts requests for rate limits; default: an in-memory limiter per app (per isolate on Workers). */
  readonly rateLimiter?: RateLimiter | undefined;
  /** The caller's network address for per-address limits; default: the CF-Connecting-IP header. */
  readonly clientAddress?: ((c: Context) => string | undefined) | undefined;
}

export interface AppEnv {
  Bindings: Record<string, unknown>;
  Variables: {
    requestId: string;
    database: Database;
    content: Content;
    config: AppConfig;
    /** The injected wall clock (deps.now). */
    clock: () => Date;
    /** The authenticated caller, or null (set by the authenticate middleware on /v1/*). */
    principal: Principal | null;
  };
}
