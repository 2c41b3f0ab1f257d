// The key that signs web cookies and CSRF tokens: the configured session secret, else one random key per process.
import type { Context } from 'hono';
import { randomId } from './signing.js';

/** Used when no secret is configured: fine for one Node process; Workers and restarts need SESSION_SECRET set.
 * Made on first use, because Workers forbid random values in global scope. */
let processSecret: string | undefined;

/** The secret for signing web cookies (at least 16 characters when configured). */
export function webSecret(c: Context): string {
  const config = (c.get('config') ?? {}) as Record<string, unknown>;
  for (const name of ['sessionSecret', 'cookieSecret']) {
    const v = config[name];
    if (typeof v === 'string' && v.length >= 16) return v;
  }
  processSecret ??= randomId(32);
  return processSecret;
}
