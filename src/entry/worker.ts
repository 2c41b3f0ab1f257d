// Cloudflare Workers entry: the same app over a D1 binding; content is bundled into the worker.
import { getShippedContent } from '../content/bundled.js';
import { createApp } from '../http/app.js';
import type { AppConfig, Bindings, WorkerBindings } from '../http/env.js';
import { createLogger, type LogLevel } from '../http/logger.js';
import { ProblemError } from '../http/problem.js';
import { d1Database } from '../repos/drivers/d1.js';
import { deliverDue } from '../integrations/webhook-delivery.js';
import { backgroundTick } from '../integrations/background.js';
import { RESEND_ENDPOINT, resendMailer } from '../integrations/mail-http.js';
import { appConfig, ConfigError, loadConfig, WorkerConfigSchema, type WorkerConfig } from './config.js';

// Workers only see their vars per request, so the level is read from the latest request's bindings.
let logLevel: LogLevel = 'info';
const logger = createLogger(() => logLevel);

/** The Worker's bindings; Hono's `c.env` on Workers always is, and a missing D1 binding is a deployment mistake. */
function workerBindings(bindings: Bindings): WorkerBindings {
  if ('DB' in bindings) return bindings;
  throw new Error('The Worker has no DB binding: add the [[d1_databases]] entry of wrangler.toml and redeploy.');
}

/** The settings from the bindings, by the same schema and rules as Node's environment; throws ConfigError. */
function settingsOf(env: WorkerBindings): WorkerConfig {
  const settings = loadConfig(env, WorkerConfigSchema);
  logLevel = settings.LOG_LEVEL;
  return settings;
}

const mailerOf = (s: WorkerConfig) => (s.MAIL_API_KEY && s.MAIL_FROM ? resendMailer(s.MAIL_API_KEY, s.MAIL_FROM, s.MAIL_API_URL ?? RESEND_ENDPOINT) : undefined);

/**
 * The app config from the bindings. A bad value (e.g. a SESSION_SECRET under 32 characters) answers every request
 * with a 503 problem naming the setting, never its value, rather than running on a weaker setting; an unset
 * SESSION_SECRET keeps the documented public fallback (see routes/web/secret.ts).
 */
function workerConfig(bindings: Bindings): AppConfig {
  let settings;
  try {
    settings = settingsOf(workerBindings(bindings));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    logger.error({ msg: e.message });
    throw new ProblemError('unavailable', `${e.message}. Set it with \`wrangler secret put\` (or in wrangler.toml [vars]) and redeploy.`);
  }
  return appConfig(settings, { sessionSecret: settings.SESSION_SECRET, mailer: mailerOf(settings) });
}

/** The settings for background work, or null (logged) when one is bad: requests answer 503 until it is fixed. */
function backgroundSettings(env: WorkerBindings): WorkerConfig | null {
  try {
    return settingsOf(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    logger.error({ msg: e.message });
    return null;
  }
}

const app = createApp({
  database: (bindings) => d1Database(workerBindings(bindings).DB),
  content: getShippedContent,
  logger,
  config: workerConfig,
  now: () => new Date(),
});

const now = () => new Date();

// Outbound deliveries run after a write's response (waitUntil) and from the cron trigger in wrangler.toml (retries,
// due-date notices); both are safe to overlap because messages are claimed one by one. Workers resolve no host names
// here (no node:dns without nodejs_compat), so receivers are checked by their literal form only.
export default {
  fetch(req: Request, env: WorkerBindings, ctx: ExecutionContext) {
    const res = app.fetch(req, env, ctx);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      ctx.waitUntil(
        Promise.resolve(res).then(() => {
          const settings = backgroundSettings(env);
          return settings && deliverDue(d1Database(env.DB), { now, allowPrivate: settings.ALLOW_PRIVATE_URLS === 'on' });
        }),
      );
    }
    return res;
  },
  scheduled(_controller: ScheduledController, env: WorkerBindings, ctx: ExecutionContext) {
    const settings = backgroundSettings(env);
    if (!settings) return;
    ctx.waitUntil(backgroundTick(d1Database(env.DB), getShippedContent(), mailerOf(settings), settings.PUBLIC_URL ?? '', now, { allowPrivate: settings.ALLOW_PRIVATE_URLS === 'on' }));
  },
} satisfies ExportedHandler<WorkerBindings>;
