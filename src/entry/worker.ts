// Cloudflare Workers entry: the same app over a D1 binding; content is bundled into the worker.
import { getShippedContent } from '../content/bundled.js';
import { createApp } from '../http/app.js';
import type { AppConfig } from '../http/env.js';
import { createLogger, type LogLevel } from '../http/logger.js';
import { DEFAULT_RATE_LIMITS } from '../http/middleware/rate-limit.js';
import { ProblemError } from '../http/problem.js';
import { d1Database } from '../repos/drivers/d1.js';
import { deliverDue } from '../integrations/webhook-delivery.js';
import { backgroundTick } from '../integrations/background.js';
import { RESEND_ENDPOINT, resendMailer } from '../integrations/mail-http.js';
import { ConfigError, loadConfig, WorkerConfigSchema } from './config.js';

interface Env {
  DB: D1Database;
  LOG_LEVEL?: string;
  ADMIN_TOKEN?: string;
  /** `wrangler secret put SESSION_SECRET`: signs web cookies and CSRF tokens. */
  SESSION_SECRET?: string;
  /** `off` disables rate limits (local test runs); anything else keeps the defaults. */
  RATE_LIMITS?: string;
  /** `on` lets webhook endpoints use http and private addresses (local tests). */
  ALLOW_PRIVATE_URLS?: string;
  /** Email through Resend's HTTP API: `wrangler secret put MAIL_API_KEY`, and MAIL_FROM (a verified sender). */
  MAIL_API_KEY?: string;
  MAIL_FROM?: string;
  /** Where to send MAIL_API_KEY requests (default Resend's endpoint; tests point it at a local server). */
  MAIL_API_URL?: string;
  /** The site's public origin, for links in reminder emails. */
  PUBLIC_URL?: string;
}

// Workers only see their vars per request, so the level is read from the latest request's bindings.
let logLevel: LogLevel = 'info';
const logger = createLogger(() => logLevel);

/**
 * The app config from the bindings, read by the same schema as Node's environment. A bad value (e.g. a SESSION_SECRET
 * under 32 characters) answers every request with a 503 problem naming the setting, never its value, rather than
 * running on a weaker setting; an unset SESSION_SECRET keeps the documented public fallback (see routes/web/secret.ts).
 */
function workerConfig(bindings: unknown): AppConfig {
  let config;
  try {
    config = loadConfig(bindings as Record<string, unknown>, WorkerConfigSchema);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    logger.error({ msg: e.message });
    throw new ProblemError('unavailable', `${e.message}. Set it with \`wrangler secret put\` (or in wrangler.toml [vars]) and redeploy.`);
  }
  logLevel = config.LOG_LEVEL;
  return {
    adminToken: config.ADMIN_TOKEN,
    sessionSecret: config.SESSION_SECRET,
    rateLimits: config.RATE_LIMITS === 'off' ? undefined : DEFAULT_RATE_LIMITS,
    allowPrivateUrls: config.ALLOW_PRIVATE_URLS === 'on',
    mailer: mailerOf(bindings as Env),
  };
}

const app = createApp({
  database: (bindings) => d1Database((bindings as Env).DB),
  content: getShippedContent,
  logger,
  config: workerConfig,
  now: () => new Date(),
});

const now = () => new Date();
const mailerOf = (env: Env) => (env.MAIL_API_KEY && env.MAIL_FROM ? resendMailer(env.MAIL_API_KEY, env.MAIL_FROM, env.MAIL_API_URL || RESEND_ENDPOINT) : undefined);

// Outbound deliveries run after a write's response (waitUntil) and from the cron trigger in wrangler.toml (retries,
// due-date notices); both are safe to overlap because messages are claimed one by one. Workers resolve no host names
// here (no node:dns without nodejs_compat), so receivers are checked by their literal form only.
export default {
  fetch(req: Request, env: Env, ctx: ExecutionContext) {
    const res = app.fetch(req, env, ctx);
    if (req.method !== 'GET' && req.method !== 'HEAD') ctx.waitUntil(Promise.resolve(res).then(() => deliverDue(d1Database(env.DB), { now, allowPrivate: env.ALLOW_PRIVATE_URLS === 'on' })));
    return res;
  },
  scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext) {
    ctx.waitUntil(backgroundTick(d1Database(env.DB), getShippedContent(), mailerOf(env), env.PUBLIC_URL ?? '', now, { allowPrivate: env.ALLOW_PRIVATE_URLS === 'on' }));
  },
} satisfies ExportedHandler<Env>;
