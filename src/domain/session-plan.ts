// In-house session planning: from each person's remaining pathway, propose a few group sessions (module,
// attendees, time and room within the availability given) that cover the most pathway minutes with the fewest
// sessions; and the naive plan it is measured against (one session per most-requested module). Pure.

import type { Content } from './types.js';

/** A person and the in-house modules still on their pathway (position: 1-based place in their pathway). */
export interface PlannerPerson {
  readonly id: string;
  readonly needs: readonly { readonly moduleId: string; readonly minutes: number; readonly position: number }[];
}

/** When and where sessions can run: ISO 8601 times with an offset, a room or place, and its capacity. */
export interface PlannerWindow {
  readonly start: string;
  readonly end: string;
  readonly place: string;
  readonly capacity: number;
}

export interface PlanOptions {
  /** At most this many sessions (1..50). */
  readonly maxSessions: number;
  /** A session needs at least this many attendees (1..). */
  readonly minAttendees: number;
}

export interface PlannedSession {
  readonly moduleId: string;
  readonly minutes: number;
  readonly windowIndex: number;
  readonly start: string;
  readonly end: string;
  readonly place: string;
  readonly capacity: number;
  /** Staff ids, in the order they were chosen. */
  readonly attendees: readonly string[];
  /** minutes × attendees: pathway minutes this session covers. */
  readonly minutesCovered: number;
}

export interface PlanTotals {
  readonly sessions: number;
  readonly minutesCovered: number;
  /** minutesCovered ÷ sessions (0 with no session). */
  readonly minutesPerSession: number;
  /** People with at least one session. */
  readonly staffReached: number;
  /** In-house pathway minutes across everyone, covered or not. */
  readonly minutesRequested: number;
  /** minutesCovered ÷ minutesRequested, 0..1. */
  readonly coveredShare: number;
}

export interface SessionPlan {
  readonly sessions: readonly PlannedSession[];
  readonly totals: PlanTotals;
}

const MINUTE = 60_000;

/** The ISO time `ms` in the same offset as `like` ("…Z" or "…+01:00"), to the second. */
function isoLike(ms: number, like: string): string {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(like);
  const offsetMin = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(ms + offsetMin * MINUTE).toISOString().slice(0, 19);
  return m ? `${local}${m[0]}` : `${local}Z`;
}

interface State {
  readonly cursor: number[];
  readonly busy: Map<string, [number, number][]>;
  readonly need: Map<string, Map<string, { minutes: number; position: number }>>;
  readonly sessionsOf: Map<string, number>;
  readonly out: PlannedSession[];
}

function start(people: readonly PlannerPerson[], windows: readonly PlannerWindow[]): State {
  return {
    cursor: windows.map((w) => Date.parse(w.start)),
    busy: new Map(people.map((p) => [p.id, []])),
    need: new Map(people.map((p) => [p.id, new Map(p.needs.map((n) => [n.moduleId, { minutes: n.minutes, position: n.position }]))])),
    sessionsOf: new Map(people.map((p) => [p.id, 0])),
    out: [],
  };
}

const free = (st: State, id: string, s: number, e: number) => st.busy.get(id)!.every(([a, b]) => e <= a || s >= b);

/** People who need `moduleId` and are free at [s, e), best first: fewest sessions so far, earliest in their pathway. */
function eligible(st: State, moduleId: string, s: number, e: number): string[] {
  const ids: { id: string; sessions: number; position: number }[] = [];
  for (const [id, needs] of st.need) {
    const n = needs.get(moduleId);
    if (n && free(st, id, s, e)) ids.push({ id, sessions: st.sessionsOf.get(id)!, position: n.position });
  }
  ids.sort((a, b) => a.sessions - b.sessions || a.position - b.position || (a.id < b.id ? -1 : 1));
  return ids.map((x) => x.id);
}

function place(st: State, windows: readonly PlannerWindow[], w: number, moduleId: string, minutes: number, attendees: string[]): void {
  const s = st.cursor[w]!;
  const e = s + minutes * MINUTE;
  for (const id of attendees) {
    st.busy.get(id)!.push([s, e]);
    st.need.get(id)!.delete(moduleId);
    st.sessionsOf.set(id, st.sessionsOf.get(id)! + 1);
  }
  st.cursor[w] = e;
  const win = windows[w]!;
  st.out.push({ moduleId, minutes, windowIndex: w, start: isoLike(s, win.start), end: isoLike(e, win.start), place: win.place, capacity: win.capacity, attendees, minutesCovered: minutes * attendees.length });
}

