// An organisation's live sessions (of its own modules or shipped ones): add, change, cancel; book staff within
// capacity or cancel a booking; record attendance, which marks the module completed for each person who came.
import type { CompiledQuery } from 'kysely';
import type { z } from 'zod';
import type { localSessionPatchSchema, localSessionSchema } from '../content/schemas.js';
import { localCatalogueVersion, type LocalSession } from '../domain/local-catalogue.js';
import { newId } from '../repos/crypto.js';
import { attendedQuery, bookingsFor, bookQuery, unbookQuery, type Booking } from '../repos/local-catalogues.js';
import type { Org } from '../repos/orgs.js';
import { recordProgressQuery } from '../repos/progress.js';
import { allStaffUnder } from '../repos/staff.js';
import { ProblemError, type FieldError } from './problems.js';
import { candidateContent, editing, writeNext, type Editing } from './local-catalogue.js';
import type { Deps } from './deps.js';
export type LocalSessionInput = z.output<typeof localSessionSchema>;
export type LocalSessionPatch = z.output<typeof localSessionPatchSchema>;

export interface SessionView extends LocalSession {
  readonly booked: number;
  readonly attended: number;
}

/** A new session id: lower-kebab, unique in practice ("s-" and 24 random base32 characters). */
export function newSessionId(): string {
  return newId('s', null).toLowerCase().replace('_', '-');
}

function ownSession(e: Editing, sessionId: string): LocalSession {
  const s = e.own.body.sessions.find((x) => x.id === sessionId);
  if (!s) throw new ProblemError('not-found', `No session ${sessionId} belongs to this organisation.`);
  return s;
}

/** 422 unless `moduleId` is active in the catalogue the org's staff plan with. */
function assertModule(deps: Deps, e: Editing, moduleId: string, path: string): void {
  const content = candidateContent(deps.content, e, e.own.body);
  if (!content.catalogue.modules.some((m) => m.id === moduleId)) {
    throw new ProblemError('validation', 'The session is for a module this organisation’s catalogue does not have.', [{ path, message: `unknown module "${moduleId}"` }]);
  }
}

function withCounts(sessions: readonly LocalSession[], bookings: readonly Booking[]): SessionView[] {
  return sessions.map((s) => {
    const mine = bookings.filter((b) => b.sessionId === s.id);
    return { ...s, booked: mine.length, attended: mine.filter((b) => b.attendedAt !== null).length };
  });
}

/** The org's sessions (soonest first), with how many are booked and attended. */
export async function listLocalSessions(deps: Deps, org: Org): Promise<SessionView[]> {
  const e = await editing(deps, org);
  const sessions = [...e.own.body.sessions].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  return withCounts(sessions, await bookingsFor(deps.database.db, org.id));
}

/** Adds sessions with any bookings and other writes (one write, one new catalogue version); `planId` marks those from a session plan. */
export async function addLocalSessions(
  deps: Deps,
  org: Org,
  inputs: readonly (LocalSessionInput & { planId?: string })[],
  actor: string | null,
  bookings: readonly { index: number; staffIds: readonly string[] }[] = [],
  also: readonly CompiledQuery[] = [],
): Promise<{ sessions: LocalSession[]; catalogueVersion: string }> {
  const e = await editing(deps, org);
  inputs.forEach((s, i) => assertModule(deps, e, s.moduleId, inputs.length > 1 ? `sessions[${i}].moduleId` : 'moduleId'));
  const added: LocalSession[] = inputs.map((s) => ({ ...s, id: newSessionId(), status: 'scheduled' }));
  const now = deps.now();
  const db = deps.database.db;
  const book = bookings.flatMap((b) => b.staffIds.map((id) => bookQuery(db, org.id, added[b.index]!.id, id, now)));
  const layer = await writeNext(deps, e, { ...e.own.body, sessions: [...e.own.body.sessions, ...added] }, actor, [...book, ...also]);
  const layers = e.chain.map((l) => (l.orgId === org.id ? layer : l));
  if (!layers.includes(layer)) layers.push(layer);
  return { sessions: added, catalogueVersion: localCatalogueVersion(deps.content.catalogue.version, layers) };
}

/** Changes a session's time, place, facilitator or capacity (not below the number booked). */
export async function changeLocalSession(deps: Deps, org: Org, sessionId: string, patch: LocalSessionPatch, actor: string | null, parse: (s: unknown) => LocalSessionInput): Promise<LocalSession> {
  const e = await editing(deps, org);
  const current = ownSession(e, sessionId);
  const { id, status, planId, ...fields } = current;
  const next: LocalSession = { ...parse({ ...fields, ...patch }), id, status, ...(planId ? { planId } : {}) };
  const booked = (await bookingsFor(deps.database.db, org.id, [sessionId])).length;
  if (next.capacity < booked) throw new ProblemError('validation', `${booked} people are booked; capacity cannot go below that.`, [{ path: 'capacity', message: `must be at least ${booked}` }]);
  await writeNext(deps, e, { ...e.own.body, sessions: e.own.body.sessions.map((s) => (s.id === sessionId ? next : s)) }, actor);
  return next;
}

