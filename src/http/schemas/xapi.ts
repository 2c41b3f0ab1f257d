// xAPI 1.0.3 statements as this service accepts them (Data part, section 2.4): exactly one identifier per agent,
// IRIs for verbs, activities and extension keys, ISO 8601 timestamps and durations, scaled scores in [-1, 1].
import { z } from '@hono/zod-openapi';

/** An absolute IRI: a scheme, a colon and no white space. */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;
const iri = (what: string) => z.string().max(2048).regex(IRI, `${what} must be an absolute IRI, e.g. https://example.org/…`);
/** ISO 8601 date-time; the zone may be `Z` or an offset (`-00:00` is refused by the spec); without a zone, UTC. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
/** ISO 8601 duration, e.g. PT1H30M or P1DT2.5S. */
const DURATION = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const LANG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/** True when `s` is an ISO 8601 date-time this service can place in time. */
export function isXapiTimestamp(s: string): boolean {
  return DATE_TIME.test(s) && !s.endsWith('-00:00') && !s.endsWith('-0000') && Number.isFinite(Date.parse(withZone(s)));
}

/** The timestamp with `Z` added when it names no zone. */
export function withZone(s: string): string {
  return /(Z|[+-]\d{2}(:?\d{2})?)$/.test(s.slice(10)) ? s : `${s}Z`;
}

const languageMap = z.record(z.string().regex(LANG, 'Keys are language tags, e.g. en-GB'), z.string());
const extensions = z.record(iri('An extension key'), z.unknown());
const uuid = z.uuid('Must be a UUID, e.g. 6b9e4a8c-1f2d-4c3b-9a7e-2d1c0b9f8e7a');

export const AgentSchema = z
  .object({
    objectType: z.literal('Agent').optional(),
    name: z.string().optional(),
    mbox: z.string().regex(/^mailto:[^@\s]+@[^@\s]+$/, 'Use mailto:name@example.org').optional(),
    mbox_sha1sum: z.string().regex(/^[0-9a-f]{40}$/i, 'A SHA-1 hex digest of the mailto IRI').optional(),
    openid: iri('openid').optional(),
    account: z
      .object({ homePage: iri('account.homePage'), name: z.string().min(1) })
      .strict()
      .optional()
      .openapi({ description: '`name` is the staff id in this service' }),
  })
  .strict()
  .superRefine((a, ctx) => {
    const n = [a.mbox, a.mbox_sha1sum, a.openid, a.account].filter((v) => v !== undefined).length;
    if (n !== 1) ctx.addIssue({ code: 'custom', message: `An agent has exactly one identifier (mbox, mbox_sha1sum, openid or account); this one has ${n}.` });
  })
  .openapi('XapiAgent');

const ScoreSchema = z
  .object({
    scaled: z.number().min(-1, 'scaled is between -1 and 1').max(1, 'scaled is between -1 and 1').optional(),
    raw: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.min !== undefined && s.max !== undefined && s.min >= s.max) ctx.addIssue({ code: 'custom', path: ['min'], message: 'min must be less than max.' });
    if (s.raw !== undefined && ((s.min !== undefined && s.raw < s.min) || (s.max !== undefined && s.raw > s.max))) {
      ctx.addIssue({ code: 'custom', path: ['raw'], message: 'raw must lie between min and max.' });
    }
  });

const ResultSchema = z
  .object({
    score: ScoreSchema.optional(),
    success: z.boolean().optional(),
    completion: z.boolean().optional(),
    response: z.string().optional(),
    duration: z.string().regex(DURATION, 'An ISO 8601 duration, e.g. PT45M').optional(),
    extensions: extensions.optional(),
  })
  .strict();

const ActivitySchema = z
  .object({
    objectType: z.literal('Activity').optional(),
    id: iri('object.id'),
    definition: z
      .object({ name: languageMap.optional(), description: languageMap.optional(), type: iri('definition.type').optional(), moreInfo: iri('moreInfo').optional(), extensions: extensions.optional() })
      .loose()
      .optional(),
  })
  .strict();

/** A reference to another statement; this service accepts it only as the object of a voiding statement. */
const StatementRefSchema = z.object({ objectType: z.literal('StatementRef'), id: uuid }).strict();

const ContextSchema = z
  .object({
    registration: uuid.optional(),
    instructor: z.unknown().optional(),
    team: z.unknown().optional(),
    contextActivities: z.record(z.enum(['parent', 'grouping', 'category', 'other']), z.unknown()).optional(),
    revision: z.string().optional(),
    platform: z.string().optional(),
    language: z.string().regex(LANG, 'A language tag, e.g. en-GB').optional(),
    statement: z.unknown().optional(),
    extensions: extensions.optional(),
  })
  .strict();

export const StatementSchema = z
  .object({
    id: uuid.optional(),
    actor: AgentSchema,
    verb: z.object({ id: iri('verb.id'), display: languageMap.optional() }).strict(),
    object: z.union([ActivitySchema, StatementRefSchema]),
    result: ResultSchema.optional(),
    context: ContextSchema.optional(),
    timestamp: z.string().refine(isXapiTimestamp, 'An ISO 8601 date-time with a zone, e.g. 2026-11-22T10:00:00Z').optional(),
    stored: z.string().optional().openapi({ description: 'Ignored: set by this service' }),
    authority: z.unknown().optional().openapi({ description: 'Ignored: set by this service' }),
    version: z.string().regex(/^1\.0(\.\d+)?$/, 'Statement version 1.0.x').optional(),
  })
  .strict()
  .openapi('XapiStatement');

export type Statement = z.infer<typeof StatementSchema>;
export type Agent = z.infer<typeof AgentSchema>;

/** The verb that voids the statement its StatementRef object names (Data part 2.3.2). */
export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

export const StatementsBody = z.union([StatementSchema, z.array(StatementSchema).min(1).max(100)]).openapi('XapiStatements');

/** A statement as read back: the statement with `id`, `timestamp`, `stored`, `authority` and `version` set. */
export const StoredStatementSchema = z.record(z.string(), z.unknown()).openapi('XapiStoredStatement');

export const VersionHeader = z.object({
  'x-experience-api-version': z.string().openapi({ description: 'Required: 1.0.x (1.0.3 is current)', example: '1.0.3' }),
});
