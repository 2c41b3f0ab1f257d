// Error pages for browsers outside the web routes: an unknown address, a wrong method, a body over the limit or an
// unexpected failure answers a person with an HTML page (heading, plain words, a way back) and an API client with
// problem+json. Decided by path (the API and machine endpoints never get HTML) and by the Accept header.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { NotFoundPage, ProblemPage } from '../../../web/pages/message.js';
import type { AppEnv } from '../../env.js';
import { respond } from './render.js';

const MACHINE_PATHS = ['/v1/', '/openapi.json', '/healthz', '/readyz', '/assets/'];
// API paths a person's browser is sent to (single sign-on and LTI launches): their errors are pages too.
const BROWSER_FLOWS = ['/v1/sso/start', '/v1/sso/callback', '/v1/lti/login', '/v1/lti/launch'];

/** True when the caller is a browser asking for a page: not an API path, and Accept names text/html before JSON. */
export function wantsHtml(c: Context): boolean {
  const path = c.req.path;
  if (!BROWSER_FLOWS.includes(path) && MACHINE_PATHS.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p))) return false;
  const accept = (c.req.header('accept') ?? '').toLowerCase();
  const html = accept.indexOf('text/html');
  if (html < 0) return false;
  const json = accept.search(/application\/(problem\+)?json/);
  return json < 0 || html < json;
}

/** The HTML answer for a problem a browser reached; `headers` (e.g. Allow) are kept. */
export async function browserProblemPage(c: Context<AppEnv>, status: number, detail: string, headers: Record<string, string> = {}): Promise<Response> {
  let res: Response;
  if (status === 404) res = await respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);
  else if (status >= 500) {
    const requestId = c.get('requestId');
    res = await respond(
      c,
      { title: 'Sorry, there is a problem with the service', status: status as ContentfulStatusCode },
      <ProblemPage heading="Sorry, there is a problem with the service" detail="Try again later. Nothing you entered has been lost from the page before this one." requestId={requestId} />,
    );
  } else {
    res = await respond(c, { title: 'There is a problem', status: status as ContentfulStatusCode }, <ProblemPage heading="There is a problem" detail={detail} />);
  }
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}
