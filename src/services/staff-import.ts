// Reads a staff CSV (name, email, job_role, phase, groups) into validated new-staff rows, or a row-by-row error
// report in plain English. Row numbers are spreadsheet rows: the header is row 1. Accepts the labels the service
// shows ("Secondary school") as well as codes, ignores extra columns (so the service's own export re-imports), and
// strips the ' a spreadsheet-safe export puts before a cell starting with = + - @.
import { PHASES, ROLES, type Phase, type Role } from '../domain/types.js';
import type { NewStaff } from '../repos/staff.js';
import { PHASE_LABELS, ROLE_LABELS } from '../web/labels.js';
import { parseCsv } from './csv.js';
import { CreateStaffBody } from '../http/schemas/accounts.js';

/** Data rows one import may hold (a large trust's whole staff list); the body limit for imports fits it. */
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportError {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export interface StaffCsvReport {
  /** Data rows read (header excluded). */
  readonly rows: number;
  /** Rows that passed every check (all of them when there are no errors). */
  readonly checked: number;
  /** The rows to create; empty when there is any error (all or nothing). */
  readonly staff: NewStaff[];
  readonly errors: ImportError[];
  /** Header cells that are not one of the service's columns; their values are not read. */
  readonly ignoredColumns: string[];
}

const COLUMNS: Readonly<Record<string, keyof NewStaff>> = {
  name: 'name',
  full_name: 'name',
  email: 'email',
  email_address: 'email',
  job_role: 'jobRole',
  jobrole: 'jobRole',
  role: 'jobRole',
  phase: 'phase',
  groups: 'groups',
  group: 'groups',
};

/** "Teaching assistant" → teaching_assistant (lower case, spaces and dashes as underscores). */
const key = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[\s-]+/g, '_');

function lookup<T extends string>(codes: readonly T[], labels: Readonly<Record<T, { label: string }>>, aliases: Record<string, T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const c of codes) {
    m.set(key(c), c);
    m.set(key(labels[c].label), c);
  }
  for (const [a, c] of Object.entries(aliases)) m.set(key(a), c);
  return m;
}

const ROLE_OF = lookup<Role>(ROLES, ROLE_LABELS, { ta: 'teaching_assistant', hlta: 'teaching_assistant', eyp: 'early_years_practitioner', 'early years practitioner (EYP)': 'early_years_practitioner', lecturer: 'fe_lecturer', headteacher: 'leader', 'learning support assistant': 'learning_support', lsa: 'learning_support' });
const PHASE_OF = lookup<Phase>(PHASES, PHASE_LABELS, { eyfs: 'early_years', nursery: 'early_years', primary: 'primary', secondary: 'secondary', 'post-16': 'post16', 'sixth form': 'post16', fe: 'post16', 'further education': 'post16', college: 'post16', ap: 'alternative_provision', 'pupil referral unit': 'alternative_provision', pru: 'alternative_provision' });

const allowed = (labels: Readonly<Record<string, { label: string }>>) => Object.values(labels).map((l) => `“${l.label}”`).join(', ');

