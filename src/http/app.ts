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
import { registerModuleEffects } from './routes/v1/module-effects.js';
import { registerLearningReport } from './routes/v1/learning-report.js';
import { registerRecommendations } from './routes/v1/recommendations.js';
import { registerRecommendationReplay } from './routes/v1/recommendation-replay.js';
import { registerRecommendationSources } from './routes/v1/recommendation-sources.js';
import { registerRecompute } from './routes/v1/recommendations-recompute.js';
import { registerReference } from './routes/v1/reference.js';
import { registerDocs } from './docs.js';
import { registerWeb } from './routes/web/index.js';
import { tooManyAttempts } from './routes/web/limited.js';
import { browserProblemPage, wantsHtml } from './routes/web/browser-errors.js';
import { drainBody } from './middleware/body-drain.js';
import { authenticate } from './middleware/auth.js';
import { idempotency } from './middleware/idempotency.js';
import { MemoryRateLimiter, rateLimit } from './middleware/rate-limit.js';
import { registerAuth } from './routes/v1/auth.js';
import { registerOrgs } from './routes/v1/orgs.js';
import { registerKeys } from './routes/v1/keys.js';
import { registerStaff } from './routes/v1/staff.js';
import { registerMe } from './routes/v1/me.js';
import { registerAdmin } from './routes/v1/admin.js';
import { registerAssessments } from './routes/v1/assessments.js';
import { registerAssignments } from './routes/v1/assignments.js';
import { registerProgress } from './routes/v1/progress.js';
import { registerXapi } from './routes/v1/xapi.js';
import { registerXapiForwarding } from './routes/v1/xapi-forwarding.js';
import { xapiVersion } from './middleware/xapi-version.js';
import { registerWebhooks } from './routes/v1/webhooks.js';
import { registerSso } from './routes/v1/sso.js';
import { registerLti } from './routes/v1/lti.js';
import { registerCoverage } from './routes/v1/coverage.js';
import { registerOrgModules } from './routes/v1/org-modules.js';
import { registerOrgSessions } from './routes/v1/org-sessions.js';
import { registerOrgClosures } from './routes/v1/org-closures.js';
import { registerSessionPlans } from './routes/v1/session-plans.js';
import { CSP } from './csp.js';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Staff CSV imports (20,000 rows of name, email, role, phase and groups fit well within it). */
export const MAX_IMPORT_BODY_BYTES = 8 * 1024 * 1024;
const isImportPath = (path: string) => /^\/v1\/orgs\/[^/]+\/staff\/import$/.test(path) || /^\/dashboard\/[^/]+\/import$/.test(path);

export { CSP };

/** Refuses a body over `maxSize` with 413: a page (saying `page`) to browsers, problem+json to the API. */
function sizeLimit(maxSize: number, size: string, page: string) {
  return bodyLimit({
    maxSize,
    onError: async (c) => {
      await drainBody(c.req.raw);
      return wantsHtml(c) ? browserProblemPage(c, 413, page) : sendProblem(c, 'payload-too-large', `The body is over ${maxSize} bytes (${size}).`);
    },
  });
}

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
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, crossOriginEmbedderPolicy: false, overwrite: false }));
  const generalLimit = sizeLimit(MAX_BODY_BYTES, '1 MB', 'The file or form is too large (over 1 MB). Split it into smaller parts and try again.');
  // Staff CSV imports (up to 20,000 rows) may be larger than other bodies.
  const importLimit = sizeLimit(MAX_IMPORT_BODY_BYTES, '8 MB', 'The file is over 8 MB. Split it into smaller files and import each.');
  app.use('*', (c, next) => (isImportPath(c.req.path) ? importLimit(c, next) : generalLimit(c, next)));
  app.use('/v1/xapi/*', xapiVersion());
  app.use('/v1/*', jsonOnly((path) => (path.endsWith('/staff/import') ? ['text/csv'] : path.startsWith('/v1/lti/l') ? ['application/x-www-form-urlencoded'] : [])));
  app.use('*', async (c, next) => {
    c.set('database', deps.database(c.env));
    c.set('content', deps.content());
    c.set('config', typeof deps.config === 'function' ? deps.config(c.env) : deps.config);
    c.set('clock', deps.now);
    await next();
  });
  app.use('*', authenticate());
  const limiter = deps.rateLimiter ?? new MemoryRateLimiter();
  app.use('/v1/*', rateLimit(limiter, deps.clientAddress));
  // Password forms on the web pages share the limiter and answer with a page rather than problem+json.
  const webSignIn = rateLimit(limiter, deps.clientAddress, tooManyAttempts);
  for (const path of ['/sign-in', '/sign-in/forgot', '/invite']) app.use(path, (c, next) => (c.req.method === 'POST' ? webSignIn(c, next) : next()));
  app.use('/v1/*', idempotency());

  registerHealth(app);
  registerReference(app);
  registerEvidenceSets(app);
  registerModuleEffects(app);
  registerLearningReport(app);
  registerRecommendations(app);
  registerRecommendationReplay(app);
  registerRecommendationSources(app);
  registerRecompute(app, deps.logger);
  registerAuth(app);
  registerMe(app);
  registerAdmin(app);
  registerOrgs(app);
  registerKeys(app);
  registerStaff(app);
  registerAssessments(app);
  registerAssignments(app);
  registerProgress(app);
  registerXapi(app);
  registerXapiForwarding(app);
  registerWebhooks(app);
  registerSso(app);
  registerLti(app);
  registerCoverage(app);
  registerOrgModules(app);
  registerOrgSessions(app);
  registerOrgClosures(app);
  registerSessionPlans(app);
  registerDocs(app);
  registerWeb(app, deps.logger);

  app.onError((err, c) => {
    if (err instanceof ProblemError) {
      const status = PROBLEMS[err.kind].status;
      if (wantsHtml(c)) return browserProblemPage(c, status, err.message, (err.headers ?? {}) as Record<string, string>);
      return sendProblem(c, err.kind, err.message, err.errors, err.headers as Record<string, string>);
    }
    if (err instanceof HTTPException) {
      if (err.status === 400 && /json/i.test(err.message)) {
        return sendProblem(c, 'malformed-json', 'The body is not valid JSON.');
      }
      const kind = (Object.keys(PROBLEMS) as ProblemKind[]).find((k) => PROBLEMS[k].status === err.status) ?? 'bad-request';
      return sendProblem(c, kind, err.message || PROBLEMS[kind].title);
    }
    deps.logger.error({ msg: 'unhandled error', requestId: c.get('requestId'), path: c.req.path, error: String(err), stack: err instanceof Error ? err.stack : undefined });
    if (wantsHtml(c)) return browserProblemPage(c, 500, '');
    return sendProblem(c, 'internal', 'Something went wrong on our side. Quote the request id if you contact us.');
  });

  app.notFound(async (c) => {
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length && !allowed.includes(c.req.method)) {
      if (wantsHtml(c)) return browserProblemPage(c, 405, 'This page cannot be used that way. Go back and try again.', { Allow: allowed.join(', ') });
      return sendProblem(c, 'method-not-allowed', `${c.req.method} is not supported here; use ${allowed.join(', ')}.`, undefined, {
        Allow: allowed.join(', '),
      });
    }
    if (wantsHtml(c)) return browserProblemPage(c, 404, '');
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
