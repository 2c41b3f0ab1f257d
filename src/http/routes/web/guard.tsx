// Page guards and error pages for the web: sign-in redirects, a 403 page for the wrong role, and HTML in place of
// problem+json when a page's handler fails (404, 422, 503 or an unexpected error).
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { NotAllowedPage, NotFoundPage, ProblemPage } from '../../../web/pages/message.js';
import { ProblemError } from '../../problem.js';
import type { AppEnv } from '../../env.js';
import { respond } from './render.js';
import type { UserPrincipal } from '../../auth/principal.js';
import { currentUser } from './web-user.js';

/** A same-site path to return to after signing in; anything else becomes undefined. */
export function safeNext(v: unknown): string | undefined {
  return typeof v === 'string' && /^\/(?![/\\])[^\s]*$/.test(v) && v.length < 300 ? v : undefined;
}

/** Sends anonymous visitors to sign in (coming back here after) and other roles to a 403 page. */
export function requireWebUser(roles: readonly UserPrincipal['role'][]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = currentUser(c);
    if (!user) {
      const back = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : c.req.path;
      return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303);
    }
    if (!roles.includes(user.role)) return respond(c, { title: 'You cannot see this page', status: 403 }, <NotAllowedPage />);
    await next();
  };
}

/** The signed-in user; only call behind requireWebUser. */
export function userOf(c: Context<AppEnv>): UserPrincipal {
  const u = currentUser(c);
  if (!u) throw new ProblemError('unauthorized', 'Sign in to continue.');
  return u;
}

/** After a web handler: turns a problem (or a crash, or no matching route) answered as JSON into an HTML page. */
export async function htmlErrors(c: Context<AppEnv>): Promise<void> {
  const err = c.error;
  if (!err) {
    // A web path no route matched (app.notFound answers problem+json): show the HTML page instead.
    if (c.res.status === 404 && (c.res.headers.get('content-type') ?? '').includes('problem+json')) {
      c.res = await respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);
    }
    return;
  }
  const requestId = c.get('requestId');
  if (err instanceof ProblemError) {
    const status = c.res.status as ContentfulStatusCode;
    if (err.kind === 'not-found') c.res = await respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);
    else if (err.kind === 'forbidden') c.res = await respond(c, { title: 'You cannot see this page', status: 403 }, <NotAllowedPage />);
    else if (err.kind === 'unavailable') c.res = await respond(c, { title: 'Sorry, the service is unavailable', status: 503 }, <ProblemPage heading="Sorry, the service is unavailable" detail={err.message} />);
    else c.res = await respond(c, { title: 'There is a problem', status }, <ProblemPage heading="There is a problem" detail={err.message} requestId={requestId} />);
    return;
  }
  c.res = await respond(
    c,
    { title: 'Sorry, there is a problem with the service', status: 500 },
    <ProblemPage heading="Sorry, there is a problem with the service" detail="Try again later. Nothing you entered has been lost from the page before this one." requestId={requestId} />,
  );
}
