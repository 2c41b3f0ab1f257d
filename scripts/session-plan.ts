// npm run session-plan [-- --staff 60 --seed 1]
// Measures the in-house session planner on a generated primary school: each person's pathway comes from the
// engine (random answers, shipped content), the availability is one training day in three rooms, and the planner
// is compared with the naive plan (one session per most-requested module) at the same session budgets:
// pathway minutes covered per session and staff reached. Same code path as POST /v1/orgs/{orgId}/session-plans.

import { getShippedContent } from '../src/content/bundled.js';
import { recommend } from '../src/domain/recommend.js';
import { createRng } from '../src/domain/rng.js';
import { naivePlan, plannerPeople, planSessions, type PlanTotals, type PlannerWindow } from '../src/domain/session-plan.js';
import type { Role } from '../src/domain/types.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const staffCount = arg('staff', 60);
const seed = arg('seed', 1);
const content = getShippedContent();
const rng = createRng(seed);
const ROLE_MIX: readonly [Role, number][] = [['teacher', 0.5], ['teaching_assistant', 0.4], ['senco', 0.03], ['leader', 0.07]];

function roleFor(i: number): Role {
  let acc = 0;
  for (const [role, share] of ROLE_MIX) {
    acc += share;
    if ((i + 0.5) / staffCount < acc) return role;
  }
  return 'teacher';
}

const pathways = Array.from({ length: staffCount }, (_, i) => {
  const responses = content.questionnaire.items.map((item) => ({ itemId: item.id, value: 1 + rng.int(5) }));
  const request = { role: roleFor(i), phase: 'primary' as const, responses, confidence: {}, completedModuleIds: [], timeBudgetMinutes: 600, weeklyMinutes: 60, formats: ['online', 'in_person', 'in_house'] as const, priorities: {} };
  return { id: `staff-${String(i + 1).padStart(2, '0')}`, steps: recommend(content, request).pathway.steps };
});
const people = plannerPeople(content, pathways);

// One training day: morning and afternoon in the hall (60), the library (20) and a classroom (15).
const windows: PlannerWindow[] = [];
for (const [from, to] of [['09:00', '12:00'], ['13:00', '15:30']]) {
  for (const [place, capacity] of [['Hall', 60], ['Library', 20], ['Room 5', 15]] as const) {
    windows.push({ start: `2027-01-04T${from}:00+00:00`, end: `2027-01-04T${to}:00+00:00`, place, capacity });
  }
}

const row = (label: string, t: PlanTotals) =>
  `| ${label} | ${t.sessions} | ${t.minutesPerSession.toFixed(0)} | ${t.staffReached} of ${staffCount} | ${(100 * t.coveredShare).toFixed(1)}% |`;

console.log(`Generated setting: ${staffCount} staff (primary), seed ${seed}; in-house pathway minutes requested: ${people.reduce((t, p) => t + p.needs.reduce((u, n) => u + n.minutes, 0), 0)}`);
console.log('| Plan | Sessions | Pathway minutes covered per session | Staff reached | Share of in-house pathway minutes covered |');
console.log('|---|---|---|---|---|');
for (const maxSessions of [4, 6, 10]) {
  const options = { maxSessions, minAttendees: 3 };
  const ours = planSessions(people, windows, options);
  const naive = naivePlan(people, windows, options);
  console.log(row(`Planner, up to ${maxSessions}`, ours.totals));
  console.log(row(`Naive (most-requested), up to ${maxSessions}`, naive.totals));
  const ratio = ours.totals.minutesPerSession / Math.max(1, naive.totals.minutesPerSession);
  console.log(`|  ratio (planner ÷ naive), minutes per session | | ${ratio.toFixed(2)} | ${(ours.totals.staffReached / Math.max(1, naive.totals.staffReached)).toFixed(2)} (staff) | |`);
}
