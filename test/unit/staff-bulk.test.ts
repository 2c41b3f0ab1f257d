// Bulk staff writes stay inside D1's limits at the largest import allowed (20,000 rows): one bound parameter per
// statement (D1 allows 100), statements far below 100 KB of SQL, each bound value far below 2 MB, and few enough
// statements for one request; and the rows stored are exactly the rows returned.
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../../src/services/staff-import.js';
import { openSqlite } from '../../src/repos/drivers/sqlite.js';
import { createOrg } from '../../src/repos/orgs.js';
import { existingEmails, getStaff, newStaffBatch } from '../../src/repos/staff.js';
import { MIGRATIONS_DIR } from '../helpers/node-app.js';

const database = openSqlite(':memory:', MIGRATIONS_DIR);
afterAll(() => database.close());

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `Zoë O’Brien-Łukasz ${i + 1}`,
    email: `person.${i + 1}@a-rather-long-school-domain.example.org.uk`,
    jobRole: 'teaching_assistant' as const,
    phase: 'secondary' as const,
    groups: ['year-7', `tutor-${i % 30}`, 'maths and science department'],
  }));

describe('bulk staff writes', () => {
  it(`store ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows in few statements of one bound parameter each`, async () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const setting = await createOrg(database.db, { kind: 'setting', name: 'Big', settingType: 'school', phase: 'secondary' }, now);
    const batch = newStaffBatch(database.db, setting.id, people(MAX_IMPORT_ROWS), now);
    expect(batch.queries.length).toBeLessThanOrEqual(40);
    for (const q of batch.queries) {
      expect(q.parameters.length).toBe(1);
      expect(new TextEncoder().encode(q.sql).length).toBeLessThan(2_000);
      expect(new TextEncoder().encode(String(q.parameters[0])).length).toBeLessThan(1_000_000);
    }
    await database.atomic(batch.queries);
    const count = await database.db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).where('setting_id', '=', setting.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(MAX_IMPORT_ROWS);
    for (const i of [0, 1234, MAX_IMPORT_ROWS - 1]) expect(await getStaff(database.db, batch.staff[i]!.id)).toEqual(batch.staff[i]);
    const found = await existingEmails(database.db, setting.id, [...people(3).map((p) => p.email.toUpperCase()), 'nobody@example.org']);
    expect([...found].sort()).toEqual(people(3).map((p) => p.email).sort());
  });
});
