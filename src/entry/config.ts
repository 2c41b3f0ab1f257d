// Node configuration from the environment, validated by zod; a bad value stops start-up with one clear line.
import { z } from 'zod';
import { LOG_LEVELS } from '../http/logger.js';

export const ConfigSchema = z.object({
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
  DATABASE_PATH: z.string().min(1, 'must not be empty').default('var/send-pathways.sqlite'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  CONTENT_DIR: z.string().min(1).optional(),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  RATE_LIMITS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
  // Integrations (webhooks, email, single sign-on, LTI): see README "Working with a school's systems".
  ALLOW_PRIVATE_URLS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('off'),
  DELIVERY_INTERVAL_MS: z.coerce.number({ message: 'must be a whole number' }).int().min(200).max(600_000).default(5000),
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be smtp://user:password@host:port or smtps://…').optional(),
  MAIL_FROM: z.string().min(3).max(200).optional(),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL, e.g. https://training.school.example' }).optional(),
}).refine((c) => !c.SMTP_URL || c.MAIL_FROM, { path: ['MAIL_FROM'], message: 'must be set when SMTP_URL is, e.g. "SEND training <training@school.example>"' });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses `env`; empty strings count as unset. Throws ConfigError with a one-line message naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = ConfigSchema.safeParse(cleaned);
  if (r.success) return r.data;
  const parts = r.error.issues.map((i) => {
    const key = String(i.path[0]);
    return `${key}=${JSON.stringify(env[key] ?? '')} ${i.message}`;
  });
  throw new ConfigError(`Invalid configuration: ${parts.join('; ')}`);
}
