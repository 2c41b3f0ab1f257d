// The one authorization matrix: every accounts route × every caller (staff, leaders of a setting or a trust, own or
// other organisation, panel, admin token, admin account, API keys with and without the scope, another org's key,
// no credentials) → the expected status. Resources live in setting A1 of trust A; "other" callers are in trust B.
import { describe, expect, it } from 'vitest';
import { ALL_SCOPES, CALLERS, json, type Caller, type World } from './accounts-world.js';

type Expect = Record<Caller, number>;
type Prepared = Record<string, string>;

export interface AuthzCase {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: (w: World, t: Prepared) => string;
  readonly body?: (w: World, t: Prepared) => unknown;
  /** A text/csv body instead of JSON. */
  readonly csv?: (w: World) => string;
  /** Extra request headers (e.g. the xAPI version). */
  readonly headers?: Record<string, string>;
  /** Makes a fresh target per call, for routes that use it up (deletes, revocations). */
  readonly prepare?: (w: World) => Promise<Prepared>;
  /** Calls as a new caller of the same kind, for routes that end the caller (sign-out, delete account). */
  readonly freshCaller?: boolean;
  readonly expect: Expect;
}

/** Expected statuses: `rest` for every caller not named. */
const x = (rest: number, named: Partial<Expect>): Expect => Object.fromEntries(CALLERS.map((c) => [c, named[c] ?? rest])) as Expect;

/** A route for whoever manages setting A1: its leader, trust A's leader, admins, and A1's key if `scope` applies. */
const managers = (ok: number, keys: { key: number; keyNoScope: number; keyOther: number }, more: Partial<Expect> = {}): Expect =>
  x(403, { none: 401, leader: ok, trustLeader: ok, leaderOther: 404, trustLeaderOther: 404, admin: ok, adminUser: ok, ...keys, ...more });
/** Managers, and API keys never allowed. */
const peopleManagers = (ok: number, more: Partial<Expect> = {}) => managers(ok, { key: 403, keyNoScope: 403, keyOther: 403 }, more);
/** Managers, and keys with the scope (A1's full key yes, the narrow key 403, trust B's key 404). */
const scoped = (ok: number, more: Partial<Expect> = {}) => managers(ok, { key: ok, keyNoScope: 403, keyOther: 404 }, more);
/** Signed-in people with a staff record. */
const staffOnly = (ok: number) => x(403, { none: 401, staff: ok, staffOther: ok });
/** Any signed-in person. */
const signedIn = (ok: number) => x(403, { none: 401, staff: ok, staffOther: ok, leader: ok, leaderOther: ok, trustLeader: ok, trustLeaderOther: ok, panel: ok, adminUser: ok });

const module = 'communication-friendly-practice';
/** A one-day closure on a day no earlier call used (closures of a setting may not overlap). */
let closureDay = 0;
const nextClosure = () => {
  const day = new Date(Date.UTC(2031, 0, 1) + 86_400_000 * closureDay++).toISOString().slice(0, 10);
  return { label: `Training day ${closureDay}`, from: day, to: day };
};
const A1 = (w: World) => w.settingA1;

