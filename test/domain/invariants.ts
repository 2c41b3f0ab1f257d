// Assertions for the response invariants API.md promises, shared by the property tests.

import { expect } from 'vitest';
import type { Content, RecommendationRequest, RecommendationResponse } from '../../src/domain/types.js';

/** Every invariant API.md promises for a response. */
export function checkInvariants(c: Content, req: RecommendationRequest, res: RecommendationResponse): void {
  const byId = new Map(c.catalogue.modules.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const completed = new Set(req.completedModuleIds);
  let minutes = 0;
  res.pathway.steps.forEach((s, i) => {
    const m = byId.get(s.moduleId)!;
    expect(s.position).toBe(i + 1);
    expect(seen.has(s.moduleId)).toBe(false);
    expect(completed.has(s.moduleId)).toBe(false);
    for (const p of m.prerequisites) expect(seen.has(p) || completed.has(p)).toBe(true);
    expect(m.roles).toContain(req.role);
    expect(m.phases).toContain(req.phase);
    expect(req.formats).toContain(s.format);
    expect(m.formats).toContain(s.format);
    // format = the first requested format the module offers
    expect(s.format).toBe(req.formats.find((f) => m.formats.includes(f)));
    expect(s.minutes).toBe(m.minutes);
    expect(s.week).toBeGreaterThanOrEqual(1);
    if (i > 0) expect(s.week).toBeGreaterThanOrEqual(res.pathway.steps[i - 1]!.week);
    expect(s.explanation).toMatch(/^[A-Z].*\.$/);
    expect(s.reasons.some((r) => r.kind === 'evidence')).toBe(true);
    seen.add(s.moduleId);
    minutes += s.minutes;
  });
  expect(res.pathway.totalMinutes).toBe(minutes);
  expect(minutes).toBeLessThanOrEqual(req.timeBudgetMinutes);
  for (const e of Object.values(res.profile)) {
    expect(e.need).toBeGreaterThanOrEqual(0);
    expect(e.need).toBeLessThanOrEqual(1);
  }
}

/** Every number in the output has at most 4 decimals. */
export function checkRounded(value: unknown): void {
  if (typeof value === 'number') expect(Math.abs(value * 1e4 - Math.round(value * 1e4))).toBeLessThan(1e-6);
  else if (Array.isArray(value)) value.forEach(checkRounded);
  else if (value && typeof value === 'object') Object.values(value).forEach(checkRounded);
}
