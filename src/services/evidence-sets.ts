// The evidence panel's work on draft evidence sets, for the API (/v1/evidence-sets/...) and the panel console
// (/panel/...) alike: start a draft, store judgements, aggregate them, preview the impact, publish.
import { diffEvidenceSets } from '../domain/ahp/index.js';
import { carryLearned, MIN_OBSERVATIONS_FOR_LEARNED, panelJudged, type LearnedImpactChange } from '../domain/learned-impacts.js';
import { aggregatePanel, checkJudgement, type AggregationReport, type JudgementInput, type OwnConsistency, type PanelJudgement, type PanelOptions } from '../domain/panel/index.js';
import { DEFAULT_POPULATION_SEED, previewImpact, syntheticPopulation, type ImpactPreview } from '../domain/preview.js';
import type { EvidenceSet, ExplorationSettings, RecommendationRequest } from '../domain/types.js';
import { isUniqueViolation } from '../repos/database.js';
import {
  getEvidenceSet,
  insertEvidenceSetQuery,
  isNotDraftViolation,
  maxEvidenceVersion,
  publishDraftQueries,
  updateDraftQuery,
  type EvidenceSetRecord,
} from '../repos/evidence-sets.js';
import { hasJudgement, listJudgements, upsertJudgementQueries, type JudgementRecord } from '../repos/judgements.js';
import { evidenceInForce, forgetEvidenceInForce } from './evidence-cache.js';
import { applyLearning, explorationFor, learnedOnlyReport, learningBasisOf, signOff, type LearningBasis } from './learning.js';
import { succeed, type Failure, type Outcome, type ServiceProblem } from './outcome.js';
import type { Deps } from './deps.js';

export const DEFAULT_PANEL_METHOD =
  "Analytic Hierarchy Process: pairwise comparisons on Saaty's 1-9 scale, aggregated across experts by weighted " +
  'geometric mean of judgements (AIJ), priorities by row geometric mean with an eigenvector cross-check, consistency ' +
  'by CR (named RI table) and GCI; module ratings aggregated by weighted mean with median and IQR reported.';

/** Fingerprint of the judgements an aggregation used: publish refuses a draft whose judgements changed since. */
export function aggregationBasis(judgements: readonly JudgementRecord[]): string {
  return judgements.map((j) => `${j.expert}\u0000${j.weight}\u0000${j.submittedAt}\u0000${j.id}`).sort().join('\n');
}

/** The set left draft (or went) while this request worked on it; `status` is what it is now. */
export interface NotDraft extends Failure<'not-draft'> {
  readonly status: string;
}

const notDraft = (status: string): NotDraft => ({ ok: false, reason: 'not-draft', status, problems: [{ kind: 'conflict', path: 'id', message: `evidence set is ${status}` }] });

const failure = <R extends string>(reason: R, kind: ServiceProblem['kind'], path: string, message: string): Failure<R> => ({ ok: false, reason, problems: [{ kind, path, message }] });

export interface DraftInput {
  /** Default: evidence-v<version>. */
  readonly id?: string | undefined;
  readonly provenance: {
    readonly panel: string;
    readonly members: string[];
    readonly method?: string | undefined;
    readonly date?: string | undefined;
    readonly sources?: string[] | undefined;
    readonly notes: string;
  };
}

/**
 * Starts a draft copied from the set in force, with its provenance (method, date and sources default to the panel
 * method, today and the base set's sources). Fails when the chosen id is taken, or when concurrent starts took
 * every version number tried.
 */
export async function createDraft(deps: Deps, input: DraftInput): Promise<Outcome<EvidenceSetRecord, Failure<'id-taken' | 'busy'>>> {
  const database = deps.database;
  const base = (await evidenceInForce(deps)).record;
  const now = deps.now();
  if (input.id && (await getEvidenceSet(database, input.id))) return failure('id-taken', 'conflict', 'id', 'already used');
  const p = input.provenance;
  const provenance = {
    panel: p.panel,
    members: p.members,
    method: p.method ?? DEFAULT_PANEL_METHOD,
    date: p.date ?? now.toISOString().slice(0, 10),
    sources: p.sources ?? base.body.provenance.sources,
    notes: p.notes,
  };
  // Versions are allocated max + 1; a concurrent create takes the same number and we try the next one.
  for (let attempt = 0; attempt < 3; attempt++) {
    const version = (await maxEvidenceVersion(database)) + 1;
    const id = input.id ?? `evidence-v${version}${attempt ? `-${crypto.randomUUID().slice(0, 6)}` : ''}`;
    const body = { ...base.body, id, version, provenance };
    try {
      await database.atomic([insertEvidenceSetQuery(database, { body, status: 'draft', basedOn: base.id, now: now.toISOString() })]);
    } catch (err) {
      if (isUniqueViolation(err)) continue;
      throw err;
    }
    return succeed((await getEvidenceSet(database, id))!);
  }
  return failure('busy', 'conflict', 'id', 'taken by a draft started at the same moment');
}