export const AUTHZ_MATRIX: readonly AuthzCase[] = [
  // Authentication: public, credentials ignored.
  { name: 'POST /v1/auth/sign-in', method: 'POST', path: () => '/v1/auth/sign-in', body: () => ({ email: 'nobody@example.org', password: 'wrong password here' }), expect: x(401, {}) },
  { name: 'POST /v1/auth/sign-out', method: 'POST', path: () => '/v1/auth/sign-out', freshCaller: true, expect: x(204, {}) },
  { name: 'POST /v1/auth/invites/accept', method: 'POST', path: () => '/v1/auth/invites/accept', body: () => ({ token: 'x'.repeat(43), password: 'a long enough password' }), expect: x(404, {}) },

  // The signed-in person.
  { name: 'GET /v1/me', method: 'GET', path: () => '/v1/me', expect: signedIn(200) },
  { name: 'PATCH /v1/me', method: 'PATCH', path: () => '/v1/me', body: () => ({}), expect: signedIn(200) },
  { name: 'GET /v1/me/export', method: 'GET', path: () => '/v1/me/export', expect: signedIn(200) },
  { name: 'DELETE /v1/me', method: 'DELETE', path: () => '/v1/me', freshCaller: true, expect: signedIn(204) },

  // Organisations.
  {
    name: 'GET /v1/orgs',
    method: 'GET',
    path: () => '/v1/orgs',
    expect: x(403, { none: 401, leader: 200, leaderOther: 200, trustLeader: 200, trustLeaderOther: 200, admin: 200, adminUser: 200, key: 200, keyNoScope: 200, keyOther: 200 }),
  },
  {
    name: 'POST /v1/orgs (setting in trust A)',
    method: 'POST',
    path: () => '/v1/orgs',
    body: (w) => ({ kind: 'setting', name: 'New setting', settingType: 'school', trustId: w.trustA }),
    expect: x(403, { none: 401, trustLeader: 201, trustLeaderOther: 404, admin: 201, adminUser: 201 }),
  },
  { name: 'POST /v1/orgs (trust)', method: 'POST', path: () => '/v1/orgs', body: () => ({ kind: 'trust', name: 'New trust' }), expect: x(403, { none: 401, admin: 201, adminUser: 201 }) },
  { name: 'GET /v1/orgs/{A1}', method: 'GET', path: (w) => `/v1/orgs/${A1(w)}`, expect: managers(200, { key: 200, keyNoScope: 200, keyOther: 404 }) },
  { name: 'GET /v1/orgs/{trust A}', method: 'GET', path: (w) => `/v1/orgs/${w.trustA}`, expect: managers(200, { key: 404, keyNoScope: 404, keyOther: 404 }, { leader: 404 }) },
  { name: 'GET /v1/orgs/{A2} (sibling of A1)', method: 'GET', path: (w) => `/v1/orgs/${w.settingA2}`, expect: managers(200, { key: 404, keyNoScope: 404, keyOther: 404 }, { leader: 404 }) },
  { name: 'PATCH /v1/orgs/{A1}', method: 'PATCH', path: (w) => `/v1/orgs/${A1(w)}`, body: () => ({}), expect: peopleManagers(200) },
  // Term dates and closures: read like the setting itself; changed by the people who may change the setting.
  { name: 'GET /v1/orgs/{A1}/closures', method: 'GET', path: (w) => `/v1/orgs/${A1(w)}/closures`, expect: managers(200, { key: 200, keyNoScope: 200, keyOther: 404 }) },
  { name: 'POST /v1/orgs/{A1}/closures', method: 'POST', path: (w) => `/v1/orgs/${A1(w)}/closures`, body: () => nextClosure(), expect: peopleManagers(201) },
  {
    name: 'DELETE /v1/orgs/{A1}/closures/{closureId}',
    method: 'DELETE',
    prepare: async (w) => ({ closureId: ((await (await w.f(`/v1/orgs/${A1(w)}/closures`, json('POST', nextClosure(), w.headers.admin))).json()) as { id: string }).id }),
    path: (w, t) => `/v1/orgs/${A1(w)}/closures/${t.closureId}`,
    expect: peopleManagers(204),
  },
  { name: 'POST /v1/orgs/{A1}/leaders', method: 'POST', path: (w) => `/v1/orgs/${A1(w)}/leaders`, body: (w) => ({ email: w.email('co-leader'), name: 'Co Leader' }), expect: peopleManagers(201) },
  { name: 'POST /v1/admin/accounts', method: 'POST', path: () => '/v1/admin/accounts', body: (w) => ({ email: w.email('panel-new'), name: 'Expert', role: 'panel' }), expect: x(403, { none: 401, admin: 201, adminUser: 201 }) },

  // API keys.
  { name: 'POST /v1/orgs/{A1}/keys', method: 'POST', path: (w) => `/v1/orgs/${A1(w)}/keys`, body: () => ({ name: 'LMS', scopes: ['staff:read'] }), expect: peopleManagers(201) },
  { name: 'GET /v1/orgs/{A1}/keys', method: 'GET', path: (w) => `/v1/orgs/${A1(w)}/keys`, expect: peopleManagers(200) },
  {
    name: 'DELETE /v1/keys/{keyId}',
    method: 'DELETE',
    prepare: async (w) => ({ keyId: ((await (await w.f(`/v1/orgs/${A1(w)}/keys`, json('POST', { name: 'doomed', scopes: ALL_SCOPES }, w.headers.admin))).json()) as { apiKey: { id: string } }).apiKey.id }),
    path: (_w, t) => `/v1/keys/${t.keyId}`,
    expect: peopleManagers(204),
  },

  // Staff.
  { name: 'GET /v1/orgs/{A1}/staff', method: 'GET', path: (w) => `/v1/orgs/${A1(w)}/staff`, expect: scoped(200) },
  { name: 'GET /v1/orgs/{A2}/staff (sibling)', method: 'GET', path: (w) => `/v1/orgs/${w.settingA2}/staff`, expect: scoped(200, { leader: 404, key: 404 }) },
  { name: 'POST /v1/orgs/{A1}/staff', method: 'POST', path: (w) => `/v1/orgs/${A1(w)}/staff`, body: (w) => ({ name: 'New Person', email: w.email('new'), jobRole: 'teacher' }), expect: scoped(201) },
  {
    name: 'POST /v1/orgs/{A1}/staff/import?dryRun=true',
    method: 'POST',
    path: (w) => `/v1/orgs/${A1(w)}/staff/import?dryRun=true`,
    csv: (w) => `name,email,job_role\nRow Person,${w.email('row')},teacher\n`,
    expect: scoped(200),
  },
  { name: 'GET /v1/staff/{target}', method: 'GET', path: (w) => `/v1/staff/${w.target}`, expect: scoped(200, { staff: 404, staffOther: 404 }) },
  { name: 'GET /v1/staff/{own record}', method: 'GET', path: (w) => `/v1/staff/${w.staffSelf}`, expect: scoped(200, { staff: 200, staffOther: 404 }) },
  { name: 'PATCH /v1/staff/{target}', method: 'PATCH', path: (w) => `/v1/staff/${w.target}`, body: () => ({ groups: ['ks2'] }), expect: scoped(200) },
  {
    name: 'DELETE /v1/staff/{staffId}',
    method: 'DELETE',
    prepare: async (w) => ({
      staffId: ((await (await w.f(`/v1/orgs/${A1(w)}/staff`, json('POST', { name: 'Leaver', jobRole: 'teacher' }, w.headers.admin))).json()) as { staff: { id: string } }).staff.id,
    }),
    path: (_w, t) => `/v1/staff/${t.staffId}`,
    expect: scoped(204),
  },
  { name: 'POST /v1/staff/{target}/invite', method: 'POST', path: (w) => `/v1/staff/${w.target}/invite`, expect: peopleManagers(201) },
  // The signed-in member of staff has set a password: no one may re-invite them (it would hand over their account).
  { name: 'POST /v1/staff/{own record}/invite (has a password)', method: 'POST', path: (w) => `/v1/staff/${w.staffSelf}/invite`, expect: peopleManagers(409) },

  // Administration: the audited password reset and the audit log are for admins only.
  {
    name: 'POST /v1/admin/users/{userId}/password-reset',
    method: 'POST',
    prepare: async (w) => ({
      userId: ((await (await w.f(`/v1/orgs/${A1(w)}/staff`, json('POST', { name: 'Forgetful', email: w.email('reset'), jobRole: 'teacher', invite: true }, w.headers.admin))).json()) as { invite: { userId: string } }).invite.userId,
    }),
    path: (_w, t) => `/v1/admin/users/${t.userId}/password-reset`,
    expect: x(403, { none: 401, admin: 201, adminUser: 201 }),
  },
  { name: 'GET /v1/admin/audit', method: 'GET', path: () => '/v1/admin/audit?limit=5', expect: x(403, { none: 401, admin: 200, adminUser: 200 }) },

  // Self-assessments and pathways.
  {
    name: 'POST /v1/me/assessments',
    method: 'POST',
    path: () => '/v1/me/assessments',
    body: () => ({ responses: [{ itemId: 'autism', value: 3 }] }),
    expect: x(403, { none: 401, staff: 201, staffOther: 201 }),
  },
  { name: 'GET /v1/me/assessments', method: 'GET', path: () => '/v1/me/assessments', expect: staffOnly(200) },
  { name: 'GET /v1/me/pathway', method: 'GET', path: () => '/v1/me/pathway', expect: staffOnly(200) },
  // The signed-in staff member has not chosen to share, so even their leader gets 403.
  {
    name: 'GET /v1/staff/{own record}/assessments',
    method: 'GET',
    path: (w) => `/v1/staff/${w.staffSelf}/assessments`,
    expect: x(403, { none: 401, staff: 200, staffOther: 404, leaderOther: 404, trustLeaderOther: 404 }),
  },
  {
    name: 'GET /v1/staff/{own record}/pathway',
    method: 'GET',
    path: (w) => `/v1/staff/${w.staffSelf}/pathway`,
    expect: x(403, { none: 401, staff: 200, staffOther: 404, leaderOther: 404, trustLeaderOther: 404 }),
  },

  // Progress, check-ins and xAPI.
  { name: 'POST /v1/me/progress', method: 'POST', path: () => '/v1/me/progress', body: () => ({ moduleId: module, status: 'started' }), expect: staffOnly(200) },
  {
    name: 'POST /v1/staff/{target}/progress',
    method: 'POST',
    path: (w) => `/v1/staff/${w.target}/progress`,
    body: () => ({ moduleId: module, status: 'started' }),
    expect: scoped(200),
  },
  { name: 'GET /v1/staff/{target}/progress', method: 'GET', path: (w) => `/v1/staff/${w.target}/progress`, expect: scoped(200, { staff: 404, staffOther: 404 }) },
  { name: 'GET /v1/staff/{own record}/progress', method: 'GET', path: (w) => `/v1/staff/${w.staffSelf}/progress`, expect: scoped(200, { staff: 200, staffOther: 404 }) },
  {
    name: 'POST /v1/me/checkins',
    method: 'POST',
    path: () => '/v1/me/checkins',
    body: () => ({ moduleId: module, ratings: { slcn: 4 } }),
    expect: x(403, { none: 401, staff: 201, staffOther: 201 }),
  },
  {
    name: 'POST /v1/xapi/statements',
    method: 'POST',
    path: () => '/v1/xapi/statements',
    headers: { 'x-experience-api-version': '1.0.3' },
    body: (w) => ({
      actor: { account: { homePage: 'https://lms.example.org', name: w.target } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: `https://lms.example.org/modules/${module}` },
    }),
    // Trust B's key cannot see the person, so the statement cannot be matched (422, nothing stored).
    expect: x(403, { none: 401, admin: 200, adminUser: 200, key: 200, keyOther: 422 }),
  },

  // Assignments.
  {
    name: 'POST /v1/orgs/{A1}/assignments',
    method: 'POST',
    path: (w) => `/v1/orgs/${A1(w)}/assignments`,
    body: () => ({ target: { kind: 'group', value: 'matrix' }, kind: 'modules', moduleIds: [module] }),
    expect: scoped(201),
  },
  { name: 'GET /v1/orgs/{A1}/assignments', method: 'GET', path: (w) => `/v1/orgs/${A1(w)}/assignments`, expect: scoped(200) },
  {
    name: 'DELETE /v1/assignments/{assignmentId}',
    method: 'DELETE',
    prepare: async (w) => ({
      id: ((await (await w.f(`/v1/orgs/${A1(w)}/assignments`, json('POST', { target: { kind: 'everyone' }, kind: 'personalised' }, w.headers.admin))).json()) as { id: string }).id,
    }),
    path: (_w, t) => `/v1/assignments/${t.id}`,
    expect: scoped(204),
  },
  { name: 'GET /v1/me/assignments', method: 'GET', path: () => '/v1/me/assignments', expect: staffOnly(200) },

  // Coverage.
  { name: 'GET /v1/orgs/{A1}/coverage', method: 'GET', path: (w) => `/v1/orgs/${A1(w)}/coverage`, expect: scoped(200) },
  { name: 'GET /v1/orgs/{A1}/coverage/csv', method: 'GET', path: (w) => `/v1/orgs/${A1(w)}/coverage/csv`, expect: scoped(200) },
  { name: 'GET /v1/orgs/{trust A}/coverage', method: 'GET', path: (w) => `/v1/orgs/${w.trustA}/coverage`, expect: scoped(200, { leader: 404, key: 404 }) },

  // Evidence panel routes: panel experts and admins (the ADMIN_TOKEN counts as an admin).
  { name: 'POST /v1/evidence-sets (new draft)', method: 'POST', path: () => '/v1/evidence-sets', body: () => ({ provenance: { panel: 'Matrix panel' } }), expect: x(403, { none: 401, panel: 201, admin: 201, adminUser: 201 }) },
  { name: 'GET /v1/evidence-sets?status=draft', method: 'GET', path: () => '/v1/evidence-sets?status=draft', expect: x(403, { none: 401, panel: 200, admin: 200, adminUser: 200 }) },

  // The public engine: anyone, but a key must carry recommendations:write (A1's narrow key has only that scope).
  {
    name: 'POST /v1/recommendations',
    method: 'POST',
    path: () => '/v1/recommendations',
    body: () => ({ role: 'teacher', phase: 'primary', timeBudgetMinutes: 120 }),
    expect: x(200, {}),
  },
];

/** Runs every case for every caller; `getWorld` is read lazily (the world is seeded in beforeAll). */
export function authzMatrix(runtime: string, getWorld: () => World): void {
  describe(`authorization matrix on ${runtime}`, () => {
    for (const c of AUTHZ_MATRIX) {
      it(c.name, async () => {
        const w = getWorld();
        const got: Partial<Record<Caller, number>> = {};
        for (const caller of CALLERS) {
          const t = c.prepare ? await c.prepare(w) : {};
          const auth = { ...c.headers, ...(c.freshCaller && caller !== 'none' ? await w.fresh(caller) : w.headers[caller]) };
          const init: RequestInit = c.csv
            ? { method: c.method, headers: { 'content-type': 'text/csv', ...auth }, body: c.csv(w) }
            : c.body
              ? json(c.method, c.body(w, t), auth)
              : { method: c.method, headers: auth };
          const res = await w.f(c.path(w, t), init);
          got[caller] = res.status;
          if (res.status >= 400) expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          await res.arrayBuffer();
        }
        expect(got).toEqual(c.expect);
      });
    }
  });
}
