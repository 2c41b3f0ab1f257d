// Reference checks the HTTP layer turns into 422s: ids in a request (or check-in) that the content lacks.

import { PHASES, ROLES } from './types.js';
import type { CheckIn, Content, RecommendationRequest } from './types.js';
import { indexContent } from './content-index.js';

export interface RefError {
  readonly path: string;
  readonly message: string;
}

/**
 * Unknown role, phase, itemId (`responses[i].itemId`, also an item answered twice), area ids in confidence / priorities / settingProfile
 * (`confidence.<id>` …) and module ids in completedModuleIds (`completedModuleIds[i]`). Empty when all known.
 */
export function validateRequestRefs(content: Content, request: RecommendationRequest): RefError[] {
  const ix = indexContent(content);
  const errors: RefError[] = [];
  if (!(ROLES as readonly string[]).includes(request.role)) errors.push({ path: 'role', message: `Unknown role "${request.role}".` });
  if (!(PHASES as readonly string[]).includes(request.phase)) errors.push({ path: 'phase', message: `Unknown phase "${request.phase}".` });
  const firstAt = new Map<string, number>();
  request.responses.forEach((r, i) => {
    if (!ix.itemIndex.has(r.itemId)) {
      errors.push({ path: `responses[${i}].itemId`, message: `Unknown questionnaire item "${r.itemId}" (questionnaire ${content.questionnaire.version}).` });
    }
    const first = firstAt.get(r.itemId);
    if (first !== undefined) {
      errors.push({ path: `responses[${i}].itemId`, message: `Item "${r.itemId}" is answered more than once (first at responses[${first}]); send one answer per item.` });
    } else firstAt.set(r.itemId, i);
  });
  const areaMaps: [string, Readonly<Record<string, number>> | undefined][] = [
    ['confidence', request.confidence],
    ['priorities', request.priorities],
    ['settingProfile', request.settingProfile],
  ];
  for (const [field, map] of areaMaps) {
    for (const id of Object.keys(map ?? {})) {
      if (!ix.areaIndex.has(id)) errors.push({ path: `${field}.${id}`, message: `Unknown needs area "${id}" (taxonomy ${content.taxonomy.version}).` });
    }
  }
  request.completedModuleIds.forEach((id, i) => {
    if (!ix.moduleIndex.has(id)) errors.push({ path: `completedModuleIds[${i}]`, message: `Unknown module "${id}" (catalogue ${content.catalogue.version}).` });
  });
  return errors;
}

/** Unknown module (`moduleId`) or area ids (`ratings.<id>`) in a check-in, and ratings outside 1..5. */
export function validateCheckInRefs(content: Content, checkin: CheckIn): RefError[] {
  const ix = indexContent(content);
  const errors: RefError[] = [];
  if (!ix.moduleIndex.has(checkin.moduleId)) errors.push({ path: 'moduleId', message: `Unknown module "${checkin.moduleId}".` });
  for (const [id, v] of Object.entries(checkin.ratings)) {
    if (!ix.areaIndex.has(id)) errors.push({ path: `ratings.${id}`, message: `Unknown needs area "${id}".` });
    else if (!(v >= 1 && v <= 5)) errors.push({ path: `ratings.${id}`, message: `Rating must be between 1 and 5, got ${v}.` });
  }
  return errors;
}
