// Shared steps for evidence-panel tests over any fetch (in-process Node app or workerd): a draft, a three-expert panel
// (one deliberately inconsistent), and small request helpers with the admin token.
export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

export const post = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

export const get = (token?: string): RequestInit => (token ? { headers: { authorization: `Bearer ${token}` } } : {});

/** Three experts comparing four areas: two broadly agree (CR < 0.1), the third reverses pairs (CR > 0.1). */
export const PANEL_MATRICES: Readonly<Record<string, number[][]>> = {
  'expert-a': [[1, 3, 5, 7], [1 / 3, 1, 3, 5], [1 / 5, 1 / 3, 1, 3], [1 / 7, 1 / 5, 1 / 3, 1]],
  'expert-b': [[1, 2, 4, 6], [1 / 2, 1, 2, 4], [1 / 4, 1 / 2, 1, 2], [1 / 6, 1 / 4, 1 / 2, 1]],
  'expert-c': [[1, 1 / 5, 5, 1 / 7], [5, 1, 1 / 7, 9], [1 / 5, 7, 1, 1 / 9], [7, 1 / 9, 9, 1]],
};

export interface CurrentSet {
  id: string;
  version: number;
  areaImportance: Record<string, number>;
  modules: Record<string, { strength: number; expectedImpact: number }>;
  provenance: { panel: string };
}

export async function currentSet(f: Fetch): Promise<CurrentSet> {
  const res = await f('/v1/evidence-sets/current');
  if (res.status !== 200) throw new Error(`current evidence set: ${res.status}`);
  return (await res.json()) as CurrentSet;
}

/** The four areas and three modules the panel judges: sorted ids from the set in force. */
export function panelItems(set: CurrentSet): { areas: string[]; modules: string[] } {
  return { areas: Object.keys(set.areaImportance).sort().slice(0, 4), modules: Object.keys(set.modules).sort().slice(0, 3) };
}

export async function createDraft(f: Fetch, token: string, panel = 'Test panel'): Promise<{ id: string; status: string; basedOn: string; version: number }> {
  const res = await f('/v1/evidence-sets', post({ provenance: { panel, members: [], notes: 'test round' } }, token));
  if (res.status !== 201) throw new Error(`create draft: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; status: string; basedOn: string; version: number };
}

/** Each expert's submission: the area matrix above, and ratings that push the judged modules' strength up. */
export function submission(expert: string, set: CurrentSet) {
  const { areas, modules } = panelItems(set);
  return {
    expert,
    areaComparison: { items: areas, matrix: PANEL_MATRICES[expert] },
    ratings: modules.map((moduleId, k) => ({ moduleId, strength: Math.min(5, 3 + k + (expert === 'expert-c' ? 1 : 0)), expectedImpact: 0.25 })),
  };
}

export async function submitPanel(f: Fetch, token: string, draftId: string, set: CurrentSet): Promise<Response[]> {
  const out: Response[] = [];
  for (const expert of Object.keys(PANEL_MATRICES)) out.push(await f(`/v1/evidence-sets/${draftId}/judgements`, post(submission(expert, set), token)));
  return out;
}
