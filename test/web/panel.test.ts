// The panel console in process: start a draft, upload judgements as CSV and JSON (with row errors), aggregate with
// consistency flags and dispersion, preview the impact, and publish only after confirming.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PANEL_MATRICES } from '../helpers/evidence-panel.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from './client.js';
import { expectAccessibleShell, expectErrorSummaryLinks } from './html-checks.js';
import { account, PASSWORD, seedSetting, type Seeded } from './seed.js';

let env: ReturnType<typeof makeNodeApp>;
let seed: Seeded;
let w: WebClient;

/** Four areas of the shipped set, compared as in the evidence-panel helper (expert-c deliberately inconsistent). */
const AREAS = ['adaptive-teaching', 'asd', 'semh', 'slcn'];
function csvFor(experts: string[]): string {
  const lines = ['expert,weight,type,item_a,item_b,value'];
  for (const e of experts) {
    const m = PANEL_MATRICES[e]!;
    for (let i = 0; i < AREAS.length; i++) for (let j = i + 1; j < AREAS.length; j++) lines.push(`${e},1,areas,${AREAS[i]},${AREAS[j]},${m[i]![j]! >= 1 ? m[i]![j] : `1/${Math.round(1 / m[i]![j]!)}`}`);
  }
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  env = makeNodeApp();
  seed = await seedSetting(env.database);
  w = new WebClient(env.app);
  await w.page('/sign-in');
  const res = await w.post('/sign-in', { email: seed.panel.email, password: PASSWORD });
  expect(res.headers.get('location')).toBe('/panel');
});
afterAll(() => env.close());

