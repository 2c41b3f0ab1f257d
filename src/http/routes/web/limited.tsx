// The page a person sees when the sign-in or invite form is refused for too many attempts (429, Retry-After).
import type { Context } from 'hono';
import { MessagePage } from '../../../web/pages/message.js';
import { respond } from './render.js';

/** Answers a rate-limited web form with a plain-English page instead of problem+json. */
export async function tooManyAttempts(c: Context, _detail: string, retryAfterSeconds: number): Promise<Response> {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const res = await respond(
    c,
    { title: 'Too many attempts', section: 'sign-in', status: 429 },
    <MessagePage heading="Too many attempts">
      <p>
        There have been too many attempts to sign in from your connection. To keep accounts safe, please wait {minutes}{' '}
        {minutes === 1 ? 'minute' : 'minutes'} and try again.
      </p>
      <p>
        If you have forgotten your password, ask the leader who invited you for a new invite link.
      </p>
    </MessagePage>,
  );
  res.headers.set('Retry-After', String(retryAfterSeconds));
  return res;
}
