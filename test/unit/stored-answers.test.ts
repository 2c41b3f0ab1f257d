// Answers, requests and check-in profiles as stored: the compact forms (answers as one object, default fields left
// out, a basis in one letter) read back as exactly what was given, a list that the object form would change is
// stored as it is, and rows stored in the older forms still read back as given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { checkIn, profileFromResponse } from '../../src/domain/checkin.js';
import { derive, loadProfile, replanProfile, storeProfile, type Derivation, type StoredProfile } from '../../src/domain/derivation.js';
import { recommend } from '../../src/domain/recommend.js';
import type { RecommendationRequest } from '../../src/domain/types.js';
import { listAssessments, newAssessment } from '../../src/repos/assessments.js';
import { openSqlite } from '../../src/repos/drivers/sqlite.js';
import { parseStoredRequest, storedRequestJson } from '../../src/repos/pathways.js';
import { newStaffBatch } from '../../src/repos/staff.js';
import { answersList, answersRecord } from '../../src/repos/stored-answers.js';
import { MIGRATIONS_DIR } from '../helpers/node-app.js';

const content = getShippedContent();
const itemIds = content.questionnaire.items.map((it) => it.id);

const answer = (ids: readonly string[]) => fc.record({ itemId: fc.constantFrom(...ids), value: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5 })) });
const answers = fc.uniqueArray(answer(itemIds), { selector: (a) => a.itemId, maxLength: itemIds.length });

const request = fc.record({
  role: fc.constantFrom('teacher', 'teaching_assistant', 'senco'),
  phase: fc.constantFrom('primary', 'secondary', 'early_years'),
  responses: answers,
  confidence: fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom('asd', 'slcn', 'semh'), fc.double({ min: 0, max: 1, noNaN: true }))),
  completedModuleIds: fc.oneof(fc.constant([]), fc.array(fc.constantFrom(...content.catalogue.modules.map((m) => m.id)), { maxLength: 4 })),
  timeBudgetMinutes: fc.integer({ min: 0, max: 2000 }),
  weeklyMinutes: fc.integer({ min: 0, max: 300 }),
  formats: fc.subarray(['online', 'in_person', 'blended'], { minLength: 1 }),
  priorities: fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom('asd', 'hi', 'vi'), fc.integer({ min: 1, max: 3 }))),
}) as fc.Arbitrary<RecommendationRequest>;

describe('answers as stored', () => {
  it('keep a list of distinct answers as one object that reads back as the same list', () => {
    fc.assert(
      fc.property(answers, (list) => {
        const record = answersRecord(list);
        expect(record).not.toBeNull();
        expect(answersList(JSON.parse(JSON.stringify(record)))).toEqual(list);
      }),
    );
  });

  it('keep the list as given when the object would lose or reorder something', () => {
    expect(answersRecord([{ itemId: 'autism', value: 2 }, { itemId: 'autism', value: 3 }])).toBeNull();
    expect(answersRecord([{ itemId: 'autism', value: 2 }, { itemId: '12', value: 3 }])).toBeNull();
    expect(answersRecord([{ itemId: 'autism', value: 2, note: 'x' } as never])).toBeNull();
    const list = [{ itemId: 'autism', value: 2 }];
    expect(answersList(list)).toBe(list);
  });

  it('store a request in fewer bytes and read it back as the same request', () => {
    fc.assert(
      fc.property(request, (r) => {
        const text = storedRequestJson(r);
        expect(parseStoredRequest(text)).toEqual(r);
        expect(text.length).toBeLessThanOrEqual(JSON.stringify(r).length);
      }),
    );
    // A full questionnaire with every default left as it is: well under two thirds of the plain JSON.
    const full: RecommendationRequest = {
      role: 'teacher',
      phase: 'primary',
      responses: itemIds.map((itemId, i) => ({ itemId, value: 1 + (i % 5) })),
      confidence: {},
      completedModuleIds: [],
      timeBudgetMinutes: 360,
      weeklyMinutes: 60,
      formats: ['online'],
      priorities: {},
    };
    expect(storedRequestJson(full).length).toBeLessThan((2 / 3) * JSON.stringify(full).length);
  });

  it('give back an assessment’s answers as given, whether stored compact, as a list, or in the older list form', async () => {
    const database = openSqlite(':memory:', MIGRATIONS_DIR);
    const now = new Date('2026-03-02T09:00:00Z');
    const org = { id: 'org_one', kind: 'setting' as const, parent_id: null, name: 'One', setting_type: 'school' as const, phase: 'primary', urn: null, ukprn: null, created_at: now.toISOString() };
    await database.atomic([database.db.insertInto('orgs').values(org).compile()]);
    const made = newStaffBatch(database.db, org.id, [{ name: 'A', jobRole: 'teacher' as const, phase: 'primary' as const }], now);
    await database.atomic(made.queries);
    const staffId = made.staff[0]!.id;
    const compact = { responses: itemIds.map((itemId, i) => ({ itemId, value: i % 6 === 0 ? null : 1 + (i % 5) })), timeBudgetMinutes: 300, formats: ['online'] };
    const twice = { responses: [{ itemId: 'autism', value: 2 }, { itemId: 'autism', value: 4 }] };
    const a1 = newAssessment(database.db, staffId, compact, new Date(now.getTime() + 1000));
    const a2 = newAssessment(database.db, staffId, twice, new Date(now.getTime() + 2000));
    const older = { responses: compact.responses.slice(0, 5), weeklyMinutes: 30 };
    const insertOlder = database.db
      .insertInto('assessments')
      .values({ id: 'asm_older', staff_id: staffId, answers: JSON.stringify(older), created_at: now.toISOString() })
      .compile();
    await database.atomic([a1.query, a2.query, insertOlder]);
    const stored = database.raw.prepare('SELECT id, answers FROM assessments').all() as { id: string; answers: string }[];
    const bytes = new Map(stored.map((r) => [r.id, r.answers.length]));
    expect(bytes.get(a1.id)).toBeLessThan(0.6 * JSON.stringify(compact).length);
    expect(bytes.get(a2.id)).toBe(JSON.stringify(twice).length);
    const page = await listAssessments(database.db, staffId, { limit: 10 });
    expect(new Map(page.data.map((a) => [a.id, a.answers]))).toEqual(
      new Map<string, unknown>([
        [a1.id, compact],
        [a2.id, twice],
        ['asm_older', older],
      ]),
    );
    await database.close();
  });
});

