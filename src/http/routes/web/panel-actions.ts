// The panel console's actions in the page's words: each calls the evidence-set service the API uses
// (services/evidence-sets.ts) and turns its failures into plain-English messages for the page's error summary.
import type { Context } from 'hono';
import type { ImpactPreview } from '../../../domain/preview.js';
import type { EvidenceSetRecord } from '../../../repos/evidence-sets.js';
import type { AppEnv } from '../../env.js';
import * as evidence from '../../../services/evidence-sets.js';
import type { JudgementSubmit } from './judgement-csv.js';
import { serviceDeps } from '../../service-deps.js';

type C = Context<AppEnv>;
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const fail = (...problems: string[]): { ok: false; problems: string[] } => ({ ok: false, problems });

/** Starts a draft copied from the set in force; returns its id. */
export async function createDraft(c: C, input: { panel: string; members: string[]; notes: string }): Promise<Outcome<string>> {
  const made = await evidence.createDraft(serviceDeps(c), { provenance: input });
  return made.ok ? { ok: true, value: made.value.id } : fail('Another draft was started at the same moment. Try again.');
}

/** Checks every submission against the draft first, then stores them all (each replaces that expert's earlier one). */
export async function storeJudgements(c: C, draft: EvidenceSetRecord, submissions: readonly JudgementSubmit[]): Promise<Outcome<evidence.StoredJudgement[]>> {
  const stored = await evidence.storeJudgements(serviceDeps(c), draft, submissions);
  if (stored.ok) return stored;
  if (stored.reason === 'invalid') return { ok: false, problems: stored.problems.map((p) => `${p.expert}: ${p.path} ${p.message}`) };
  return fail('This set is no longer a draft, so it cannot take judgements.');
}

/** Aggregates the draft's judgements into its weights and stores the report. */
export async function aggregateDraft(c: C, draft: EvidenceSetRecord): Promise<Outcome<null>> {
  const done = await evidence.aggregateDraft(serviceDeps(c), draft, {});
  if (done.ok) return { ok: true, value: null };
  if (done.reason === 'cannot-aggregate') return { ok: false, problems: done.problems.map((p) => `${p.path}: ${p.message}`) };
  return fail('This set is no longer a draft.');
}

/** How pathways for a synthetic population of 200 staff would change if the draft were published. */
export async function previewDraft(c: C, draft: EvidenceSetRecord): Promise<ImpactPreview> {
  return evidence.previewDraft(serviceDeps(c), draft, { size: 200, topK: 3 });
}

/** Publishes an aggregated, up-to-date draft based on the set in force (the old set is superseded). */
export async function publishDraft(c: C, draft: EvidenceSetRecord): Promise<Outcome<null>> {
  const done = await evidence.publishDraft(serviceDeps(c), draft);
  if (done.ok) return { ok: true, value: null };
  switch (done.reason) {
    case 'stale':
      return fail(`This draft was started from ${done.basedOn}, but ${done.inForce} has been published since. Start a new draft so its changes are not lost.`);
    case 'not-aggregated':
      return fail('Aggregate the judgements before publishing.');
    case 'aggregation-out-of-date':
      return fail('Judgements changed after the last aggregation. Aggregate again before publishing.');
    case 'busy':
      return fail('Another person is publishing this draft. Reload the page.');
    case 'sign-off-needed':
      return fail('This draft uses module effects learned from check-ins. Sign them off and publish on the learning page (/panel/learning).');
    default:
      return fail('The draft could not be published. Reload the page.');
  }
}
