// Test helpers for content: mutable deep clones of the shipped files, and a loader that returns problems.
import { shippedContentFiles } from '../../src/content/bundled.js';
import type { ContentFiles } from '../../src/content/files.js';
import { loadContent } from '../../src/content/load.js';
import { ContentError, type Problem } from '../../src/content/problems.js';
import type { Catalogue, EvidenceSet, Questionnaire, Taxonomy } from '../../src/domain/types.js';

export type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;

export interface EditableContent {
  taxonomy: DeepMutable<Taxonomy>;
  questionnaire: DeepMutable<Questionnaire>;
  catalogue: DeepMutable<Catalogue>;
  evidence: DeepMutable<EvidenceSet>;
}

/** A fresh deep copy of the shipped data files, safe to break. */
export function cloneShipped(): EditableContent {
  return {
    taxonomy: structuredClone(shippedContentFiles.taxonomy.data) as DeepMutable<Taxonomy>,
    questionnaire: structuredClone(shippedContentFiles.questionnaire.data) as DeepMutable<Questionnaire>,
    catalogue: structuredClone(shippedContentFiles.catalogue.data) as DeepMutable<Catalogue>,
    evidence: structuredClone(shippedContentFiles.evidence.data) as DeepMutable<EvidenceSet>,
  };
}

export function asFiles(c: EditableContent): ContentFiles {
  return {
    taxonomy: { file: 'data/needs-areas.json', data: c.taxonomy },
    questionnaire: { file: 'data/questionnaire.json', data: c.questionnaire },
    catalogue: { file: 'data/modules.json', data: c.catalogue },
    evidence: { file: 'data/evidence/v1.json', data: c.evidence },
  };
}

/** The problems loadContent reports for this content ([] when it loads). */
export function problemsOf(c: EditableContent): Problem[] {
  try {
    loadContent(asFiles(c));
    return [];
  } catch (err) {
    if (err instanceof ContentError) return [...err.problems];
    throw err;
  }
}

/** The ContentError loadContent throws for this content. */
export function errorOf(c: EditableContent): ContentError {
  try {
    loadContent(asFiles(c));
  } catch (err) {
    if (err instanceof ContentError) return err;
    throw err;
  }
  throw new Error('expected the content to be rejected');
}

export function moduleIndex(c: EditableContent, id: string): number {
  const i = c.catalogue.modules.findIndex((m) => m.id === id);
  if (i < 0) throw new Error(`no module ${id} in the shipped catalogue`);
  return i;
}
