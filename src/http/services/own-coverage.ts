// A setting's or trust's own training in coverage and exports: own modules (retired ones too: the training was done)
// count as training in the areas they cover, and live sessions add up to places booked, places left and attendance.
// Used by GET /v1/orgs/{orgId}/coverage, the dashboard and its staff CSV alike.
import type { Context } from 'hono';
import { computeCoverage, type Coverage, type CoveragePerson } from '../../domain/coverage.js';
import type { LocalLayer, LocalSession } from '../../domain/local-catalogue.js';
import type { Content, Module } from '../../domain/types.js';
import { bookingsFor, type Booking } from '../../repos/local-catalogues.js';
import { settingIdsUnder, type Org } from '../../repos/orgs.js';
import { coverageRows, idList, toCoverageRow, type CoverageRow, type StoredCoverageRow } from '../../repos/coverage.js';
import type { AppEnv } from '../env.js';
import { latestLayersOf, orgChain } from '../local-content.js';

type C = Context<AppEnv>;

/** One person's own training: own modules completed, upcoming sessions booked, sessions attended. */
export interface OwnTrainingOfPerson {
  readonly ownModulesCompleted: number;
  /** Upcoming scheduled sessions the person is booked on, soonest first. */
  readonly upcoming: readonly LocalSession[];
  readonly sessionsAttended: number;
}

/** The organisation's own training as coverage reports it; people counts are null while coverage hides its groups. */
export interface OwnTrainingSummary {
  /** Own modules its staff can be recommended and assigned now (the organisation's, its trust's or its settings'). */
  readonly activeModules: number;
  /** People on the list who completed at least one own module. */
  readonly completedBy: number | null;
  readonly sessions: {
    /** Scheduled sessions that have not started yet. */
    readonly upcoming: number;
    /** Places on those sessions taken by people on the list. */
    readonly placesBooked: number;
    /** Places still free on those sessions. */
    readonly placesLeft: number;
    /** People on the list who attended at least one session. */
    readonly staffAttended: number | null;
  };
}

export interface CoverageWithOwnTraining {
  readonly coverage: Coverage;
  readonly ownTraining: OwnTrainingSummary;
  /** Each person's own training, by staff id (filled when asked for per person). */
  readonly people: ReadonlyMap<string, OwnTrainingOfPerson>;
  /** Each person's coverage row (secure areas, completed modules as stored), by staff id (when asked for per person). */
  readonly rows: ReadonlyMap<string, CoverageRow>;
}

/** The orgs whose catalogues reach `org`'s staff: a setting and its trust, or a trust and its settings. */
async function orgsInScope(c: C, org: Org): Promise<string[]> {
  const database = c.get('database');
  if (org.kind === 'setting') return orgChain(database, org.id);
  return [org.id, ...(await settingIdsUnder(database.db, org))];
}

/**
 * Module ids made unique per organisation ("org/module"), since two settings may each have a module with the same
 * id: a person's completed own module resolves through their own chain (trust first, as their catalogue merges it).
 */
function qualifier(layers: readonly LocalLayer[], shipped: ReadonlySet<string>) {
  const owners = new Map(layers.map((l) => [l.orgId, new Set(l.body.modules.map((m) => m.id))]));
  return (chain: readonly string[], moduleId: string): string | null => {
    if (shipped.has(moduleId)) return moduleId;
    const owner = chain.find((orgId) => owners.get(orgId)?.has(moduleId));
    return owner ? `${owner}/${moduleId}` : null;
  };
}

/** The shipped content with every own module in scope added under its qualified id (only ids and areas matter here). */
function contentWithOwn(base: Content, layers: readonly LocalLayer[]): Content {
  const own: Module[] = layers.flatMap((l) => l.body.modules.map((m) => ({ ...m, id: `${l.orgId}/${m.id}` })));
  return own.length ? { ...base, catalogue: { ...base.catalogue, modules: [...base.catalogue.modules, ...own] } } : base;
}

function sessionFigures(sessions: readonly LocalSession[], bookings: readonly Booking[], listed: ReadonlySet<string>, now: Date) {
  const upcoming = sessions.filter((s) => s.status === 'scheduled' && Date.parse(s.start) > now.getTime());
  const ids = new Set(upcoming.map((s) => s.id));
  const onUpcoming = bookings.filter((b) => ids.has(b.sessionId));
  return {
    upcoming: upcoming.length,
    placesBooked: onUpcoming.filter((b) => listed.has(b.staffId)).length,
    placesLeft: upcoming.reduce((n, s) => n + Math.max(0, s.capacity - onUpcoming.filter((b) => b.sessionId === s.id).length), 0),
  };
}

