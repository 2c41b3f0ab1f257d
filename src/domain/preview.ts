// Impact preview of a draft evidence set: a seeded synthetic population of staff requests (or given ones), each
// recommended under the current set and the draft; the share whose first steps change and the modules gaining or
// losing exposure. Pure and deterministic: the same content, sets, seed and size give the same figures.

import { diffEvidenceSets, type WeightChange } from './ahp/index.js';
import { recommend } from './recommend.js';
import { createRng, type Rng } from './rng.js';
import { FORMATS, type Content, type EvidenceSet, type Phase, type RecommendationRequest, type Role } from './types.js';

export const DEFAULT_POPULATION_SIZE = 200;
export const DEFAULT_POPULATION_SEED = 20_251_122;

/** Roles with a rough share of the workforce, and the phases each works in (with weights). */
const WORKFORCE: readonly { role: Role; share: number; phases: readonly [Phase, number][] }[] = [
  { role: 'teacher', share: 0.34, phases: [['primary', 4], ['secondary', 4], ['special', 1], ['alternative_provision', 0.5], ['post16', 0.5]] },
  { role: 'teaching_assistant', share: 0.3, phases: [['primary', 5], ['secondary', 3], ['special', 2], ['alternative_provision', 0.5]] },
  { role: 'senco', share: 0.05, phases: [['primary', 4], ['secondary', 2], ['early_years', 1], ['special', 1]] },
  { role: 'leader', share: 0.08, phases: [['primary', 4], ['secondary', 3], ['special', 1]] },
  { role: 'early_years_practitioner', share: 0.1, phases: [['early_years', 1]] },
  { role: 'fe_lecturer', share: 0.07, phases: [['post16', 1]] },
  { role: 'learning_support', share: 0.06, phases: [['post16', 2], ['secondary', 1], ['special', 1]] },
];

function pick<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of options) if ((x -= w) < 0) return v;
  return options[options.length - 1]![0];
}

/**
 * `size` synthetic staff requests from `seed`: role by workforce share, a phase that role works in, and an answer
 * 1..5 to every questionnaire item from a person-level confidence plus per-area and per-item noise (about 5% "not
 * relevant"); budgets of 300/600/900 minutes, 30/60/90 a week, a third online-only.
 */
export function syntheticPopulation(content: Content, size = DEFAULT_POPULATION_SIZE, seed = DEFAULT_POPULATION_SEED): RecommendationRequest[] {
  const rng = createRng(seed);
  const areaIds = content.taxonomy.areas.map((a) => a.id);
  const people: RecommendationRequest[] = [];
  for (let p = 0; p < size; p++) {
    const w = pick(rng, WORKFORCE.map((x) => [x, x.share] as const));
    const phase = pick(rng, w.phases);
    const person = rng.normal();
    const areaShift = new Map(areaIds.map((id) => [id, 0.7 * rng.normal()] as const));
    const responses = content.questionnaire.items.map((item) => {
      if (rng.next() < 0.05) return { itemId: item.id, value: null };
      const loadings = item.areas.reduce((s, l) => s + l.loading, 0) || 1;
      const shift = item.areas.reduce((s, l) => s + l.loading * (areaShift.get(l.areaId) ?? 0), 0) / loadings;
      const value = Math.round(3 + 0.9 * (person + shift) + 0.6 * rng.normal());
      return { itemId: item.id, value: Math.min(5, Math.max(1, value)) };
    });
    people.push({
      role: w.role,
      phase,
      responses,
      confidence: {},
      completedModuleIds: [],
      timeBudgetMinutes: [300, 600, 900][rng.int(3)]!,
      weeklyMinutes: [30, 60, 90][rng.int(3)]!,
      formats: rng.next() < 1 / 3 ? ['online'] : [...FORMATS],
      priorities: {},
    });
  }
  return people;
}

