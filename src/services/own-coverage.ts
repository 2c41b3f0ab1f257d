// A setting's or trust's own training in coverage and exports: own modules (retired ones too: the training was done)
// count as training in the areas they cover, and live sessions add up to places booked, places left and attendance.
// Used by GET /v1/orgs/{orgId}/coverage, the dashboard and its staff CSV alike.
import { computeCoverage, coverageOfCells, emptyTally, trainingAreas, type Coverage, type CoverageCell, type CoveragePerson } from '../domain/coverage.js';
import type { LocalLayer, LocalSession } from '../domain/local-catalogue.js';
import type { Content, Module } from '../domain/types.js';
import { bookingsForAll, type Booking } from '../repos/local-catalogues.js';
import { settingIdsUnder, type Org } from '../repos/orgs.js';
import { areaBits, coverageRows, doneCounts, idList, listedUnder, secureCounts, toCoverageRow, type CoverageRow } from '../repos/coverage.js';
import { latestLayersOf, orgChain } from './local-content.js';
import type { Deps } from './deps.js';

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
async function orgsInScope(deps: Deps, org: Org): Promise<string[]> {
  const database = deps.database;
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

/** Each setting's catalogue chain (trust first). */
async function chainsOf(deps: Deps, org: Org, settingIds: Iterable<string>): Promise<Map<string, string[]>> {
  const chains = new Map<string, string[]>();
  for (const id of settingIds) {
    if (chains.has(id)) continue;
    chains.set(id, org.kind === 'trust' && id !== org.id ? [org.id, id] : await orgChain(deps.database, id));
  }
  return chains;
}

/** What both ways of counting share: the own catalogues and bookings in scope, and how a module id resolves. */
async function ownInScope(deps: Deps, org: Org) {
  const database = deps.database;
  const base = deps.content;
  const scope = await orgsInScope(deps, org);
  const [layers, bookings] = await Promise.all([
    latestLayersOf(database, scope),
    bookingsForAll(database.db, scope),
  ]);
  const sessions = layers.flatMap((l) => l.body.sessions);
  return {
    layers,
    bookings,
    sessions,
    content: contentWithOwn(base, layers),
    qualify: qualifier(layers, new Set(base.catalogue.modules.map((m) => m.id))),
    activeModules: new Set(layers.flatMap((l) => l.body.modules.filter((m) => m.status === 'active').map((m) => `${l.orgId}/${m.id}`))).size,
    now: deps.now(),
  };
}
type OwnScope = Awaited<ReturnType<typeof ownInScope>>;

function summary(own: OwnScope, coverage: Coverage, listed: ReadonlySet<string>, completedBy: number, staffAttended: number): OwnTrainingSummary {
  const hide = (n: number) => (coverage.overall.suppressed ? null : n);
  return {
    activeModules: own.activeModules,
    completedBy: hide(completedBy),
    sessions: { ...sessionFigures(own.sessions, own.bookings, listed, own.now), staffAttended: hide(staffAttended) },
  };
}

/** Qualified completed modules of a stored list, and how many of them are own modules. */
function resolveDone(own: OwnScope, chain: readonly string[], done: string): { ids: Set<string>; own: number } {
  const ids = new Set(idList(done).flatMap((id) => own.qualify(chain, id) ?? []));
  return { ids, own: [...ids].filter((id) => id.includes('/')).length };
}

/**
 * Coverage of everyone under `org` counting own modules as training, with the own-training summary. Without
 * `perPerson` (the coverage API) the counts are added up in the database per role, phase and set of completed modules;
 * with it (the dashboard) each person's row and own training are returned too, and the same counts made from them.
 */
export async function coverageWithOwnTraining(deps: Deps, org: Org, perPerson = false): Promise<CoverageWithOwnTraining> {
  const own = await ownInScope(deps, org);
  return perPerson ? coverageOfPeople(deps, org, own) : coverageOfCounts(deps, org, own);
}

async function coverageOfCounts(deps: Deps, org: Org, own: OwnScope): Promise<CoverageWithOwnTraining> {
  const db = deps.database.db;
  const areas = own.content.taxonomy.areas.map((a) => a.id);
  const bySetting = own.layers.some((l) => l.body.modules.length > 0);
  const [secure, done, listed] = await Promise.all([
    areaBits(db).then((bits) => secureCounts(db, org.id, areas, bits)),
    doneCounts(db, org.id, bySetting),
    own.bookings.length ? listedUnder(db, org.id, own.bookings.map((b) => b.staffId)) : Promise.resolve(new Set<string>()),
  ]);
  const cells = new Map<string, CoverageCell>();
  for (const x of secure) cells.set(`${x.role}\u0000${x.phase}`, { role: x.role, phase: x.phase, ...emptyTally(areas.length), n: x.n, assessed: x.assessed, secure: x.secure });
  const chains = bySetting ? await chainsOf(deps, org, done.flatMap((x) => x.settingId ?? [])) : new Map<string, string[]>();
  const trainingIn = trainingAreas(own.content);
  let completedBy = 0;
  for (const x of done) {
    const cell = cells.get(`${x.role}\u0000${x.phase}`);
    const ids = resolveDone(own, (x.settingId && chains.get(x.settingId)) || [], x.done);
    if (!cell || ids.ids.size === 0) continue;
    const trained = new Set([...ids.ids].flatMap((id) => trainingIn.get(id) ?? []));
    cell.trainedAny += x.n;
    for (const i of trained) cell.trained[i]! += x.n;
    if (ids.own > 0) completedBy += x.n;
  }
  const coverage = coverageOfCells(areas, [...cells.values()]);
  const attended = new Set(own.bookings.filter((b) => b.attendedAt !== null && listed.has(b.staffId)).map((b) => b.staffId));
  return { coverage, ownTraining: summary(own, coverage, listed, completedBy, attended.size), people: new Map(), rows: new Map() };
}

async function coverageOfPeople(deps: Deps, org: Org, own: OwnScope): Promise<CoverageWithOwnTraining> {
  const stored = await coverageRows(deps.database.db, org.id);
  const chains = await chainsOf(deps, org, stored.map((r) => r.settingId));
  const bookingsOf = byStaffId(own.bookings);
  const byId = new Map(own.sessions.map((s) => [s.id, s]));
  const people = new Map<string, OwnTrainingOfPerson>();
  const rows = new Map<string, CoverageRow>();
  const persons: CoveragePerson[] = [];
  const listed = new Set<string>();
  let completedBy = 0;
  let staffAttended = 0;
  for (const r of stored) {
    const done = resolveDone(own, chains.get(r.settingId) ?? [], r.done);
    const row = toCoverageRow(r);
    persons.push({ ...row, completed: done.ids });
    const mine = bookingsOf.get(r.staffId);
    if (mine) listed.add(r.staffId);
    const seen = mine ? personSessions(mine, byId, own.now) : NO_SESSIONS;
    if (done.own > 0) completedBy++;
    if (seen.sessionsAttended > 0) staffAttended++;
    people.set(r.staffId, { ownModulesCompleted: done.own, ...seen });
    rows.set(r.staffId, row);
  }
  const coverage = computeCoverage(own.content, persons);
  return { coverage, ownTraining: summary(own, coverage, listed, completedBy, staffAttended), people, rows };
}
