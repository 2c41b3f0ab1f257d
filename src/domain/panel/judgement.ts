// One expert's submission for a draft evidence set: module ratings and pairwise comparisons (areas, or modules
// within an area), checked against the catalogue and the draft and normalised to named matrices. Pure.

import {
  analysePairwise,
  buildPairwiseMatrix,
  validatePairwiseMatrix,
  type AnalyseOptions,
  type Judgement,
  type PairwiseMatrix,
  type Problem,
} from '../ahp/index.js';
import type { Content, EvidenceSet } from '../types.js';
import { compactPairs, r6, type CompactPair } from './report.js';

/** A comparison as submitted: a full matrix over `items` (row order), or one judgement per pair. */
export interface ComparisonInput {
  readonly items?: readonly string[] | undefined;
  readonly matrix?: PairwiseMatrix | undefined;
  readonly judgements?: readonly Judgement[] | undefined;
}

export interface RatingInput {
  readonly moduleId: string;
  /** 0..5 */
  readonly strength?: number | undefined;
  /** 0..1 */
  readonly expectedImpact?: number | undefined;
  /** Per area id, 0..1. */
  readonly relevance?: Readonly<Record<string, number>> | undefined;
}

export interface JudgementInput {
  readonly ratings?: readonly RatingInput[] | undefined;
  readonly areaComparison?: ComparisonInput | undefined;
  readonly moduleComparisons?: readonly (ComparisonInput & { readonly areaId: string })[] | undefined;
}

/** A comparison as stored: the matrix over `items` in row order. */
export interface Comparison {
  readonly items: readonly string[];
  readonly matrix: PairwiseMatrix;
}

/** A checked submission, the form judgements are stored and aggregated in. */
export interface PanelJudgement {
  readonly ratings: readonly RatingInput[];
  readonly areaComparison: Comparison | null;
  readonly moduleComparisons: readonly (Comparison & { readonly areaId: string })[];
}

/** Feedback for the expert on one of their own matrices (never repaired). */
export interface OwnConsistency {
  /** `areas`, or `modules:<areaId>`. */
  readonly comparison: string;
  readonly cr: number | null;
  readonly gci: number;
  readonly inconsistent: boolean;
  readonly mostInconsistentPairs: readonly CompactPair[];
}

const prefixed = (prefix: string, p: Problem): Problem => ({
  path: p.path === '' ? prefix : `${prefix}${p.path.startsWith('[') ? '' : '.'}${p.path}`,
  message: p.message,
});

function toComparison(input: ComparisonInput, path: string, problems: Problem[]): Comparison | null {
  if (input.matrix && input.judgements) {
    problems.push({ path, message: 'give either `matrix` (with `items`) or `judgements`, not both' });
    return null;
  }
  if (input.matrix) {
    const items = input.items ?? [];
    const before = problems.length;
    for (const p of validatePairwiseMatrix(input.matrix)) problems.push(prefixed(`${path}.matrix`, p));
    if (items.length !== input.matrix.length) {
      problems.push({ path: `${path}.items`, message: `${items.length} items named for a matrix of ${input.matrix.length} rows` });
    }
    return problems.length > before ? null : { items, matrix: input.matrix };
  }
  if (input.judgements) {
    const items = input.items ?? [...new Set(input.judgements.flatMap((j) => [j.a, j.b]))];
    const built = buildPairwiseMatrix(items, input.judgements);
    if (!built.ok) {
      // Cell paths ([i][j]) name a missing pair; the message says which, so point at the judgements list.
      for (const p of built.problems) problems.push(p.path.startsWith('[') ? { path: `${path}.judgements`, message: p.message } : prefixed(path, p));
      return null;
    }
    return { items, matrix: built.matrix };
  }
  problems.push({ path, message: 'give `matrix` (with `items`) or `judgements`' });
  return null;
}

function checkItems(items: readonly string[], known: (id: string) => string | null, path: string, problems: Problem[]): void {
  const seen = new Set<string>();
  items.forEach((id, k) => {
    if (seen.has(id)) problems.push({ path: `${path}.items[${k}]`, message: `'${id}' is listed twice` });
    seen.add(id);
    const why = known(id);
    if (why) problems.push({ path: `${path}.items[${k}]`, message: why });
  });
}

