// Cookie settings for the web pages: __Host- prefix, Secure, HttpOnly, SameSite=Lax, whole-site path.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const JOURNEY_COOKIE = 'journey';

/** Sets a __Host- cookie; without maxAgeSeconds it lasts until the browser closes. */
export function setWebCookie(c: Context, name: string, value: string, maxAgeSeconds?: number): void {
  setCookie(c, name, value, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    prefix: 'host',
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  });
}

export function getWebCookie(c: Context, name: string): string | undefined {
  return getCookie(c, name, 'host');
}

export function clearWebCookie(c: Context, name: string): void {
  deleteCookie(c, name, { path: '/', secure: true, prefix: 'host' });
}
