// Aggregating a panel's stored judgements into a draft evidence set: AIJ weighted geometric mean per comparison,
// RGMM priorities with an eigenvector cross-check, CR (named RI table), GCI, flags and dispersion; ratings summarised;
// the result applied to the base set with applyPanelResults. Pure.

import {
  aggregateModuleRatings,
  aggregatePairwise,
  applyPanelResults,
  diffEvidenceSets,
  formatNumber,
  randomIndexSource,
  type ModuleRating,
  type PairwiseMatrix,
  type PriorityMethod,
  type Problem,
  type RandomIndexTable,
} from '../ahp/index.js';
import type { EvidenceSet, ModuleEvidence, Provenance } from '../types.js';
import type { Comparison, PanelJudgement } from './judgement.js';
import { comparisonReport, compactPairs, flagsOf, r6, type AggregationReport, type ComparisonReport, type ModuleReport } from './report.js';

export interface Submission {
  readonly expert: string;
  /** Relative weight, >= 0. */
  readonly weight: number;
  readonly judgement: PanelJudgement;
}

export interface PanelOptions {
  readonly randomIndexTable?: RandomIndexTable;
  readonly crThreshold?: number;
  readonly method?: PriorityMethod;
}

export interface PanelTarget {
  readonly id: string;
  readonly version: number;
  readonly provenance: Provenance;
}

export type PanelOutcome =
  | { readonly ok: true; readonly evidence: EvidenceSet; readonly report: AggregationReport }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const IMPACT_FLOOR = 0.001;
const geoMean = (xs: readonly number[]): number => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

/** The experts' matrices for one comparison, permuted into the sorted union of items; mismatched item sets are problems. */
function alignComparison(
  entries: readonly { expert: string; weight: number; comparison: Comparison }[],
  path: (expert: string) => string,
  problems: Problem[],
): { items: string[]; experts: { expertId: string; weight: number; matrix: PairwiseMatrix }[] } {
  const items = [...new Set(entries.flatMap((e) => e.comparison.items))].sort();
  const experts = entries.flatMap((e) => {
    const missing = items.filter((id) => !e.comparison.items.includes(id));
    if (missing.length) {
      problems.push({ path: path(e.expert), message: `'${e.expert}' did not compare ${missing.join(', ')}, which other experts compared; the panel must compare the same items` });
      return [];
    }
    const at = items.map((id) => e.comparison.items.indexOf(id));
    return [{ expertId: e.expert, weight: e.weight, matrix: at.map((i) => at.map((j) => e.comparison.matrix[i]![j]!)) }];
  });
  return { items, experts };
}

function analyse(
  comparison: string,
  aligned: ReturnType<typeof alignComparison>,
  options: PanelOptions,
  path: string,
  problems: Problem[],
): { report: ComparisonReport; groupPairs: ReturnType<typeof compactPairs> } | null {
  const r = aggregatePairwise(aligned.experts, { items: aligned.items, ...options });
  if (!r.ok) {
    for (const p of r.problems) problems.push({ path: `${path}.${p.path}`, message: p.message });
    return null;
  }
  const report = comparisonReport(comparison, aligned.items, aligned.experts.map((e) => e.expertId), r.result);
  return { report, groupPairs: compactPairs(r.result.group.mostInconsistentPairs) };
}

/**
 * Within-area module priorities as expected impact on a ratio scale: impact_m = G_base * w_m / G_w, where G_base is
 * the geometric mean of the compared modules' base impacts (floored at 0.001) and G_w that of the priorities, so the
 * panel's ratios are kept and the level the panel did not judge stays the base set's. A module compared in several
 * areas takes the geometric mean of its values; results are clamped to 0..1.
 */
