// A staff CSV of 8,000 rows imported through the Worker in real workerd with a local D1 (which allows at most 100
// bound parameters per statement and a limited number of statements per batch): every row is stored, a second
// import of the same people is refused with nothing written, and two imports racing for one address leave exactly
// one file's rows, never part of one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from '../helpers/workerd.js';

const ADMIN_TOKEN = 'workerd-import-admin-token-0123456789';
const ROWS = 8_000;
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker({ ADMIN_TOKEN, RATE_LIMITS: 'off' });
}, 120_000);
afterAll(async () => {
  await worker?.stop();
});

/** A CSV of `n` people; emails are `<tag>-<i>@big.example` (the last one can be replaced). */
function staffCsv(n: number, tag: string, lastEmail?: string): string {
  const roles = ['teacher', 'teaching_assistant', 'Learning support assistant in a college', 'senco'];
  const lines = ['name,email,job_role,phase,groups'];
  for (let i = 1; i <= n; i++) {
    const email = i === n && lastEmail ? lastEmail : `${tag}-${i}@big.example`;
    lines.push(`Person ${tag} ${i},${email},${roles[i % roles.length]},${i % 2 ? 'primary' : 'Secondary school'},year-${i % 6};team-${i % 11}`);
  }
  return lines.join('\r\n') + '\r\n';
}

async function newSetting(name: string): Promise<string> {
  const res = await worker.fetch('/v1/orgs', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'setting', name, settingType: 'school', phase: 'primary' }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const importCsv = (settingId: string, csv: string, dryRun = false) =>
  worker.fetch(`/v1/orgs/${settingId}/staff/import${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', headers: { ...admin, 'content-type': 'text/csv' }, body: csv });

/** Every staff email of the setting, paging through the API. */
async function emailsOf(settingId: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await worker.fetch(`/v1/orgs/${settingId}/staff?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: admin });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: { email: string }[]; nextCursor: string | null };
    out.push(...page.data.map((s) => s.email));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe(`staff import of ${ROWS.toLocaleString('en-GB')} rows on workerd with D1`, () => {
  it('checks, stores every row, and refuses the same people again without writing anything', async () => {
    const settingId = await newSetting('Big Academy');
    const csv = staffCsv(ROWS, 'a');
    const dry = await importCsv(settingId, csv, true);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, valid: true, rows: ROWS, checked: ROWS, createdCount: 0 });

    const res = await importCsv(settingId, csv);
    expect(res.status, await res.clone().text().then((t) => t.slice(0, 500))).toBe(201);
    expect(await res.json()).toMatchObject({ dryRun: false, valid: true, rows: ROWS, createdCount: ROWS });
    const stored = await emailsOf(settingId);
    expect(stored.length).toBe(ROWS);
    expect(new Set(stored).size).toBe(ROWS);

    // Half new people, half already on the list: every duplicate is reported and nobody is added.
    const again = await importCsv(settingId, [staffCsv(ROWS / 2, 'a'), ...staffCsv(ROWS / 2, 'b').split('\r\n').slice(1)].join('\r\n'));
    expect(again.status).toBe(422);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await again.json()) as { detail: string; errors: { path: string; message: string }[] };
    expect(problem.errors.length).toBe(ROWS / 2);
    expect(problem.errors[0]!.path).toBe('row 2.email');
    expect((await emailsOf(settingId)).length).toBe(ROWS);
  }, 300_000);

  it('leaves exactly one file’s rows when two imports race for the same address', async () => {
    const settingId = await newSetting('Race Academy');
    const shared = 'shared@big.example';
    const [x, y] = await Promise.all([importCsv(settingId, staffCsv(ROWS, 'x', shared)), importCsv(settingId, staffCsv(ROWS, 'y', shared))]);
    const statuses = [x.status, y.status].sort();
    // Both checked before either wrote (409 from the database), or one checked after the other wrote (422).
    expect([[201, 409], [201, 422]]).toContainEqual(statuses);
    const stored = await emailsOf(settingId);
    expect(stored.length).toBe(ROWS);
    const winner = x.status === 201 ? 'x' : 'y';
    expect(stored.filter((e) => e.startsWith(`${winner}-`)).length).toBe(ROWS - 1);
    expect(stored).toContain(shared);
  }, 300_000);
});