export interface StoredJudgement {
  readonly expert: string;
  readonly weight: number;
  readonly submittedAt: string;
  /** True when it replaced the expert's earlier submission. */
  readonly replaced: boolean;
  /** The expert's own consistency (CR, GCI, pairs to revisit). */
  readonly consistency: OwnConsistency[];
}

/** A problem in one expert's submission. */
export interface JudgementProblem extends ServiceProblem {
  readonly expert: string;
}

export interface InvalidJudgements extends Failure<'invalid'> {
  readonly problems: readonly JudgementProblem[];
}

/**
 * Checks every submission against the draft first (any problem: nothing is stored), then stores them all in one
 * write, each replacing that expert's earlier submission.
 */
export async function storeJudgements(
  deps: Deps,
  draft: EvidenceSetRecord,
  submissions: readonly (JudgementInput & { readonly expert: string; readonly weight: number })[],
): Promise<Outcome<StoredJudgement[], InvalidJudgements | NotDraft>> {
  const database = deps.database;
  const problems: JudgementProblem[] = [];
  const checked = submissions.flatMap((s) => {
    const r = checkJudgement(deps.content, draft.body, s);
    if (r.ok) return [{ s, r }];
    problems.push(...r.problems.map((p) => ({ kind: 'validation' as const, path: p.path, message: p.message, expert: s.expert })));
    return [];
  });
  if (problems.length) return { ok: false, reason: 'invalid', problems };
  const submittedAt = deps.now().toISOString();
  const stored: StoredJudgement[] = [];
  const queries = [];
  for (const { s, r } of checked) {
    stored.push({ expert: s.expert, weight: s.weight, submittedAt, replaced: await hasJudgement(database, draft.id, s.expert), consistency: r.consistency });
    queries.push(...upsertJudgementQueries(database, { id: crypto.randomUUID(), evidenceSetId: draft.id, expert: s.expert, weight: s.weight, body: r.judgement, submittedAt }));
  }
  try {
    await database.atomic(queries);
  } catch (err) {
    if (isNotDraftViolation(err)) return notDraft('no longer a draft');
    throw err;
  }
  return succeed(stored);
}

/**
 * Aggregates the draft's judgements into its weights (against the panel-judged figures of the set it was based on)
 * and stores them with the report; with useLearnedEffects, well-observed modules the panel did not judge now take
 * their learned effect, fitted against the panel-judged figures, and a draft with no judgements is built from
 * learned effects alone. The report's changes list every change against the base set. Fails, changing nothing,
 * when the judgements cannot be aggregated yet.
 */
export async function aggregateDraft(
  deps: Deps,
  draft: EvidenceSetRecord,
  options: PanelOptions & LearnedOptions = {},
): Promise<Outcome<AggregationReport & { learnedImpacts?: readonly LearnedImpactChange[]; learning?: LearningBasis }, Failure<'cannot-aggregate'> | NotDraft>> {
  const database = deps.database;
  const base = (draft.basedOn && (await getEvidenceSet(database, draft.basedOn))?.body) || draft.body;
  const judgements = await listJudgements<PanelJudgement>(database, draft.id);
  const provenance = draft.body.provenance;
  const target = { id: draft.id, version: draft.version, provenance: { ...provenance, members: provenance.members.length ? provenance.members : judgements.map((j) => j.expert) } };
  let evidence: EvidenceSet;
  let report: AggregationReport;
  if (judgements.length || !options.useLearnedEffects) {
    const submissions = judgements.map((j) => ({ expert: j.expert, weight: j.weight, judgement: j.body }));
    const outcome = aggregatePanel(panelJudged(base), target, submissions, options);
    if (!outcome.ok) {
      const problems = outcome.problems.map((p) => ({ kind: 'validation' as const, path: p.path, message: judgements.length ? p.message : `${p.message}; or aggregate with useLearnedEffects to build the draft from check-ins alone` }));
      return { ok: false, reason: 'cannot-aggregate', problems };
    }
    ({ evidence, report } = outcome);
  } else {
    const { panelPrior: _p, ...judged } = panelJudged(base);
    evidence = { ...judged, id: target.id, version: target.version, provenance: target.provenance };
    report = learnedOnlyReport(options);
  }
  const keep = new Set(report.modules.filter((m) => m.applied.impactFrom !== 'base').map((m) => m.moduleId));
  let learned: { changes: LearnedImpactChange[]; basis: LearningBasis } | undefined;
  if (options.useLearnedEffects) {
    const applied = await applyLearning(deps, evidence, base, keep, options.minObservations ?? MIN_OBSERVATIONS_FOR_LEARNED);
    evidence = applied.evidence;
    learned = applied;
  } else evidence = carryLearned(evidence, base, keep);
  const exploration = explorationFor(options.exploration, base);
  const { exploration: _e, ...withoutExploration } = evidence;
  evidence = exploration ? { ...withoutExploration, exploration } : withoutExploration;
  const full = { ...report, changes: diffEvidenceSets(base, evidence), ...(learned ? { learnedImpacts: learned.changes, learning: learned.basis } : {}) };
  const stored = { ...full, aggregatedAt: deps.now().toISOString(), basis: aggregationBasis(judgements) };
  try {
    await database.atomic([updateDraftQuery(database, draft.id, evidence, stored)]);
  } catch (err) {
    if (isNotDraftViolation(err)) return notDraft('no longer a draft');
    throw err;
  }
  return succeed(full);
}

