// The app's dependency bundle and the Hono Env type that flows through app, context and middleware.
import type { Http2Bindings, HttpBindings } from '@hono/node-server';
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
  /** Lets webhook endpoints use http and private or loopback addresses (tests, on-premises receivers). */
  readonly allowPrivateUrls?: boolean | undefined;
  /** Resolves host names for the outbound URL check (Node: node:dns); absent, only the literal check applies. */
  readonly resolveHost?: HostResolver | undefined;
  /** Sends invites and reminders by email when set; unset, invite links are only shown. */
  readonly mailer?: Mailer | undefined;
}

/** A Worker's bindings (wrangler.toml and `wrangler secret put`); the settings are read by src/entry/config.ts. */
export interface WorkerBindings {
  readonly DB: D1Database;
  readonly LOG_LEVEL?: string;
  readonly ADMIN_TOKEN?: string;
  /** Signs web cookies and CSRF tokens. */
  readonly SESSION_SECRET?: string;
  /** `off` disables rate limits (local test runs). */
  readonly RATE_LIMITS?: string;
  /** `on` lets webhook endpoints use http and private addresses (local tests). */
  readonly ALLOW_PRIVATE_URLS?: string;
  /** Email through Resend's HTTP API: the key, a verified sender, and (tests) where to send requests. */
  readonly MAIL_API_KEY?: string;
  readonly MAIL_FROM?: string;
  readonly MAIL_API_URL?: string;
  /** The site's public origin, for links in reminder emails. */
  readonly PUBLIC_URL?: string;
}

/** Hono's `c.env` on either runtime: a Worker's bindings, or the request objects @hono/node-server passes on Node. */
export type Bindings = WorkerBindings | HttpBindings | Http2Bindings;

export interface AppDeps {
  /** Resolves the database for a request; Workers read their D1 binding, Node ignores the bindings. */
  readonly database: (bindings: Bindings) => Database;
  /** The validated content (taxonomy, questionnaire, catalogue, shipped evidence set). */
  readonly content: () => Content;
  readonly logger: Logger;
  readonly config: AppConfig | ((bindings: Bindings) => AppConfig);
  /** Wall clock; injected so tests can fix it. */
  readonly now: () => Date;
  /** Counts requests for rate limits; default: an in-memory limiter per app (per isolate on Workers). */
  readonly rateLimiter?: RateLimiter | undefined;
  /** The caller's network address for per-address limits; default: the CF-Connecting-IP header. */
  readonly clientAddress?: ((c: Context) => string | undefined) | undefined;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    database: Database;
    content: Content;
    config: AppConfig;
    /** The injected wall clock (deps.now). */
    clock: () => Date;
    /** The authenticated caller, or null (set by the authenticate middleware on every request). */
    principal: Principal | null;
  };
}
