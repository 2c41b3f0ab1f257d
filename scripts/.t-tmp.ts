import { getShippedContent } from '/work/main/src/content/bundled.js';
import { recommend } from '/work/main/src/domain/recommend.js';
const content = getShippedContent();
const res = recommend(content, { role: 'teacher', phase: 'primary', responses: [], confidence: {}, completedModuleIds: [], timeBudgetMinutes: 360, weeklyMinutes: 60, formats: ['online'], priorities: {} });
for (const s of res.pathway.steps) console.log(s.position, s.moduleId, s.level, s.minutes, s.targets.map(t=>t.areaId+':'+t.expectedGain).join(' '), '\n  ', s.explanation);
const m = content.catalogue.modules.find(m => m.id === res.pathway.steps[0]!.moduleId)!; console.log(m.prerequisites, m.areas);
