// The panel's learning page in process: the report with a chart and a table of the same figures, a draft from
// learned effects alone with the exploration setting, and a publish that needs a name and a confirmation and
// records the sign-off in the set's provenance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { storeObservations } from '../helpers/observations.js';
import { WebClient } from './client.js';
import { expectAccessibleShell, expectErrorSummaryLinks, expectLabelledControls, expectUniqueIds } from './html-checks.js';
import { PASSWORD, seedSetting } from './seed.js';

const content = getShippedContent();
const mod = content.catalogue.modules.find((m) => m.level === 'foundation')!;
const areaId = [...mod.areas].sort((a, b) => b.relevance - a.relevance)[0]!.areaId;
let env: ReturnType<typeof makeNodeApp>;
let w: WebClient;

beforeAll(async () => {
  env = makeNodeApp();
  const seed = await seedSetting(env.database);
  await storeObservations(env.database, content, { moduleId: mod.id, areaId, count: 30, rise: 0.3, month: '2026-10' });
  w = new WebClient(env.app);
  await w.page('/sign-in');
  await w.post('/sign-in', { email: seed.panel.email, password: PASSWORD });
});
afterAll(() => env.close());

describe('/panel/learning', () => {
  it('shows the learned effects as a chart and as a table, and that exploration is off', async () => {
    const { res, html } = await w.page('/panel/learning');
    expect(res.status).toBe(200);
    expectAccessibleShell(html);
    expectLabelledControls(html);
    expectUniqueIds(html);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="learning-title learning-desc"/);
    expect(html).toContain('<caption id="learning-caption">');
    expect(html).toContain(mod.title);
    expect(html).toContain('30 (30 from check-ins)');
    expect(html).toMatch(/Exploration<\/dt>\s*<dd>Off/);
  });

  it('rejects a bad exploration setting with a linked error', async () => {
    const res = await w.post('/panel/learning/drafts', { minObservations: '20', margin: '150', maxLoss: '2' });
    expect(res.status).toBe(422);
    expect(expectErrorSummaryLinks(await res.text())).toEqual(['margin']);
  });

  it('drafts from learned effects, and publishes only with a name and a confirmation', async () => {
    const made = await w.post('/panel/learning/drafts', { minObservations: '20', margin: '30', maxLoss: '2' });
    expect(made.status).toBe(303);
    const at = made.headers.get('location')!;
    expect(at).toMatch(/^\/panel\/learning\?draft=evidence-v\d+$/);
    const draftId = at.split('=')[1]!;
    const { html } = await w.page(at);
    expect(html).toContain(`Sign off and publish draft ${draftId}`);
    expect(html).toContain('1 changed module figure learned from 30 observations');

    const missing = await w.post(`/panel/learning/drafts/${draftId}/publish`, { signedOffBy: '' });
    expect(missing.status).toBe(422);
    expect(expectErrorSummaryLinks(await missing.text()).sort()).toEqual(['confirm', 'signedOffBy']);

    const done = await w.post(`/panel/learning/drafts/${draftId}/publish`, { signedOffBy: 'Dr Sam Okafor, panel chair', confirm: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/panel/learning?notice=published');
    const set = (await (await env.app.request('/v1/evidence-sets/current')).json()) as { id: string; exploration: unknown; provenance: { learning: { signedOffBy: string; observations: number } } };
    expect(set.id).toBe(draftId);
    expect(set.exploration).toEqual({ margin: 0.3, maxLossShare: 0.02 });
    expect(set.provenance.learning).toMatchObject({ signedOffBy: 'Dr Sam Okafor, panel chair', observations: 30 });
    const after = await w.page('/panel/learning?notice=published');
    expect(after.html).toMatch(/Exploration<\/dt>\s*<dd>On: margin 30%/);
  });
});