/** Each rating names a module the set weighs, once, rates something, and names only known areas. */
function checkRatings(ratings: NonNullable<JudgementInput['ratings']>, evidence: EvidenceSet, areaIds: ReadonlySet<string>, problems: Problem[]): void {
  const rated = new Map<string, number>();
  ratings.forEach((r, k) => {
    const path = `ratings[${k}]`;
    if (!(r.moduleId in evidence.modules)) problems.push({ path: `${path}.moduleId`, message: `unknown module '${r.moduleId}' (not weighed by evidence set '${evidence.id}')` });
    const earlier = rated.get(r.moduleId);
    if (earlier !== undefined) problems.push({ path: `${path}.moduleId`, message: `module '${r.moduleId}' is already rated in ratings[${earlier}]` });
    else rated.set(r.moduleId, k);
    if (r.strength === undefined && r.expectedImpact === undefined && !Object.keys(r.relevance ?? {}).length) {
      problems.push({ path, message: 'rate at least one of strength, expectedImpact or relevance' });
    }
    for (const areaId of Object.keys(r.relevance ?? {})) {
      if (!areaIds.has(areaId)) problems.push({ path: `${path}.relevance.${areaId}`, message: `unknown needs area '${areaId}'` });
    }
  });
}

/** Each module comparison is of a known area, once, with modules that address it; returned as matrices. */
function checkModuleComparisons(
  input: NonNullable<JudgementInput['moduleComparisons']>,
  evidence: EvidenceSet,
  content: Content,
  areaIds: ReadonlySet<string>,
  problems: Problem[],
): (Comparison & { areaId: string })[] {
  const modules = new Map(content.catalogue.modules.map((m) => [m.id, m] as const));
  const moduleComparisons: (Comparison & { areaId: string })[] = [];
  const compared = new Map<string, number>();
  input.forEach((mc, k) => {
    const path = `moduleComparisons[${k}]`;
    if (!areaIds.has(mc.areaId)) return void problems.push({ path: `${path}.areaId`, message: `unknown needs area '${mc.areaId}'` });
    const earlier = compared.get(mc.areaId);
    if (earlier !== undefined) return void problems.push({ path: `${path}.areaId`, message: `area '${mc.areaId}' is already compared in moduleComparisons[${earlier}]` });
    compared.set(mc.areaId, k);
    const c = toComparison(mc, path, problems);
    if (!c) return;
    checkItems(c.items, (id) => {
      const m = modules.get(id);
      if (!m || !(id in evidence.modules)) return `unknown module '${id}'`;
      return m.areas.some((a) => a.areaId === mc.areaId) ? null : `module '${id}' does not address area '${mc.areaId}' in the catalogue`;
    }, path, problems);
    moduleComparisons.push({ areaId: mc.areaId, ...c });
  });
  return moduleComparisons;
}

/**
 * Checks a submission against the catalogue, the taxonomy and the draft `evidence` (ratings name modules the set
 * weighs; module comparisons name modules that address the area), converts judgement lists to matrices, and
 * analyses each of the expert's matrices so they see their CR and most inconsistent pairs at once.
 * Every problem is returned with its path; nothing is repaired.
 */
export function checkJudgement(
  content: Content,
  evidence: EvidenceSet,
  input: JudgementInput,
  options: AnalyseOptions = {},
): { ok: true; judgement: PanelJudgement; consistency: OwnConsistency[] } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const areaIds = new Set(content.taxonomy.areas.map((a) => a.id));
  const ratings = input.ratings ?? [];
  if (!ratings.length && !input.areaComparison && !input.moduleComparisons?.length) {
    problems.push({ path: '(body)', message: 'submit at least one of `ratings`, `areaComparison` or `moduleComparisons`' });
  }

  checkRatings(ratings, evidence, areaIds, problems);

  let areaComparison: Comparison | null = null;
  if (input.areaComparison) {
    areaComparison = toComparison(input.areaComparison, 'areaComparison', problems);
    if (areaComparison) checkItems(areaComparison.items, (id) => (areaIds.has(id) ? null : `unknown needs area '${id}'`), 'areaComparison', problems);
  }

  const moduleComparisons = checkModuleComparisons(input.moduleComparisons ?? [], evidence, content, areaIds, problems);
  if (problems.length) return { ok: false, problems };

  const own = (comparison: string, c: Comparison): OwnConsistency => {
    const r = analysePairwise(c.matrix, { ...options, items: c.items });
    if (!r.ok) throw new Error('unreachable: matrix already validated');
    const a = r.analysis;
    return { comparison, cr: a.cr === null ? null : r6(a.cr), gci: r6(a.gci), inconsistent: a.inconsistent, mostInconsistentPairs: compactPairs(a.mostInconsistentPairs) };
  };
  const consistency = [
    ...(areaComparison ? [own('areas', areaComparison)] : []),
    ...moduleComparisons.map((mc) => own(`modules:${mc.areaId}`, mc)),
  ];
  return { ok: true, judgement: { ratings, areaComparison, moduleComparisons }, consistency };
}
