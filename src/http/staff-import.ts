// Reads a staff CSV (name, email, job_role, phase, groups) into validated new-staff rows, or a row-by-row error
// report. Row numbers are spreadsheet rows: the header is row 1.
import { PHASES, ROLES, type Phase } from '../domain/types.js';
import type { NewStaff } from '../repos/staff.js';
import { parseCsv } from './csv.js';
import { CreateStaffBody } from './schemas/accounts.js';

export const MAX_IMPORT_ROWS = 1000;

export interface ImportError {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

const COLUMNS: Readonly<Record<string, keyof NewStaff>> = {
  name: 'name',
  full_name: 'name',
  email: 'email',
  job_role: 'jobRole',
  jobrole: 'jobRole',
  role: 'jobRole',
  phase: 'phase',
  groups: 'groups',
  group: 'groups',
};

const ALIASES: Readonly<Record<string, string>> = {
  ta: 'teaching_assistant',
  eyfs: 'early_years',
  early_years_practitioner_eyp: 'early_years_practitioner',
  post_16: 'post16',
  sixth_form: 'post16',
  fe: 'post16',
  ap: 'alternative_provision',
};

/** "Teaching assistant" → teaching_assistant; a few common aliases (TA, EYFS, post-16, AP). */
function code(value: string): string {
  const v = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return ALIASES[v] ?? v;
}

/**
 * Validates every row. `defaultPhase` fills a blank phase; `existing` says which of the file's emails are
 * already on the setting's staff list. Returns the rows to create when there are no errors.
 */
export async function readStaffCsv(
  text: string,
  defaultPhase: Phase | null,
  existing: (emails: string[]) => Promise<ReadonlySet<string>>,
): Promise<{ rows: number; staff: NewStaff[]; errors: ImportError[] }> {
  const table = parseCsv(text).filter((r) => r.some((cell) => cell.trim() !== ''));
  const errors: ImportError[] = [];
  if (!table.length) return { rows: 0, staff: [], errors: [{ row: 1, field: '(file)', message: 'The file is empty; the first row must name the columns.' }] };
  const header = table[0]!.map((h) => COLUMNS[code(h)]);
  table[0]!.forEach((h, i) => {
    if (!header[i] && h.trim()) errors.push({ row: 1, field: h.trim(), message: 'Unknown column; use name, email, job_role, phase, groups.' });
  });
  for (const need of ['name', 'jobRole'] as const) {
    if (!header.includes(need)) errors.push({ row: 1, field: need === 'name' ? 'name' : 'job_role', message: 'This column is required.' });
  }
  const rows = table.length - 1;
  if (rows > MAX_IMPORT_ROWS) errors.push({ row: MAX_IMPORT_ROWS + 2, field: '(file)', message: `At most ${MAX_IMPORT_ROWS} rows per import; split the file.` });
  if (errors.length) return { rows, staff: [], errors };

  const staff: (NewStaff & { row: number })[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const raw: Record<string, unknown> = {};
    header.forEach((field, j) => {
      const v = (cells[j] ?? '').trim();
      if (!field || v === '') return;
      if (field === 'groups') raw.groups = v.split(/[;|]/).map((g) => g.trim()).filter(Boolean);
      else if (field === 'jobRole' || field === 'phase') raw[field] = code(v);
      else raw[field] = v;
    });
    raw.phase ??= defaultPhase ?? undefined;
    const parsed = CreateStaffBody.omit({ invite: true }).safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row, field: fieldName(String(issue.path[0] ?? '(row)')), message: message(issue.path[0], issue.message) });
      return;
    }
    const email = parsed.data.email ?? null;
    if (email) {
      if (seen.has(email)) errors.push({ row, field: 'email', message: `${email} is also on row ${seen.get(email)}.` });
      else seen.set(email, row);
    }
    if (!parsed.data.phase) {
      errors.push({ row, field: 'phase', message: 'Give a phase; the setting has no default phase.' });
      return;
    }
    staff.push({ ...parsed.data, phase: parsed.data.phase, email, row });
  });
  const known = seen.size ? await existing([...seen.keys()]) : new Set<string>();
  for (const s of staff) {
    if (s.email && known.has(s.email)) errors.push({ row: s.row, field: 'email', message: `${s.email} is already on the staff list.` });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, staff: errors.length ? [] : staff.map(({ row: _row, ...s }) => s), errors };
}

function fieldName(field: string): string {
  return field === 'jobRole' ? 'job_role' : field;
}

function message(field: PropertyKey | undefined, fallback: string): string {
  if (field === 'jobRole') return `Use one of: ${ROLES.join(', ')}.`;
  if (field === 'phase') return `Use one of: ${PHASES.join(', ')}.`;
  return fallback;
}
