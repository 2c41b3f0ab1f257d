// Cloudflare Workers entry: the same app over a D1 binding; content is bundled into the worker.
import { getShippedContent } from '../content/bundled.js';
import { createApp } from '../http/app.js';
import { createLogger, LOG_LEVELS, type LogLevel } from '../http/logger.js';
import { DEFAULT_RATE_LIMITS } from '../http/middleware/rate-limit.js';
import { d1Database } from '../repos/drivers/d1.js';

interface Env {
  DB: D1Database;
  LOG_LEVEL?: string;
  ADMIN_TOKEN?: string;
  /** `wrangler secret put SESSION_SECRET`: signs web cookies and CSRF tokens. */
  SESSION_SECRET?: string;
  /** `off` disables rate limits (local test runs); anything else keeps the defaults. */
  RATE_LIMITS?: string;
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
    };
  },
  now: () => new Date(),
});

export default app;
