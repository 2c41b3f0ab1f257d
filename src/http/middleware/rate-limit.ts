// Rate limits per API key and per client address behind a small RateLimiter interface; 429 problem + Retry-After.
// The memory limiter counts per process on Node and per isolate on Workers (abuse protection, not billing).
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { sendProblem } from '../problem.js';

export interface RateRule {
  /** Requests allowed per window. */
  readonly limit: number;
  readonly windowSeconds: number;
}

/** Each rule is enforced only when present. */
export interface RateLimits {
  /** Anonymous POST /v1/recommendations, per client address. */
  readonly anonymousRecommendations?: RateRule | undefined;
  /** Every /v1 request not made with an API key, per client address. */
  readonly perAddress?: RateRule | undefined;
  /** Every request made with an API key, per key. */
  readonly perKey?: RateRule | undefined;
  /** Sign-in and invite acceptance, per client address (slows password guessing). */
  readonly signIn?: RateRule | undefined;
}

/** Production defaults the entry files use unless rate limits are switched off. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  anonymousRecommendations: { limit: 30, windowSeconds: 60 },
  perAddress: { limit: 600, windowSeconds: 60 },
  perKey: { limit: 6000, windowSeconds: 60 },
  signIn: { limit: 10, windowSeconds: 300 },
};

export interface RateDecision {
  readonly ok: boolean;
  readonly remaining: number;
  /** Seconds until the window resets (≥ 1). */
  readonly resetSeconds: number;
}

export interface RateLimiter {
  /** Counts one request for `key` under `rule` at `nowMs`. */
  hit(key: string, rule: RateRule, nowMs: number): RateDecision | Promise<RateDecision>;
}

/** Fixed-window counters in a Map; expired windows are swept when the map grows. */
export class MemoryRateLimiter implements RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly maxKeys = 50_000) {}

  hit(key: string, rule: RateRule, nowMs: number): RateDecision {
    let w = this.#windows.get(key);
    if (!w || w.resetAt <= nowMs) {
      if (!w && this.#windows.size >= this.maxKeys) this.#sweep(nowMs);
      w = { count: 0, resetAt: nowMs + rule.windowSeconds * 1000 };
      this.#windows.set(key, w);
    }
    w.count++;
    return { ok: w.count <= rule.limit, remaining: Math.max(0, rule.limit - w.count), resetSeconds: Math.max(1, Math.ceil((w.resetAt - nowMs) / 1000)) };
  }

  #sweep(nowMs: number): void {
    for (const [k, w] of this.#windows) if (w.resetAt <= nowMs) this.#windows.delete(k);
    // Still full of live windows: drop the oldest entries rather than grow without bound.
    for (const k of this.#windows.keys()) {
      if (this.#windows.size < this.maxKeys) break;
      this.#windows.delete(k);
    }
  }
}

/** The caller's address: the deps' resolver, else Cloudflare's CF-Connecting-IP, else "unknown". */
export function clientAddressOf(c: Context, resolve?: (c: Context) => string | undefined): string {
  return resolve?.(c) ?? c.req.header('cf-connecting-ip') ?? 'unknown';
}

/** API and web paths that take a password: limited per address on top of the general rule. */
const SIGN_IN_PATHS = new Set(['/v1/auth/sign-in', '/v1/auth/invites/accept', '/v1/auth/password-reset', '/sign-in', '/sign-in/forgot', '/invite']);

/** How a refusal is answered: problem+json for the API, a page for the web forms. */
export type LimitedResponder = (c: Context, detail: string, retryAfterSeconds: number) => Response | Promise<Response>;

const problemResponder: LimitedResponder = (c, detail, retryAfter) =>
  sendProblem(c, 'rate-limited', detail, undefined, { 'Retry-After': String(retryAfter) });

/** Applies the configured rules; runs after authentication so keys are limited by key, not address. */
export function rateLimit(
  limiter: RateLimiter,
  resolveAddress?: (c: Context) => string | undefined,
  respond: LimitedResponder = problemResponder,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limits = c.get('config').rateLimits;
    if (!limits) return next();
    const principal = c.get('principal');
    const now = c.get('clock')().getTime();
    const checks: [string, RateRule | undefined, string][] = [];
    if (principal?.kind === 'key') {
      checks.push([`key:${principal.keyId}`, limits.perKey, 'this API key']);
    } else {
      const addr = clientAddressOf(c, resolveAddress);
      checks.push([`addr:${addr}`, limits.perAddress, 'your address']);
      if (c.req.method === 'POST' && SIGN_IN_PATHS.has(c.req.path)) checks.push([`signin:${addr}`, limits.signIn, 'signing in from your address']);
      if (!principal && c.req.method === 'POST' && c.req.path === '/v1/recommendations') {
        checks.push([`anon-rec:${addr}`, limits.anonymousRecommendations, 'anonymous recommendations; use an API key for more']);
      }
    }
    for (const [key, rule, who] of checks) {
      if (!rule) continue;
      const d = await limiter.hit(key, rule, now);
      if (!d.ok) {
        return respond(c, `Too many requests for ${who}: at most ${rule.limit} per ${rule.windowSeconds} s. Try again in ${d.resetSeconds} s.`, d.resetSeconds);
      }
    }
    return next();
  };
}