const NO_SESSIONS = { upcoming: [], sessionsAttended: 0 } as const;

/** Upcoming scheduled sessions of a person's bookings, soonest first, and how many sessions they attended. */
function personSessions(mine: readonly Booking[], byId: ReadonlyMap<string, LocalSession>, now: Date) {
  return {
    upcoming: mine.flatMap((b) => byId.get(b.sessionId) ?? []).filter((x) => x.status === 'scheduled' && Date.parse(x.start) > now.getTime()).sort((a, b) => (a.start < b.start ? -1 : 1)),
    sessionsAttended: mine.filter((b) => b.attendedAt !== null).length,
  };
}

function byStaffId(bookings: readonly Booking[]): Map<string, Booking[]> {
  const out = new Map<string, Booking[]>();
  for (const b of bookings) {
    const list = out.get(b.staffId);
    if (list) list.push(b);
    else out.set(b.staffId, [b]);
  }
  return out;
}

/** Each setting's catalogue chain (trust first), for the settings of these rows. */
async function chainsOf(c: C, org: Org, rows: readonly StoredCoverageRow[]): Promise<Map<string, string[]>> {
  const chains = new Map<string, string[]>();
  for (const r of rows) {
    if (chains.has(r.settingId)) continue;
    chains.set(r.settingId, org.kind === 'trust' && r.settingId !== org.id ? [org.id, r.settingId] : await orgChain(c.get('database'), r.settingId));
  }
  return chains;
}

/**
 * Coverage of everyone under `org` counting own modules as training, with the own-training summary. People alike in
 * all coverage reads (and, with own modules in scope, in their setting) are counted once with their number, so a
 * large trust costs a pass over short rows. `perPerson` also returns each person's row and own training (dashboard).
 */
export async function coverageWithOwnTraining(c: C, org: Org, perPerson = false): Promise<CoverageWithOwnTraining> {
  const database = c.get('database');
  const base = c.get('content');
  const scope = await orgsInScope(c, org);
  const [layers, stored, bookings] = await Promise.all([
    latestLayersOf(database, scope),
    coverageRows(database.db, org.id),
    Promise.all(scope.map((orgId) => bookingsFor(database.db, orgId))).then((all) => all.flat()),
  ]);
  const bookingsOf = byStaffId(bookings);
  const qualify = qualifier(layers, new Set(base.catalogue.modules.map((m) => m.id)));
  const chains = await chainsOf(c, org, stored);
  const sessions = layers.flatMap((l) => l.body.sessions);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const now = c.get('clock')();
  const alike = new Map<string, { person: CoveragePerson & { count: number }; own: number }>();
  const people = new Map<string, OwnTrainingOfPerson>();
  const rows = new Map<string, CoverageRow>();
  const listedBooked = new Set<string>();
  let completedBy = 0;
  let staffAttended = 0;
  for (const r of stored) {
    const key = `${layers.length ? r.settingId : ''}\u0000${r.role}\u0000${r.phase}\u0000${r.secureAreas ?? '\u0001'}\u0000${r.done}`;
    let group = alike.get(key);
    if (group) group.person.count++;
    else {
      const done = new Set(idList(r.done).flatMap((id) => qualify(chains.get(r.settingId) ?? [], id) ?? []));
      const person = { role: r.role, phase: r.phase, secure: r.secureAreas === null ? null : new Set(idList(r.secureAreas)), completed: done, count: 1 };
      alike.set(key, (group = { person, own: [...done].filter((id) => id.includes('/')).length }));
    }
    const mine = bookingsOf.get(r.staffId);
    if (mine) listedBooked.add(r.staffId);
    const seen = mine ? personSessions(mine, byId, now) : NO_SESSIONS;
    if (group.own > 0) completedBy++;
    if (seen.sessionsAttended > 0) staffAttended++;
    if (perPerson) {
      people.set(r.staffId, { ownModulesCompleted: group.own, ...seen });
      rows.set(r.staffId, toCoverageRow(r));
    }
  }
  const coverage = computeCoverage(contentWithOwn(base, layers), [...alike.values()].map((g) => g.person));
  const hide = (n: number) => (coverage.overall.suppressed ? null : n);
  const ownTraining: OwnTrainingSummary = {
    activeModules: new Set(layers.flatMap((l) => l.body.modules.filter((m) => m.status === 'active').map((m) => `${l.orgId}/${m.id}`))).size,
    completedBy: hide(completedBy),
    sessions: { ...sessionFigures(sessions, bookings, listedBooked, now), staffAttended: hide(staffAttended) },
  };
  return { coverage, ownTraining, people, rows };
}
