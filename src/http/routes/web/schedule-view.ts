// When a pathway's steps fall: week 1 from the Monday after today, on open weekdays only (no weekend, bank holiday
// in England, or day the person's setting has recorded as closed). Used by the pathway page and its .ics alike.
import type { Context } from 'hono';
import type { PathwayStep } from '../../../domain/types.js';
import { firstMonday, stepDates, type DateRange } from '../../../web/schedule.js';
import type { AppEnv } from '../../env.js';
import { closedRangesFor } from '../../../services/closures.js';
import { serviceDeps } from '../../service-deps.js';

export interface Schedule {
  /** Week 1's Monday (UTC date). */
  readonly start: Date;
  /** The setting's closures (empty without a setting). */
  readonly closed: readonly DateRange[];
  /** The day each step is planned for, by step position. */
  readonly dates: ReadonlyMap<number, Date>;
  /** The first open day of week 1. */
  readonly firstDay: Date;
}

/** The schedule of `steps` for a member of staff of `settingId` (null: no setting, so no closures). */
export async function scheduleFor(c: Context<AppEnv>, settingId: string | null, steps: readonly PathwayStep[]): Promise<Schedule> {
  const start = firstMonday(c.get('clock')());
  const closed = await closedRangesFor(serviceDeps(c), settingId);
  const dates = stepDates(steps, start, closed);
  const [firstDay] = stepDates([{ week: 1 }], start, closed);
  return { start, closed, dates: new Map(steps.map((s, i) => [s.position, dates[i]!])), firstDay: firstDay! };
}
