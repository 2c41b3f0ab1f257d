// Zod schemas for the four content files (taxonomy, questionnaire, catalogue, evidence set).
// Shapes only: cross-file rules live in rules.ts and coverage.ts. Objects are strict so typos are caught.
import { z } from 'zod';
import {
  COSTS,
  FORMATS,
  GROUPS,
  LEVELS,
  PHASES,
  ROLES,
  type Catalogue,
  type EvidenceSet,
  type Questionnaire,
  type Taxonomy,
} from '../domain/types.js';

const between = (lo: number, hi: number) => (iss: { input?: unknown }) =>
  `must be between ${lo} and ${hi} (got ${String(iss.input)})`;

/** A number in 0..1 (shares, loadings, relevance, multipliers). */
const unit = z.number().min(0, { error: between(0, 1) }).max(1, { error: between(0, 1) });
const text = z.string().trim().min(1, 'must not be empty');
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-kebab id such as "working-with-parents"');
const sources = z.array(text).min(1, 'must list at least one source');

export const subTagSchema = z.strictObject({ id, name: text, description: text });

export const needsAreaSchema = z.strictObject({
  id,
  name: text,
  group: z.enum(GROUPS),
  description: text,
  censusCode: z.string().regex(/^[A-Z]{2,5}$/, 'must be an upper-case DfE census code such as "SLCN"').optional(),
  subTags: z.array(subTagSchema).optional(),
});

export const taxonomySchema = z.strictObject({
  version: text,
  groups: z.array(z.strictObject({ id: z.enum(GROUPS), name: text, description: text })).min(1),
  areas: z.array(needsAreaSchema).min(1, 'must list at least one area'),
  sources,
});

export const questionItemSchema = z.strictObject({
  id,
  /** Completes the sentence "I feel confident to…". */
  prompt: text,
  hint: text.optional(),
  areas: z.array(z.strictObject({ areaId: id, loading: unit })).min(1, 'each item must load on at least one area'),
});

export const questionnaireSchema = z.strictObject({
  version: text,
  scale: z.strictObject({
    min: z.literal(1),
    max: z.literal(5),
    labels: z.array(text).length(5, 'needs exactly five labels, one for each point from 1 to 5'),
    notRelevantLabel: text,
  }),
  items: z.array(questionItemSchema).min(1, 'must list at least one item'),
});

/** An https address (staff follow it from the pathway page, so plain http is refused). */
export const httpsUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .url('must be a full address such as "https://www.gov.uk/..."')
  .refine((u) => u.startsWith('https://'), 'must start with https://');

const isoTime = z.iso.datetime({ offset: true, message: 'must be a date and time with an offset, such as "2026-09-01T09:00:00+01:00"' });

/** Session fields other than its id (organisations' sessions get their id from the service). */
export const sessionFields = {
  start: isoTime.meta({ description: 'When it starts: ISO 8601 with an offset', example: '2027-01-04T09:00:00+00:00' }),
  end: isoTime.meta({ description: 'When it ends, after start', example: '2027-01-04T10:30:00+00:00' }),
  place: text.max(200, 'must be at most 200 characters').optional().meta({ description: 'Where it is held (a place, an online link or both)', example: 'School hall' }),
  onlineUrl: httpsUrl.optional().meta({ description: 'An https link to join online (illustrative example)', example: 'https://meet.example.org/inset-send' }),
  facilitator: text.max(200, 'must be at most 200 characters').optional().meta({ description: 'Who runs it', example: 'The SENCO' }),
  capacity: z
    .number()
    .int('must be a whole number')
    .min(1, { error: between(1, 1000) })
    .max(1000, { error: between(1, 1000) })
    .meta({ description: 'Places (1-1000); bookings never exceed it', example: 30 }),
} as const;

/** A session has somewhere to be and ends after it starts. */
export function checkSession(
  s: { start?: string; end?: string; place?: string; onlineUrl?: string },
  ctx: { addIssue: (issue: { code: 'custom'; path: PropertyKey[]; message: string }) => void },
): void {
  if (!s.place && !s.onlineUrl) ctx.addIssue({ code: 'custom', path: ['place'], message: 'give a place, an onlineUrl or both' });
  if (s.start && s.end && Date.parse(s.end) <= Date.parse(s.start)) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
}

export const moduleSessionSchema = z.strictObject({ id, ...sessionFields }).superRefine(checkSession);

