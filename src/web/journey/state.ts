// The anonymous journey's answers (role, phase, self-assessment, time and formats) and its compact JSON form.
// Pure: signing and cookies live in the HTTP layer; unknown or out-of-range values are dropped on decode.
import { FORMATS, PHASES, ROLES, type Content, type Format, type Phase, type RecommendationRequest, type Role } from '../../domain/types.js';

export const DEFAULT_WEEKLY_MINUTES = 60;
export const DEFAULT_BUDGET_MINUTES = 600;
export const WEEKLY_CHOICES = [30, 60, 90, 120, 180] as const;
export const BUDGET_CHOICES = [300, 600, 900, 1200, 1800] as const;

export interface JourneyState {
  readonly role?: Role | undefined;
  readonly phase?: Phase | undefined;
  /** Item id → 1..5, or null for "not relevant to my role". Unanswered items are absent. */
  readonly answers: Readonly<Record<string, number | null>>;
  readonly weeklyMinutes?: number | undefined;
  readonly budgetMinutes?: number | undefined;
  readonly formats?: readonly Format[] | undefined;
  /** A random key made on the first calendar download, so its events keep the same UIDs when the plan changes. */
  readonly calendarKey?: string | undefined;
}

export const EMPTY_JOURNEY: JourneyState = { answers: {} };

/** Compact JSON: answers use 0 for "not relevant". */
export function encodeJourney(s: JourneyState): string {
  const a: Record<string, number> = {};
  for (const [id, v] of Object.entries(s.answers)) a[id] = v ?? 0;
  return JSON.stringify({ r: s.role, p: s.phase, a, w: s.weeklyMinutes, b: s.budgetMinutes, f: s.formats, k: s.calendarKey });
}

const isIn = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** Parses encodeJourney output; anything malformed yields the empty journey or drops the bad field. */
export function decodeJourney(text: string | null | undefined): JourneyState {
  if (!text) return EMPTY_JOURNEY;
  let raw: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object') return EMPTY_JOURNEY;
    raw = parsed as Record<string, unknown>;
  } catch {
    return EMPTY_JOURNEY;
  }
  const answers: Record<string, number | null> = {};
  if (raw.a && typeof raw.a === 'object') {
    for (const [id, v] of Object.entries(raw.a as Record<string, unknown>)) {
      if (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 5 && id.length <= 80) answers[id] = v === 0 ? null : (v as number);
    }
  }
  const formats = Array.isArray(raw.f) ? [...new Set(raw.f.filter((f): f is Format => isIn(FORMATS, f)))] : undefined;
  return {
    role: isIn(ROLES, raw.r) ? raw.r : undefined,
    phase: isIn(PHASES, raw.p) ? raw.p : undefined,
    answers,
    weeklyMinutes: isIn(WEEKLY_CHOICES.map(String), String(raw.w)) ? Number(raw.w) : undefined,
    budgetMinutes: isIn(BUDGET_CHOICES.map(String), String(raw.b)) ? Number(raw.b) : undefined,
    formats: formats && formats.length ? formats : undefined,
    calendarKey: typeof raw.k === 'string' && /^[0-9a-f]{16}$/.test(raw.k) ? raw.k : undefined,
  };
}

/** True when role, phase and every questionnaire item are answered (time and formats have defaults). */
export function isComplete(content: Content, s: JourneyState): boolean {
  return !!s.role && !!s.phase && content.questionnaire.items.every((i) => i.id in s.answers);
}

/** The engine request for a complete journey; answers to items no longer in the questionnaire are left out. */
export function toRequest(content: Content, s: JourneyState, completedModuleIds: readonly string[] = []): RecommendationRequest {
  if (!s.role || !s.phase) throw new Error('toRequest needs a role and a phase');
  const known = new Set(content.questionnaire.items.map((i) => i.id));
  const modules = new Set(content.catalogue.modules.map((m) => m.id));
  return {
    role: s.role,
    phase: s.phase,
    responses: Object.entries(s.answers)
      .filter(([id]) => known.has(id))
      .map(([itemId, value]) => ({ itemId, value })),
    confidence: {},
    completedModuleIds: completedModuleIds.filter((id) => modules.has(id)),
    timeBudgetMinutes: s.budgetMinutes ?? DEFAULT_BUDGET_MINUTES,
    weeklyMinutes: s.weeklyMinutes ?? DEFAULT_WEEKLY_MINUTES,
    formats: s.formats ?? [...FORMATS],
    priorities: {},
  };
}
