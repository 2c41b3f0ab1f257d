// CSRF protection for HTML forms: a signed double-submit token bound to a random __Host-csrf cookie.
// Every page gets c.get('csrfToken') to put in a hidden `_csrf` field; unsafe methods without a matching token, or sent
// from another site (Origin or Sec-Fetch-Site, as the API checks), are refused.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { timingSafeEqual } from '../../repos/crypto.js';
import { hmac, randomId } from '../auth/signing.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The CSRF token for forms on this response (present on requests that passed csrf()). */
    csrfToken: string;
  }
}

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const COOKIE = 'csrf';
const PURPOSE = 'csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  /** The signing key for this request (at least 16 characters). */
  readonly secret: (c: Context) => string;
  /** The response when a token is missing or wrong (a 403 page). */
  readonly onReject: (c: Context, reason: 'missing' | 'mismatch' | 'cross-site') => Response | Promise<Response>;
}

/** The token that matches a cookie id: HMAC(secret, "csrf:" + id), base64url. */
export function csrfTokenFor(secret: string, cookieId: string): Promise<string> {
  return hmac(secret, PURPOSE, cookieId);
}

async function submittedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined;
  try {
    const body = await c.req.parseBody();
    const v = body[CSRF_FIELD];
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * False when the browser says the form was posted from another site: Sec-Fetch-Site other than same-origin or none,
 * or an Origin whose host is not this request's host (hosts compared, so a TLS-terminating proxy still passes).
 * `Origin: null` decides nothing: browsers send it for this site's own forms because the pages set
 * Referrer-Policy: no-referrer, so Sec-Fetch-Site (checked first) is what tells those posts apart.
 */
export function fromThisSite(c: Context): boolean {
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false;
  }
}

/** Middleware: issues the cookie when absent, exposes csrfToken, and checks the token on POST/PUT/PATCH/DELETE. */
export function csrf(options: CsrfOptions): MiddlewareHandler {
  return async (c, next) => {
    const secret = options.secret(c);
    let id = getCookie(c, COOKIE, 'host');
    const valid = id !== undefined && /^[A-Za-z0-9_-]{22,64}$/.test(id);
    if (!valid) {
      id = randomId();
      setCookie(c, COOKIE, id, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', prefix: 'host' });
    }
    const token = await csrfTokenFor(secret, id!);
    c.set('csrfToken', token);
    if (!SAFE.has(c.req.method)) {
      if (!fromThisSite(c)) return options.onReject(c, 'cross-site');
      const sent = await submittedToken(c);
      if (!sent) return options.onReject(c, 'missing');
      if (!valid || !timingSafeEqual(sent, token)) return options.onReject(c, 'mismatch');
    }
    await next();
  };
}