/** A cell as written, less the ' a formula-safe export adds before = + - @ (tab or CR). */
function cell(raw: string | undefined): string {
  const v = (raw ?? '').trim();
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

/** Row-1 problems: empty file, semicolon separators, missing required columns, too many rows. */
function headerProblems(table: string[][], header: (keyof NewStaff | undefined)[]): ImportError[] {
  const errors: ImportError[] = [];
  const first = table[0]!;
  if (first.length === 1 && first[0]!.includes(';')) {
    errors.push({
      row: 1,
      field: '(file)',
      message:
        'The columns are separated by semicolons (;). Save the file as “CSV (comma delimited)” or “CSV UTF-8”, which separates columns with commas, and upload it again.',
    });
    return errors;
  }
  if (!header.includes('name')) errors.push({ row: 1, field: 'name', message: 'The first row has no “name” column. Add one: it holds each person’s full name.' });
  if (!header.includes('jobRole')) errors.push({ row: 1, field: 'job_role', message: 'The first row has no “job_role” column. Add one: it holds each person’s job role, for example “Teacher”.' });
  const rows = table.length - 1;
  if (rows > MAX_IMPORT_ROWS) errors.push({ row: MAX_IMPORT_ROWS + 2, field: '(file)', message: `The file has ${rows.toLocaleString('en-GB')} rows; one import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')}. Split it into smaller files.` });
  return errors;
}

/** One data row into the fields to validate, or the plain-English problems with its job role and phase. */
function readRow(cells: string[], header: (keyof NewStaff | undefined)[], row: number, defaultPhase: Phase | null): { raw: Record<string, unknown>; errors: ImportError[] } {
  const raw: Record<string, unknown> = {};
  const errors: ImportError[] = [];
  header.forEach((field, j) => {
    const v = cell(cells[j]);
    if (!field || v === '') return;
    if (field === 'groups') raw.groups = v.split(/[;|]/).map((g) => g.trim()).filter(Boolean);
    else if (field === 'jobRole') {
      const role = ROLE_OF.get(key(v));
      if (role) raw.jobRole = role;
      else errors.push({ row, field: 'job_role', message: `“${v}” is not a job role the service knows. Use one of: ${allowed(ROLE_LABELS)}.` });
    } else if (field === 'phase') {
      const phase = PHASE_OF.get(key(v));
      if (phase) raw.phase = phase;
      else errors.push({ row, field: 'phase', message: `“${v}” is not a phase the service knows. Use one of: ${allowed(PHASE_LABELS)}.` });
    } else raw[field] = v;
  });
  raw.phase ??= defaultPhase ?? undefined;
  return { raw, errors };
}

const FIELD_NAMES: Readonly<Record<string, string>> = { jobRole: 'job_role', name: 'name', email: 'email', phase: 'phase', groups: 'groups' };
/** A row's problems are listed in the order of the columns. */
const COLUMN_ORDER = ['name', 'email', 'job_role', 'phase', 'groups'];

/** A zod issue on an import row in plain words, naming the column. */
function plain(field: string, value: unknown): string {
  switch (field) {
    case 'name':
      return value === undefined ? 'The name is empty. Give the person’s full name.' : 'The name is too long: use at most 200 characters.';
    case 'email':
      return `“${String(value)}” is not an email address. Use one like name@school.org.uk, or leave the cell empty.`;
    case 'jobRole':
      return `The job role is empty. Use one of: ${allowed(ROLE_LABELS)}.`;
    case 'groups':
      return 'Too many groups or a group name over 60 characters: give at most 20 groups, separated by semicolons.';
    default:
      return 'This value is not valid.';
  }
}

/**
 * Validates every row. `defaultPhase` fills a blank phase; `existing` says which of the file's emails are
 * already on the setting's staff list. Returns the rows to create when there are no errors.
 */
export async function readStaffCsv(text: string, defaultPhase: Phase | null, existing: (emails: string[]) => Promise<ReadonlySet<string>>): Promise<StaffCsvReport> {
  const table = parseCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
  if (!table.length) return { rows: 0, checked: 0, staff: [], ignoredColumns: [], errors: [{ row: 1, field: '(file)', message: 'The file is empty. The first row must name the columns, for example: name,email,job_role,phase,groups.' }] };
  const header = table[0]!.map((h) => COLUMNS[key(h)]);
  const ignoredColumns = table[0]!.filter((h, i) => !header[i] && h.trim()).map((h) => h.trim());
  const errors = headerProblems(table, header);
  const rows = table.length - 1;
  if (errors.length) return { rows, checked: 0, staff: [], errors, ignoredColumns };

  const staff: (NewStaff & { row: number })[] = [];
  const seen = new Map<string, number>();
  const schema = CreateStaffBody.omit({ invite: true });
  for (let i = 1; i < table.length; i++) {
    const row = i + 1;
    const read = readRow(table[i]!, header, row, defaultPhase);
    const parsed = schema.safeParse(read.raw);
    const rowErrors = [...read.errors];
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (rowErrors.some((e) => e.field === FIELD_NAMES[field])) continue;
        rowErrors.push({ row, field: FIELD_NAMES[field] ?? field, message: plain(field, read.raw[field]) });
      }
    }
    if (rowErrors.length || !parsed.success) {
      errors.push(...rowErrors.sort((a, b) => COLUMN_ORDER.indexOf(a.field) - COLUMN_ORDER.indexOf(b.field)));
      continue;
    }
    const email = parsed.data.email ?? null;
    if (email) {
      if (seen.has(email)) errors.push({ row, field: 'email', message: `${email} is also on row ${seen.get(email)}. Each person needs their own email address.` });
      else seen.set(email, row);
    }
    if (!parsed.data.phase) {
      errors.push({ row, field: 'phase', message: `The phase is empty and the setting has no default phase. Use one of: ${allowed(PHASE_LABELS)}.` });
      continue;
    }
    staff.push({ ...parsed.data, phase: parsed.data.phase, email, row });
  }
  const known = seen.size ? await existing([...seen.keys()]) : new Set<string>();
  for (const s of staff) {
    if (s.email && known.has(s.email)) errors.push({ row: s.row, field: 'email', message: `${s.email} is already on the staff list, so this row would add the person twice. Remove the row.` });
  }
  errors.sort((a, b) => a.row - b.row);
  const failedRows = new Set(errors.map((e) => e.row)).size;
  return { rows, checked: rows - failedRows, staff: errors.length ? [] : staff.map(({ row: _row, ...s }) => s), errors, ignoredColumns };
}
