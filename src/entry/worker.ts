// Cloudflare Workers entry: the same app over a D1 binding; content is bundled into the worker.
import { getShippedContent } from '../content/bundled.js';
import { createApp } from '../http/app.js';
import { createLogger, LOG_LEVELS, type LogLevel } from '../http/logger.js';
import { DEFAULT_RATE_LIMITS } from '../http/middleware/rate-limit.js';
import { d1Database } from '../repos/drivers/d1.js';
import { deliverDue, webhookTick } from '../integrations/webhook-delivery.js';

interface Env {
  DB: D1Database;
  LOG_LEVEL?: string;
  ADMIN_TOKEN?: string;
  /** `wrangler secret put SESSION_SECRET`: signs web cookies and CSRF tokens. */
  SESSION_SECRET?: string;
  /** `off` disables rate limits (local test runs); anything else keeps the defaults. */
  RATE_LIMITS?: string;
  /** `on` lets webhook endpoints use http and private addresses (local tests). */
  WEBHOOKS_ALLOW_PRIVATE?: string;
}

const level = (v: unknown): LogLevel => (LOG_LEVELS as readonly string[]).includes(String(v)) ? (v as LogLevel) : 'info';

// Workers only see their vars per request, so the level is read from the latest request's bindings.
let logLevel: LogLevel = 'info';
const logger = createLogger(() => logLevel);

const app = createApp({
  database: (bindings) => d1Database((bindings as Env).DB),
  content: getShippedContent,
  logger,
  config: (bindings) => {
    const env = bindings as Env;
    logLevel = level(env.LOG_LEVEL);
    return {
      adminToken: env.ADMIN_TOKEN && env.ADMIN_TOKEN.length >= 16 ? env.ADMIN_TOKEN : undefined,
      sessionSecret: env.SESSION_SECRET && env.SESSION_SECRET.length >= 32 ? env.SESSION_SECRET : undefined,
      rateLimits: env.RATE_LIMITS === 'off' ? undefined : DEFAULT_RATE_LIMITS,
      webhooksAllowPrivate: env.WEBHOOKS_ALLOW_PRIVATE === 'on',
    };
  },
  now: () => new Date(),
});

const now = () => new Date();

// Outbound deliveries run after a write's response (waitUntil) and from the cron trigger in wrangler.toml (retries,
// due-date notices); both are safe to overlap because messages are claimed one by one.
export default {
  fetch(req: Request, env: Env, ctx: ExecutionContext) {
    const res = app.fetch(req, env, ctx);
    if (req.method !== 'GET' && req.method !== 'HEAD') ctx.waitUntil(Promise.resolve(res).then(() => deliverDue(d1Database(env.DB), { now })));
    return res;
  },
  scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext) {
    ctx.waitUntil(webhookTick(d1Database(env.DB), { now }));
  },
} satisfies ExportedHandler<Env>;
