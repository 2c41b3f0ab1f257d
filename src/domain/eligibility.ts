// Which modules a request may receive: those that suit its role and phase, come in one of its formats and have no
// unknown or cyclic prerequisites. Worked out once per catalogue and combination, and shared.

import { FORMATS, type Content, type Format, type RecommendationRequest } from './types.js';
import { indexContent, suits, type ContentIndex } from './content-index.js';

/**
 * True for each module the request may receive: suits role, phase and one of the formats, and has no unknown
 * or cyclic prerequisites. Completion is not considered here. Worked out once per catalogue, role, phase and
 * set of formats (a few hundred combinations at most) and shared: callers must not change the array.
 */
export function eligibleModules(content: Content, request: RecommendationRequest): readonly boolean[] {
  return eligibility(content, request).eligible;
}

interface Eligibility {
  readonly eligible: readonly boolean[];
  /** Eligible, and every prerequisite eligible: the candidates of a request with nothing completed. */
  readonly reachable: readonly boolean[];
}

/**
 * The request's eligible modules and the candidates of a request with nothing completed, worked out once per
 * catalogue, role, phase and set of formats and shared: callers must not change the arrays.
 */
export function eligibility(content: Content, request: RecommendationRequest): Eligibility {
  const ix = indexContent(content);
  // Eligibility ignores the order of formats and repeats, so the key lists each offered format once, in FORMATS order.
  const key = `${request.role} ${request.phase} ${FORMATS.filter((f) => request.formats.includes(f)).join(' ')}`;
  let byRequest = eligibilityByIndex.get(ix);
  if (!byRequest) eligibilityByIndex.set(ix, (byRequest = new Map()));
  let found = byRequest.get(key);
  if (!found) {
    const eligible = ix.entries.map((e) => !e.broken && suits(e.module, request.role, request.phase, request.formats));
    const reachable = candidateModules(ix, eligible, ix.entries.map(() => false));
    byRequest.set(key, (found = { eligible, reachable }));
  }
  return found;
}

const eligibilityByIndex = new WeakMap<ContentIndex, Map<string, Eligibility>>();

/**
 * True for each module a request can be given next: eligible, not done, and each prerequisite done or eligible
 * (a prerequisite not done joins the module's bundle).
 */
export function candidateModules(ix: ContentIndex, eligible: readonly boolean[], done: readonly boolean[]): boolean[] {
  return ix.entries.map((e, m) => eligible[m]! && !done[m] && e.prerequisites.every((p) => done[p] || eligible[p]));
}

/** First of the request's formats (in request order) that module `m` offers. */
export function stepFormat(ix: ContentIndex, m: number, formats: readonly Format[]): Format {
  const offered = ix.modules[m]!.formats;
  return formats.find((f) => offered.includes(f)) ?? offered[0] ?? 'online';
}