function moduleMinutes(people: readonly PlannerPerson[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of people) for (const n of p.needs) out.set(n.moduleId, n.minutes);
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

function totals(people: readonly PlannerPerson[], sessions: readonly PlannedSession[]): PlanTotals {
  const minutesCovered = sessions.reduce((t, s) => t + s.minutesCovered, 0);
  const minutesRequested = people.reduce((t, p) => t + p.needs.reduce((u, n) => u + n.minutes, 0), 0);
  return {
    sessions: sessions.length,
    minutesCovered,
    minutesPerSession: sessions.length ? minutesCovered / sessions.length : 0,
    staffReached: new Set(sessions.flatMap((s) => s.attendees)).size,
    minutesRequested,
    coveredShare: minutesRequested ? minutesCovered / minutesRequested : 0,
  };
}

/**
 * Greedy plan: each session is the (module, window) that covers the most pathway minutes (minutes × people who
 * need it and are free then, up to the room's capacity), placed at the window's next free time; stops at
 * `maxSessions` or when no session would reach `minAttendees`. Deterministic for the same input.
 */
export function planSessions(people: readonly PlannerPerson[], windows: readonly PlannerWindow[], options: PlanOptions): SessionPlan {
  const st = start(people, windows);
  const minutes = moduleMinutes(people);
  while (st.out.length < options.maxSessions) {
    let best: { w: number; moduleId: string; attendees: string[]; value: number } | null = null;
    windows.forEach((win, w) => {
      const s = st.cursor[w]!;
      for (const [moduleId, mins] of minutes) {
        const e = s + mins * MINUTE;
        if (e > Date.parse(win.end)) continue;
        const who = eligible(st, moduleId, s, e).slice(0, win.capacity);
        if (who.length < options.minAttendees) continue;
        const value = mins * who.length;
        if (!best || value > best.value) best = { w, moduleId, attendees: who, value };
      }
    });
    if (!best) break;
    const b: { w: number; moduleId: string; attendees: string[] } = best;
    place(st, windows, b.w, b.moduleId, minutes.get(b.moduleId)!, b.attendees);
  }
  return { sessions: st.out, totals: totals(people, st.out) };
}

/**
 * The naive plan: modules in order of how many people need them, one session each, in the first window where it
 * fits with at least `minAttendees` free people (the first to ask, up to capacity).
 */
export function naivePlan(people: readonly PlannerPerson[], windows: readonly PlannerWindow[], options: PlanOptions): SessionPlan {
  const st = start(people, windows);
  const minutes = moduleMinutes(people);
  const demand = new Map<string, number>();
  for (const p of people) for (const n of p.needs) demand.set(n.moduleId, (demand.get(n.moduleId) ?? 0) + 1);
  const order = [...demand].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  for (const moduleId of order) {
    if (st.out.length >= options.maxSessions) break;
    const mins = minutes.get(moduleId)!;
    for (let w = 0; w < windows.length; w++) {
      const s = st.cursor[w]!;
      const e = s + mins * MINUTE;
      if (e > Date.parse(windows[w]!.end)) continue;
      const who = [...st.need].filter(([id, needs]) => needs.has(moduleId) && free(st, id, s, e)).map(([id]) => id).slice(0, windows[w]!.capacity);
      if (who.length < options.minAttendees) continue;
      place(st, windows, w, moduleId, mins, who);
      break;
    }
  }
  return { sessions: st.out, totals: totals(people, st.out) };
}

/**
 * Planner input from people's remaining pathway steps: only modules the catalogue offers `in_house` (a setting
 * can run them as a group session), each with its pathway position.
 */
export function plannerPeople(content: Content, pathways: readonly { readonly id: string; readonly steps: readonly { readonly moduleId: string; readonly minutes: number }[] }[]): PlannerPerson[] {
  const inHouse = new Set(content.catalogue.modules.filter((m) => m.formats.includes('in_house')).map((m) => m.id));
  return pathways.map((p) => ({
    id: p.id,
    needs: p.steps.flatMap((s, i) => (inHouse.has(s.moduleId) ? [{ moduleId: s.moduleId, minutes: s.minutes, position: i + 1 }] : [])),
  }));
}
