// A setting's or trust's own training in coverage and exports: own modules (retired ones too: the training was done)
// count as training in the areas they cover, and live sessions add up to places booked, places left and attendance.
// Used by GET /v1/orgs/{orgId}/coverage, the dashboard and its staff CSV alike.
import type { Context } from 'hono';
import { computeCoverage, type Coverage } from '../../domain/coverage.js';
import type { LocalLayer, LocalSession } from '../../domain/local-catalogue.js';
import type { Content, Module } from '../../domain/types.js';
import { bookingsFor, type Booking } from '../../repos/local-catalogues.js';
import { settingIdsUnder, type Org } from '../../repos/orgs.js';
import { coverageRows, type CoverageRow } from '../../repos/coverage.js';
import type { Staff } from '../../repos/staff.js';
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
  readonly people: ReadonlyMap<string, OwnTrainingOfPerson>;
  /** Each person's coverage row (secure areas, completed modules as stored), by staff id. */
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

/** Coverage of `staff` (everyone under `org`) counting own modules as training, with the own-training summary. */
export async function coverageWithOwnTraining(c: C, org: Org, staff: readonly Staff[]): Promise<CoverageWithOwnTraining> {
  const database = c.get('database');
  const base = c.get('content');
  const scope = await orgsInScope(c, org);
  const [layers, rows, bookings] = await Promise.all([
    latestLayersOf(database, scope),
    coverageRows(database.db, org.id),
    Promise.all(scope.map((orgId) => bookingsFor(database.db, orgId))).then((all) => all.flat()),
  ]);
  const byStaff = new Map(rows.map((r) => [r.staffId, r]));
  const bookingsOf = new Map<string, Booking[]>();
  for (const b of bookings) {
    const list = bookingsOf.get(b.staffId);
    if (list) list.push(b);
    else bookingsOf.set(b.staffId, [b]);
  }
  const qualify = qualifier(layers, new Set(base.catalogue.modules.map((m) => m.id)));
  const chains = new Map<string, string[]>();
  for (const settingId of new Set(staff.map((s) => s.settingId))) chains.set(settingId, await orgChain(database, settingId));
  const sessions = layers.flatMap((l) => l.body.sessions);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const now = c.get('clock')();
  const people = new Map<string, OwnTrainingOfPerson>();
  const coveragePeople = staff.map((s) => {
    const row = byStaff.get(s.id);
    const done = new Set([...(row?.completed ?? [])].flatMap((id) => qualify(chains.get(s.settingId) ?? [], id) ?? []));
    const mine = bookingsOf.get(s.id) ?? [];
    people.set(s.id, {
      ownModulesCompleted: [...done].filter((id) => id.includes('/')).length,
      upcoming: mine.flatMap((b) => byId.get(b.sessionId) ?? []).filter((x) => x.status === 'scheduled' && Date.parse(x.start) > now.getTime()).sort((a, b) => (a.start < b.start ? -1 : 1)),
      sessionsAttended: mine.filter((b) => b.attendedAt !== null).length,
    });
    return { role: s.jobRole, phase: s.phase, secure: row?.secure ?? null, completed: done };
  });
  const coverage = computeCoverage(contentWithOwn(base, layers), coveragePeople);
  const hide = (n: number) => (coverage.overall.suppressed ? null : n);
  const everyone = [...people.values()];
  const ownTraining: OwnTrainingSummary = {
    activeModules: new Set(layers.flatMap((l) => l.body.modules.filter((m) => m.status === 'active').map((m) => `${l.orgId}/${m.id}`))).size,
    completedBy: hide(everyone.filter((p) => p.ownModulesCompleted > 0).length),
    sessions: { ...sessionFigures(sessions, bookings, new Set(staff.map((s) => s.id)), now), staffAttended: hide(everyone.filter((p) => p.sessionsAttended > 0).length) },
  };
  return { coverage, ownTraining, people, rows: byStaff };
}
