// createApp(deps): the one Hono app both runtimes serve: middleware, routes, errors, OpenAPI and docs.
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './env.js';
import { jsonOnly } from './middleware/json-only.js';
import { requestLog } from './middleware/request-log.js';
import { ProblemError, sendProblem, zodFieldErrors, PROBLEMS, type ProblemKind } from './problem.js';
import { registerHealth } from './routes/health.js';
import { registerEvidenceSets } from './routes/v1/evidence-sets.js';
import { registerRecommendations } from './routes/v1/recommendations.js';
import { registerReference } from './routes/v1/reference.js';
import { registerDocs } from './docs.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
};

/** Builds the app; entry files supply database, content, logger, config and clock. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return sendProblem(c, 'validation', 'Some fields are missing or not valid; see `errors`.', zodFieldErrors(result.error.issues));
      }
      return undefined;
    },
  });

  app.use('*', requestLog(deps.logger));
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, crossOriginEmbedderPolicy: false }));
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => sendProblem(c, 'payload-too-large', `The body is over ${MAX_BODY_BYTES} bytes (1 MB).`),
    }),
  );
  app.use('/v1/*', jsonOnly());
  app.use('*', async (c, next) => {
    c.set('database', deps.database(c.env));
    c.set('content', deps.content());
    c.set('config', typeof deps.config === 'function' ? deps.config(c.env) : deps.config);
    await next();
  });

  registerHealth(app);
  registerReference(app);
  registerEvidenceSets(app);
  registerRecommendations(app);
  registerDocs(app);

  app.onError((err, c) => {
    if (err instanceof ProblemError) return sendProblem(c, err.kind, err.message, err.errors, err.headers as Record<string, string>);
    if (err instanceof HTTPException) {
      if (err.status === 400 && /json/i.test(err.message)) {
        return sendProblem(c, 'malformed-json', 'The body is not valid JSON.');
      }
      const kind = (Object.keys(PROBLEMS) as ProblemKind[]).find((k) => PROBLEMS[k].status === err.status) ?? 'bad-request';
      return sendProblem(c, kind, err.message || PROBLEMS[kind].title);
    }
    deps.logger.error({ msg: 'unhandled error', requestId: c.get('requestId'), path: c.req.path, error: String(err), stack: err instanceof Error ? err.stack : undefined });
    return sendProblem(c, 'internal', 'Something went wrong on our side. Quote the request id if you contact us.');
  });

  app.notFound((c) => {
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length && !allowed.includes(c.req.method)) {
      return sendProblem(c, 'method-not-allowed', `${c.req.method} is not supported here; use ${allowed.join(', ')}.`, undefined, {
        Allow: allowed.join(', '),
      });
    }
    return sendProblem(c, 'not-found', `Nothing is at ${c.req.path}.`);
  });

  return app;
}

const patternCache = new WeakMap<object, { re: RegExp; method: string }[]>();

/** Methods registered for a concrete path, for 405 answers and the Allow header. */
function allowedMethods(app: OpenAPIHono<AppEnv>, path: string): string[] {
  let patterns = patternCache.get(app);
  if (!patterns) {
    patterns = app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({
        method: r.method,
        re: new RegExp('^' + r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+').replace(/\*/g, '.*') + '/?$'),
      }));
    patternCache.set(app, patterns);
  }
  const methods = new Set(patterns.filter((p) => p.re.test(path)).map((p) => p.method));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
