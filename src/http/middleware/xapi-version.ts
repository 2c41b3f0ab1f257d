// xAPI version negotiation (xAPI 1.0.3, Communication part 3.3): every response on /v1/xapi/* carries
// `X-Experience-API-Version: 1.0.3`; requests other than GET /about must send 1.0 or 1.0.x, or get a 400.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { sendProblem } from '../problem.js';

export const XAPI_VERSION = '1.0.3';
export const XAPI_VERSION_HEADER = 'X-Experience-API-Version';

/** True for `1.0` and `1.0.<patch>`. */
export function acceptedXapiVersion(v: string | undefined): boolean {
  return v !== undefined && /^1\.0(\.\d+)?$/.test(v.trim());
}

export function xapiVersion(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sent = c.req.header(XAPI_VERSION_HEADER);
    if (!c.req.path.endsWith('/about') && !acceptedXapiVersion(sent)) {
      const detail = sent === undefined ? `Send the ${XAPI_VERSION_HEADER} header (1.0.3).` : `${XAPI_VERSION_HEADER} "${sent}" is not supported; send 1.0.x (1.0.3).`;
      return sendProblem(c, 'bad-request', detail, [{ path: XAPI_VERSION_HEADER, message: 'Must be 1.0 or 1.0.x.' }], { [XAPI_VERSION_HEADER]: XAPI_VERSION });
    }
    await next();
    c.res.headers.set(XAPI_VERSION_HEADER, XAPI_VERSION);
  };
}
