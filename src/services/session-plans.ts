// Session plans for a setting: propose group sessions from its staff's current pathways (the planner and the naive
// baseline with the same limits), store the proposal, and on acceptance (with a leader's edits) turn it into live
// sessions with bookings, so they appear in attendees' pathways and calendars.
import type { z } from 'zod';
import { naivePlan, plannerPeople, planSessions, type PlanTotals } from '../domain/session-plan.js';
import { newId } from '../repos/crypto.js';
import { acceptPlanQuery, getPlan, newPlanQuery } from '../repos/local-catalogues.js';
import type { Org } from '../repos/orgs.js';
import { allStaffUnder } from '../repos/staff.js';
import { staffCatalogue } from './local-content.js';
import { myPathway, planningState } from './pathway-view.js';
import { ProblemError, type FieldError } from './problems.js';
import type { AcceptPlanSchema, SessionPlanRequestSchema } from '../http/schemas/session-plans.js';
import { addLocalSessions } from './local-sessions.js';
import type { Deps } from './deps.js';
export type PlanRequest = z.output<typeof SessionPlanRequestSchema>;
export type AcceptRequest = z.output<typeof AcceptPlanSchema>;

export interface PlanSessionView {
  readonly moduleId: string;
  readonly title: string;
  readonly minutes: number;
  readonly start: string;
  readonly end: string;
  readonly place: string;
  readonly capacity: number;
  readonly attendees: readonly { readonly staffId: string; readonly name: string }[];
  readonly minutesCovered: number;
  readonly facilitator?: string;
}

export interface PlanView {
  readonly id: string;
  readonly orgId: string;
  readonly status: 'proposed' | 'accepted';
  readonly sessions: readonly PlanSessionView[];
  readonly totals: PlanTotals;
  readonly baseline: PlanTotals;
  readonly createdAt: string;
  readonly acceptedAt: string | null;
  readonly catalogueVersion?: string;
}

/** Proposes sessions for a setting from its staff's current pathways; stores the proposal. */
export async function proposePlan(deps: Deps, setting: Org, input: PlanRequest): Promise<PlanView> {
  const database = deps.database;
  const catalogue = await staffCatalogue(deps, setting.id);
  const staff = await allStaffUnder(database.db, setting.id);
  const pathways = [];
  for (const s of staff) pathways.push({ id: s.id, steps: myPathway(catalogue.content, await planningState(deps, s)).steps });
  const people = plannerPeople(catalogue.content, pathways);
  const options = { maxSessions: input.maxSessions, minAttendees: input.minAttendees };
  const plan = planSessions(people, input.windows, options);
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const titles = new Map(catalogue.content.catalogue.modules.map((m) => [m.id, m.title]));
  const now = deps.now().toISOString();
  const view: PlanView = {
    id: newId('spl', deps.now()),
    orgId: setting.id,
    status: 'proposed',
    sessions: plan.sessions.map((s) => ({
      moduleId: s.moduleId,
      title: titles.get(s.moduleId) ?? s.moduleId,
      minutes: s.minutes,
      start: s.start,
      end: s.end,
      place: s.place,
      capacity: s.capacity,
      attendees: s.attendees.map((id) => ({ staffId: id, name: names.get(id) ?? id })),
      minutesCovered: s.minutesCovered,
    })),
    totals: plan.totals,
    baseline: naivePlan(people, input.windows, options).totals,
    createdAt: now,
    acceptedAt: null,
  };
  await database.atomic([newPlanQuery(database.db, { id: view.id, orgId: setting.id, request: input, body: view, createdAt: now })]);
  return view;
}

/** A stored plan of this setting, or a 404. */
export async function readPlan(deps: Deps, setting: Org, planId: string): Promise<PlanView> {
  const plan = await getPlan(deps.database.db, planId);
  if (!plan || plan.orgId !== setting.id) throw new ProblemError('not-found', `No session plan ${planId} belongs to this setting.`);
  return { ...(plan.body as PlanView), status: plan.status, acceptedAt: plan.acceptedAt };
}

/** The plan's sessions with the leader's edits applied (skipped ones dropped), or 422 naming what is wrong. */
function edited(plan: PlanView, edits: AcceptRequest, staffIds: ReadonlySet<string>): PlanSessionView[] {
  const errors: FieldError[] = [];
  const byIndex = new Map(edits.sessions.map((e, i) => [e.index, { e, i }]));
  for (const { e, i } of byIndex.values()) if (e.index >= plan.sessions.length) errors.push({ path: `sessions[${i}].index`, message: `there are ${plan.sessions.length} sessions` });
  const out: PlanSessionView[] = [];
  plan.sessions.forEach((s, index) => {
    const hit = byIndex.get(index);
    if (hit?.e.skip) return;
    const e = hit?.e ?? { index };
    const attendees = e.attendees ? e.attendees.map((id) => ({ staffId: id, name: id })) : s.attendees;
    e.attendees?.forEach((id, j) => {
      if (!staffIds.has(id)) errors.push({ path: `sessions[${hit!.i}].attendees[${j}]`, message: 'no member of staff with this id here' });
    });
    if (attendees.length > s.capacity) errors.push({ path: `sessions[${hit?.i ?? index}].attendees`, message: `more than the room's capacity of ${s.capacity}` });
    const next = { ...s, ...(e.start ? { start: e.start } : {}), ...(e.end ? { end: e.end } : {}), ...(e.place ? { place: e.place } : {}), attendees };
    if (Date.parse(next.end) <= Date.parse(next.start)) errors.push({ path: `sessions[${hit?.i ?? index}].end`, message: 'must be after start' });
    out.push(e.facilitator ? { ...next, facilitator: e.facilitator } : next);
  });
  if (errors.length) throw new ProblemError('validation', 'Some edits to the plan are not valid.', errors);
  return out;
}

/**
 * Accepts a proposed plan with the leader's edits: its sessions become live sessions of the setting with their
 * attendees booked, and the plan is marked accepted, in one write. 409 if it was accepted already.
 */
export async function acceptPlan(deps: Deps, setting: Org, planId: string, edits: AcceptRequest, actor: string | null): Promise<PlanView> {
  const plan = await readPlan(deps, setting, planId);
  if (plan.status !== 'proposed') throw new ProblemError('conflict', 'This plan was accepted already.');
  const staffIds = new Set((await allStaffUnder(deps.database.db, setting.id)).map((s) => s.id));
  const sessions = edited(plan, edits, staffIds);
  const now = deps.now();
  const accepted: PlanView = { ...plan, status: 'accepted', sessions, acceptedAt: now.toISOString() };
  const db = deps.database.db;
  const done = await addLocalSessions(
    deps,
    setting,
    sessions.map((s) => ({ moduleId: s.moduleId, start: s.start, end: s.end, place: s.place, capacity: s.capacity, planId, ...(s.facilitator ? { facilitator: s.facilitator } : {}) })),
    actor,
    sessions.map((s, index) => ({ index, staffIds: s.attendees.map((a) => a.staffId) })),
    [acceptPlanQuery(db, planId, accepted, now)],
  );
  return { ...accepted, catalogueVersion: done.catalogueVersion };
}