function impactsFromComparisons(base: EvidenceSet, reports: readonly ComparisonReport[]): Map<string, { value: number; areas: string[] }> {
  const derived = new Map<string, { values: number[]; areas: string[] }>();
  for (const rep of reports) {
    const gBase = geoMean(rep.items.map((id) => Math.max(IMPACT_FLOOR, base.modules[id]?.expectedImpact ?? 0)));
    const gW = geoMean(rep.weights.map((w) => Math.max(w.priority, 1e-9)));
    for (const w of rep.weights) {
      const entry = derived.get(w.id) ?? { values: [], areas: [] };
      entry.values.push((gBase * Math.max(w.priority, 1e-9)) / gW);
      entry.areas.push(rep.comparison.slice('modules:'.length));
      derived.set(w.id, entry);
    }
  }
  return new Map([...derived].map(([id, d]) => [id, { value: Math.min(1, Math.max(0, geoMean(d.values))), areas: d.areas }]));
}

/**
 * Aggregate `submissions` and apply them to `base` (the published set the draft started from), producing the
 * draft's new body (`target` id, version and provenance) and a report. Problems (no submissions, experts who
 * compared different items, a rating of a module `base` lacks) come back as data; nothing is partially applied.
 */
export function aggregatePanel(base: EvidenceSet, target: PanelTarget, submissions: readonly Submission[], options: PanelOptions = {}): PanelOutcome {
  if (!submissions.length) return { ok: false, problems: [{ path: 'judgements', message: 'no judgements have been submitted for this draft yet' }] };
  const problems: Problem[] = [];
  const totalWeight = submissions.reduce((s, x) => s + x.weight, 0);
  if (!(totalWeight > 0)) problems.push({ path: 'judgements', message: 'every expert has weight 0' });

  const { areas, moduleComparisons } = analyseComparisons(submissions, options, problems);
  const ratings: ModuleRating[] = submissions.flatMap((s) => s.judgement.ratings.map((r) => ({ ...r, expertId: s.expert }) as ModuleRating));
  const weights = Object.fromEntries(submissions.map((s) => [s.expert, s.weight]));
  const rated = aggregateModuleRatings(ratings, { weights });
  if (!rated.ok) problems.push(...rated.problems);
  if (problems.length || !rated.ok) return { ok: false, problems };

  const applied = applyPanelResults(base, {
    id: target.id,
    version: target.version,
    provenance: target.provenance,
    ...(areas ? { areaPriorities: Object.fromEntries(areas.report.weights.map((w) => [w.id, w.priority])) } : {}),
    moduleRatings: rated.modules,
  });
  if (!applied.ok) return applied;

  const fromComparisons = impactsFromComparisons(base, moduleComparisons.map((m) => m.report));
  const impacts = withComparisonImpacts(applied, target, rated.modules, fromComparisons);
  const { evidence, notes } = impacts;
  if (Object.keys(applied.relevanceOverrides).length) notes.push('relevance ratings are reported, not applied: the catalogue owns module relevance');
  const comparisons = [...(areas ? [areas] : []), ...moduleComparisons];
  return {
    ok: true,
    evidence,
    report: {
      method: methodReport(options),
      experts: submissions.map((s) => ({ expert: s.expert, weight: r6(s.weight / totalWeight) })),
      areas: areas?.report ?? null,
      moduleComparisons: moduleComparisons.map((m) => m.report),
      modules: moduleReports(evidence, rated.modules, impacts.ratedImpact, fromComparisons),
      flags: comparisons.flatMap((c) => flagsOf(c.report, c.groupPairs)),
      changes: diffEvidenceSets(base, evidence),
      notes,
    },
  };
}

type Analysed = NonNullable<ReturnType<typeof analyse>>;
type RatedModule = Extract<ReturnType<typeof aggregateModuleRatings>, { ok: true }>['modules'][number];
type Applied = Extract<ReturnType<typeof applyPanelResults>, { ok: true }>;

