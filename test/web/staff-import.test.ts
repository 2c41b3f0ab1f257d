// Staff CSV import at a trust's scale and as people write files: 20,000 rows all or nothing with counts in the API's
// report and on the dashboard, the labels the service shows, plain-English errors, and the export round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaffCsv, MAX_IMPORT_ROWS } from '../../src/services/staff-import.js';
import { parseCsv, toCsv } from '../../src/services/csv.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from './client.js';
import { PASSWORD, seedSetting, type Seeded } from './seed.js';

const TOKEN = 'import-admin-token-0123456789';
let env: ReturnType<typeof makeNodeApp>;
let seed: Seeded;

beforeAll(async () => {
  env = makeNodeApp({ adminToken: TOKEN });
  seed = await seedSetting(env.database);
});
afterAll(() => env.close());

const ROLES = ['Teacher', 'Teaching assistant', 'SENCO', 'teacher', 'learning_support'];
const rows = (n: number, domain: string) =>
  ['name,email,job_role,phase,groups', ...Array.from({ length: n }, (_, i) => `Person ${i + 1},p${i + 1}@${domain},${ROLES[i % ROLES.length]},${i % 2 ? 'Secondary school' : ''},team-${i % 40}`)].join('\r\n');
const post = (csv: string, query = '') =>
  env.app.request(`/v1/orgs/${seed.settingId}/staff/import${query}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' }, body: csv });
const count = async () => (await env.database.db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).where('setting_id', '=', seed.settingId).executeTakeFirstOrThrow()).n;

describe('staff CSV import', () => {
  it('imports 20,000 rows in one go, with rows, checked and created counts in the report; one bad row imports nothing', async () => {
    expect(MAX_IMPORT_ROWS).toBe(20_000);
    const before = Number(await count());
    const big = rows(20_000, 'trust.example');
    expect(big.length).toBeGreaterThan(1024 * 1024); // over the general 1 MB body limit
    const bad = big.replace('Person 19999,p19999@trust.example,', 'Person 19999,not-an-email,');
    const refused = await post(bad);
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors).toEqual([{ path: 'row 20000.email', message: '“not-an-email” is not an email address. Use one like name@school.org.uk, or leave the cell empty.' }]);
    expect(Number(await count())).toBe(before);

    const dry = await post(big, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ valid: true, rows: 20_000, checked: 20_000, createdCount: 0, maxRows: 20_000 });
    const done = await post(big);
    expect(done.status).toBe(201);
    const report = (await done.json()) as { rows: number; checked: number; createdCount: number; created: { jobRole: string; phase: string }[] };
    expect(report).toMatchObject({ rows: 20_000, checked: 20_000, createdCount: 20_000 });
    expect(report.created.filter((s) => s.jobRole === 'learning_support')).toHaveLength(4_000);
    expect(report.created.filter((s) => s.phase === 'secondary')).toHaveLength(10_000);
    expect(Number(await count())).toBe(before + 20_000);

    const tooMany = await post(rows(20_001, 'other.example'), '?dryRun=true');
    expect(((await tooMany.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain('one import takes at most 20,000');
  }, 120_000);

  it('shows the counts on the dashboard pages for a large file', async () => {
    const own = makeNodeApp();
    const mine = await seedSetting(own.database);
    const w = new WebClient(own.app);
    await w.page('/sign-in');
    await w.post('/sign-in', { email: mine.leader.email, password: PASSWORD });
    const base = `/dashboard/${mine.settingId}`;
    const csv = rows(5_000, 'web.example');
    const preview = await w.post(`${base}/import`, { step: 'preview', pasted: csv });
    const html = await preview.text();
    expect(html).toContain('Checked all 5,000 rows: 5,000 ready to import.');
    expect(html).toContain('<progress max="5000" value="5000"');
    expect(html).toContain('(the first 100 are shown)');
    w.lastHtml = html;
    const done = await w.post(`${base}/import`, { step: 'confirm', csv });
    expect(done.headers.get('location')).toBe(`${base}?notice=imported&count=5000`);
    expect((await w.page(done.headers.get('location')!)).html).toContain('5,000 of 5,000 rows imported');
    own.close();
  }, 120_000);

  it('reads the labels the service shows and its own export; explains errors in plain words', async () => {
    const none = async () => new Set<string>();
    const labels = await readStaffCsv('Name,Email,Job role,Phase\nAsha Khan,asha@x.example,Learning support assistant in a college,Sixth form or further education college\n', null, none);
    expect(labels.errors).toEqual([]);
    expect(labels.staff[0]).toMatchObject({ jobRole: 'learning_support', phase: 'post16' });
    const exported = toCsv([['name', 'email', 'job_role', 'phase', 'groups', 'status'], ['=Zoë Brown', 'zoe@x.example', 'teacher', 'primary', 'ks1;maths', 'In progress']], { bom: true });
    expect(exported.charCodeAt(0)).toBe(0xfeff);
    expect(parseCsv(exported)[1]![0]).toBe(`'=Zoë Brown`);
    const back = await readStaffCsv(exported, null, none);
    expect(back.errors).toEqual([]);
    expect(back.ignoredColumns).toEqual(['status']);
    expect(back.staff[0]).toMatchObject({ name: '=Zoë Brown', groups: ['ks1', 'maths'] });
    const semicolons = await readStaffCsv('name;email;job_role\nA;a@x.example;teacher\n', 'primary', none);
    expect(semicolons.errors[0]!.message).toContain('separated by semicolons');
    const wrong = await readStaffCsv('name,job_role,phase\nA,astronaut,Nursery school for cats\n', null, none);
    expect(wrong.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'job_role'],
      [2, 'phase'],
    ]);
    expect(wrong.errors[0]!.message).toMatch(/^“astronaut” is not a job role the service knows\. Use one of: “Teacher”, “Teaching assistant”, “SENCO”/);
  });
});
