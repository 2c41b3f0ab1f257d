// A setting's term dates and closures: the checks both the leader's form and the API apply (a name, real dates, the
// last day on or after the first, at most a year, no overlap with one already stored), adding, removing, and the
// closed ranges a member of staff's schedule skips.
import { getClosure, listClosures, newClosure, removeClosureQuery, type Closure, type NewClosure } from '../repos/closures.js';
import type { Org } from '../repos/orgs.js';
import type { Deps } from './deps.js';

/** At most this many closures per setting (several years of terms and training days). */
export const MAX_CLOSURES = 200;
/** The longest closure, in days. */
export const MAX_CLOSURE_DAYS = 366;

export interface ClosureProblem {
  readonly field: 'label' | 'from' | 'to';
  readonly message: string;
}

export type ClosureResult = { ok: true; closure: Closure } | { ok: false; status: 409 | 422; problems: ClosureProblem[] };

const DAY_MS = 86_400_000;

/** "21 December 2026" for a YYYY-MM-DD date. */
export function closureDate(ymd: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ymd}T00:00:00Z`));
}

/** "21 December 2026 to 1 January 2027", or one date for a single day. */
export function closureDates(c: Pick<Closure, 'from' | 'to'>): string {
  return c.from === c.to ? closureDate(c.from) : `${closureDate(c.from)} to ${closureDate(c.to)}`;
}

/** True for a real calendar date written YYYY-MM-DD between 2000 and 2100. */
function realDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '2000-01-01' && s <= '2100-12-31';
}

function dateProblem(field: 'from' | 'to', value: string): ClosureProblem | null {
  const which = field === 'from' ? 'first' : 'last';
  if (!value) return { field, message: `Enter the ${which} day the setting is closed` };
  if (!realDate(value)) return { field, message: `Enter the ${which} day closed as a real date between 2000 and 2100, like 2026-12-21` };
  return null;
}

/** The closure as given, or every problem with it, in plain English, checked against the setting's `existing` ones. */
export function checkClosure(raw: { label?: unknown; from?: unknown; to?: unknown }, existing: readonly Closure[]): { ok: true; value: NewClosure } | { ok: false; problems: ClosureProblem[] } {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const label = text(raw.label).replace(/\s+/g, ' ');
  const from = text(raw.from);
  const to = text(raw.to);
  const problems: ClosureProblem[] = [];
  if (!label) problems.push({ field: 'label', message: 'Enter a name for the closure, like “Christmas holiday” or “Training day”' });
  else if (label.length > 80) problems.push({ field: 'label', message: 'The name must be 80 characters or fewer' });
  const fromProblem = dateProblem('from', from);
  const toProblem = dateProblem('to', to);
  if (fromProblem) problems.push(fromProblem);
  if (toProblem) problems.push(toProblem);
  if (!fromProblem && !toProblem) {
    if (to < from) problems.push({ field: 'to', message: `The last day closed must be the same as or after the first day closed (${closureDate(from)})` });
    else if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_CLOSURE_DAYS) problems.push({ field: 'to', message: `A closure can be at most ${MAX_CLOSURE_DAYS} days long` });
    else {
      const clash = existing.find((e) => e.from <= to && e.to >= from);
      if (clash) problems.push({ field: 'from', message: overlapMessage(clash) });
    }
  }
  if (!problems.length && existing.length >= MAX_CLOSURES) problems.push({ field: 'from', message: `A setting can record up to ${MAX_CLOSURES} closures. Remove past ones first` });
  return problems.length ? { ok: false, problems } : { ok: true, value: { label, from, to } };
}

const overlapMessage = (clash: Closure) =>
  `These dates overlap “${clash.label}” (${closureDates(clash)}). Change the dates, or remove “${clash.label}” first`;

/** Adds a closure to `setting` (a setting, not a trust) after the checks; a 409 when another overlapping one was stored meanwhile. */
export async function addClosure(deps: Deps, setting: Org, raw: { label?: unknown; from?: unknown; to?: unknown }, createdBy: string | null): Promise<ClosureResult> {
  const database = deps.database;
  const existing = await listClosures(database.db, setting.id);
  const checked = checkClosure(raw, existing);
  if (!checked.ok) return { ok: false, status: 422, problems: checked.problems };
  const made = newClosure(database.db, setting.id, checked.value, createdBy, deps.now());
  await database.atomic([made.query]);
  if (await getClosure(database.db, made.closure.id)) return { ok: true, closure: made.closure };
  const clash = (await listClosures(database.db, setting.id)).find((e) => e.from <= checked.value.to && e.to >= checked.value.from);
  return { ok: false, status: 409, problems: [{ field: 'from', message: clash ? overlapMessage(clash) : 'Someone changed the closures meanwhile. Check them and try again' }] };
}

/** Removes one closure of the setting; false when it has no closure with that id. */
export async function removeClosure(deps: Deps, setting: Org, closureId: string): Promise<boolean> {
  const database = deps.database;
  const found = await getClosure(database.db, closureId);
  if (!found || found.settingId !== setting.id) return false;
  await database.atomic([removeClosureQuery(database.db, setting.id, closureId)]);
  return true;
}

/** The setting's closures, earliest first. */
export function closuresOf(deps: Deps, setting: Org): Promise<Closure[]> {
  return listClosures(deps.database.db, setting.id);
}

/** The closed ranges a member of staff of `settingId` has no step on. */
export async function closedRangesFor(deps: Deps, settingId: string | null | undefined): Promise<{ from: string; to: string }[]> {
  if (!settingId) return [];
  return (await listClosures(deps.database.db, settingId)).map((x) => ({ from: x.from, to: x.to }));
}
