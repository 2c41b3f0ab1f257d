// A setting's or trust's live sessions of any module in its catalogue (/v1/orgs/{orgId}/sessions): add, list,
// change, cancel, book staff within capacity, cancel a booking (leaders any of theirs, staff their own), and record attendance (which counts as completing the module).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { localSessionPatchSchema, localSessionSchema } from '../../../content/schemas.js';
import { visibleOrg } from '../../auth/access.js';
import { jsonBody, jsonRequest } from '../../auth/openapi.js';
import { actorUserId } from '../../auth/principal.js';
import type { AppEnv } from '../../env.js';
import { secured } from '../../auth/secured.js';
import { authErrors, commonErrors, problemDoc, ProblemError, readErrors, zodFieldErrors } from '../../problem.js';
import { OrgIdParam } from '../../schemas/accounts.js';
import { BookingParam, LocalSessionListSchema, LocalSessionSchema, LocalSessionsWrittenSchema, SessionIdParam, StaffIdsBody } from '../../schemas/local-catalogue.js';
import { orgChain } from '../../../services/local-content.js';
import { getOrg, type Org } from '../../../repos/orgs.js';
import type { Context } from 'hono';
import {
  addLocalSessions,
  bookLocalSession,
  cancelBooking,
  cancelLocalSession,
  changeLocalSession,
  listLocalSessions,
  recordAttendance,
  type LocalSessionInput,
} from '../../../services/local-sessions.js';
import { sendJson } from '../../respond.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Own modules and sessions'];
const readers = secured({ roles: ['leader', 'admin', 'platform'], scope: 'staff:read' });
const writers = secured({ roles: ['leader', 'admin', 'platform'], scope: 'modules:write' });

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ tags, ...r });

const list = route({
  method: 'get',
  path: '/v1/orgs/{orgId}/sessions',
  operationId: 'listOwnSessions',
  summary: 'The organisation’s live sessions, soonest first, with places booked and attendance',
  ...readers,
  request: { params: OrgIdParam },
  responses: { 200: jsonBody(LocalSessionListSchema, 'Sessions'), ...authErrors, ...readErrors },
});

const create = route({
  method: 'post',
  path: '/v1/orgs/{orgId}/sessions',
  operationId: 'addOwnSession',
  summary: 'Add a live session (date, place or online link, facilitator, capacity) of a module in the catalogue',
  ...writers,
  request: { params: OrgIdParam, body: jsonRequest(localSessionSchema) },
  responses: { 201: jsonBody(LocalSessionsWrittenSchema, 'Added'), ...authErrors, 404: readErrors[404], 409: problemDoc('Another change was stored first'), ...commonErrors },
});

const patch = route({
  method: 'patch',
  path: '/v1/orgs/{orgId}/sessions/{sessionId}',
  operationId: 'changeOwnSession',
  summary: 'Change a session’s time, place, link, facilitator or capacity',
  ...writers,
  request: { params: SessionIdParam, body: jsonRequest(localSessionPatchSchema) },
  responses: { 200: jsonBody(LocalSessionSchema, 'Changed'), ...authErrors, 404: readErrors[404], 409: problemDoc('Another change was stored first'), ...commonErrors },
});

const cancel = route({
  method: 'delete',
  path: '/v1/orgs/{orgId}/sessions/{sessionId}',
  operationId: 'cancelOwnSession',
  summary: 'Cancel a session (it leaves pathways and calendars; bookings are kept as a record)',
  ...writers,
  request: { params: SessionIdParam },
  responses: { 200: jsonBody(LocalSessionSchema, 'Cancelled'), ...authErrors, ...readErrors },
});

const book = route({
  method: 'post',
  path: '/v1/orgs/{orgId}/sessions/{sessionId}/bookings',
  operationId: 'bookOwnSession',
  summary: 'Book members of staff on a session, within its capacity',
  ...writers,
  request: { params: SessionIdParam, body: jsonRequest(StaffIdsBody) },
  responses: { 200: jsonBody(LocalSessionSchema, 'Booked'), ...authErrors, 404: readErrors[404], 409: problemDoc('The session is cancelled'), ...commonErrors },
});

