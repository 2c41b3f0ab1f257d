// Organisations: list, create, read and update trusts and settings; add leaders (with a one-time invite).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createAccountWithInvite } from '../../../repos/accounts.js';
import { auditQuery } from '../../../repos/audit.js';
import { createOrg, getOrg, listOrgs, updateOrg } from '../../../repos/orgs.js';
import { pageRequest, visibleOrg } from '../../auth/access.js';
import { inviteView } from '../../auth/invite-link.js';
import { deliverInvite } from '../../../services/invite-mail.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import { actorUserId, auditActor, type Principal } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, ProblemError, readErrors } from '../../problem.js';
import { AccountCreatedSchema, CreateOrgBody, NewAccountBody, NewLeaderBody, OrgIdParam, OrgSchema, PageQuery, pageOf, UpdateOrgBody, IdempotencyHeaders } from '../../schemas/accounts.js';
import { uniqueOr409 } from '../../unique.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Organisations'];
const OrgPage = pageOf(OrgSchema, 'OrganisationPage');
const taken = 'That URN or UKPRN already belongs to another organisation.';

const list = createRoute({
  method: 'get',
  path: '/v1/orgs',
  tags,
  operationId: 'listOrgs',
  summary: 'Organisations you manage: your trust and its settings, or your setting (admins: all)',
  ...secured({ roles: ['leader', 'admin', 'platform'] }),
  request: { query: PageQuery },
  responses: { 200: jsonBody(OrgPage, 'A page of organisations'), ...authErrors, ...readErrors, 422: commonErrors[422] },
});

const create = createRoute({
  method: 'post',
  path: '/v1/orgs',
  tags,
  operationId: 'createOrg',
  summary: 'Create a trust (admins) or a setting (admins; trust leaders within their trust)',
  ...secured({ roles: ['leader', 'admin'] }),
  request: { headers: IdempotencyHeaders, body: jsonRequest(CreateOrgBody) },
  responses: { 201: jsonBody(OrgSchema, 'Created'), ...authErrors, 409: problemDoc('URN or UKPRN already used'), ...commonErrors },
});

const get = createRoute({
  method: 'get',
  path: '/v1/orgs/{orgId}',
  tags,
  operationId: 'getOrg',
  summary: 'One organisation you manage',
  ...secured({ roles: ['leader', 'admin', 'platform'] }),
  request: { params: OrgIdParam },
  responses: { 200: jsonBody(OrgSchema, 'The organisation'), ...authErrors, ...readErrors },
});

const patch = createRoute({
  method: 'patch',
  path: '/v1/orgs/{orgId}',
  tags,
  operationId: 'updateOrg',
  summary: 'Rename an organisation or change its phase, URN or UKPRN',
  ...secured({ roles: ['leader', 'admin'] }),
  request: { params: OrgIdParam, body: jsonRequest(UpdateOrgBody) },
  responses: { 200: jsonBody(OrgSchema, 'Updated'), ...authErrors, 404: readErrors[404], 409: problemDoc('URN or UKPRN already used'), ...commonErrors },
});

const addLeader = createRoute({
  method: 'post',
  path: '/v1/orgs/{orgId}/leaders',
  tags,
  operationId: 'addLeader',
  summary: 'Add a leader to a setting or trust; returns their one-time invite',
  ...secured({ roles: ['leader', 'admin'] }),
  request: { headers: IdempotencyHeaders, params: OrgIdParam, body: jsonRequest(NewLeaderBody) },
  responses: { 201: jsonBody(AccountCreatedSchema, 'Leader created; pass on the invite link'), ...authErrors, 404: readErrors[404], 409: problemDoc('Email already has an account in this organisation'), ...commonErrors },
});

