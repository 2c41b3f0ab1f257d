// iCalendar (RFC 5545) text for a pathway's schedule: one VEVENT per step, at a live session's real time when the
// step has one (booked first, else the soonest to come), else all day on an open weekday (no weekend or bank
// holiday); UIDs stable per person and module; CRLF lines folded at 75 octets.
import type { Content, ModuleSession, PathwayStep } from '../domain/types.js';
import { addDays, firstMonday, stepDates, type DateRange } from './schedule.js';

export { firstMonday, stepDates };

const enc = new TextEncoder();

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds one content line into chunks of at most 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let curBytes = 0;
  for (const ch of line) {
    const b = enc.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with one space
    if (curBytes + b > limit) {
      out.push(cur);
      cur = '';
      curBytes = 0;
    }
    cur += ch;
    curBytes += b;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const ymd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export interface IcsOptions {
  readonly steps: readonly PathwayStep[];
  /** Week 1's Monday (UTC date). */
  readonly start: Date;
  /** DTSTAMP: when the file was made. */
  readonly now: Date;
  /**
   * Identifies the person (a hash, never a name or email): each event's UID is this plus the module id, so
   * re-downloading after a re-plan updates the same events instead of adding copies.
   */
  readonly uidPrefix: string;
  /** Closed days to skip besides weekends and bank holidays (a setting's term breaks). */
  readonly closedRanges?: readonly DateRange[];
  readonly describe?: (step: PathwayStep) => string;
  /** The live session a step happens at, if any. */
  readonly sessionFor?: ((step: PathwayStep) => ModuleSession | undefined) | undefined;
}

/** The session a person would go to for a module: one they are booked on, else the soonest that has not ended. */
export function sessionForStep(content: Content, moduleId: string, booked: ReadonlySet<string>, now: Date): ModuleSession | undefined {
  const sessions = (content.catalogue.modules.find((m) => m.id === moduleId)?.sessions ?? []).filter((s) => Date.parse(s.end) >= now.getTime());
  return sessions.find((s) => booked.has(s.id)) ?? [...sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
}

const utc = (iso: string) => stamp(new Date(iso));

/** A VCALENDAR with one all-day VEVENT per step, lines joined by CRLF and folded. */
export function buildIcs(o: IcsOptions): string {
  const dates = stepDates(o.steps, o.start, o.closedRanges ?? []);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//SEND training pathways//Pathway schedule//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:My SEND training pathway'];
  o.steps.forEach((s, i) => {
    const d = dates[i]!;
    const live = o.sessionFor?.(s);
    const when = live ? [`DTSTART:${utc(live.start)}`, `DTEND:${utc(live.end)}`] : [`DTSTART;VALUE=DATE:${ymd(d)}`, `DTEND;VALUE=DATE:${ymd(addDays(d, 1))}`];
    lines.push(
      'BEGIN:VEVENT',
      `UID:${o.uidPrefix}-${s.moduleId}@send-pathways`,
      `DTSTAMP:${stamp(o.now)}`,
      ...when,
      `SUMMARY:${escapeText(`SEND training step ${s.position}: ${s.title} (${s.minutes} minutes)`)}`,
      ...(live?.place || live?.onlineUrl ? [`LOCATION:${escapeText(live.place ?? live.onlineUrl!)}`] : []),
      `DESCRIPTION:${escapeText(o.describe ? o.describe(s) : s.explanation)}`,
      live ? 'TRANSP:OPAQUE' : 'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