const unbook = route({
  method: 'delete',
  path: '/v1/orgs/{orgId}/sessions/{sessionId}/bookings/{staffId}',
  operationId: 'cancelSessionBooking',
  summary: 'Cancel one person’s booking on a session, freeing the place',
  description:
    'Leaders (and API keys with `modules:write`) cancel the booking of anyone in their setting or trust; a signed-in member of staff cancels their own, until the session starts. Answers the session with the places now booked. 404 when the person is not booked (or not visible to you); 409 once their attendance is recorded, or when the session is cancelled.',
  ...secured({ roles: ['leader', 'admin', 'platform', 'staff'], scope: 'modules:write' }),
  request: { params: BookingParam },
  responses: { 200: jsonBody(LocalSessionSchema, 'Booking cancelled; the session with its places booked'), ...authErrors, ...readErrors, 409: problemDoc('Attendance is recorded, the session is cancelled, or (for your own booking) it has started') },
});

/**
 * The org whose session a booking is cancelled on, and whether the caller is cancelling their own booking: leaders,
 * keys and admins manage the org; a member of staff may act only on their own booking in their setting or trust.
 */
async function bookingOrg(c: Context<AppEnv>, orgId: string, staffId: string): Promise<{ org: Org; ownBooking: boolean }> {
  const p = c.get('principal')!;
  if (p.kind === 'user' && p.role === 'staff') {
    const org = p.staffId === staffId && p.orgId ? await getOrg(c.get('database').db, orgId) : null;
    if (!org || !(await orgChain(c.get('database'), p.orgId!)).includes(org.id)) throw new ProblemError('not-found', `No booking of ${staffId} is visible to you.`);
    return { org, ownBooking: true };
  }
  return { org: await visibleOrg(c, orgId), ownBooking: false };
}

const attend = route({
  method: 'post',
  path: '/v1/orgs/{orgId}/sessions/{sessionId}/attendance',
  operationId: 'recordSessionAttendance',
  summary: 'Record who attended: each person’s module is marked completed (progress source `session`)',
  ...writers,
  request: { params: SessionIdParam, body: jsonRequest(StaffIdsBody) },
  responses: { 200: jsonBody(LocalSessionSchema, 'Recorded'), ...authErrors, 404: readErrors[404], ...commonErrors },
});

function parseSession(s: unknown): LocalSessionInput {
  const r = localSessionSchema.safeParse(s);
  if (!r.success) throw new ProblemError('validation', 'The changed session is not valid; see `errors`.', zodFieldErrors(r.error.issues));
  return r.data;
}

export function registerOrgSessions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    return sendJson(c, { data: await listLocalSessions(serviceDeps(c), org) }, 200);
  });

  app.openapi(create, async (c) => {
    const org = await visibleOrg(c, c.req.valid('param').orgId);
    const done = await addLocalSessions(serviceDeps(c), org, [c.req.valid('json')], actorUserId(c.get('principal')!));
    return sendJson(c, { data: done.sessions.map((s) => ({ ...s, booked: 0, attended: 0 })), catalogueVersion: done.catalogueVersion }, 201);
  });

  app.openapi(patch, async (c) => {
    const { orgId, sessionId } = c.req.valid('param');
    const org = await visibleOrg(c, orgId);
    return sendJson(c, (await changeLocalSession(serviceDeps(c), org, sessionId, c.req.valid('json'), actorUserId(c.get('principal')!), parseSession)), 200);
  });

  app.openapi(cancel, async (c) => {
    const { orgId, sessionId } = c.req.valid('param');
    return sendJson(c, (await cancelLocalSession(serviceDeps(c), await visibleOrg(c, orgId), sessionId, actorUserId(c.get('principal')!))), 200);
  });

  app.openapi(book, async (c) => {
    const { orgId, sessionId } = c.req.valid('param');
    return sendJson(c, (await bookLocalSession(serviceDeps(c), await visibleOrg(c, orgId), sessionId, c.req.valid('json').staffIds)), 200);
  });

  app.openapi(unbook, async (c) => {
    const { orgId, sessionId, staffId } = c.req.valid('param');
    const { org, ownBooking } = await bookingOrg(c, orgId, staffId);
    return sendJson(c, (await cancelBooking(serviceDeps(c), org, sessionId, staffId, { ownBooking })), 200);
  });

  app.openapi(attend, async (c) => {
    const { orgId, sessionId } = c.req.valid('param');
    return sendJson(c, (await recordAttendance(serviceDeps(c), await visibleOrg(c, orgId), sessionId, c.req.valid('json').staffIds)), 200);
  });
}
