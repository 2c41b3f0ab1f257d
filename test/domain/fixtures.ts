// Small synthetic Content for the domain tests (invented for tests; not the shipped catalogue). Eight areas
// (census needs, a low-incidence need with a floor, a practice area), ten items, twelve modules.

import type { Content, Module, RecommendationRequest } from '../../src/domain/types.js';

const mod = (m: Partial<Module> & Pick<Module, 'id' | 'areas'>): Module => ({
  title: `Module ${m.id}`,
  summary: 'Synthetic test module.',
  outcomes: [],
  minutes: 60,
  formats: ['online'],
  roles: ['teacher', 'teaching_assistant', 'senco'],
  phases: ['primary', 'secondary'],
  level: 'foundation',
  prerequisites: [],
  ...m,
});

export const modules: Module[] = [
  mod({ id: 'slcn-basics', areas: [{ areaId: 'slcn', relevance: 1 }], minutes: 45 }),
  mod({ id: 'slcn-advanced', level: 'advanced', prerequisites: ['slcn-basics'], areas: [{ areaId: 'slcn', relevance: 1 }], minutes: 60 }),
  mod({ id: 'autism-basics', areas: [{ areaId: 'autism', relevance: 1 }, { areaId: 'slcn', relevance: 0.3 }], minutes: 60, formats: ['online', 'in_person'] }),
  mod({ id: 'autism-in-class', level: 'intermediate', prerequisites: ['autism-basics'], areas: [{ areaId: 'autism', relevance: 0.9 }], minutes: 90, formats: ['in_person'] }),
  mod({ id: 'semh-basics', areas: [{ areaId: 'semh', relevance: 1 }], minutes: 60 }),
  mod({ id: 'semh-trauma', level: 'intermediate', areas: [{ areaId: 'semh', relevance: 0.8 }], minutes: 30, formats: ['in_house'] }),
  mod({ id: 'mld-basics', areas: [{ areaId: 'mld', relevance: 1 }], minutes: 40 }),
  mod({ id: 'spld-dyslexia', level: 'intermediate', areas: [{ areaId: 'spld', relevance: 1 }], minutes: 50 }),
  mod({ id: 'vi-awareness', areas: [{ areaId: 'vi', relevance: 1 }], minutes: 30 }),
  mod({ id: 'adaptive-teaching', areas: [{ areaId: 'adaptive-teaching', relevance: 1 }, { areaId: 'mld', relevance: 0.4 }, { areaId: 'spld', relevance: 0.3 }], minutes: 60, roles: ['teacher', 'senco'] }),
  mod({ id: 'senco-strategy', level: 'advanced', prerequisites: ['adaptive-teaching'], areas: [{ areaId: 'adaptive-teaching', relevance: 0.7 }], minutes: 120, roles: ['senco'] }),
  mod({ id: 'ey-communication', areas: [{ areaId: 'slcn', relevance: 1 }], minutes: 45, phases: ['early_years'], roles: ['early_years_practitioner'] }),
];

const impact: Record<string, [number, number]> = {
  'slcn-basics': [0.15, 4],
  'slcn-advanced': [0.18, 3],
  'autism-basics': [0.15, 3],
  'autism-in-class': [0.2, 2],
  'semh-basics': [0.14, 4],
  'semh-trauma': [0.12, 1],
  'mld-basics': [0.12, 3],
  'spld-dyslexia': [0.16, 5],
  'vi-awareness': [0.2, 2],
  'adaptive-teaching': [0.15, 5],
  'senco-strategy': [0.2, 3],
  'ey-communication': [0.18, 3],
};

