// Administration: the audited password reset (it removes the password, signs out every session and issues a reset
// link, emailed to the person when this server sends email) and reading the audit log.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { resetPassword } from '../../../repos/accounts.js';
import { AUDIT_ACTIONS, listAudit } from '../../../repos/audit.js';
import { pageRequest } from '../../auth/access.js';
import { inviteView } from '../../auth/invite-link.js';
import { jsonBody } from '../../auth/openapi.js';
import { auditActor } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { mailAdminReset } from '../../../services/password-reset.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, ProblemError, readErrors } from '../../problem.js';
import { IdempotencyHeaders, InviteSchema, PageQuery, pageOf } from '../../schemas/accounts.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Administration'];
const admins = secured({ roles: ['admin'] });

const UserIdParam = z.object({ userId: z.string().min(1).max(64).openapi({ param: { name: 'userId', in: 'path' }, example: 'usr_01jd5x2m7kq9w8e4r2t6y0u3ip' }) });

const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    action: z.string().openapi({ description: `One of ${AUDIT_ACTIONS.join(', ')}` }),
    actor: z.object({ kind: z.enum(['user', 'key', 'admin-token', 'cli']), id: z.string().nullable() }),
    orgId: z.string().nullable(),
    subjectUserId: z.string().nullable(),
    subjectStaffId: z.string().nullable(),
    targetId: z.string().nullable().openapi({ description: 'A key id, or for an erasure the SHA-256 of the erased id' }),
    detail: z.string().nullable().openapi({ description: 'A role granted, a key’s scopes, or how a person was erased' }),
  })
  .openapi('AuditEntry');

const AuditQuery = PageQuery.extend({
  action: z.enum(AUDIT_ACTIONS).optional(),
  userId: z.string().max(64).optional().openapi({ description: 'Events about this user or by them' }),
  orgId: z.string().max(64).optional(),
});

const reset = createRoute({
  method: 'post',
  path: '/v1/admin/users/{userId}/password-reset',
  tags,
  operationId: 'resetPassword',
  summary: 'Reset a forgotten password: signs out every session, removes the password and returns a one-time link for the person',
  description:
    'For administrators only, and audited (`password.reset`). The account cannot sign in until its owner follows the link and chooses a new password; with email configured the link is also emailed to them (`emailed`); otherwise pass it to the person themselves, never to anyone else.',
  ...admins,
  request: { headers: IdempotencyHeaders, params: UserIdParam },
  responses: { 201: jsonBody(InviteSchema, 'The reset link, shown once'), ...authErrors, 404: readErrors[404], ...commonErrors },
});

const audit = createRoute({
  method: 'get',
  path: '/v1/admin/audit',
  tags,
  operationId: 'listAuditEvents',
  summary: 'Security-relevant events, oldest first: invites, passwords set and reset, roles granted, keys, exports and erasures',
  description: 'Ids and times only; never answers, names, emails or secrets.',
  ...admins,
  request: { query: AuditQuery },
  responses: { 200: jsonBody(pageOf(AuditEntrySchema, 'AuditPage'), 'A page of events'), ...authErrors, ...readErrors, 422: commonErrors[422] },
});

export function registerAdmin(app: OpenAPIHono<AppEnv>): void {
  app.openapi(reset, async (c) => {
    const { userId } = c.req.valid('param');
    const made = await resetPassword(c.get('database'), userId, auditActor(c.get('principal')!), c.get('clock')());
    if (!made) throw new ProblemError('not-found', `There is no account ${userId}.`);
    const emailed = await mailAdminReset(serviceDeps(c), made);
    return c.json({ ...inviteView(c, made), ...(emailed === undefined ? {} : { emailed }) }, 201);
  });

  app.openapi(audit, async (c) => {
    const q = c.req.valid('query');
    const page = await listAudit(c.get('database').db, q, pageRequest(q));
    return c.json({ data: page.data as z.infer<typeof AuditEntrySchema>[], nextCursor: page.nextCursor }, 200);
  });
}