/** Whether aggregation starts from learned module effects, how many observations a module needs, and exploration. */
export interface LearnedOptions {
  readonly useLearnedEffects?: boolean;
  readonly minObservations?: number;
  /** Exploration settings for the draft; default the base set's (absent = off). */
  readonly exploration?: ExplorationSettings | undefined;
}

export interface PreviewOptions {
  /** Staff requests to use; default a synthetic population of `size` from `seed`. */
  readonly population?: readonly RecommendationRequest[] | undefined;
  readonly size: number;
  readonly seed?: number | undefined;
  /** How many first steps count as the pathway's start. */
  readonly topK: number;
}

/** How the pathways of a population would change if the draft replaced the set in force. */
export async function previewDraft(deps: Deps, draft: EvidenceSetRecord, options: PreviewOptions): Promise<ImpactPreview> {
  const content = deps.content;
  const current = await evidenceInForce(deps);
  const population = options.population ?? syntheticPopulation(content, options.size, options.seed ?? DEFAULT_POPULATION_SEED);
  return previewImpact(content, current.record.body, draft.body, population, options.topK);
}

export interface StaleDraft extends Failure<'stale'> {
  readonly basedOn: string;
  readonly inForce: string;
}

/**
 * Publishes an aggregated, up-to-date draft based on the set in force: it becomes the set in force and the old one
 * is superseded, atomically, and the remembered set in force is forgotten. A draft aggregated with learned effects
 * needs `signedOffBy`: who, when, the observation window and counts go into its provenance in the same write.
 * Answers with the published record.
 */
export async function publishDraft(
  deps: Deps,
  draft: EvidenceSetRecord,
  signedOffBy?: string,
): Promise<Outcome<EvidenceSetRecord, StaleDraft | Failure<'not-aggregated' | 'aggregation-out-of-date' | 'busy' | 'sign-off-needed'> | NotDraft>> {
  const database = deps.database;
  const inForce = (await evidenceInForce(deps)).record;
  if (draft.basedOn !== null && draft.basedOn !== inForce.id) {
    return { ok: false, reason: 'stale', basedOn: draft.basedOn, inForce: inForce.id, problems: [{ kind: 'conflict', path: 'id', message: 'stale draft' }] };
  }
  if (!draft.aggregation) return failure('not-aggregated', 'conflict', 'id', 'not aggregated');
  if (aggregationBasis(await listJudgements(database, draft.id)) !== (draft.aggregation as { basis?: string }).basis) {
    return failure('aggregation-out-of-date', 'conflict', 'id', 'aggregation out of date');
  }
  const now = deps.now();
  const learning = learningBasisOf(draft.aggregation);
  const writes = publishDraftQueries(database, draft.id, now.toISOString());
  if (learning) {
    if (!signedOffBy?.trim()) return failure('sign-off-needed', 'validation', 'signOff.by', 'a set with learned effects needs the name of the person signing them off');
    const body = { ...draft.body, provenance: { ...draft.body.provenance, learning: signOff(learning, signedOffBy.trim(), now) } };
    writes.unshift(updateDraftQuery(database, draft.id, body, draft.aggregation));
  }
  try {
    await database.atomic(writes);
    forgetEvidenceInForce(database);
  } catch (err) {
    forgetEvidenceInForce(database);
    if (isNotDraftViolation(err) || isUniqueViolation(err)) return failure('busy', 'conflict', 'id', 'evidence set is being published by another request');
    throw err;
  }
  const record = await getEvidenceSet(database, draft.id);
  if (record?.status !== 'published') return notDraft(record?.status ?? 'gone');
  return succeed(record);
}
