// The signed-in person: GET/PATCH /v1/me (incl. the choice to share answers with their leader), GET /v1/me/export
// (all their data as JSON) and DELETE /v1/me (erase their account and personal data).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getOrg } from '../../../repos/orgs.js';
import { auditQuery } from '../../../repos/audit.js';
import { erasePerson, exportPerson } from '../../../repos/personal-data.js';
import { getStaffByUser, updateStaff } from '../../../repos/staff.js';
import { getUser, renameUser, toUser } from '../../../repos/users.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import type { UserPrincipal } from '../../auth/principal.js';
import { destroySession } from '../../auth/session.js';
import type { AppEnv } from '../../env.js';
import { rederiver } from '../../../services/pathway-derive.js';
import { securedUser } from '../../auth/secured.js';
import { authErrors, commonErrors, ProblemError, readErrors } from '../../problem.js';
import { MeSchema, UpdateMeBody } from '../../schemas/accounts.js';
import { sendJson } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Me'];
const anyone = securedUser(['staff', 'leader', 'panel', 'admin']);

const get = createRoute({
  method: 'get',
  path: '/v1/me',
  tags,
  operationId: 'getMe',
  summary: 'Your account, staff record and organisation',
  ...anyone,
  responses: { 200: jsonBody(MeSchema, 'You'), ...authErrors, ...readErrors },
});

const patch = createRoute({
  method: 'patch',
  path: '/v1/me',
  tags,
  operationId: 'updateMe',
  summary: 'Change your name, or whether your leader may see your individual answers',
  ...anyone,
  request: { body: jsonRequest(UpdateMeBody) },
  responses: { 200: jsonBody(MeSchema, 'Updated'), ...authErrors, ...commonErrors },
});

const exportData = createRoute({
  method: 'get',
  path: '/v1/me/export',
  tags,
  operationId: 'exportMyData',
  summary: 'Everything this service holds about you, as one JSON document',
  ...anyone,
  responses: {
    200: jsonBody(z.object({ exportedAt: z.string() }).loose().openapi('PersonalDataExport'), 'Your data (a download)'),
    ...authErrors,
    ...readErrors,
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/me',
  tags,
  operationId: 'deleteMe',
  summary: 'Delete your account and erase your answers, pathways, progress and check-ins',
  ...anyone,
  responses: { 204: { description: 'Deleted; you are signed out' }, ...authErrors, ...readErrors },
});

async function me(c: Context<AppEnv>, p: UserPrincipal) {
  const db = c.get('database').db;
  const user = await getUser(db, p.userId);
  if (!user) throw new ProblemError('unauthorized', 'Your account no longer exists.');
  const staff = await getStaffByUser(db, user.id);
  const orgId = staff?.settingId ?? user.org_id;
  const org = orgId ? await getOrg(db, orgId) : null;
  return { user: toUser(user), staff, org };
}

export function registerMe(app: OpenAPIHono<AppEnv>): void {
  app.openapi(get, async (c) => c.json(await me(c, c.get('principal') as UserPrincipal), 200));

  app.openapi(patch, async (c) => {
    const p = c.get('principal') as UserPrincipal;
    const body = c.req.valid('json');
    const db = c.get('database').db;
    if (body.shareWithLeader !== undefined && !p.staffId) {
      throw new ProblemError('validation', 'Only staff records have answers to share.', [{ path: 'shareWithLeader', message: 'Your account has no staff record.' }]);
    }
    if (body.name !== undefined) await renameUser(db, p.userId, body.name);
    if (p.staffId) await updateStaff(db, p.staffId, body, c.get('clock')());
    return c.json(await me(c, p), 200);
  });

  app.openapi(exportData, async (c) => {
    const p = c.get('principal') as UserPrincipal;
    const database = c.get('database');
    const now = c.get('clock')();
    await database.atomic([auditQuery(database.db, { action: 'data.exported', actor: { kind: 'user', id: p.userId }, orgId: p.orgId, subjectUserId: p.userId, subjectStaffId: p.staffId }, now)]);
    const data = await exportPerson(database.db, { userId: p.userId, staffId: p.staffId }, rederiver(serviceDeps(c)));
    c.header('Content-Disposition', 'attachment; filename="my-send-pathways-data.json"');
    c.header('Cache-Control', 'no-store');
    return sendJson(c, { exportedAt: now.toISOString(), ...data }, 200);
  });

  app.openapi(remove, async (c) => {
    const p = c.get('principal') as UserPrincipal;
    const database = c.get('database');
    await erasePerson(database, { userId: p.userId, staffId: p.staffId, email: p.email }, { actor: { kind: 'user', id: p.userId }, orgId: p.orgId }, c.get('clock')());
    await destroySession(c);
    return c.body(null, 204);
  });
}