export interface ExposureChange {
  readonly moduleId: string;
  /** Pathways (of the population) that include the module, under the current set and the draft. */
  readonly before: number;
  readonly after: number;
  readonly delta: number;
  /** The same counts restricted to the first `topK` steps. */
  readonly beforeTopK: number;
  readonly afterTopK: number;
  readonly deltaTopK: number;
}

export interface ImpactPreview {
  readonly currentSetId: string;
  readonly draftSetId: string;
  readonly population: number;
  readonly topK: number;
  /** People whose first `topK` module ids (in order) differ; share is 0..1. */
  readonly changedTopK: { readonly count: number; readonly share: number };
  /** People whose pathway differs at all. */
  readonly changedAny: { readonly count: number; readonly share: number };
  /** Modules with more exposure under the draft, largest delta first. */
  readonly gaining: readonly ExposureChange[];
  /** Modules with less exposure under the draft, largest loss first. */
  readonly losing: readonly ExposureChange[];
  /** Up to three people whose first steps change, with both versions. */
  readonly examples: readonly { index: number; role: Role; phase: Phase; before: string[]; after: string[] }[];
  /** Every weight the draft changes, largest first. */
  readonly weightChanges: readonly WeightChange[];
}

const share = (count: number, n: number) => ({ count, share: n === 0 ? 0 : Math.round((count / n) * 1e4) / 1e4 });

/**
 * Recommend for every request under `current` and under `draft` (the rest of `content` unchanged) and compare.
 * `requests` must already pass validateRequestRefs. Exposure ties sort by |deltaTopK|, then module id.
 */
export function previewImpact(content: Content, current: EvidenceSet, draft: EvidenceSet, requests: readonly RecommendationRequest[], topK = 3): ImpactPreview {
  const before = { ...content, evidence: current };
  const after = { ...content, evidence: draft };
  const counts = new Map<string, [number, number, number, number]>();
  const bump = (id: string, k: number) => {
    const c = counts.get(id) ?? [0, 0, 0, 0];
    c[k]!++;
    counts.set(id, c);
  };
  let changedTopK = 0;
  let changedAny = 0;
  const examples: ImpactPreview['examples'][number][] = [];
  requests.forEach((request, index) => {
    const a = recommend(before, request).pathway.steps.map((s) => s.moduleId);
    const b = recommend(after, request).pathway.steps.map((s) => s.moduleId);
    a.forEach((id, i) => (bump(id, 0), i < topK && bump(id, 2)));
    b.forEach((id, i) => (bump(id, 1), i < topK && bump(id, 3)));
    if (a.join('\n') !== b.join('\n')) changedAny++;
    if (a.slice(0, topK).join('\n') !== b.slice(0, topK).join('\n')) {
      changedTopK++;
      if (examples.length < 3) examples.push({ index, role: request.role, phase: request.phase, before: a.slice(0, topK), after: b.slice(0, topK) });
    }
  });
  const changes: ExposureChange[] = [...counts]
    .map(([moduleId, [b0, a0, bk, ak]]) => ({ moduleId, before: b0, after: a0, delta: a0 - b0, beforeTopK: bk, afterTopK: ak, deltaTopK: ak - bk }))
    .filter((c) => c.delta !== 0 || c.deltaTopK !== 0);
  const order = (p: ExposureChange, q: ExposureChange) =>
    Math.abs(q.delta) - Math.abs(p.delta) || Math.abs(q.deltaTopK) - Math.abs(p.deltaTopK) || (p.moduleId < q.moduleId ? -1 : 1);
  const gaining = changes.filter((c) => c.delta > 0 || (c.delta === 0 && c.deltaTopK > 0)).sort(order);
  const losing = changes.filter((c) => c.delta < 0 || (c.delta === 0 && c.deltaTopK < 0)).sort(order);
  return {
    currentSetId: current.id,
    draftSetId: draft.id,
    population: requests.length,
    topK,
    changedTopK: share(changedTopK, requests.length),
    changedAny: share(changedAny, requests.length),
    gaining,
    losing,
    examples,
    weightChanges: diffEvidenceSets(current, draft),
  };
}