export const accessibilitySchema = z.strictObject({
  captions: z.boolean().optional().meta({ description: 'Videos have captions', example: true }),
  transcripts: z.boolean().optional().meta({ description: 'Audio and video have transcripts', example: true }),
  bsl: z.boolean().optional().meta({ description: 'Offered in British Sign Language', example: false }),
  notes: text.max(500, 'must be at most 500 characters').optional().meta({ description: 'Anything else about access', example: 'Step-free access to the hall; hearing loop' }),
});

/**
 * Where a module is taken: at least one of url (self-study, or the facilitator's pack beside materials), sessions
 * (live) or materials (in-house), and its cost; an illustrative module has no url or sessions.
 */
export function checkAccess(
  m: { url?: unknown; sessions?: unknown; materials?: unknown; illustrative?: unknown; cost?: unknown },
  ctx: { addIssue: (issue: { code: 'custom'; path: PropertyKey[]; message: string }) => void },
): void {
  const given = (['url', 'sessions', 'materials'] as const).filter((k) => m[k] !== undefined);
  if (m.illustrative !== undefined) {
    for (const k of given.filter((g) => g !== 'materials')) ctx.addIssue({ code: 'custom', path: [k], message: 'an illustrative module has no link or sessions; remove this or remove illustrative' });
  } else {
    if (given.length === 0) ctx.addIssue({ code: 'custom', path: ['url'], message: 'give url (self-study), sessions (live) or materials (in-house), or mark the module illustrative' });
    if (m.cost === undefined) ctx.addIssue({ code: 'custom', path: ['cost'], message: 'say whether it is free or paid' });
  }
}

/** The module fields without the access rule, so org modules can extend them. */
export const moduleFields = {
  id,
  title: text,
  summary: text,
  outcomes: z.array(text).min(1, 'must list at least one outcome'),
  minutes: z
    .number()
    .int('must be a whole number of minutes')
    .min(15, { error: between(15, 120) })
    .max(120, { error: between(15, 120) }),
  formats: z.array(z.enum(FORMATS)).min(1, 'must offer at least one format'),
  roles: z.array(z.enum(ROLES)).min(1, 'must suit at least one role'),
  phases: z.array(z.enum(PHASES)).min(1, 'must suit at least one phase'),
  level: z.enum(LEVELS),
  prerequisites: z.array(id),
  areas: z.array(z.strictObject({ areaId: id, relevance: unit })).min(1, 'must be relevant to at least one area'),
  tags: z.array(id).optional(),
  provider: text.max(200, 'must be at most 200 characters').meta({ description: 'Who provides the training', example: 'Oak Tree Primary School' }),
  url: httpsUrl.optional().meta({
    description: 'An https address: the self-study material, or beside `materials` the facilitator’s pack',
    example: 'https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/send',
  }),
  sessions: z.array(moduleSessionSchema).min(1, 'list at least one session, or leave sessions out').max(100, 'at most 100 sessions').optional().meta({ description: 'Live sessions (1-100): start, end, a place or an online link, and capacity' }),
  materials: z
    .array(text.max(500, 'must be at most 500 characters'))
    .min(1, 'list at least one item, or leave materials out')
    .max(30, 'at most 30 items')
    .optional()
    .meta({ description: 'What a facilitator needs to run it in-house, one item each (1-30)', example: ['Slides and the facilitator’s notes from the shared drive', 'A copy of the pupil profile template for each pair'] }),
  cost: z.enum(COSTS).optional().meta({ description: 'What staff pay: `free` or `paid` (required unless the module is illustrative)', example: 'free' }),
  accessibility: accessibilitySchema.optional().meta({ description: 'Captions, transcripts, British Sign Language and any other note on access' }),
  accreditation: text.max(300, 'must be at most 300 characters').optional().meta({ description: 'Any certificate or credit the training leads to', example: 'Certificate of completion' }),
  illustrative: text.max(500, 'must be at most 500 characters').optional().meta({ description: 'Shipped modules only: a plain-words note for staff when no real course is linked yet' }),
} as const;

export const moduleSchema = z.strictObject(moduleFields).superRefine(checkAccess);

/** How well-founded an organisation's own module is (the same scales as an evidence set's module entry). */
export const localEvidenceSchema = z.strictObject({
  strength: z.number().min(0, { error: between(0, 5) }).max(5, { error: between(0, 5) }).meta({ description: 'How well-founded the module is, 0-5 (the scale the evidence set uses)', example: 2 }),
  expectedImpact: z
    .number()
    .min(0.01, { error: between(0.01, 0.3) })
    .max(0.3, { error: between(0.01, 0.3) })
    .meta({ description: 'Expected rise in confidence (internal 0..1 scale) on an area it is fully relevant to, 0.01-0.3', example: 0.1 }),
  sources: z
    .array(text.max(500, 'must be at most 500 characters'))
    .min(1, 'must list at least one source')
    .max(20, 'at most 20 sources')
    .meta({ description: 'What the rating rests on', example: ['Our review of two terms of calm corner use'] }),
});

