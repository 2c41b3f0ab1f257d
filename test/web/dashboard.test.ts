// The leader dashboard in process: heatmap with a value in every cell and small groups hidden, staff status,
// assigning (with validation) and removing, CSV export, and CSV import with preview, row errors and confirmation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from './client.js';
import { expectAccessibleShell, expectErrorSummaryLinks } from './html-checks.js';
import { PASSWORD, seedSetting, type Seeded } from './seed.js';

let env: ReturnType<typeof makeNodeApp>;
let seed: Seeded;
let w: WebClient;
let base: string;

beforeAll(async () => {
  env = makeNodeApp();
  seed = await seedSetting(env.database);
  w = new WebClient(env.app);
  await w.page('/sign-in');
  await w.post('/sign-in', { email: seed.leader.email, password: PASSWORD });
  base = (await w.get('/dashboard')).headers.get('location')!;
});
afterAll(() => env.close());

describe('leader dashboard', () => {
  it('redirects a single-setting leader to their setting and shows coverage, the heatmap and the staff list', async () => {
    expect(base).toBe(`/dashboard/${seed.settingId}`);
    const { res, html } = await w.page(base);
    expect(res.status).toBe(200);
    expectAccessibleShell(html);
    expect(html).toContain('Oak Tree Primary School');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="heat-title heat-desc"/);
    const cells = [...html.matchAll(/<rect x="\d+" y="[\d.]+" width="108" height="[\d.]+" fill="([^"]+)"/g)];
    const texts = [...html.matchAll(/<text x="[\d.]+" y="[\d.]+" text-anchor="middle" fill="#(?:0b0c0c|ffffff)"(?: font-weight="700")?>(\d+%|Hidden|Under \d+)<\/text>/g)];
    expect(cells.length).toBeGreaterThan(0);
    expect(texts.length).toBe(cells.length); // a value (or "Hidden") printed in every cell
    // Two SENCOs and one teacher with an account but no assessment: the SENCO column is hidden.
    const table = /<caption id="heat-caption">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table).toContain('<th scope="col" class="num">SENCO</th>');
    expect(table).toMatch(/<td class="num">Hidden: fewer than 5 people, so nobody can be picked out<\/td>/);
    expect(table).toMatch(/<td class="num">\d+%<\/td>/);
    expect(html).toContain(`${seed.colleagues + 1} members of staff`);
    expect(html).toContain('Alex Green');
    expect(html).toMatch(/<td>Not yet<\/td>/);
  });

  it('assigns modules to a group after fixing errors, shows it on the staff list, and removes it', async () => {
    const page = await w.page(`${base}/assign`);
    expectAccessibleShell(page.html);
    const bad = await w.post(`${base}/assign`, { target: 'group', kind: 'modules', due: '2020-01-01' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expectAccessibleShell(badHtml);
    expect(expectErrorSummaryLinks(badHtml)).toEqual(['group', 'moduleIds', 'due']);
    const moduleId = /name="moduleIds" value="([^"]+)"/.exec(page.html)![1]!;
    const ok = await w.post(`${base}/assign`, { target: 'group', group: 'ks1', kind: 'modules', moduleIds: moduleId, due: '2027-03-31' });
    expect(ok.headers.get('location')).toBe(`${base}?notice=assigned`);
    const dash = await w.page(`${base}?notice=assigned`);
    expect(dash.html).toContain('Training assigned.');
    expect(dash.html).toMatch(/\(0 of 1 modules done\)/);
    const list = await w.page(`${base}/assign`);
    expect(list.html).toContain('Group: ks1');
    const remove = /action="([^"]+\/remove)"/.exec(list.html)![1]!;
    expect((await w.post(remove, {})).headers.get('location')).toBe(`${base}?notice=removed`);
    expect((await w.page(`${base}/assign`)).html).toContain('Nothing is assigned yet.');
  });

  it('exports the staff list as CSV', async () => {
    const res = await w.get(`${base}/staff.csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('name,email,job_role,phase,groups,self_assessment,modules_completed,assignments,assigned_modules_done,assigned_modules_total,status,own_modules_completed,sessions_booked,sessions_attended');
    expect(lines).toHaveLength(seed.colleagues + 2);
    const audited = await env.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'data.exported').where('detail', '=', 'staff-csv').execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.org_id).toBe(seed.settingId);
  });

  it('imports staff from CSV: row errors first, then a preview, then the import', async () => {
    await w.page(`${base}/import`);
    const broken = 'name,email,job_role\nSam Lee,sam@oak.example,wizard\n,nobody@oak.example,teacher\n';
    const form = new FormData();
    form.append('step', 'preview');
    form.append('file', new File([broken], 'staff.csv', { type: 'text/csv' }));
    const bad = await w.postMultipart(`${base}/import`, form);
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expectAccessibleShell(badHtml);
    expect(expectErrorSummaryLinks(badHtml)).toEqual(['row-errors']);
    expect(badHtml).toMatch(/<td class="num">2<\/td><td>job_role<\/td>/);
    expect(badHtml).toMatch(/<td class="num">3<\/td><td>name<\/td>/);

    const good = 'name,email,job_role,phase,groups\nSam Lee,sam@oak.example,teacher,primary,year-4\nJo Park,,teaching assistant,,ks2\n';
    const preview = await w.post(`${base}/import`, { step: 'preview', pasted: good });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    w.lastHtml = html;
    expectAccessibleShell(html);
    expect(html).toContain('<h1>Check the staff to import</h1>');
    expect(html).toContain('2 members of staff to add');
    expect((await w.page(base)).html).not.toContain('Sam Lee');
    w.lastHtml = html;
    const done = await w.post(`${base}/import`, { step: 'confirm', csv: good });
    expect(done.headers.get('location')).toBe(`${base}?notice=imported&count=2`);
    const after = await w.page(base);
    expect(after.html).toContain('Sam Lee');
    expect(after.html).toContain('Jo Park');
  });

  it('keeps other settings and other roles out', async () => {
    expect((await w.get('/dashboard/set_not_mine')).status).toBe(404);
    const staff = new WebClient(env.app);
    await staff.page('/sign-in');
    await staff.post('/sign-in', { email: seed.staff.email, password: PASSWORD });
    expect((await staff.get(base)).status).toBe(403);
    expect((await new WebClient(env.app).get(base)).headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(base)}`);
  });
});
