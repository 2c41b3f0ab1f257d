import { describe, expect, it } from 'vitest';
import { validateCheckInRefs, validateRequestRefs } from '../../src/domain/recommend.js';
import type { RecommendationRequest } from '../../src/domain/types.js';
import { content, request } from './fixtures.js';
import { getShippedContent } from '../../src/content/bundled.js';

describe('validateRequestRefs', () => {
  it('accepts a request whose ids are all known', () => {
    expect(validateRequestRefs(content, request({ responses: [{ itemId: 'q-slcn-1', value: 3 }], confidence: { semh: 2 }, completedModuleIds: ['slcn-basics'], priorities: { vi: 1 }, settingProfile: { slcn: 0.3 } }))).toEqual([]);
  });

  it('names each unknown id by its path', () => {
    const bad = request({
      role: 'wizard' as RecommendationRequest['role'],
      responses: [{ itemId: 'q-slcn-1', value: 3 }, { itemId: 'nope', value: 2 }],
      confidence: { semh: 2, dragons: 1 },
      priorities: { unicorns: 2 },
      settingProfile: { slcn: 0.2, elves: 0.1 },
      completedModuleIds: ['slcn-basics', 'ghost-module'],
    });
    expect(validateRequestRefs(content, bad).map((e) => e.path)).toEqual([
      'role',
      'responses[1].itemId',
      'confidence.dragons',
      'priorities.unicorns',
      'settingProfile.elves',
      'completedModuleIds[1]',
    ]);
    expect(validateRequestRefs(content, bad)[1]!.message).toContain('"nope"');
  });

  it('checks check-ins', () => {
    expect(validateCheckInRefs(content, { moduleId: 'slcn-basics', ratings: { slcn: 4 } })).toEqual([]);
    expect(validateCheckInRefs(content, { moduleId: 'ghost', ratings: { slcn: 9, mars: 2 } }).map((e) => e.path)).toEqual(['moduleId', 'ratings.slcn', 'ratings.mars']);
  });
});

describe('duplicate answers', () => {
  it('reports an item answered twice at the second answer, naming the first', () => {
    const content = getShippedContent();
    const item = content.questionnaire.items[0]!.id;
    const errors = validateRequestRefs(content, {
      role: 'teacher',
      phase: 'primary',
      responses: [
        { itemId: item, value: 2 },
        { itemId: content.questionnaire.items[1]!.id, value: 3 },
        { itemId: item, value: 4 },
      ],
      confidence: {},
      completedModuleIds: [],
      timeBudgetMinutes: 600,
      weeklyMinutes: 60,
      formats: ['online'],
      priorities: {},
    });
    expect(errors).toEqual([{ path: 'responses[2].itemId', message: expect.stringContaining('more than once (first at responses[0])') }]);
  });
});
