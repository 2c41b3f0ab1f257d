// CSV parsing and the staff import's row-by-row validation (src/services/csv.ts, src/services/staff-import.ts).
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from '../../src/services/csv.js';
import { readStaffCsv } from '../../src/services/staff-import.js';

const none = async () => new Set<string>();

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM and blank trailing lines', () => {
    expect(parseCsv('\ufeffa,"b, c","say ""hi"""\r\n1,2,3\r\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('x\n"multi\nline"\n')).toEqual([['x'], ['multi\nline']]);
  });

  it('writes cells that spreadsheets will not run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(0.5)).toBe('0.5');
    expect(toCsv([['a', null], ['b,c', 1]])).toBe('a,\r\n"b,c",1\r\n');
  });
});

describe('readStaffCsv', () => {
  it('accepts friendly role and phase labels, defaults the phase and splits groups', async () => {
    const r = await readStaffCsv('Name,Email,Role,Phase,Groups\nAsha,ASHA@X.ORG,Teaching assistant,,KS1; Maths\nBo,,TA,EYFS,\n', 'primary', none);
    expect(r.errors).toEqual([]);
    expect(r.staff).toEqual([
      { name: 'Asha', email: 'asha@x.org', jobRole: 'teaching_assistant', phase: 'primary', groups: ['KS1', 'Maths'] },
      { name: 'Bo', email: null, jobRole: 'teaching_assistant', phase: 'early_years' },
    ]);
  });

  it('reports every problem by spreadsheet row and column and returns no rows to create', async () => {
    const r = await readStaffCsv('name,email,job_role\nA,a@x.org,teacher\n,not-an-email,pilot\nC,a@x.org,teacher\nD,d@x.org,teacher\n', 'primary', async () => new Set(['d@x.org']));
    expect(r.staff).toEqual([]);
    expect(r.errors.map((e) => `${e.row}.${e.field}`)).toEqual(['3.name', '3.email', '3.job_role', '4.email', '5.email']);
    expect(r.errors.find((e) => e.row === 4)!.message).toMatch(/row 2/);
  });

  it('needs the name and job_role columns, ignores (and lists) unknown columns, and refuses a phase it cannot default', async () => {
    const r = await readStaffCsv('name,shoe_size\nA,9\n', null, none);
    expect(r.errors.map((e) => e.field)).toEqual(['job_role']);
    expect(r.ignoredColumns).toEqual(['shoe_size']);
    const p = await readStaffCsv('name,job_role\nA,teacher\n', null, none);
    expect(p.errors).toEqual([{ row: 2, field: 'phase', message: expect.stringMatching(/phase/) }]);
    expect((await readStaffCsv('', 'primary', none)).errors[0]!.field).toBe('(file)');
  });
});
