// Seeds a two-trust world through the API only (the ADMIN_TOKEN is the one credential given), so the same setup
// runs on Node and in workerd: trusts A and B, settings A1, A2 (trust A) and B1 (trust B), every kind of caller.
import { expect } from 'vitest';

export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** Everyone the authorization matrix calls as; "other" callers belong to trust B. */
export const CALLERS = [
  'none',
  'staff',
  'staffOther',
  'leader',
  'leaderOther',
  'trustLeader',
  'trustLeaderOther',
  'panel',
  'admin',
  'adminUser',
  'key',
  'keyNoScope',
  'keyOther',
] as const;
export type Caller = (typeof CALLERS)[number];

export const PASSWORD = 'correct horse battery staple';
export const ALL_SCOPES = ['recommendations:write', 'staff:read', 'staff:write', 'assignments:write', 'progress:write', 'coverage:read'];

export interface World {
  readonly f: Fetch;
  readonly run: string;
  readonly trustA: string;
  readonly settingA1: string;
  readonly settingA2: string;
  readonly trustB: string;
  readonly settingB1: string;
  /** The signed-in staff member of A1 and of B1. */
  readonly staffSelf: string;
  readonly staffOtherSelf: string;
  /** A member of staff of A1 without an account (email set), the usual target of leader routes. */
  readonly target: string;
  readonly headers: Record<Caller, Record<string, string>>;
  /** A unique email address for this run. */
  email(tag: string): string;
  /** A new caller of the same kind (new account, or a new session of a new account), for self-destructive routes. */
  fresh(caller: Caller): Promise<Record<string, string>>;
}

export const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** The `cookie` header that carries the session set by a response. */
export function sessionCookie(res: Response): Record<string, string> {
  const set = res.headers.getSetCookie().find((c) => c.startsWith('__Host-sp_session='));
  expect(set, 'a session cookie is set').toBeTruthy();
  return { cookie: set!.split(';')[0]! };
}

/** POSTs and expects `status`, returning the JSON body. */
export async function call<T = Record<string, unknown>>(f: Fetch, path: string, init: RequestInit, status: number): Promise<T> {
  const res = await f(path, init);
  const text = await res.text();
  expect([path, res.status, res.status === status ? '' : text]).toEqual([path, status, '']);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Accepts an invite with the standard password and returns the session cookie header. */
export async function accept(f: Fetch, token: string): Promise<Record<string, string>> {
  const res = await f('/v1/auth/invites/accept', json('POST', { token, password: PASSWORD }));
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  return sessionCookie(res);
}

export async function seedWorld(f: Fetch, adminToken: string): Promise<World> {
  const run = Math.random().toString(36).slice(2, 8);
  let n = 0;
  const email = (tag: string) => `${tag}.${run}.${++n}@example.org`;
  const admin = { authorization: `Bearer ${adminToken}` };
  const post = <T = Record<string, unknown>>(path: string, body: unknown, headers: Record<string, string>, status = 201) =>
    call<T>(f, path, json('POST', body, headers), status);

  const org = async (body: object) => (await post<{ id: string }>('/v1/orgs', body, admin)).id;
  const trustA = await org({ kind: 'trust', name: 'Trust A' });
  const trustB = await org({ kind: 'trust', name: 'Trust B' });
  const settingA1 = await org({ kind: 'setting', name: 'A1 Primary', settingType: 'school', trustId: trustA, phase: 'primary' });
  const settingA2 = await org({ kind: 'setting', name: 'A2 Nursery', settingType: 'nursery', trustId: trustA, phase: 'early_years' });
  const settingB1 = await org({ kind: 'setting', name: 'B1 Secondary', settingType: 'school', trustId: trustB, phase: 'secondary' });

  const leaderOf = async (orgId: string, tag: string) => {
    const made = await post<{ invite: { token: string } }>(`/v1/orgs/${orgId}/leaders`, { email: email(tag), name: `Leader ${tag}` }, admin);
    return accept(f, made.invite.token);
  };
  const accountOf = async (role: 'panel' | 'admin', tag: string) => {
    const made = await post<{ invite: { token: string } }>('/v1/admin/accounts', { email: email(tag), name: `${role} ${tag}`, role }, admin);
    return accept(f, made.invite.token);
  };
  const staffOf = async (settingId: string, leader: Record<string, string>, tag: string) => {
    const made = await post<{ staff: { id: string }; invite: { token: string } }>(
      `/v1/orgs/${settingId}/staff`,
      { name: `Staff ${tag}`, email: email(tag), jobRole: 'teacher', invite: true },
      leader,
    );
    return { id: made.staff.id, cookie: await accept(f, made.invite.token) };
  };
  const keyOf = async (orgId: string, scopes: string[]) =>
    ({ authorization: `Bearer ${(await post<{ key: string }>(`/v1/orgs/${orgId}/keys`, { name: `key ${scopes.length}`, scopes }, admin)).key}` });

  const leader = await leaderOf(settingA1, 'leader-a1');
  const leaderOther = await leaderOf(settingB1, 'leader-b1');
  const trustLeader = await leaderOf(trustA, 'leader-trust-a');
  const trustLeaderOther = await leaderOf(trustB, 'leader-trust-b');
  const staff = await staffOf(settingA1, leader, 'staff-a1');
  const staffOther = await staffOf(settingB1, leaderOther, 'staff-b1');
  const target = (await post<{ staff: { id: string } }>(`/v1/orgs/${settingA1}/staff`, { name: 'Target Person', email: email('target'), jobRole: 'teaching_assistant' }, leader)).staff.id;
  // Both signed-in staff have a pathway, so check-ins work for them.
  for (const cookie of [staff.cookie, staffOther.cookie]) {
    await post('/v1/me/assessments', { responses: [{ itemId: 'speech-and-language', value: 2 }], confidence: { semh: 2 } }, cookie);
  }

  const headers: Record<Caller, Record<string, string>> = {
    none: {},
    staff: staff.cookie,
    staffOther: staffOther.cookie,
    leader,
    leaderOther,
    trustLeader,
    trustLeaderOther,
    panel: await accountOf('panel', 'panel'),
    admin,
    adminUser: await accountOf('admin', 'admin-user'),
    key: await keyOf(settingA1, ALL_SCOPES),
    keyNoScope: await keyOf(settingA1, ['recommendations:write']),
    keyOther: await keyOf(settingB1, ALL_SCOPES),
  };

  const fresh = async (caller: Caller): Promise<Record<string, string>> => {
    switch (caller) {
      case 'staff':
        return (await staffOf(settingA1, leader, 'fresh-staff')).cookie;
      case 'staffOther':
        return (await staffOf(settingB1, leaderOther, 'fresh-staff-b')).cookie;
      case 'leader':
        return leaderOf(settingA1, 'fresh-leader');
      case 'leaderOther':
        return leaderOf(settingB1, 'fresh-leader-b');
      case 'trustLeader':
        return leaderOf(trustA, 'fresh-trust');
      case 'trustLeaderOther':
        return leaderOf(trustB, 'fresh-trust-b');
      case 'panel':
        return accountOf('panel', 'fresh-panel');
      case 'adminUser':
        return accountOf('admin', 'fresh-admin');
      default:
        return headers[caller];
    }
  };

  return { f, run, trustA, settingA1, settingA2, trustB, settingB1, staffSelf: staff.id, staffOtherSelf: staffOther.id, target, headers, email, fresh };
}
