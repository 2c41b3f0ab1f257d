// The one place a request becomes the use cases' dependencies (src/services/deps.ts).
import type { Context } from 'hono';
import type { Deps } from '../services/deps.js';
import type { AppEnv } from './env.js';

/** The request's database, content, clock, configuration, caller and origin, as the services take them. */
export function serviceDeps(c: Context<AppEnv>): Deps {
  return {
    database: c.get('database'),
    content: c.get('content'),
    now: c.get('clock'),
    config: c.get('config'),
    principal: c.get('principal'),
    requestId: c.get('requestId'),
    // Few use cases read the origin; parse the URL only for those.
    get origin() {
      return new URL(c.req.url).origin;
    },
    background: (work) => {
      try {
        c.executionCtx.waitUntil(work);
      } catch {
        // Node: no execution context; the promise runs on in this process.
      }
    },
  };
}