const { illustrative: _illustrative, ...localModuleFields } = moduleFields;

/** A setting's or trust's own module: a shipped module's fields (never illustrative) and its evidence. */
export const localModuleSchema = z.strictObject({ ...localModuleFields, evidence: localEvidenceSchema }).superRefine(checkAccess);

const { id: _id, ...changeableFields } = localModuleFields;

/** A change to an own module: any fields but its id; the changed module is checked whole. */
export const localModulePatchSchema = z.strictObject({ ...changeableFields, evidence: localEvidenceSchema }).partial();

/** A live session an organisation adds, of its own module or a shipped one. */
export const localSessionSchema = z
  .strictObject({ moduleId: id.meta({ description: 'A module of the catalogue the organisation’s staff plan with: shipped or its own', example: 'send-essentials' }), ...sessionFields })
  .superRefine(checkSession);

export const localSessionPatchSchema = z.strictObject(sessionFields).partial();

export const catalogueSchema = z.strictObject({
  version: text,
  notice: text,
  modules: z.array(moduleSchema).min(1, 'must list at least one module'),
});

export const moduleEvidenceSchema = z.strictObject({
  strength: z.number().min(0, { error: between(0, 5) }).max(5, { error: between(0, 5) }),
  strengthSource: text,
  expectedImpact: unit,
  impactSource: text,
  sources,
  impactSd: z.number().min(0).max(1).optional(),
});

const prior = z.strictObject({
  mean: unit,
  sd: z.number().gt(0, 'must be above 0').max(0.5, { error: between(0, 0.5) }),
});

export const evidenceSetSchema = z.strictObject({
  id: text,
  version: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
  provenance: z.strictObject({
    panel: text,
    members: z.array(text),
    method: text,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31'),
    sources,
    notes: z.string(),
    learning: z
      .strictObject({
        signedOffBy: text,
        signedOffAt: text,
        observations: z.number().int().min(0),
        window: z.strictObject({ from: z.string().nullable(), to: z.string().nullable() }),
        modulesLearned: z.number().int().min(0),
        minObservations: z.number().int().min(1),
      })
      .optional(),
  }),
  modules: z.record(z.string(), moduleEvidenceSchema),
  areaImportance: z.record(z.string(), unit),
  prevalence: z.strictObject({
    source: text,
    censusYear: text,
    base: text,
    byPhase: z.record(z.enum(PHASES), z.record(z.string(), unit)),
    floors: z.record(z.string(), unit),
  }),
  roleRelevance: z.partialRecord(z.enum(ROLES), z.record(z.string(), unit)),
  priors: z.strictObject({
    default: prior,
    byRole: z.partialRecord(z.enum(ROLES), prior),
    byPhase: z
      .partialRecord(
        z.enum(PHASES),
        z.strictObject({ meanShift: z.number().min(-0.5, { error: between(-0.5, 0.5) }).max(0.5, { error: between(-0.5, 0.5) }) }),
      )
      .optional(),
    itemNoiseSd: z.number().gt(0, 'must be above 0').max(0.5, { error: between(0, 0.5) }).optional(),
  }),
  panelPrior: z.record(z.string(), z.strictObject({ expectedImpact: unit, impactSource: text })).optional(),
  exploration: z
    .strictObject({
      margin: unit,
      maxLossShare: z.number().min(0, { error: between(0, 0.1) }).max(0.1, { error: between(0, 0.1) }),
    })
    .optional(),
});

// Compile-time check: what the schemas produce must be usable wherever the engine's types are expected. Nothing
// imports it; the compiler reads it (hence `@public`, which keeps the dead-code check from listing it).
type Assignable<From, To> = [From] extends [To] ? true : false;
type Expect<T extends true> = T;
/** @public */
export type SchemaOutputsMatchDomainTypes = [
  Expect<Assignable<z.output<typeof taxonomySchema>, Taxonomy>>,
  Expect<Assignable<z.output<typeof questionnaireSchema>, Questionnaire>>,
  Expect<Assignable<z.output<typeof catalogueSchema>, Catalogue>>,
  Expect<Assignable<z.output<typeof evidenceSetSchema>, EvidenceSet>>,
];
