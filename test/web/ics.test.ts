// The .ics schedule: valid iCalendar (VCALENDAR/VEVENT, DTSTART per week), CRLF line ends, lines folded at 75 octets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathwayStep } from '../../src/domain/types.js';
import { buildIcs, escapeText, firstMonday, foldLine } from '../../src/web/ics.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from './client.js';
import { completeJourney } from './journey-helpers.js';

const enc = new TextEncoder();
const step = (position: number, week: number, title: string): PathwayStep => ({
  position,
  moduleId: `m-${position}`,
  title,
  format: 'online',
  minutes: 45,
  week,
  level: 'foundation',
  targets: [],
  evidence: { strength: 3, sources: [] },
  reasons: [],
  explanation: 'Because, it; matters\nto you.',
});

/** Unfolds RFC 5545 content lines (CRLF followed by one space or tab). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('iCalendar builder', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const line = 'DESCRIPTION:' + 'é'.repeat(100) + '–'.repeat(20);
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(enc.encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('puts week 1 on the next Monday and each week 7 days on, spreading steps within a week', () => {
    const start = firstMonday(new Date('2026-11-22T10:00:00Z')); // a Sunday
    expect(start.toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(firstMonday(new Date('2026-11-23T23:00:00Z')).toISOString().slice(0, 10)).toBe('2026-11-23');
    const ics = buildIcs({ steps: [step(1, 1, 'A'), step(2, 1, 'B'), step(3, 3, 'C')], start, now: new Date('2026-11-22T10:00:00Z'), uidPrefix: 'abc' });
    const lines = unfold(ics);
    expect(lines.filter((l) => l.startsWith('DTSTART'))).toEqual(['DTSTART;VALUE=DATE:20261123', 'DTSTART;VALUE=DATE:20261124', 'DTSTART;VALUE=DATE:20261207']);
    expect(lines).toContain('DESCRIPTION:Because\\, it\\; matters\\nto you.');
  });
});

describe('GET /pathway.ics', () => {
  let env: ReturnType<typeof makeNodeApp>;
  beforeAll(() => {
    env = makeNodeApp();
  });
  afterAll(() => env.close());

  it('downloads a valid calendar of the pathway with one event per step', async () => {
    const w = new WebClient(env.app);
    await completeJourney(w);
    const page = await w.page('/pathway');
    const steps = (page.html.match(/<span class="step-number">Step \d+:<\/span>/g) ?? []).length;
    const res = await w.get('/pathway.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.ics"$/);
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare LF or CR
    for (const raw of ics.split('\r\n')) expect(enc.encode(raw).length).toBeLessThanOrEqual(75);
    const lines = unfold(ics);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(steps);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(steps);
    const starts = lines.filter((l) => l.startsWith('DTSTART;VALUE=DATE:')).map((l) => l.slice(-8));
    expect(starts).toHaveLength(steps);
    expect(starts[0]).toBe('20261123'); // the test clock is Sunday 22 November 2026
    expect(new Set(lines.filter((l) => l.startsWith('UID:'))).size).toBe(steps);
    expect(lines.every((l) => l === '' || /^[A-Z-]+[;:]/.test(l))).toBe(true);
  });

  it('sends someone without answers back to the start', async () => {
    const res = await new WebClient(env.app).get('/pathway.ics');
    expect(res.status).toBe(303);
  });
});
