// fast-check generators for the domain property tests: valid requests over a Content, and random catalogues
// (random prerequisite DAGs, roles, phases, formats) built on the fixture's taxonomy and questionnaire.

import fc from 'fast-check';
import { FORMATS, LEVELS, PHASES, ROLES } from '../../src/domain/types.js';
import type { Content, Module, RecommendationRequest } from '../../src/domain/types.js';
import { content as fixture } from './fixtures.js';

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs]);

/** Valid requests (ids known to `content`), with defaults like the service's. */
export function requestArb(content: Content): fc.Arbitrary<RecommendationRequest> {
  const areaIds = content.taxonomy.areas.map((a) => a.id);
  const rating = fc.integer({ min: 1, max: 5 });
  return fc.record({
    role: fc.constantFrom(...ROLES),
    phase: fc.constantFrom(...PHASES),
    // One answer per item, as the API requires (a repeated item is a 422).
    responses: fc.uniqueArray(
      fc.record({
        itemId: fc.constantFrom(...content.questionnaire.items.map((i) => i.id)),
        value: fc.oneof(rating, rating, rating, fc.constant(null)),
      }),
      { maxLength: content.questionnaire.items.length, selector: (r) => r.itemId },
    ),
    confidence: fc.dictionary(fc.constantFrom(...areaIds), rating, { maxKeys: 4 }),
    completedModuleIds: subset(content.catalogue.modules.map((m) => m.id)).chain((ids) => fc.shuffledSubarray(ids)),
    timeBudgetMinutes: fc.integer({ min: 0, max: 900 }),
    weeklyMinutes: fc.integer({ min: 15, max: 180 }),
    formats: fc.shuffledSubarray([...FORMATS], { minLength: 1 }),
    priorities: fc.dictionary(fc.constantFrom(...areaIds), fc.integer({ min: 0, max: 3 }), { maxKeys: 3 }),
    settingProfile: fc.option(fc.dictionary(fc.constantFrom(...areaIds), fc.double({ min: 0, max: 0.6, noNaN: true }), { maxKeys: 6 }), {
      nil: undefined,
    }),
  });
}

/** A random catalogue of 3..16 modules over the fixture's areas; prerequisites point to earlier modules (a DAG). */
export const contentArb: fc.Arbitrary<Content> = fc
  .array(
    fc.record({
      minutes: fc.integer({ min: 10, max: 180 }),
      formats: fc.subarray([...FORMATS], { minLength: 1 }),
      roles: fc.subarray([...ROLES], { minLength: 1 }),
      phases: fc.subarray([...PHASES], { minLength: 1 }),
      level: fc.constantFrom(...LEVELS),
      prereqPicks: fc.array(fc.nat(), { maxLength: 2 }),
      areas: fc.uniqueArray(
        fc.record({ areaId: fc.constantFrom(...fixture.taxonomy.areas.map((a) => a.id)), relevance: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
        { minLength: 1, maxLength: 3, selector: (a) => a.areaId },
      ),
      impact: fc.double({ min: 0, max: 0.3, noNaN: true }),
      strength: fc.integer({ min: 0, max: 5 }),
    }),
    { minLength: 3, maxLength: 16 },
  )
  .map((specs) => {
    const modules: Module[] = specs.map((s, i) => ({
      id: `m${i}`,
      title: `Random module ${i}`,
      summary: '',
      outcomes: [],
      minutes: s.minutes,
      formats: s.formats,
      roles: s.roles,
      phases: s.phases,
      level: s.level,
      prerequisites: i === 0 ? [] : [...new Set(s.prereqPicks.map((p) => `m${p % i}`))],
      areas: s.areas,
    }));
    const evidence = Object.fromEntries(
      specs.map((s, i) => [`m${i}`, { strength: s.strength, strengthSource: 'random', expectedImpact: s.impact, impactSource: 'random', sources: [] }]),
    );
    return {
      ...fixture,
      catalogue: { version: 'random', notice: '', modules },
      evidence: { ...fixture.evidence, modules: evidence },
    };
  });