export const content: Content = {
  taxonomy: {
    version: 'test-taxonomy-1',
    groups: [],
    sources: [],
    areas: [
      { id: 'slcn', name: 'Speech, language and communication', group: 'communication_interaction', description: '', censusCode: 'SLCN' },
      { id: 'autism', name: 'Autism', group: 'communication_interaction', description: '', censusCode: 'ASD' },
      { id: 'semh', name: 'Social, emotional and mental health', group: 'semh', description: '', censusCode: 'SEMH' },
      { id: 'mld', name: 'Moderate learning difficulties', group: 'cognition_learning', description: '', censusCode: 'MLD' },
      { id: 'spld', name: 'Specific learning difficulties', group: 'cognition_learning', description: '', censusCode: 'SPLD' },
      { id: 'vi', name: 'Vision impairment', group: 'sensory_physical', description: '', censusCode: 'VI' },
      { id: 'adaptive-teaching', name: 'Adaptive teaching', group: 'practice', description: '' },
      { id: 'hi', name: 'Hearing impairment', group: 'sensory_physical', description: '', censusCode: 'HI' },
    ],
  },
  questionnaire: {
    version: 'test-q-1',
    scale: { min: 1, max: 5, labels: ['1', '2', '3', '4', '5'], notRelevantLabel: 'Not relevant' },
    items: [
      { id: 'q-slcn-1', prompt: 'support talk', areas: [{ areaId: 'slcn', loading: 1 }] },
      { id: 'q-slcn-2', prompt: 'spot language needs', areas: [{ areaId: 'slcn', loading: 0.8 }, { areaId: 'autism', loading: 0.2 }] },
      { id: 'q-autism-1', prompt: 'adapt for autism', areas: [{ areaId: 'autism', loading: 1 }] },
      { id: 'q-semh-1', prompt: 'calm distress', areas: [{ areaId: 'semh', loading: 1 }] },
      { id: 'q-semh-2', prompt: 'support anxiety', areas: [{ areaId: 'semh', loading: 0.7 }] },
      { id: 'q-mld-1', prompt: 'scaffold learning', areas: [{ areaId: 'mld', loading: 0.9 }] },
      { id: 'q-spld-1', prompt: 'support dyslexia', areas: [{ areaId: 'spld', loading: 1 }] },
      { id: 'q-vi-1', prompt: 'adapt for vision', areas: [{ areaId: 'vi', loading: 1 }] },
      { id: 'q-adapt-1', prompt: 'adapt teaching', areas: [{ areaId: 'adaptive-teaching', loading: 1 }] },
      { id: 'q-hi-1', prompt: 'adapt for hearing', areas: [{ areaId: 'hi', loading: 1 }] },
    ],
  },
  catalogue: { version: 'test-catalogue-1', notice: 'Synthetic.', modules },
  evidence: {
    id: 'test-evidence-1',
    version: 1,
    provenance: { panel: 'test', members: [], method: 'synthetic', date: '2025-01-01', sources: [], notes: '' },
    modules: Object.fromEntries(
      Object.entries(impact).map(([id, [expectedImpact, strength]]) => [
        id,
        { strength, strengthSource: `test strength ${strength}`, expectedImpact, impactSource: 'test', sources: [`source for ${id}`] },
      ]),
    ),
    areaImportance: { slcn: 0.9, autism: 0.9, semh: 0.9, mld: 0.8, spld: 0.8, vi: 0.8, hi: 0.8, 'adaptive-teaching': 0.9 },
    prevalence: {
      source: 'synthetic',
      censusYear: '2024',
      base: 'pupils with SEN (synthetic)',
      byPhase: {
        early_years: { slcn: 0.5, autism: 0.15, semh: 0.1, mld: 0.1, spld: 0.02, vi: 0.01, hi: 0.01 },
        primary: { slcn: 0.28, autism: 0.16, semh: 0.2, mld: 0.15, spld: 0.12, vi: 0.01, hi: 0.016 },
        secondary: { slcn: 0.15, autism: 0.17, semh: 0.27, mld: 0.15, spld: 0.2, vi: 0.01, hi: 0.016 },
        post16: { slcn: 0.15, autism: 0.2, semh: 0.25, mld: 0.15, spld: 0.2, vi: 0.01, hi: 0.02 },
        special: { slcn: 0.2, autism: 0.34, semh: 0.16, mld: 0.09, spld: 0.04, vi: 0.01, hi: 0.016 },
        alternative_provision: { slcn: 0.1, autism: 0.1, semh: 0.6, mld: 0.1, spld: 0.05, vi: 0.005, hi: 0.01 },
      },
      floors: { VI: 0.05, HI: 0.05 },
    },
    roleRelevance: { teaching_assistant: { 'adaptive-teaching': 0.6 } },
    priors: { default: { mean: 0.5, sd: 0.25 }, byRole: { senco: { mean: 0.65, sd: 0.2 } }, byPhase: { special: { meanShift: 0.05 } } },
  },
};

/** A request with service defaults applied; override any field. */
export function request(over: Partial<RecommendationRequest> = {}): RecommendationRequest {
  return {
    role: 'teacher',
    phase: 'primary',
    responses: [],
    confidence: {},
    completedModuleIds: [],
    timeBudgetMinutes: 240,
    weeklyMinutes: 60,
    formats: ['online', 'in_person'],
    priorities: {},
    ...over,
  };
}

/** The fixture content restricted to some modules, each optionally changed. */
export function withModules(keep: readonly string[], change: (m: Module) => Module = (m) => m): Content {
  return {
    ...content,
    catalogue: { ...content.catalogue, modules: content.catalogue.modules.filter((m) => keep.includes(m.id)).map(change) },
  };
}
