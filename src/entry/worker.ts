// Cloudflare Workers entry: the same app over a D1 binding; content is bundled into the worker.
import { getShippedContent } from '../content/bundled.js';
import { createApp } from '../http/app.js';
import type { AppConfig } from '../http/env.js';
import { createLogger, type LogLevel } from '../http/logger.js';
import { DEFAULT_RATE_LIMITS } from '../http/middleware/rate-limit.js';
import { ProblemError } from '../http/problem.js';
import { d1Database } from '../repos/drivers/d1.js';
import { ConfigError, loadConfig, WorkerConfigSchema } from './config.js';

interface Env {
  DB: D1Database;
  LOG_LEVEL?: string;
  ADMIN_TOKEN?: string;
  /** `wrangler secret put SESSION_SECRET`: signs web cookies and CSRF tokens. */
  SESSION_SECRET?: string;
  /** `off` disables rate limits (local test runs); anything else keeps the defaults. */
  RATE_LIMITS?: string;
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
  return { adminToken: config.ADMIN_TOKEN, sessionSecret: config.SESSION_SECRET, rateLimits: config.RATE_LIMITS === 'off' ? undefined : DEFAULT_RATE_LIMITS };
}

const app = createApp({
  database: (bindings) => d1Database((bindings as Env).DB),
  content: getShippedContent,
  logger,
  config: workerConfig,
  now: () => new Date(),
});

export default app;
