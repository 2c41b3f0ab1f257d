// Canonical shapes the engine works on: catalogue, questionnaire, evidence set, request and response.
// content/ validates data files into these shapes; domain/ never reads files itself.

import type { Derivation } from './derivation.js';

export const ROLES = [
  'teacher',
  'teaching_assistant',
  'senco',
  'leader',
  'early_years_practitioner',
  'fe_lecturer',
  'learning_support',
] as const;
export type Role = (typeof ROLES)[number];

export const PHASES = ['early_years', 'primary', 'secondary', 'post16', 'special', 'alternative_provision'] as const;
export type Phase = (typeof PHASES)[number];

export const FORMATS = ['online', 'in_person', 'in_house'] as const;
export type Format = (typeof FORMATS)[number];

export const LEVELS = ['foundation', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

/** Whether taking a module costs the person or their setting money. */
export const COSTS = ['free', 'paid'] as const;
export type Cost = (typeof COSTS)[number];

/** The Code of Practice's four broad areas, plus `practice` for cross-cutting domains. */
export const GROUPS = [
  'communication_interaction',
  'cognition_learning',
  'semh',
  'sensory_physical',
  'practice',
] as const;
export type Group = (typeof GROUPS)[number];

export interface SubTag {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface NeedsArea {
  readonly id: string;
  readonly name: string;
  readonly group: Group;
  readonly description: string;
  /** DfE school-census primary-need code (SLCN, ASD, ...) where the area is a census need type. */
  readonly censusCode?: string | undefined;
  /** Conditions schools ask about that sit under this area (e.g. DLD under SLCN). */
  readonly subTags?: readonly SubTag[] | undefined;
}

export interface BroadArea {
  readonly id: Group;
  readonly name: string;
  readonly description: string;
}

export interface Taxonomy {
  readonly version: string;
  readonly groups: readonly BroadArea[];
  readonly areas: readonly NeedsArea[];
  readonly sources: readonly string[];
}

export interface ItemLoading {
  readonly areaId: string;
  /** 0..1: how strongly an answer to this item speaks about the area. */
  readonly loading: number;
}

export interface QuestionItem {
  readonly id: string;
  /** Completes "I feel confident to…". */
  readonly prompt: string;
  /** Plain-English explanation of any term of art. */
  readonly hint?: string | undefined;
  readonly areas: readonly ItemLoading[];
}

export interface Questionnaire {
  readonly version: string;
  readonly scale: { readonly min: 1; readonly max: 5; readonly labels: readonly string[]; readonly notRelevantLabel: string };
  readonly items: readonly QuestionItem[];
}

export interface ModuleArea {
  readonly areaId: string;
  /** 0..1 */
  readonly relevance: number;
}

export interface Module {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly outcomes: readonly string[];
  readonly minutes: number;
  readonly formats: readonly Format[];
  readonly roles: readonly Role[];
  readonly phases: readonly Phase[];
  readonly level: Level;
  readonly prerequisites: readonly string[];
  readonly areas: readonly ModuleArea[];
  /** Sub-tag ids (e.g. `dyslexia`) the module speaks to. */
  readonly tags?: readonly string[] | undefined;
  /** Added: who provides the training (an organisation, or a setting for its own modules). */
  readonly provider?: string | undefined;
  /** Added: https address of self-study material. */
  readonly url?: string | undefined;
  /** Added: live sessions with dates and places. */
  readonly sessions?: readonly ModuleSession[] | undefined;
  /** Added: what a facilitator needs to run the module in-house. */
  readonly materials?: readonly string[] | undefined;
  readonly cost?: Cost | undefined;
  readonly accessibility?: ModuleAccessibility | undefined;
  /** Added: any accreditation or certificate, in plain words. */
  readonly accreditation?: string | undefined;
  /** Added: set when no real course is linked yet; a plain-words note shown to staff. */
  readonly illustrative?: string | undefined;
}

/** Added: one live session of a module (ISO 8601 times with an offset; a place, an online link or both). */
export interface ModuleSession {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly place?: string | undefined;
  readonly onlineUrl?: string | undefined;
  readonly facilitator?: string | undefined;
  /** Places available, 1 or more. */
  readonly capacity: number;
}

/** Added: what is known about a module's accessibility (absent = not recorded). */
export interface ModuleAccessibility {
  readonly captions?: boolean | undefined;
  readonly transcripts?: boolean | undefined;
  readonly bsl?: boolean | undefined;
  readonly notes?: string | undefined;
}

export interface Catalogue {
  readonly version: string;
  readonly notice: string;
  readonly modules: readonly Module[];
}

export interface ModuleEvidence {
  /** 0..5, in the spirit of EEF padlocks. */
  readonly strength: number;
  readonly strengthSource: string;
  /** Expected rise in internal confidence (0..1 scale) on a fully relevant area at the right level. */
  readonly expectedImpact: number;
  readonly impactSource: string;
  readonly sources: readonly string[];
  /** Added: posterior sd of expectedImpact when it was learned from check-ins (0..1 scale); drives exploration. */
  readonly impactSd?: number | undefined;
}

/** Added: bounded exploration (domain/explore.ts). margin 0 switches it off. */
export interface ExplorationSettings {
  /** 0..1: how far (relative) a module's sampled effect may stray from its mean; 0 = never explore. */
  readonly margin: number;
  /** 0..0.1: the most expected value a pathway may give up to explore, as a share of its expected value. */
  readonly maxLossShare: number;
}

/** Added: the explicit sign-off a set with learned effects carries (recorded at publish). */
export interface LearningSignOff {
  readonly signedOffBy: string;
  /** ISO timestamp of the publish. */
  readonly signedOffAt: string;
  /** Observations the learned effects were fitted on, and the months (YYYY-MM) they span. */
  readonly observations: number;
  readonly window: { readonly from: string | null; readonly to: string | null };
  /** Modules whose expected impact is a learned figure in this set. */
  readonly modulesLearned: number;
  readonly minObservations: number;
}

export interface PrevalenceProfiles {
  readonly source: string;
  readonly censusYear: string;
  /** What the shares are a share of (e.g. "pupils with SEN in state-funded schools, January 2024"). */
  readonly base: string;
  /** Per phase: share (0..1) of pupils with SEN whose primary need is each census area. */
  readonly byPhase: Readonly<Record<Phase, Readonly<Record<string, number>>>>;
  /** Minimum share used for low-incidence, high-impact needs (VI, HI, MSI, PMLD). */
  readonly floors: Readonly<Record<string, number>>;
}

export interface ConfidencePrior {
  /** Internal confidence 0..1. */
  readonly mean: number;
  /** Standard deviation on the internal 0..1 scale. */
  readonly sd: number;
}

export interface Provenance {
  readonly panel: string;
  readonly members: readonly string[];
  readonly method: string;
  readonly date: string;
  readonly sources: readonly string[];
  readonly notes: string;
  /** Added: present when learned effects are in the set: who signed them off, when, and on what data. */
  readonly learning?: LearningSignOff | undefined;
}

export interface EvidenceSet {
  readonly id: string;
  readonly version: number;
  readonly provenance: Provenance;
  /** Keyed by module id. */
  readonly modules: Readonly<Record<string, ModuleEvidence>>;
  /** Default importance per area, 0..1 (panel judgement; practice areas rely on it alone). */
  readonly areaImportance: Readonly<Record<string, number>>;
  readonly prevalence: PrevalenceProfiles;
  /** Per role: relevance multiplier per area, 0..1 (missing = 1). */
  readonly roleRelevance: Readonly<Partial<Record<Role, Readonly<Record<string, number>>>>>;
  /** Prior confidence by role (and optionally per area). */
  readonly priors: {
    readonly default: ConfidencePrior;
    readonly byRole: Readonly<Partial<Record<Role, ConfidencePrior>>>;
    readonly byPhase?: Readonly<Partial<Record<Phase, { readonly meanShift: number }>>> | undefined;
    /** Added: the noise sd of one answer of full loading, fitted from retests (prior-fit.ts); absent = ITEM_NOISE_SD. */
    readonly itemNoiseSd?: number | undefined;
  };
  /**
   * Added: the panel-judged figure of every module whose expectedImpact here is learned. Learning always fits
   * against these (never against a learned figure), so each check-in counts once however often sets are learned.
   */
  readonly panelPrior?: Readonly<Record<string, { readonly expectedImpact: number; readonly impactSource: string }>> | undefined;
  /** Added: bounded exploration while learning; absent = off. */
  readonly exploration?: ExplorationSettings | undefined;
}

export interface Content {
  readonly taxonomy: Taxonomy;
  readonly questionnaire: Questionnaire;
  readonly catalogue: Catalogue;
  readonly evidence: EvidenceSet;
}

/** A validated POST /v1/recommendations body, with service defaults already applied. */
export interface RecommendationRequest {
  readonly role: Role;
  readonly phase: Phase;
  /** value 1..5, or null = "not relevant to my role". */
  readonly responses: readonly { readonly itemId: string; readonly value: number | null }[];
  /** Direct per-area ratings 1..5, used where no response covers an area. */
  readonly confidence: Readonly<Record<string, number>>;
  readonly completedModuleIds: readonly string[];
  readonly timeBudgetMinutes: number;
  readonly weeklyMinutes: number;
  readonly formats: readonly Format[];
  /** Leader/setting emphasis per area, 0..3. */
  readonly priorities: Readonly<Record<string, number>>;
  /** Share of pupils by primary need (0..1); replaces the national profile for the phase when given. */
  readonly settingProfile?: Readonly<Record<string, number>> | undefined;
}

export type ReasonKind = 'gap' | 'prevalence' | 'evidence' | 'prerequisite' | 'priority' | 'exploration';

export interface Reason {
  readonly kind: ReasonKind;
  readonly areaId?: string;
  readonly value: number;
  readonly text: string;
}

export interface PathwayStep {
  readonly position: number;
  readonly moduleId: string;
  readonly title: string;
  readonly format: Format;
  readonly minutes: number;
  readonly week: number;
  readonly level: Level;
  readonly targets: readonly { readonly areaId: string; readonly expectedGain: number }[];
  readonly evidence: { readonly strength: number; readonly sources: readonly string[] };
  readonly reasons: readonly Reason[];
  readonly explanation: string;
}

export interface AreaEstimate {
  /** Internal 0..1: what the person said (their own answers on the area, as given), else the best estimate. */
  readonly confidence: number;
  /** Posterior standard deviation on the 0..1 scale: how sure the estimate is (shown beside it). */
  readonly uncertainty: number;
  /** Weighted need, 0..1. */
  readonly need: number;
  /** Added: where the estimate comes from (prior only, questionnaire responses, a direct rating, a check-in). */
  readonly basis?: EstimateBasis;
  /** Added: true when every answered item on this area was marked "not relevant" (importance lowered). */
  readonly notRelevant?: boolean;
  /** Added: the person's own latest rating for the area on the internal 0..1 scale, unshrunk; absent if none. */
  readonly selfReport?: number;
  /**
   * Added: the posterior mean the planner plans on (0..1): what was said, drawn toward the role/phase prior by
   * how little was said (see domain/profile.ts).
   */
  readonly estimate?: number;
}

/** Added: where an area's confidence estimate comes from. */
export type EstimateBasis = 'prior' | 'responses' | 'direct' | 'checkin';

export interface RecommendationProvenance {
  readonly algorithmVersion: string;
  readonly catalogueVersion: string;
  readonly evidenceSetId: string;
  readonly inputHash: string;
}

/** Added: what bounded exploration did to a pathway (present only when the evidence set explores). */
export interface ExplorationReport {
  readonly margin: number;
  /** The cap on expectedLossShare. */
  readonly maxLossShare: number;
  /** Expected value given up to explore, as a share of the greedy pathway's (0 when nothing is explored). */
  readonly expectedLossShare: number;
  /** Steps chosen partly to learn. */
  readonly exploringModuleIds: readonly string[];
}

export interface RecommendationResponse {
  readonly pathway: { readonly steps: readonly PathwayStep[]; readonly totalMinutes: number };
  readonly profile: Readonly<Record<string, AreaEstimate>>;
  readonly provenance: RecommendationProvenance;
  readonly exploration?: ExplorationReport | undefined;
}

/** Added: a check-in after finishing a module: re-ratings 1..5 for any areas (usually the module's targets). */
export interface CheckIn {
  readonly moduleId: string;
  readonly ratings: Readonly<Record<string, number>>;
}

/** Added: a module already completed, reported before the re-planned steps. */
export interface CompletedStep {
  readonly status: 'completed';
  /** 1-based order of completion as far as the engine knows (request order, then check-ins). */
  readonly order: number;
  readonly moduleId: string;
  readonly title: string;
  readonly minutes: number;
}

/** Added: one observed confidence change after a module, for population learning (all 0..1 internal). */
export interface EffectObservation {
  readonly moduleId: string;
  readonly areaId: string;
  /** The module's relevance to the area, 0..1. */
  readonly relevance: number;
  /** Level fit (0.2..1) of the module for the person's estimated confidence before it. */
  readonly levelFit: number;
  /** Headroom factor (0..2) at the estimated confidence before it: (1 − c) / 0.5. */
  readonly headroom: number;
  /** The engine's estimate (posterior mean, 0..1) just before the module: E[confidence | all answers so far]. */
  readonly before: number;
  /** The person's re-rating after the module, 0..1. */
  readonly after: number;
}

/** Added: the result of a check-in (see domain/checkin.ts). */
export interface CheckInResult {
  readonly completed: readonly CompletedStep[];
  /** The request to keep for the next check-in: the module joins completedModuleIds; budget reduced by it. */
  readonly request: RecommendationRequest;
  /** The re-planned remaining pathway with the updated profile. */
  readonly response: RecommendationResponse;
  /** Observations this check-in contributes to population learning. */
  readonly observations: readonly EffectObservation[];
  /** The engine inputs beyond `request` that re-derive `response` exactly (derivation.ts). */
  readonly derivation: Derivation;
}
