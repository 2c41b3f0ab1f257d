// The single-gap rule, exhaustively over the shipped content: someone who answers 5 everywhere except the items on
// one area (answered 1) gets a module addressing that area (relevance ≥ 0.5) within their first three steps,
// whenever a suitable one exists, for every area × role × phase, low-incidence needs included, and whatever
// the setting's pupil profile, floors or leader priorities say about other areas.

import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { eligibleModules } from '../../src/domain/eligibility.js';
import { recommend } from '../../src/domain/recommend.js';
import { FORMATS, PHASES, ROLES, type RecommendationRequest, type Role, type Phase } from '../../src/domain/types.js';

const content = getShippedContent();
const BUDGET = 360;

/** Items on an area: those whose main (highest-loading) area it is; if none, every item that loads on it. */
function itemsOn(areaId: string): Set<string> {
  const items = content.questionnaire.items;
  const main = items.filter((it) => it.areas.reduce((b, l) => (l.loading > b.loading ? l : b)).areaId === areaId);
  return new Set((main.length ? main : items.filter((it) => it.areas.some((l) => l.areaId === areaId))).map((it) => it.id));
}

function singleGap(areaId: string, role: Role, phase: Phase, extra: Partial<RecommendationRequest> = {}): RecommendationRequest {
  const on = itemsOn(areaId);
  return {
    role, phase, confidence: {}, completedModuleIds: [], timeBudgetMinutes: BUDGET, weeklyMinutes: 60, formats: [...FORMATS], priorities: {},
    responses: content.questionnaire.items.map((it) => ({ itemId: it.id, value: on.has(it.id) ? 1 : 5 })),
    ...extra,
  };
}

const addresses = (moduleId: string, areaId: string) =>
  content.catalogue.modules.find((m) => m.id === moduleId)!.areas.some((a) => a.areaId === areaId && a.relevance >= 0.5);

/** Whether some module the request may receive addresses the area and fits the budget with its prerequisites. */
function suitableExists(req: RecommendationRequest, areaId: string): boolean {
  const eligible = eligibleModules(content, req);
  const minutes = new Map(content.catalogue.modules.map((m) => [m.id, m.minutes]));
  return content.catalogue.modules.some((m, i) => {
    if (!eligible[i] || !addresses(m.id, areaId)) return false;
    const closure = new Set<string>();
    const visit = (id: string) => content.catalogue.modules.find((x) => x.id === id)!.prerequisites.forEach((p) => (closure.add(p), visit(p)));
    visit(m.id);
    const ids = content.catalogue.modules.map((x) => x.id);
    return [...closure].every((p) => eligible[ids.indexOf(p)]) && [...closure, m.id].reduce((s, id) => s + minutes.get(id)!, 0) <= BUDGET;
  });
}

function failures(extra: (areaId: string) => Partial<RecommendationRequest>): string[] {
  const failed: string[] = [];
  let checked = 0;
  for (const area of content.taxonomy.areas) {
    for (const role of ROLES) {
      for (const phase of PHASES) {
        const req = singleGap(area.id, role, phase, extra(area.id));
        if (!suitableExists(req, area.id)) continue;
        checked++;
        const firstThree = recommend(content, req).pathway.steps.slice(0, 3);
        if (!firstThree.some((s) => addresses(s.moduleId, area.id))) failed.push(`${area.id} ${role} ${phase}: ${firstThree.map((s) => s.moduleId).join(', ')}`);
      }
    }
  }
  expect(checked).toBeGreaterThan(500);
  return failed;
}

describe('the single-gap rule on the shipped content', () => {
  it('puts the stated gap in the first three steps for every area × role × phase', () => {
    expect(failures(() => ({}))).toEqual([]);
  });

  it('holds when the leader makes every other area a top priority', () => {
    const others = (areaId: string) => Object.fromEntries(content.taxonomy.areas.filter((a) => a.id !== areaId).map((a) => [a.id, 3]));
    expect(failures((areaId) => ({ priorities: others(areaId) }))).toEqual([]);
  });

  it('holds when the setting has no pupils with that need', () => {
    const profile = (areaId: string) => ({ ...content.evidence.prevalence.byPhase.primary, [areaId]: 0 });
    expect(failures((areaId) => ({ settingProfile: profile(areaId) }))).toEqual([]);
  });

  it('shows the answers back as given: an area answered 1 shows as 1, one answered 5 as 5', () => {
    const res = recommend(content, singleGap('vi', 'teacher', 'primary'));
    expect(res.profile.vi!.confidence).toBe(0);
    expect(res.profile.slcn!.confidence).toBe(1);
    expect(res.profile.vi!.uncertainty).toBeGreaterThan(0);
  });
});
