// Shapes the engine's full recommendation for the API: the lean default (ids, numbers and one explanation per step;
// reason texts and source texts left out, sources referenced by id within the evidence set) or the full detail as the
// engine made it. Source ids are stable for a set's text, so a client can cache them.
import type { Content, EvidenceSet, RecommendationResponse } from '../domain/types.js';
import { jsonTextOf } from './respond.js';
import { recommendationWithAccess } from './step-access.js';

export const DETAILS = ['lean', 'full'] as const;
export type Detail = (typeof DETAILS)[number];
/** What POST /v1/recommendations answers when the request names no `detail`. */
export const DEFAULT_DETAIL: Detail = 'lean';
/** The response header naming the shape a recommendation body has. */
export const DETAIL_HEADER = 'X-Recommendation-Detail';

export interface EvidenceSource {
  readonly id: string;
  readonly text: string;
  /** Modules whose evidence cites this source, in catalogue order of the set. */
  readonly moduleIds: readonly string[];
}

export interface SourceIndex {
  readonly list: readonly EvidenceSource[];
  readonly byText: ReadonlyMap<string, string>;
  readonly byId: ReadonlyMap<string, EvidenceSource>;
}

/** 32-bit FNV-1a of the UTF-16 code units, as 8 hex digits: short, stable ids for source texts. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const indexes = new WeakMap<EvidenceSet, SourceIndex>();

/**
 * Every distinct source the set's module evidence cites, each with an id `src-<8 hex>` derived from its text
 * (a later text that would collide within the set gets a `-2`, `-3`… suffix in first-cited order). Cached per set.
 */
export function sourceIndex(evidence: EvidenceSet): SourceIndex {
  const hit = indexes.get(evidence);
  if (hit) return hit;
  const byText = new Map<string, string>();
  const byId = new Map<string, { id: string; text: string; moduleIds: string[] }>();
  for (const [moduleId, ev] of Object.entries(evidence.modules)) {
    for (const text of ev.sources) {
      let id = byText.get(text);
      if (id === undefined) {
        const base = `src-${fnv1a(text)}`;
        id = base;
        for (let n = 2; byId.has(id); n++) id = `${base}-${n}`;
        byText.set(text, id);
        byId.set(id, { id, text, moduleIds: [] });
      }
      const entry = byId.get(id)!;
      if (!entry.moduleIds.includes(moduleId)) entry.moduleIds.push(moduleId);
    }
  }
  const index: SourceIndex = { list: [...byId.values()], byText, byId };
  indexes.set(evidence, index);
  return index;
}

/**
 * The lean shape of a full recommendation made with `evidence`: each step keeps position, module id, title,
 * format, minutes, week, level, targets, evidence strength and one explanation; reasons keep kind, area and value
 * (their sentences are left out) and sources become ids resolvable at
 * GET /v1/evidence-sets/{evidenceSetId}/sources/{sourceId}. Profile and provenance are unchanged.
 */
export function leanRecommendation(full: RecommendationResponse, evidence: EvidenceSet) {
  const ids = sourceIndex(evidence).byText;
  const steps = full.pathway.steps.map((s) => ({
    position: s.position,
    moduleId: s.moduleId,
    title: s.title,
    format: s.format,
    minutes: s.minutes,
    week: s.week,
    level: s.level,
    targets: s.targets,
    evidence: { strength: s.evidence.strength, sourceIds: s.evidence.sources.map((t) => ids.get(t) ?? `src-${fnv1a(t)}`) },
    reasons: s.reasons.map((r) => (r.areaId === undefined ? { kind: r.kind, value: r.value } : { kind: r.kind, areaId: r.areaId, value: r.value })),
    explanation: s.explanation,
  }));
  return {
    detail: 'lean' as const,
    pathway: { steps, totalMinutes: full.pathway.totalMinutes },
    profile: full.profile,
    provenance: full.provenance,
  };
}

/**
 * The JSON text of a recommendation made with `content`, in the asked detail, with where each step is taken
 * (provider, link, sessions) appended to every step. `full` keeps the engine's own fields and order, so the same
 * input, catalogue and set give the same bytes (replay compares these bytes).
 */
export function recommendationJson(content: Content, full: RecommendationResponse, detail: Detail) {
  const body = detail === 'full' ? full : leanRecommendation(full, content.evidence);
  return jsonTextOf(recommendationWithAccess(content, body));
}
