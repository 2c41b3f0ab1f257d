// Idempotency-Key on authenticated POSTs: the first request's response is stored and replayed on retries, so a
// retry never double-counts; the same key with a different body is a 422, one still running a 409. A response that
// carries a one-time secret (Cache-Control: no-store: an invite, reset link or API key) is not kept: a retry is told
// the request already succeeded, so the secret exists nowhere but in its hash.
import type { MiddlewareHandler } from 'hono';
import { sha256Hex } from '../../repos/crypto.js';
import { claimIdempotency, completeIdempotency, findIdempotency, purgeIdempotency, releaseIdempotency } from '../../repos/idempotency.js';
import { principalScope } from '../auth/principal.js';
import type { AppEnv } from '../env.js';
import { sendProblem } from '../problem.js';

const KEY = /^[\x21-\x7e]{1,255}$/;
/** The content type recorded for a finished request whose body held a one-time secret and was not kept. */
const NOT_KEPT = 'x-not-kept';
/** One request in this many also sweeps expired records. */
const PURGE_EVERY = 200;

export function idempotency(): MiddlewareHandler<AppEnv> {
  let count = 0;
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    const principal = c.get('principal');
    if (c.req.method !== 'POST' || key === undefined || !principal) return next();
    if (!KEY.test(key)) return sendProblem(c, 'bad-request', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
    const db = c.get('database').db;
    const now = c.get('clock')();
    const scope = principalScope(principal);
    const url = new URL(c.req.url);
    const hash = await sha256Hex(`${c.req.method} ${url.pathname}${url.search}\n${c.req.header('content-type') ?? ''}\n${await c.req.text()}`);

    const seen = await findIdempotency(db, scope, key, now.toISOString());
    if (seen && seen.status !== null) {
      if (seen.request_hash !== hash) {
        return sendProblem(c, 'validation', 'This Idempotency-Key was already used for a different request; use a new key for a new request.', [
          { path: 'Idempotency-Key', message: 'Reused with a different method, path or body.' },
        ]);
      }
      if (seen.content_type === NOT_KEPT) {
        return sendProblem(c, 'conflict', 'This request already succeeded. Its answer held a one-time secret, which is shown once and not kept; make a new request with a new Idempotency-Key if you need another.');
      }
      const body = seen.status === 204 ? null : seen.body;
      return new Response(body, { status: seen.status, headers: { 'content-type': seen.content_type ?? 'application/json', 'Idempotent-Replayed': 'true' } });
    }
    // No finished record: claim the key (a stale unfinished claim is taken over); a live claim means a twin is running.
    if (!(await claimIdempotency(db, scope, key, hash, now))) {
      return sendProblem(c, 'conflict', 'A request with this Idempotency-Key is still being processed; retry shortly.', undefined, { 'Retry-After': '1' });
    }
    if (++count % PURGE_EVERY === 0) await purgeIdempotency(db, now.toISOString());
    try {
      await next();
    } catch (e) {
      await releaseIdempotency(db, scope, key);
      throw e;
    }
    if (c.res.status >= 500) {
      await releaseIdempotency(db, scope, key);
      return;
    }
    if (/no-store/i.test(c.res.headers.get('cache-control') ?? '')) {
      await completeIdempotency(db, scope, key, { status: c.res.status, contentType: NOT_KEPT, body: '' });
      return;
    }
    await completeIdempotency(db, scope, key, { status: c.res.status, contentType: c.res.headers.get('content-type'), body: await c.res.clone().text() });
  };
}
