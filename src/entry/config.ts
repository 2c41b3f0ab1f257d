// Configuration from the environment (Node) or the Worker's bindings, validated by one zod schema; a bad value is
// one clear line naming the setting and what to do, and never echoes a secret.
import { z } from 'zod';
import type { AppConfig } from '../http/env.js';
import { LOG_LEVELS } from '../http/logger.js';
import { DEFAULT_RATE_LIMITS } from '../http/middleware/rate-limit.js';

/** Where the database lives when DATABASE_PATH is unset (its folder is created on first start). */
export const DEFAULT_DATABASE = 'var/send-pathways.sqlite';

/** Every setting, before the rules that tie two settings together. */
const Settings = z.object({
  PORT: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(8787),
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1, 'must not be empty').default(DEFAULT_DATABASE),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  CONTENT_DIR: z.string().min(1).optional(),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters (choose a longer random value)').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (choose a longer random value)').optional(),
  RATE_LIMITS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
  // Integrations (webhooks, email, single sign-on, LTI): see README "Working with a school's systems".
  ALLOW_PRIVATE_URLS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('off'),
  DELIVERY_INTERVAL_MS: z.coerce.number({ message: 'must be a whole number' }).int().min(200).max(600_000).default(5000),
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be smtp://user:password@host:port or smtps://…').optional(),
  MAIL_FROM: z.string().min(3).max(200).optional(),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL, e.g. https://training.school.example' }).optional(),
});

export const ConfigSchema = Settings.refine((c) => !c.SMTP_URL || c.MAIL_FROM, { path: ['MAIL_FROM'], message: 'must be set when SMTP_URL is, e.g. "SEND training <training@school.example>"' });

/**
 * The settings a Worker reads from its bindings (the rest are Node-only), by the same rules; a Worker sends email
 * through an HTTP API (MAIL_API_KEY) rather than SMTP, and needs MAIL_FROM with it just as SMTP_URL does.
 */
export const WorkerConfigSchema = Settings.pick({ LOG_LEVEL: true, ADMIN_TOKEN: true, SESSION_SECRET: true, RATE_LIMITS: true, ALLOW_PRIVATE_URLS: true, MAIL_FROM: true, PUBLIC_URL: true })
  .extend({
    MAIL_API_KEY: z.string().optional(),
    MAIL_API_URL: z.url({ message: 'must be an absolute URL, e.g. https://api.resend.com/emails' }).optional(),
  })
  .refine((c) => !c.MAIL_API_KEY || c.MAIL_FROM, { path: ['MAIL_FROM'], message: 'must be set when MAIL_API_KEY is, e.g. "SEND training <training@school.example>"' });

export type Config = z.infer<typeof ConfigSchema>;
export type WorkerConfig = z.infer<typeof WorkerConfigSchema>;

/** Settings whose values are secrets: problems name them and their length, never the value. */
const SECRETS = new Set(['ADMIN_TOKEN', 'SESSION_SECRET', 'MAIL_API_KEY']);

/** The settings both entries turn into the app's config the same way. */
type SharedSettings = Pick<Config, 'ADMIN_TOKEN' | 'RATE_LIMITS' | 'ALLOW_PRIVATE_URLS'>;

/**
 * The app's config from validated settings, by one set of rules for both entries; `runtime` brings what each entry
 * makes itself (the session key, the mailer, Node's host resolver).
 */
export function appConfig(settings: SharedSettings, runtime: Pick<AppConfig, 'sessionSecret' | 'mailer' | 'resolveHost'>): AppConfig {
  return {
    adminToken: settings.ADMIN_TOKEN,
    rateLimits: settings.RATE_LIMITS === 'on' ? DEFAULT_RATE_LIMITS : undefined,
    allowPrivateUrls: settings.ALLOW_PRIVATE_URLS === 'on',
    ...runtime,
  };
}

export class ConfigError extends Error {}

/**
 * Parses `env` with `schema` (default: the Node settings); empty strings count as unset; keys the schema does not
 * know are ignored. Throws ConfigError with one line naming each bad setting.
 */
export function loadConfig(env: object): Config;
export function loadConfig<S extends z.ZodObject>(env: object, schema: S): z.infer<S>;
export function loadConfig(env: object, schema: z.ZodObject = ConfigSchema): unknown {
  const keys = Object.keys(schema.shape);
  const given = (key: string): unknown => Reflect.get(env, key);
  const cleaned = Object.fromEntries(keys.map((k) => [k, given(k)]).filter(([, v]) => typeof v === 'string' && v !== ''));
  const r = schema.safeParse(cleaned);
  if (r.success) return r.data;
  const parts = r.error.issues.map((i) => {
    const key = String(i.path[0]);
    const value = String(given(key) ?? '');
    const shown = SECRETS.has(key) ? ` (${value.length} characters)` : `=${JSON.stringify(value)}`;
    return `${key}${shown} ${i.message}`;
  });
  throw new ConfigError(`Invalid configuration: ${parts.join('; ')}`);
}