/** The area comparison (if any expert made one) and one comparison of modules per area, each aggregated and analysed. */
function analyseComparisons(submissions: readonly Submission[], options: PanelOptions, problems: Problem[]): { areas: Analysed | null; moduleComparisons: Analysed[] } {
  const areaEntries = submissions.flatMap((s) => (s.judgement.areaComparison ? [{ expert: s.expert, weight: s.weight, comparison: s.judgement.areaComparison }] : []));
  const areas = areaEntries.length
    ? analyse('areas', alignComparison(areaEntries, (e) => `judgements.${e}.areaComparison.items`, problems), options, 'areaComparison', problems)
    : null;
  const moduleAreaIds = [...new Set(submissions.flatMap((s) => s.judgement.moduleComparisons.map((m) => m.areaId)))].sort();
  const moduleComparisons = moduleAreaIds.flatMap((areaId) => {
    const entries = submissions.flatMap((s) => s.judgement.moduleComparisons.filter((m) => m.areaId === areaId).map((comparison) => ({ expert: s.expert, weight: s.weight, comparison })));
    const a = analyse(`modules:${areaId}`, alignComparison(entries, (e) => `judgements.${e}.moduleComparisons.${areaId}.items`, problems), options, `moduleComparisons.${areaId}`, problems);
    return a ? [a] : [];
  });
  return { areas, moduleComparisons };
}

/** The applied set with impacts from comparisons for modules whose impact no rating gave (ratings take precedence). */
function withComparisonImpacts(
  applied: Applied,
  target: PanelTarget,
  rated: readonly RatedModule[],
  fromComparisons: ReadonlyMap<string, { value: number; areas: string[] }>,
): { evidence: EvidenceSet; notes: string[]; ratedImpact: ReadonlySet<string> } {
  const notes = [...applied.notes];
  const modules: Record<string, ModuleEvidence> = { ...applied.evidence.modules };
  const ratedImpact = new Set(rated.filter((m) => m.expectedImpact).map((m) => m.moduleId));
  for (const [moduleId, d] of [...fromComparisons].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (ratedImpact.has(moduleId)) {
      notes.push(`module '${moduleId}': expected impact taken from ratings, not from comparisons within ${d.areas.join(', ')}`);
      continue;
    }
    const value = Math.round(d.value * 1e4) / 1e4;
    modules[moduleId] = {
      ...modules[moduleId]!,
      expectedImpact: value,
      impactSource: `Expert panel '${target.provenance.panel}' (${target.provenance.date}): ${formatNumber(value)} from pairwise comparisons within ${d.areas.join(', ')} (ratios from the panel, level anchored on the base set's geometric mean impact)`,
    };
  }
  return { evidence: { ...applied.evidence, modules }, notes, ratedImpact };
}

/** One report per module the panel touched: what the ratings said and what was applied. */
function moduleReports(
  evidence: EvidenceSet,
  rated: readonly RatedModule[],
  ratedImpact: ReadonlySet<string>,
  fromComparisons: ReadonlyMap<string, unknown>,
): ModuleReport[] {
  const touched = [...new Set([...rated.map((m) => m.moduleId), ...fromComparisons.keys()])].sort();
  const byId = new Map(rated.map((m) => [m.moduleId, m] as const));
  return touched.map((moduleId) => {
    const m = byId.get(moduleId);
    return {
      moduleId,
      strength: m?.strength ?? null,
      strengthAgreement: m?.strengthAgreement ?? null,
      expectedImpact: m?.expectedImpact ?? null,
      relevance: m?.relevance ?? {},
      applied: {
        strength: evidence.modules[moduleId]!.strength,
        expectedImpact: evidence.modules[moduleId]!.expectedImpact,
        impactFrom: ratedImpact.has(moduleId) ? 'ratings' : fromComparisons.has(moduleId) ? 'comparisons' : 'base',
      },
    };
  });
}

/** How the aggregation was done, for the report. */
function methodReport(options: PanelOptions): AggregationReport['method'] {
  const table = options.randomIndexTable ?? 'saaty';
  const method = options.method ?? 'geometric-mean';
  return {
    priorities: method,
    crossCheck: method === 'geometric-mean' ? 'eigenvector' : 'geometric-mean',
    aggregation: 'AIJ: element-wise weighted geometric mean of the experts\' matrices (keeps reciprocity)',
    randomIndexTable: table,
    randomIndexSource: randomIndexSource(table),
    crThreshold: options.crThreshold ?? 0.1,
    ratings: 'weighted mean per field; median, SD and IQR reported beside it',
    moduleComparisons: 'ratio-scale expected impact anchored on the base set (ratings take precedence)',
  };
}
