// Reads and writes the anonymous journey (answers so far) as an HMAC-signed session cookie.
import type { Context } from 'hono';
import { decodeJourney, EMPTY_JOURNEY, encodeJourney, type JourneyState } from '../../../web/journey/state.js';
import { clearWebCookie, getWebCookie, JOURNEY_COOKIE, setWebCookie } from './cookies.js';
import { webSecret } from './secret.js';
import { sign, verify } from '../../auth/signing.js';

const PURPOSE = 'journey-v1';

/** The journey in the request's cookie; empty when absent, tampered with or malformed. */
export async function readJourney(c: Context): Promise<JourneyState> {
  const payload = await verify(webSecret(c), PURPOSE, getWebCookie(c, JOURNEY_COOKIE));
  return payload ? decodeJourney(payload) : EMPTY_JOURNEY;
}

/** Stores the journey in a signed cookie that ends when the browser closes. */
export async function writeJourney(c: Context, state: JourneyState): Promise<void> {
  setWebCookie(c, JOURNEY_COOKIE, await sign(webSecret(c), PURPOSE, encodeJourney(state)));
}

export function clearJourney(c: Context): void {
  clearWebCookie(c, JOURNEY_COOKIE);
}
