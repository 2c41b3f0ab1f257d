// Rejects API writes whose body is not JSON with a 415, before validation could silently skip the body.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { sendProblem } from '../problem.js';

const WRITE = new Set(['POST', 'PUT', 'PATCH']);

/** `allow` lists extra media types accepted on particular paths (e.g. text/csv for imports). */
export function jsonOnly(allow: (path: string) => readonly string[] = () => []): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!WRITE.has(c.req.method)) return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const hasBody = c.req.header('content-length') !== '0' && (c.req.header('content-length') || c.req.header('transfer-encoding'));
    if (!type && !hasBody) return next();
    if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return next();
    if (allow(c.req.path).includes(type)) return next();
    return sendProblem(c, 'unsupported-media-type', `Send the body as application/json (got ${type || 'no Content-Type'}).`);
  };
}
