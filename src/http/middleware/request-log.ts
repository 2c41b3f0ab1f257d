// Gives every request an id (echoed in X-Request-Id) and writes one JSON log line when it ends.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import type { Logger } from '../logger.js';

const VALID_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Accepts a caller's X-Request-Id when it is short and plain, else makes a new one. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    const given = c.req.header('x-request-id');
    const id = given && VALID_ID.test(given) ? given : crypto.randomUUID();
    c.set('requestId', id);
    await next();
    c.res.headers.set('X-Request-Id', id);
    const ms = Math.round((performance.now() - start) * 100) / 100;
    logger.info({ msg: 'request', method: c.req.method, path: c.req.path, status: c.res.status, ms, requestId: id });
  };
}