/** Cancels a session: it leaves pathways and calendars; bookings are kept as a record. */
export async function cancelLocalSession(deps: Deps, org: Org, sessionId: string, actor: string | null): Promise<LocalSession> {
  const e = await editing(deps, org);
  const current = ownSession(e, sessionId);
  if (current.status === 'cancelled') return current;
  const next: LocalSession = { ...current, status: 'cancelled' };
  await writeNext(deps, e, { ...e.own.body, sessions: e.own.body.sessions.map((s) => (s.id === sessionId ? next : s)) }, actor);
  return next;
}

/** Staff ids that are not members of staff under the org, as field errors. */
async function unknownStaff(deps: Deps, org: Org, staffIds: readonly string[]): Promise<FieldError[]> {
  const members = new Set((await allStaffUnder(deps.database.db, org.id)).map((s) => s.id));
  return staffIds.flatMap((id, i) => (members.has(id) ? [] : [{ path: `staffIds[${i}]`, message: 'no member of staff with this id here' }]));
}

/** Books people on a scheduled session, within its capacity (already-booked people are left as they are). */
export async function bookLocalSession(deps: Deps, org: Org, sessionId: string, staffIds: readonly string[]): Promise<SessionView> {
  const e = await editing(deps, org);
  const session = ownSession(e, sessionId);
  if (session.status !== 'scheduled') throw new ProblemError('conflict', 'This session is cancelled.');
  const errors = await unknownStaff(deps, org, staffIds);
  if (errors.length) throw new ProblemError('validation', 'Some people are not staff of this organisation.', errors);
  const db = deps.database.db;
  const booked = new Set((await bookingsFor(db, org.id, [sessionId])).map((b) => b.staffId));
  const fresh = [...new Set(staffIds)].filter((id) => !booked.has(id));
  if (booked.size + fresh.length > session.capacity) {
    throw new ProblemError('validation', `Only ${session.capacity - booked.size} places are left.`, [{ path: 'staffIds', message: `${fresh.length} new bookings exceed the capacity of ${session.capacity}` }]);
  }
  const now = deps.now();
  if (fresh.length) await deps.database.atomic(fresh.map((id) => bookQuery(db, org.id, sessionId, id, now)));
  return withCounts([session], await bookingsFor(db, org.id, [sessionId]))[0]!;
}

/**
 * Cancels one person's booking on a scheduled session, freeing the place. 404 when they are not booked; 409 once
 * their attendance is recorded (it is their record of completing the module), when the session is cancelled (its
 * bookings are kept as a record), or, for a person cancelling their own, once the session has started.
 */
export async function cancelBooking(deps: Deps, org: Org, sessionId: string, staffId: string, opts: { readonly ownBooking: boolean }): Promise<SessionView> {
  const e = await editing(deps, org);
  const session = ownSession(e, sessionId);
  const db = deps.database.db;
  const booking = (await bookingsFor(db, org.id, [sessionId])).find((b) => b.staffId === staffId);
  if (!booking) throw new ProblemError('not-found', `No booking of ${staffId} on session ${sessionId}.`);
  if (booking.attendedAt !== null) throw new ProblemError('conflict', 'Attendance is recorded for this booking, so it stays as the record of completing the module.');
  if (session.status !== 'scheduled') throw new ProblemError('conflict', 'This session is cancelled; its bookings are kept as a record.');
  if (opts.ownBooking && Date.parse(session.start) <= deps.now().getTime()) {
    throw new ProblemError('conflict', 'This session has started; ask your leader to change the booking.');
  }
  await deps.database.atomic([unbookQuery(db, sessionId, staffId)]);
  return withCounts([session], await bookingsFor(db, org.id, [sessionId]))[0]!;
}

/**
 * Records that booked people attended: their booking is marked and the module is completed in their progress
 * (source `session`), in one write. 422 for people not booked on the session.
 */
export async function recordAttendance(deps: Deps, org: Org, sessionId: string, staffIds: readonly string[]): Promise<SessionView> {
  const e = await editing(deps, org);
  const session = ownSession(e, sessionId);
  const db = deps.database.db;
  const booked = new Set((await bookingsFor(db, org.id, [sessionId])).map((b) => b.staffId));
  const errors = staffIds.flatMap((id, i) => (booked.has(id) ? [] : [{ path: `staffIds[${i}]`, message: 'not booked on this session' }]));
  if (errors.length) throw new ProblemError('validation', 'Attendance can be recorded only for people booked on the session.', errors);
  const now = deps.now();
  const ids = [...new Set(staffIds)];
  await deps.database.atomic(ids.flatMap((id) => [attendedQuery(db, sessionId, id, now), recordProgressQuery(db, id, session.moduleId, 'completed', 'session', now)]));
  return withCounts([session], await bookingsFor(db, org.id, [sessionId]))[0]!;
}
