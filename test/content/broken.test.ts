// Broken content is rejected with a message naming the file and the exact place, so an editor can fix it.
import { describe, expect, it } from 'vitest';
import { cloneShipped, errorOf, moduleIndex, problemsOf } from './helpers.js';

describe('rejecting broken content', () => {
  it('names a prerequisite that does not exist', () => {
    const c = cloneShipped();
    const i = moduleIndex(c, 'explicit-instruction-modelling');
    c.catalogue.modules[i]!.prerequisites[0] = 'five-a-day-overveiw';
    const err = errorOf(c);
    expect(err.problems).toEqual([
      {
        file: 'data/modules.json',
        path: `modules[${i}].prerequisites[0]`,
        message: 'unknown module "five-a-day-overveiw" (no module in data/modules.json has this id)',
      },
    ]);
    expect(err.message).toBe(
      `data/modules.json: modules[${i}].prerequisites[0]: unknown module "five-a-day-overveiw" (no module in data/modules.json has this id)`,
    );
  });

  it('reports a prerequisite cycle with the modules round it', () => {
    const c = cloneShipped();
    const a = moduleIndex(c, 'five-a-day-overview');
    const b = moduleIndex(c, 'explicit-instruction-modelling');
    const d = moduleIndex(c, 'adaptive-teaching-in-the-moment');
    // five-a-day -> adaptive-teaching-in-the-moment -> explicit-instruction -> five-a-day
    // (and, through scaffolding-and-fading, a second cycle back to five-a-day).
    c.catalogue.modules[a]!.prerequisites.push('adaptive-teaching-in-the-moment');
    const cycles = problemsOf(c).filter((p) => p.message.startsWith('prerequisite cycle'));
    expect(cycles).toHaveLength(2);
    expect(c.catalogue.modules[d]!.prerequisites).toContain('explicit-instruction-modelling');
    const prereqOfB = c.catalogue.modules[b]!.prerequisites.indexOf('five-a-day-overview');
    expect(cycles[0]).toEqual({
      file: 'data/modules.json',
      path: `modules[${b}].prerequisites[${prereqOfB}]`,
      message:
        'prerequisite cycle: five-a-day-overview -> adaptive-teaching-in-the-moment -> explicit-instruction-modelling -> five-a-day-overview',
    });
  });

  it('rejects a module that is its own prerequisite', () => {
    const c = cloneShipped();
    const i = moduleIndex(c, 'send-essentials');
    c.catalogue.modules[i]!.prerequisites = ['send-essentials'];
    expect(problemsOf(c)).toContainEqual({
      file: 'data/modules.json',
      path: `modules[${i}].prerequisites[0]`,
      message: 'a module cannot be its own prerequisite',
    });
  });

  it('names an unknown area id in a module', () => {
    const c = cloneShipped();
    const i = moduleIndex(c, 'dyslexia-in-practice');
    c.catalogue.modules[i]!.areas[0]!.areaId = 'dyslexia';
    expect(problemsOf(c)).toContainEqual({
      file: 'data/modules.json',
      path: `modules[${i}].areas[0].areaId`,
      message: 'unknown area "dyslexia" (not in data/needs-areas.json)',
    });
  });

  it('rejects a relevance of 1.7', () => {
    const c = cloneShipped();
    c.catalogue.modules[12]!.areas[0]!.relevance = 1.7;
    expect(errorOf(c).message).toBe('data/modules.json: modules[12].areas[0].relevance: must be between 0 and 1 (got 1.7)');
  });

  it('names an area that no question covers', () => {
    const c = cloneShipped();
    for (const item of c.questionnaire.items) item.areas = item.areas.filter((l) => l.areaId !== 'msi');
    expect(problemsOf(c)).toEqual([
      {
        file: 'data/questionnaire.json',
        path: 'items',
        message: 'no item covers area "msi" (every area needs at least one item with a loading above 0)',
      },
    ]);
  });

  it('names a module that has no evidence', () => {
    const c = cloneShipped();
    delete c.evidence.modules['send-essentials'];
    expect(problemsOf(c)).toEqual([
      {
        file: 'data/evidence/v1.json',
        path: 'modules.send-essentials',
        message: 'missing: module "send-essentials" in data/modules.json has no evidence',
      },
    ]);
  });

  it('names evidence for a module the catalogue does not have', () => {
    const c = cloneShipped();
    c.evidence.modules['retired-module'] = { ...c.evidence.modules['send-essentials']! };
    expect(problemsOf(c)).toEqual([
      { file: 'data/evidence/v1.json', path: 'modules.retired-module', message: 'unknown module "retired-module" (not in data/modules.json)' },
    ]);
  });

  it('catches a misspelt field and a missing one', () => {
    const c = cloneShipped();
    const m = c.catalogue.modules[0]! as unknown as Record<string, unknown>;
    m.minuts = m.minutes;
    delete m.minutes;
    expect(problemsOf(c)).toEqual([
      { file: 'data/modules.json', path: 'modules[0].minutes', message: 'required field is missing' },
      { file: 'data/modules.json', path: 'modules[0].minuts', message: 'unknown field (check the spelling)' },
    ]);
  });

  it('lists every problem across files, one line each', () => {
    const c = cloneShipped();
    c.catalogue.modules[3]!.areas[0]!.areaId = 'no-such-area';
    c.questionnaire.items[2]!.areas[0]!.areaId = 'also-missing';
    const err = errorOf(c);
    const lines = err.message.split('\n');
    expect(lines).toContain('data/questionnaire.json: items[2].areas[0].areaId: unknown area "also-missing" (not in data/needs-areas.json)');
    expect(lines).toContain('data/modules.json: modules[3].areas[0].areaId: unknown area "no-such-area" (not in data/needs-areas.json)');
    expect(lines).toHaveLength(err.problems.length);
  });

  it('rejects a prerequisite that is not open to every role the module is', () => {
    const c = cloneShipped();
    const i = moduleIndex(c, 'vocabulary-teaching');
    c.catalogue.modules[i]!.prerequisites = ['explicit-instruction-modelling'];
    expect(problemsOf(c)).toContainEqual({
      file: 'data/modules.json',
      path: `modules[${i}].prerequisites[0]`,
      message:
        'prerequisite "explicit-instruction-modelling" is not offered for role(s) teaching_assistant, learning_support, which this module is',
    });
  });

  it('rejects an early years module that leaves out the early years phase', () => {
    const c = cloneShipped();
    const i = moduleIndex(c, 'ey-inclusive-play');
    c.catalogue.modules[i]!.phases = ['secondary'];
    expect(problemsOf(c)).toContainEqual({
      file: 'data/modules.json',
      path: `modules[${i}].phases`,
      message: 'lists role early_years_practitioner but not phase early_years',
    });
  });

  it('says which role and phase run short of modules', () => {
    const c = cloneShipped();
    for (const m of c.catalogue.modules) m.roles = m.roles.filter((r) => r !== 'fe_lecturer');
    c.catalogue.modules[0]!.roles.push('fe_lecturer');
    const messages = problemsOf(c).map((p) => `${p.file}: ${p.path}: ${p.message}`);
    expect(messages).toContain('data/modules.json: modules: role fe_lecturer in phase post16 has 1 suitable module(s); it needs at least 8');
    expect(messages).toContain('data/modules.json: modules: role fe_lecturer has no advanced module');
  });

  it('says when an area has too few strongly relevant modules', () => {
    const c = cloneShipped();
    for (const m of c.catalogue.modules) for (const a of m.areas) if (a.areaId === 'msi') a.relevance = Math.min(a.relevance, 0.4);
    expect(problemsOf(c)).toEqual([
      { file: 'data/modules.json', path: 'modules', message: 'area "msi" has 0 module(s) with relevance >= 0.5; it needs at least 3' },
    ]);
  });

  it('rejects prevalence shares that do not add up to one', () => {
    const c = cloneShipped();
    c.evidence.prevalence.byPhase.primary['slcn'] = 0.9;
    expect(problemsOf(c)).toEqual([
      {
        file: 'data/evidence/v1.json',
        path: 'prevalence.byPhase.primary',
        message: 'shares add up to 1.593; they are shares of one base and must add up to 1 (between 0.98 and 1.02)',
      },
    ]);
  });

  it('rejects a phase missing from the prevalence profiles', () => {
    const c = cloneShipped();
    delete (c.evidence.prevalence.byPhase as Record<string, unknown>)['special'];
    expect(problemsOf(c)).toEqual([
      { file: 'data/evidence/v1.json', path: 'prevalence.byPhase.special', message: 'required field is missing' },
    ]);
  });

  it('names an unknown area in role relevance', () => {
    const c = cloneShipped();
    c.evidence.roleRelevance.teacher!['workign-with-tas'] = 0.5;
    expect(problemsOf(c)).toEqual([
      {
        file: 'data/evidence/v1.json',
        path: 'roleRelevance.teacher.workign-with-tas',
        message: 'unknown area "workign-with-tas" (not in data/needs-areas.json)',
      },
    ]);
  });

  it('rejects a duplicate module id, pointing at the first', () => {
    const c = cloneShipped();
    c.catalogue.modules[5]!.id = c.catalogue.modules[2]!.id;
    expect(problemsOf(c)).toContainEqual({
      file: 'data/modules.json',
      path: 'modules[5].id',
      message: `duplicate module id "${c.catalogue.modules[2]!.id}" (first used at modules[2].id)`,
    });
  });
});
