// The authorization matrix for the HTML pages that need a role or a tenancy: every page × every caller of the API
// matrix → what the browser gets. People without the role see a 403 page, leaders of another setting a 404 page, and
// anyone who is not a signed-in person (no credentials, the admin token, API keys) is sent to sign in. Forms are
// posted with a valid CSRF token, so the answer is the page's own rule, not the CSRF check.
import { describe, expect, it } from 'vitest';
import { CALLERS, type Caller, type World } from './accounts-world.js';

/** `sign-in` stands for a 303 redirect to /sign-in?next=…; other answers are statuses. */
type Outcome = number | 'sign-in';
type Expect = Record<Caller, Outcome>;

export interface WebAuthzCase {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: (w: World) => string;
  /** Form fields (the CSRF token is added). */
  readonly form?: Record<string, string>;
  readonly expect: Expect;
}

const NOT_PEOPLE = { none: 'sign-in', admin: 'sign-in', key: 'sign-in', keyNoScope: 'sign-in', keyOther: 'sign-in' } as const;
/** Expected outcomes: `rest` for every signed-in person not named; callers who are not people are sent to sign in. */
const x = (rest: Outcome, named: Partial<Expect>): Expect => Object.fromEntries(CALLERS.map((c) => [c, named[c] ?? (c in NOT_PEOPLE ? 'sign-in' : rest)])) as Expect;

/** Pages of setting A1: its leader, trust A's leader and admin accounts; trust B's leaders see no such page. */
const leadersOfA1 = (ok: Outcome, more: Partial<Expect> = {}) => x(403, { leader: ok, trustLeader: ok, adminUser: ok, leaderOther: 404, trustLeaderOther: 404, ...more });
/** Pages for panel experts and admin accounts. */
const panel = (ok: Outcome) => x(403, { panel: ok, adminUser: ok });
/** Pages for people with a pathway: staff (and leaders, who may also be members of staff). */
const learners = (ok: Outcome, more: Partial<Expect> = {}) => x(403, { staff: ok, staffOther: ok, ...more });

const module = 'communication-friendly-practice';
const A1 = (w: World) => `/dashboard/${w.settingA1}`;

export const WEB_AUTHZ_MATRIX: readonly WebAuthzCase[] = [
  // The signed-in person's own pages.
  { name: 'GET /account', method: 'GET', path: () => '/account', expect: x(200, {}) },
  { name: 'GET /sign-in/home', method: 'GET', path: () => '/sign-in/home', expect: x(303, {}) },
  { name: 'GET /progress', method: 'GET', path: () => '/progress', expect: learners(200, { leader: 200, leaderOther: 200, trustLeader: 200, trustLeaderOther: 200 }) },
  // The leaders here have no staff record, so they have no pathway step to check in on.
  { name: 'GET /pathway/steps/{module}/check-in', method: 'GET', path: () => `/pathway/steps/${module}/check-in`, expect: learners(200, { leader: 404, leaderOther: 404, trustLeader: 404, trustLeaderOther: 404 }) },

  // The leaders' dashboard: the list, then the pages of one setting.
  // A leader with one setting goes straight to it (trust B has one setting); trust A's leader and admins get the list.
  { name: 'GET /dashboard', method: 'GET', path: () => '/dashboard', expect: x(403, { leader: 303, leaderOther: 303, trustLeader: 200, trustLeaderOther: 303, adminUser: 200 }) },
  { name: 'GET /dashboard/{A1}', method: 'GET', path: A1, expect: leadersOfA1(200) },
  { name: 'GET /dashboard/{A2} (sibling of A1)', method: 'GET', path: (w) => `/dashboard/${w.settingA2}`, expect: leadersOfA1(200, { leader: 404 }) },
  { name: 'GET /dashboard/{trust A} (not a setting)', method: 'GET', path: (w) => `/dashboard/${w.trustA}`, expect: leadersOfA1(404) },
  { name: 'GET /dashboard/{A1}/staff.csv', method: 'GET', path: (w) => `${A1(w)}/staff.csv`, expect: leadersOfA1(200) },
  { name: 'GET /dashboard/{A1}/assign', method: 'GET', path: (w) => `${A1(w)}/assign`, expect: leadersOfA1(200) },
  { name: 'POST /dashboard/{A1}/assign (empty form)', method: 'POST', path: (w) => `${A1(w)}/assign`, form: {}, expect: leadersOfA1(422) },
  { name: 'GET /dashboard/{A1}/import', method: 'GET', path: (w) => `${A1(w)}/import`, expect: leadersOfA1(200) },

  // Term dates, webhooks and the setting's own training.
  { name: 'GET /dashboard/{A1}/closures', method: 'GET', path: (w) => `${A1(w)}/closures`, expect: leadersOfA1(200) },
  { name: 'POST /dashboard/{A1}/closures (empty form)', method: 'POST', path: (w) => `${A1(w)}/closures`, form: {}, expect: leadersOfA1(422) },
  { name: 'GET /dashboard/{A1}/webhooks', method: 'GET', path: (w) => `${A1(w)}/webhooks`, expect: leadersOfA1(200) },
  { name: 'POST /dashboard/{A1}/webhooks (empty form)', method: 'POST', path: (w) => `${A1(w)}/webhooks`, form: {}, expect: leadersOfA1(422) },
  { name: 'GET /dashboard/{A1}/training', method: 'GET', path: (w) => `${A1(w)}/training`, expect: leadersOfA1(200) },
  { name: 'POST /dashboard/{A1}/training/modules (empty form)', method: 'POST', path: (w) => `${A1(w)}/training/modules`, form: {}, expect: leadersOfA1(422) },
  { name: 'GET /dashboard/{A1}/planner', method: 'GET', path: (w) => `${A1(w)}/planner`, expect: leadersOfA1(200) },

  // The evidence panel.
  { name: 'GET /panel', method: 'GET', path: () => '/panel', expect: panel(200) },
  { name: 'GET /panel/learning', method: 'GET', path: () => '/panel/learning', expect: panel(200) },
];

