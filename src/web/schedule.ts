// Dates for a pathway's steps: week 1 starts on a Monday, and each week's steps go on its open weekdays, skipping
// weekends, England's bank holidays (data/bank-holidays.json) and any closed ranges given (a setting's term breaks).
// A week with no open weekday is skipped whole, so week 3 of the plan is the third week with a working day.
import bankHolidays from '../../data/bank-holidays.json';

export interface DateRange {
  /** First closed day, YYYY-MM-DD (UTC date). */
  readonly from: string;
  /** Last closed day, inclusive. */
  readonly to: string;
}

export const BANK_HOLIDAYS: ReadonlySet<string> = new Set(bankHolidays.dates.map((d) => d.date));

export const ymdOf = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));

/** The Monday on or after `now` (UTC date), when week 1 of a schedule starts. */
export function firstMonday(now: Date): Date {
  const day = now.getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(now, (8 - day) % 7);
}

/** True on a weekday that is neither a bank holiday nor inside a closed range. */
export function isOpenDay(d: Date, closedRanges: readonly DateRange[] = []): boolean {
  const day = d.getUTCDay();
  if (day === 0 || day === 6) return false;
  const ymd = ymdOf(d);
  if (BANK_HOLIDAYS.has(ymd)) return false;
  return !closedRanges.some((r) => ymd >= r.from && ymd <= r.to);
}

/** At most this many weeks are searched for an open day (a schedule never loops for ever on bad ranges). */
const MAX_WEEKS = 520;

/**
 * The date of each step: plan week w is the w-th week (from `start`, a Monday) with an open weekday; the k-th step
 * in a week goes on that week's k-th open day (the last open day when the week has fewer).
 */
export function stepDates(steps: readonly { readonly week: number }[], start: Date, closedRanges: readonly DateRange[] = []): Date[] {
  const byWeek = new Map<number, Date[]>();
  let calendarWeek = 0;
  let planWeek = 0;
  const maxWeek = steps.reduce((m, s) => Math.max(m, s.week), 0);
  while (planWeek < maxWeek && calendarWeek < MAX_WEEKS) {
    const monday = addDays(start, 7 * calendarWeek);
    const open = [0, 1, 2, 3, 4].map((i) => addDays(monday, i)).filter((d) => isOpenDay(d, closedRanges));
    calendarWeek += 1;
    if (!open.length) continue;
    planWeek += 1;
    byWeek.set(planWeek, open);
  }
  const seen = new Map<number, number>();
  return steps.map((s) => {
    const k = seen.get(s.week) ?? 0;
    seen.set(s.week, k + 1);
    const open = byWeek.get(s.week);
    if (!open) return addDays(start, 7 * (s.week - 1) + Math.min(k, 4));
    return open[Math.min(k, open.length - 1)]!;
  });
}
