// The content shipped in data/, imported statically so it bundles for Workers (no fs) and runs under tsx on Node.
// getShippedContent() validates it on first use and memoises the result.
import type { Content } from '../domain/types.js';
import catalogue from '../../data/modules.json';
import evidence from '../../data/evidence/v1.json';
import taxonomy from '../../data/needs-areas.json';
import questionnaire from '../../data/questionnaire.json';
import type { ContentFiles } from './files.js';
import { loadContent } from './load.js';

/** The shipped content files, labelled with their repository paths. */
export const shippedContentFiles: ContentFiles = {
  taxonomy: { file: 'data/needs-areas.json', data: taxonomy },
  questionnaire: { file: 'data/questionnaire.json', data: questionnaire },
  catalogue: { file: 'data/modules.json', data: catalogue },
  evidence: { file: 'data/evidence/v1.json', data: evidence },
};

let shipped: Content | undefined;

/**
 * The shipped content, validated once and memoised.
 * @throws ContentError if the shipped data is invalid (the content-check script and tests guard against this).
 */
export function getShippedContent(): Content {
  shipped ??= loadContent(shippedContentFiles);
  return shipped;
}