describe('check-in profiles as stored', () => {
  it('name only the areas a check-in moved, each basis in one letter, and re-derive every response byte for byte', () => {
    let request: RecommendationRequest = {
      role: 'teacher',
      phase: 'primary',
      responses: itemIds.slice(0, 12).map((itemId, i) => ({ itemId, value: 1 + (i % 5) })),
      confidence: { vi: 0.25 },
      completedModuleIds: [],
      timeBudgetMinutes: 600,
      weeklyMinutes: 60,
      formats: ['online'],
      priorities: {},
    };
    let response = recommend(content, request);
    const rerated = new Set<string>();
    for (let k = 0; k < 3 && response.pathway.steps.length; k++) {
      const step = response.pathway.steps[0]!;
      const areaId = step.targets[0]!.areaId;
      rerated.add(areaId);
      const result = checkIn(content, request, response, { moduleId: step.moduleId, ratings: { [areaId]: 2 + k } });
      const stored = result.derivation.profile!;
      // Every area re-rated so far is named (in one letter), and far fewer than all the areas.
      for (const id of rerated) expect(stored[id]?.[3]).toBe('c');
      expect(Object.keys(stored).length).toBeLessThan(content.taxonomy.areas.length / 2);
      expect(JSON.stringify(derive(content, result.request, JSON.parse(JSON.stringify(result.derivation)) as Derivation))).toBe(JSON.stringify(result.response));
      // The older form, every area named with its basis spelled out, loads the same profile.
      const loaded = loadProfile(content, result.request, stored);
      const spelled: StoredProfile = Object.fromEntries(
        content.taxonomy.areas.map((area, a) => [
          area.id,
          [loaded.mean[a]!, loaded.estimate[a]!, loaded.sd[a]!, loaded.basis[a]!, loaded.notRelevant[a] ? 1 : 0, Number.isNaN(loaded.selfReport[a]) ? null : loaded.selfReport[a]!],
        ]),
      );
      expect(loadProfile(content, result.request, spelled)).toEqual(loaded);
      expect(storeProfile(content, result.request, loaded)).toEqual(stored);
      // A recompute re-plans from the stored form what the pathway's response reports.
      expect(replanProfile(content, result.request, stored)).toEqual(profileFromResponse(content, result.request, result.response));
      ({ request, response } = result);
    }
    expect(rerated.size).toBeGreaterThan(0);
  });
});

describe('the profile a re-plan starts from', () => {
  it('is, from the stored form, what profileFromResponse reads from the derived response (rounded; own estimate where it carries nothing)', () => {
    const areaIds = content.taxonomy.areas.map((a) => a.id);
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const entry = fc.tuple(unit, unit, fc.oneof(fc.constant(0), fc.double({ min: 0, max: 4e-5, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true })), fc.constantFrom('p', 'r', 'd', 'c', 'checkin', 'responses'), fc.constantFrom(0, 1), fc.oneof(fc.constant(null), unit));
    const stored = fc.dictionary(fc.constantFrom(...areaIds), entry) as fc.Arbitrary<StoredProfile>;
    fc.assert(
      fc.property(request, stored, (req, profile) => {
        const r = req as RecommendationRequest;
        expect(replanProfile(content, r, profile)).toEqual(profileFromResponse(content, r, derive(content, r, { profile })));
      }),
      { numRuns: 150 },
    );
  });
});
