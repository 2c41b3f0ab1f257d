// Stores de-identified observations directly, as if many different people had checked in (tests of learning).
import { effectObservation } from '../../src/domain/learning.js';
import type { Content } from '../../src/domain/types.js';
import type { Database } from '../../src/repos/database.js';

/** `count` observations of `moduleId` on `areaId`: before 0.30..0.38, after before + `rise`, in `month` (YYYY-MM). */
export async function storeObservations(database: Database, content: Content, o: { moduleId: string; areaId: string; count: number; rise: number; month: string; from?: number }): Promise<void> {
  const rows = Array.from({ length: o.count }, (_, i) => {
    const before = 0.3 + ((i + (o.from ?? 0)) % 5) * 0.02;
    const x = effectObservation(content, o.moduleId, o.areaId, before, before + o.rise);
    return { id: `obs-${o.month}-${o.moduleId}-${(o.from ?? 0) + i}`, module_id: x.moduleId, area_id: x.areaId, relevance: x.relevance, level_fit: x.levelFit, headroom: x.headroom, before: x.before, after: x.after, observed_month: o.month };
  });
  for (let i = 0; i < rows.length; i += 10) await database.db.insertInto('module_observations').values(rows.slice(i, i + 10)).execute();
}