describe('panel console', () => {
  it('lists the set in force and validates a new draft', async () => {
    const { html } = await w.page('/panel');
    expectAccessibleShell(html);
    expect(html).toContain('In force');
    const bad = await w.post('/panel/sets', { panel: '' });
    expect(bad.status).toBe(422);
    expect(expectErrorSummaryLinks(await bad.text())).toEqual(['panel']);
  });

  it('runs a round: draft → judgements (CSV and JSON) → aggregate → preview → publish', async () => {
    await w.page('/panel');
    const made = await w.post('/panel/sets', { panel: 'Test panel, spring round', members: 'expert-a, expert-b, expert-c' });
    const setPath = made.headers.get('location')!.replace(/\?.*$/, '');
    expect(setPath).toMatch(/^\/panel\/sets\/evidence-v\d+$/);
    const draft = await w.page(`${setPath}?notice=created`);
    expectAccessibleShell(draft.html);
    expect(draft.html).toContain('No judgements yet.');

    // A broken upload: an unknown type and a value that is not a number, reported by row.
    const broken = await w.post(`${setPath}/judgements`, { pasted: 'expert,type,item_a,item_b,value\nx,areas,asd,semh,lots\nx,sideways,asd,semh,3\n' });
    expect(broken.status).toBe(422);
    const brokenHtml = await broken.text();
    expect(brokenHtml).toContain('Row 2: The value');
    expect(brokenHtml).toContain('Row 3: Unknown type');

    const form = new FormData();
    form.append('file', new File([csvFor(['expert-a', 'expert-b'])], 'judgements.csv', { type: 'text/csv' }));
    w.lastHtml = draft.html;
    expect((await w.postMultipart(`${setPath}/judgements`, form)).status).toBe(303);
    const m = PANEL_MATRICES['expert-c']!;
    const json = JSON.stringify({ expert: 'expert-c', weight: 1, areaComparison: { items: AREAS, matrix: m } });
    expect((await w.post(`${setPath}/judgements`, { pasted: json })).status).toBe(303);
    const withThree = await w.page(setPath);
    expect(withThree.html).toContain('3 experts have sent judgements');

    expect((await w.post(`${setPath}/aggregate`, {})).headers.get('location')).toBe(`${setPath}?notice=aggregated`);
    const report = await w.page(`${setPath}?notice=aggregated`);
    expectAccessibleShell(report.html);
    expect(report.html).toContain('Weights for areas of need');
    expect(report.html).toMatch(/<strong>expert-c<\/strong> \(areas of need\)/); // the inconsistent expert is flagged
    expect(report.html).toContain('Spread (SD)');
    expect(report.html).toMatch(/<td>Flagged<\/td>/);

    const preview = await w.page(`${setPath}/preview`);
    expect(preview.res.status).toBe(200);
    expectAccessibleShell(preview.html);
    expect(preview.html).toMatch(/For 200 example staff, the first 3 steps change for \d+ people/);

    await w.page(setPath);
    const unconfirmed = await w.post(`${setPath}/publish`, {});
    expect(unconfirmed.status).toBe(422);
    expect(expectErrorSummaryLinks(await unconfirmed.text())).toEqual(['confirm']);
    w.lastHtml = report.html;
    const published = await w.post(`${setPath}/publish`, { confirm: 'yes' });
    expect(published.headers.get('location')).toBe(`${setPath}?notice=published`);
    const after = await w.page(`${setPath}?notice=published`);
    expect(after.html).toContain('In force');
    expect(after.html).toContain('Importance of each area of need');
    const current = (await (await env.app.request('/v1/evidence-sets/current')).json()) as { id: string };
    expect(setPath.endsWith(current.id)).toBe(true);
  });

  it('lets an administrator re-plan everyone under the set in force, and shows how far it has got', async () => {
    const current = (await (await env.app.request('/v1/evidence-sets/current')).json()) as { id: string };
    const setPath = `/panel/sets/${current.id}`;
    // A panel member sees what re-planning is, but no button.
    const asPanel = await w.page(setPath);
    expect(asPanel.html).toContain('Pathways already made');
    expect(asPanel.html).toContain('An administrator can start this from this page.');
    expect((await w.post(`${setPath}/recompute`, {})).status).toBe(403);

    await account(env.database, 'admin@panel.example', 'Jo Admin', 'admin', null, new Date());
    const admin = new WebClient(env.app);
    await admin.page('/sign-in');
    await admin.post('/sign-in', { email: 'admin@panel.example', password: PASSWORD });
    const before = await admin.page(setPath);
    expectAccessibleShell(before.html);
    expect(before.html).toContain('Re-plan everyone’s pathways under this set');
    const started = await admin.post(`${setPath}/recompute`, {});
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toBe(`${setPath}?notice=recompute`);
    const notice = await admin.page(`${setPath}?notice=recompute`);
    expect(notice.html).toContain('Re-planning started.');
    // The job runs in the background; the page shows it running (with a labelled progress bar) and then finished.
    let html = notice.html;
    for (let i = 0; i < 100 && !html.includes('was re-planned under this set'); i++) {
      if (html.includes('so far')) expect(html).toMatch(/<progress max="100" value="\d+" aria-labelledby="recompute-progress">/);
      await new Promise((r) => setTimeout(r, 20));
      html = (await admin.page(setPath)).html;
    }
    const people = (env.database.raw.prepare('SELECT count(*) AS n FROM staff s WHERE EXISTS (SELECT 1 FROM pathways p WHERE p.staff_id = s.id)').get() as { n: number }).n;
    expect(people).toBeGreaterThan(0);
    expect(html).toContain(`Everyone’s latest pathway was re-planned under this set: ${people} people`);
    expect(html).not.toContain('Re-plan everyone’s pathways under this set');

    // A retired set cannot be re-planned under: the page says so beside the button's place.
    const retired = (env.database.raw.prepare("SELECT id FROM evidence_sets WHERE status = 'superseded' ORDER BY id LIMIT 1").get() as { id: string }).id;
    await admin.page(`/panel/sets/${retired}`);
    const refused = await admin.post(`/panel/sets/${retired}/recompute`, {});
    expect(refused.status).toBe(409);
    expect(expectErrorSummaryLinks(await refused.text())).toEqual(['recompute']);
    // Nor a draft: it has to be published first.
    const draft = await admin.post('/panel/sets', { panel: 'Draft for the re-plan check' });
    const draftPath = draft.headers.get('location')!.replace(/\?.*$/, '');
    await admin.page(draftPath);
    const early = await admin.post(`${draftPath}/recompute`, {});
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('Publish this set before re-planning pathways under it.');
  });

  it('keeps leaders out of the panel and refuses an unknown set', async () => {
    expect((await w.get('/panel/sets/no-such-set')).status).toBe(404);
    const leader = new WebClient(env.app);
    await leader.page('/sign-in');
    await leader.post('/sign-in', { email: seed.leader.email, password: PASSWORD });
    expect((await leader.get('/panel')).status).toBe(403);
  });
});