interface FormSession {
  readonly cookie: string;
  readonly token: string;
}

/** A CSRF cookie and its token for `caller`, from the sign-in page (which every caller may open). */
async function formSession(w: World, caller: Caller): Promise<FormSession> {
  const res = await w.f('/sign-in', { headers: w.headers[caller] });
  const html = await res.text();
  const csrf = res.headers.getSetCookie().find((c) => c.startsWith('__Host-csrf='));
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(csrf && token, 'the sign-in page sets a CSRF cookie and token').toBeTruthy();
  const own = w.headers[caller].cookie;
  return { cookie: [own, csrf!.split(';')[0]].filter(Boolean).join('; '), token: token! };
}

async function outcome(w: World, c: WebAuthzCase, caller: Caller, forms: Map<Caller, FormSession>): Promise<Outcome> {
  let init: RequestInit = { method: c.method, headers: { accept: 'text/html', ...w.headers[caller] }, redirect: 'manual' };
  if (c.form) {
    if (!forms.has(caller)) forms.set(caller, await formSession(w, caller));
    const { cookie, token } = forms.get(caller)!;
    const body = new URLSearchParams({ ...c.form, _csrf: token }).toString();
    init = { ...init, headers: { ...w.headers[caller], accept: 'text/html', cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' }, body };
  }
  const res = await w.f(c.path(w), init);
  await res.arrayBuffer();
  const location = res.headers.get('location') ?? '';
  if (res.status === 303 && location.startsWith('/sign-in?next=')) {
    expect(location).toBe(`/sign-in?next=${encodeURIComponent(c.path(w))}`);
    return 'sign-in';
  }
  // Refusals are pages, never problem+json.
  if (res.status === 403 || res.status === 404) expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.status;
}

/** Runs every page for every caller; `getWorld` is read lazily (the world is seeded in beforeAll). */
export function webAuthzMatrix(runtime: string, getWorld: () => World): void {
  describe(`web authorization matrix on ${runtime}`, () => {
    const forms = new Map<Caller, FormSession>();
    for (const c of WEB_AUTHZ_MATRIX) {
      it(c.name, async () => {
        const w = getWorld();
        const got: Partial<Expect> = {};
        for (const caller of CALLERS) got[caller] = await outcome(w, c, caller, forms);
        expect(got).toEqual(c.expect);
      });
    }
  });
}