const addAccount = createRoute({
  method: 'post',
  path: '/v1/admin/accounts',
  tags: ['Administration'],
  operationId: 'createAccount',
  summary: 'Create a panel expert or admin account; returns their one-time invite',
  ...secured({ roles: ['admin'] }),
  request: { headers: IdempotencyHeaders, body: jsonRequest(NewAccountBody) },
  responses: { 201: jsonBody(AccountCreatedSchema, 'Account created'), ...authErrors, 409: problemDoc('Email already has an account'), ...commonErrors },
});

/** The audit events of a new account: the role it is granted and its first invite. */
function grantAndInvite(c: Context<AppEnv>, p: Principal, role: string, orgId: string | null) {
  const database = c.get('database');
  const now = c.get('clock')();
  const actor = auditActor(p);
  return (userId: string) => [
    auditQuery(database.db, { action: 'role.granted', actor, orgId, subjectUserId: userId, detail: role }, now),
    auditQuery(database.db, { action: 'invite.issued', actor, orgId, subjectUserId: userId }, now),
  ];
}

export function registerOrgs(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const p = c.get('principal')!;
    const page = await listOrgs(c.get('database').db, p.role === 'admin' ? null : (p as { orgId: string }).orgId, pageRequest(c.req.valid('query')));
    return c.json({ data: page.data, nextCursor: page.nextCursor }, 200);
  });

  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const p = c.get('principal')!;
    const db = c.get('database').db;
    let trustId = body.kind === 'setting' ? (body.trustId ?? null) : null;
    if (p.role === 'leader') {
      const own = p.kind === 'user' && p.orgId ? await getOrg(db, p.orgId) : null;
      if (body.kind !== 'setting' || own?.kind !== 'trust') throw new ProblemError('forbidden', 'Only trust leaders may add organisations, and only settings within their trust.');
      if (trustId !== null && trustId !== own.id) throw new ProblemError('not-found', `No trust ${trustId} is visible to you.`);
      trustId = own.id;
    } else if (trustId !== null && (await getOrg(db, trustId))?.kind !== 'trust') {
      throw new ProblemError('validation', `There is no trust ${trustId}.`, [{ path: 'trustId', message: 'Must be the id of a trust.' }]);
    }
    const org = await uniqueOr409(createOrg(db, { ...body, trustId }, c.get('clock')()), taken);
    return c.json(org, 201);
  });

  app.openapi(get, async (c) => c.json(await visibleOrg(c, c.req.valid('param').orgId), 200));

  app.openapi(patch, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    const body = c.req.valid('json');
    if (org.kind === 'trust' && (body.phase !== undefined || body.settingType !== undefined)) {
      throw new ProblemError('validation', 'A trust has no phase or setting type.', [{ path: body.phase !== undefined ? 'phase' : 'settingType', message: 'Only settings have this.' }]);
    }
    const updated = await uniqueOr409(updateOrg(c.get('database').db, org.id, body), taken);
    return c.json(updated!, 200);
  });

  app.openapi(addLeader, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    const body = c.req.valid('json');
    const p = c.get('principal')!;
    const made = await uniqueOr409(
      createAccountWithInvite(c.get('database'), { ...body, role: 'leader', orgId: org.id }, actorUserId(p), c.get('clock')(), grantAndInvite(c, p, 'leader', org.id)),
      'That email address already has an account in this organisation.',
    );
    return c.json({ user: made.user, invite: await deliverInvite(serviceDeps(c), inviteView(c, made), { ...body, orgId: org.id }) }, 201);
  });

  app.openapi(addAccount, async (c) => {
    const body = c.req.valid('json');
    const p = c.get('principal')!;
    const made = await uniqueOr409(
      createAccountWithInvite(c.get('database'), { email: body.email, name: body.name, role: body.role, orgId: null }, actorUserId(p), c.get('clock')(), grantAndInvite(c, p, body.role, null)),
      'That email address already has an account.',
    );
    return c.json({ user: made.user, invite: await deliverInvite(serviceDeps(c), inviteView(c, made), body) }, 201);
  });
}
