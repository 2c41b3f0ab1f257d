// The panel console's writes and computations for signed-in panel members, with the same repos, domain calls and
// guards as the admin-token API (/v1/evidence-sets/...): start a draft, store judgements, aggregate, preview, publish.
// Problems come back as data (plain-English messages) for the page to show in its error summary.
import type { Context } from 'hono';
import { aggregatePanel, checkJudgement, type PanelJudgement } from '../../../domain/panel/index.js';
import { DEFAULT_POPULATION_SEED, previewImpact, syntheticPopulation, type ImpactPreview } from '../../../domain/preview.js';
import { isUniqueViolation } from '../../../repos/database.js';
import {
  getEvidenceSet,
  insertEvidenceSetQuery,
  isNotDraftViolation,
  maxEvidenceVersion,
  publishDraftQueries,
  updateDraftQuery,
  type EvidenceSetRecord,
} from '../../../repos/evidence-sets.js';
import { hasJudgement, listJudgements, upsertJudgementQueries } from '../../../repos/judgements.js';
import type { AppEnv } from '../../env.js';
import { evidenceInForce, forgetEvidenceInForce } from '../../evidence-cache.js';
import { DEFAULT_PANEL_METHOD } from '../v1/evidence-drafts.js';
import { aggregationBasis } from '../v1/evidence-panel.js';
import type { JudgementSubmit } from './judgement-csv.js';

type C = Context<AppEnv>;
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const fail = (...problems: string[]): { ok: false; problems: string[] } => ({ ok: false, problems });

/** Starts a draft copied from the set in force; returns its id. */
export async function createDraft(c: C, input: { panel: string; members: string[]; notes: string }): Promise<Outcome<string>> {
  const database = c.get('database');
  const base = (await evidenceInForce(c)).record;
  const now = c.get('clock')();
  const provenance = { panel: input.panel, members: input.members, method: DEFAULT_PANEL_METHOD, date: now.toISOString().slice(0, 10), sources: base.body.provenance.sources, notes: input.notes };
  for (let attempt = 0; attempt < 3; attempt++) {
    const version = (await maxEvidenceVersion(database)) + 1;
    const id = `evidence-v${version}${attempt ? `-${crypto.randomUUID().slice(0, 6)}` : ''}`;
    try {
      await database.atomic([insertEvidenceSetQuery(database, { body: { ...base.body, id, version, provenance }, status: 'draft', basedOn: base.id, now: now.toISOString() })]);
      return { ok: true, value: id };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return fail('Another draft was started at the same moment. Try again.');
}

export interface Stored {
  readonly expert: string;
  readonly replaced: boolean;
  readonly inconsistent: readonly string[];
}

/** Checks every submission against the draft first, then stores them all (each replaces that expert's earlier one). */
export async function storeJudgements(c: C, draft: EvidenceSetRecord, submissions: readonly JudgementSubmit[]): Promise<Outcome<Stored[]>> {
  const database = c.get('database');
  const problems: string[] = [];
  const checked = submissions.map((s) => {
    const r = checkJudgement(c.get('content'), draft.body, s);
    if (!r.ok) problems.push(...r.problems.map((p) => `${s.expert}: ${p.path} ${p.message}`));
    return { s, r };
  });
  if (problems.length) return { ok: false, problems };
  const now = c.get('clock')().toISOString();
  const out: Stored[] = [];
  const queries = [];
  for (const { s, r } of checked) {
    if (!r.ok) continue;
    out.push({ expert: s.expert, replaced: await hasJudgement(database, draft.id, s.expert), inconsistent: r.consistency.filter((x) => x.inconsistent).map((x) => x.comparison) });
    queries.push(...upsertJudgementQueries(database, { id: crypto.randomUUID(), evidenceSetId: draft.id, expert: s.expert, weight: s.weight, body: r.judgement, submittedAt: now }));
  }
  try {
    await database.atomic(queries);
  } catch (err) {
    if (isNotDraftViolation(err)) return fail('This set is no longer a draft, so it cannot take judgements.');
    throw err;
  }
  return { ok: true, value: out };
}

/** Aggregates the draft's judgements into its weights and stores the report (as POST .../aggregate does). */
export async function aggregateDraft(c: C, draft: EvidenceSetRecord): Promise<Outcome<null>> {
  const database = c.get('database');
  const base = (draft.basedOn && (await getEvidenceSet(database, draft.basedOn))?.body) || draft.body;
  const judgements = await listJudgements<PanelJudgement>(database, draft.id);
  const provenance = draft.body.provenance;
  const outcome = aggregatePanel(
    base,
    { id: draft.id, version: draft.version, provenance: { ...provenance, members: provenance.members.length ? provenance.members : judgements.map((j) => j.expert) } },
    judgements.map((j) => ({ expert: j.expert, weight: j.weight, judgement: j.body })),
    {},
  );
  if (!outcome.ok) return { ok: false, problems: outcome.problems.map((p) => `${p.path}: ${p.message}`) };
  const stored = { ...outcome.report, aggregatedAt: c.get('clock')().toISOString(), basis: aggregationBasis(judgements) };
  try {
    await database.atomic([updateDraftQuery(database, draft.id, outcome.evidence, stored)]);
  } catch (err) {
    if (isNotDraftViolation(err)) return fail('This set is no longer a draft.');
    throw err;
  }
  return { ok: true, value: null };
}

/** How pathways for a synthetic population of 200 staff would change if the draft were published. */
export async function previewDraft(c: C, draft: EvidenceSetRecord): Promise<ImpactPreview> {
  const content = c.get('content');
  const current = await evidenceInForce(c);
  return previewImpact(content, current.record.body, draft.body, syntheticPopulation(content, 200, DEFAULT_POPULATION_SEED), 3);
}

/** Publishes an aggregated, up-to-date draft based on the set in force (the old set is superseded). */
export async function publishDraft(c: C, draft: EvidenceSetRecord): Promise<Outcome<null>> {
  const database = c.get('database');
  const inForce = (await evidenceInForce(c)).record;
  if (draft.basedOn !== null && draft.basedOn !== inForce.id) {
    return fail(`This draft was started from ${draft.basedOn}, but ${inForce.id} has been published since. Start a new draft so its changes are not lost.`);
  }
  if (!draft.aggregation) return fail('Aggregate the judgements before publishing.');
  if (aggregationBasis(await listJudgements(database, draft.id)) !== (draft.aggregation as { basis?: string }).basis) {
    return fail('Judgements changed after the last aggregation. Aggregate again before publishing.');
  }
  try {
    await database.atomic(publishDraftQueries(database, draft.id, c.get('clock')().toISOString()));
    forgetEvidenceInForce(database);
  } catch (err) {
    forgetEvidenceInForce(database);
    if (isNotDraftViolation(err) || isUniqueViolation(err)) return fail('Another person is publishing this draft. Reload the page.');
    throw err;
  }
  const record = await getEvidenceSet(database, draft.id);
  return record?.status === 'published' ? { ok: true, value: null } : fail('The draft could not be published. Reload the page.');
}
