// One tenancy rule (services/tenancy.ts): the pages and the services ask it, and it answers as the API's access
// check does for every kind of caller and organisation.
import { describe, expect, it } from 'vitest';
import { mayManageOrg as apiRule } from '../../src/http/auth/access.js';
import type { Principal } from '../../src/http/auth/principal.js';
import type { Org } from '../../src/repos/orgs.js';
import { mayManageOrg } from '../../src/services/tenancy.js';

const org = (id: string, kind: Org['kind'], trustId: string | null): Org => ({ id, kind, trustId }) as Org;
const orgs = [org('trust-a', 'trust', null), org('set-a1', 'setting', 'trust-a'), org('set-b', 'setting', null), org('trust-b', 'trust', null)];
const user = (role: 'staff' | 'leader' | 'panel' | 'admin', orgId: string | null): Principal => ({ kind: 'user', role, userId: 'usr', name: 'N', email: 'n@x.org', orgId, staffId: null, sessionHash: 'h' });
const callers: (Principal | null)[] = [
  null,
  { kind: 'admin-token', role: 'admin' },
  { kind: 'key', role: 'platform', keyId: 'key', orgId: 'trust-a', scopes: [] },
  { kind: 'key', role: 'platform', keyId: 'key', orgId: 'set-b', scopes: [] },
  ...(['staff', 'leader', 'panel', 'admin'] as const).flatMap((role) => [null, 'trust-a', 'set-a1', 'set-b'].map((orgId) => user(role, orgId))),
];

describe('mayManageOrg', () => {
  it('answers as the API access check for every caller and organisation', () => {
    for (const p of callers) for (const o of orgs) expect(mayManageOrg(p, o), `${JSON.stringify(p)} on ${o.id}`).toBe(apiRule(p, o));
  });

  it('lets a trust leader manage the trust and its settings, a setting leader only their setting', () => {
    expect(orgs.map((o) => mayManageOrg({ role: 'leader', orgId: 'trust-a' }, o))).toEqual([true, true, false, false]);
    expect(orgs.map((o) => mayManageOrg({ role: 'leader', orgId: 'set-a1' }, o))).toEqual([false, true, false, false]);
    expect(orgs.map((o) => mayManageOrg({ role: 'staff', orgId: 'set-a1' }, o))).toEqual([false, false, false, false]);
  });
});
