// The learning report for the panel (GET /v1/learning-report and /panel/learning): per module the panel's prior,
// the figure in force, the learned effect with its 95% credible interval and observations, the share of pathways
// exploring it, and whether it needs more data; with the observation window, channels and how much exploring happens.
import { MIN_OBSERVATIONS_FOR_LEARNED } from '../domain/learned-impacts.js';
import type { LearningReport, LearningRow } from '../domain/learning-report.js';
import type { RecommendationResponse } from '../domain/types.js';
import { observationSummary } from '../repos/checkins.js';

export type { LearningReport };
import { moduleEffects } from './module-effects.js';
import type { Deps } from './deps.js';

/** Pathways (latest first, under the set in force) read to measure exploration. */
export const EXPLORATION_SAMPLE = 5000;
/** A learned effect needs more data while its 95% interval is wider than this either side (0..1 impact scale). */
export const PRECISE_HALF_WIDTH = 0.05;

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** How often pathways under set `setId` explore, overall and per module. */
async function explorationUse(deps: Deps, setId: string) {
  const rows = await deps.database.db
    .selectFrom('pathways')
    .select(['response', 'exploration'])
    .where('evidence_set_id', '=', setId)
    .orderBy('id', 'desc')
    .limit(EXPLORATION_SAMPLE)
    .execute();
  const perModule = new Map<string, number>();
  let exploring = 0;
  let sumLoss = 0;
  let maxLoss = 0;
  for (const r of rows) {
    const e = r.exploration ? (JSON.parse(r.exploration) as RecommendationResponse['exploration']) : r.response ? (JSON.parse(r.response) as RecommendationResponse).exploration : undefined;
    if (!e) continue;
    sumLoss += e.expectedLossShare;
    maxLoss = Math.max(maxLoss, e.expectedLossShare);
    if (e.exploringModuleIds.length) exploring++;
    for (const id of e.exploringModuleIds) perModule.set(id, (perModule.get(id) ?? 0) + 1);
  }
  const n = rows.length;
  return { sampled: n, exploring, meanLossShare: n ? r4(sumLoss / n) : 0, maxLossShare: r4(maxLoss), perModule };
}

/** The learning report for the set in force, from every stored observation. */
export async function learningReport(deps: Deps): Promise<LearningReport> {
  const { evidenceSetId, inForce, learned } = await moduleEffects(deps);
  const [summary, use] = await Promise.all([observationSummary(deps.database.db), explorationUse(deps, evidenceSetId)]);
  const titles = new Map(deps.content.catalogue.modules.map((m) => [m.id, m.title]));
  const min = inForce.provenance.learning?.minObservations ?? MIN_OBSERVATIONS_FOR_LEARNED;
  const modules = learned.modules.map((m): LearningRow => {
    const half = 1.96 * m.sd;
    return {
      moduleId: m.moduleId,
      title: titles.get(m.moduleId) ?? m.moduleId,
      prior: r4(m.prior),
      inForce: r4(inForce.modules[m.moduleId]?.expectedImpact ?? m.prior),
      learned: r4(m.learned),
      sd: r4(m.sd),
      interval: [r4(Math.max(0, m.learned - half)), r4(m.learned + half)],
      observations: m.n,
      exploringShare: use.sampled ? r4((use.perModule.get(m.moduleId) ?? 0) / use.sampled) : 0,
      needsData: m.n < min || half > PRECISE_HALF_WIDTH,
    };
  });
  const needsData = modules
    .filter((m) => m.needsData)
    .sort((a, b) => a.observations - b.observations || (a.moduleId < b.moduleId ? -1 : 1))
    .map((m) => m.moduleId);
  const { perModule: _p, ...pathways } = use;
  return {
    evidenceSetId,
    observations: learned.observations,
    byChannel: summary.byChannel,
    window: { from: summary.from, to: summary.to },
    minObservations: min,
    exploration: inForce.exploration ?? null,
    pathways,
    modules,
    needsData,
  };
}
