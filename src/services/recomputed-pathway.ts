// A person's latest pathway as they should see it after a recompute: when a plan re-planned exactly that stored
// pathway under a newer set (same algorithm), the full explained response is re-derived from the stored inputs
// under the plan's set (deterministic, so it matches the plan's input hash and steps); otherwise the stored one.
import { ALGORITHM_VERSION } from '../domain/recommend.js';
import type { StoredPathway } from '../repos/pathways.js';
import { plansFor } from '../repos/recompute-jobs.js';
import { issuedEvidence } from './evidence-cache.js';
import { replanParsed } from './recompute.js';
import type { Deps } from './deps.js';

/** `latest` with the response of its recompute plan, when one applies. */
export async function withRecomputedPlan(deps: Deps, latest: StoredPathway | null): Promise<StoredPathway | null> {
  if (!latest) return latest;
  const plan = (await plansFor(deps.database, [latest.staffId])).get(latest.staffId);
  const stamped = latest.response.provenance;
  if (!plan || plan.pathwayId !== latest.id || plan.evidenceSetId === stamped.evidenceSetId || plan.algorithmVersion !== ALGORITHM_VERSION) return latest;
  const set = await issuedEvidence(deps, plan.evidenceSetId);
  if (!set) return latest;
  const response = replanParsed(set.content, latest.cause, latest.request, latest.response.profile, stamped.inputHash);
  return response.provenance.inputHash === plan.inputHash ? { ...latest, response } : latest;
}
