import { makeNodeApp } from '../test/helpers/node-app.js';
import { getShippedContent } from '../src/content/bundled.js';
const content = getShippedContent();
const body = JSON.stringify({ role: 'teacher', phase: 'primary', responses: content.questionnaire.items.map((it, i) => ({ itemId: it.id, value: 1 + ((i * 7) % 5) })), timeBudgetMinutes: 600, weeklyMinutes: 60, formats: ['online', 'in_person'] });
const { app } = makeNodeApp({ benchBaseline: true });
const init = () => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });
for (const path of ['/v1/recommendations', '/v1/bench/baseline', '/v1/recommendations', '/v1/bench/baseline']) {
  for (let i = 0; i < 200; i++) await (await app.request(path, init())).text();
  const t = performance.now();
  const n = 2000;
  for (let i = 0; i < n; i++) await (await app.request(path, init())).text();
  console.log(path, ((performance.now() - t) / n * 1000).toFixed(0), 'µs/req');
}
