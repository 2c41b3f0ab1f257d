// Schemas for organisations, people, sessions, invites and API keys: validation, types and the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { PHASES, ROLES } from '../../domain/types.js';
import { SCOPES } from '../auth/principal.js';
import { PASSWORD_MAX_LENGTH } from '../auth/passwords.js';

const id = (example: string) => z.string().min(1).max(64).openapi({ example });
const name = z.string().trim().min(1, 'Enter a name').max(200);
export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('Enter an email address like name@school.org.uk'));

export const OrgIdParam = z.object({ orgId: id('set_01jd5x2m7kq9w8e4r2t6y0u3ip').openapi({ param: { name: 'orgId', in: 'path' } }) });
export const StaffIdParam = z.object({ staffId: id('stf_01jd5x2m7kq9w8e4r2t6y0u3ip').openapi({ param: { name: 'staffId', in: 'path' } }) });
export const KeyIdParam = z.object({ keyId: id('key_01jd5x2m7kq9w8e4r2t6y0u3ip').openapi({ param: { name: 'keyId', in: 'path' } }) });

/** The optional Idempotency-Key header of authenticated POSTs (see middleware/idempotency.ts). */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .max(255)
    .optional()
    .openapi({ description: 'Retry safely: the same key and body replay the first response; the same key with a different body is a 422.' }),
});

export const PageQuery = z.object({
  cursor: z.string().max(200).optional().openapi({ description: 'nextCursor from the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: 'Page size, 1..200 (default 50)' }),
});

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

const urn = z.string().regex(/^\d{6}$/, 'A URN is 6 digits').nullable().optional();
const ukprn = z.string().regex(/^1\d{7}$/, 'A UKPRN is 8 digits starting with 1').nullable().optional();

export const OrgSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['trust', 'setting']),
    name: z.string(),
    trustId: z.string().nullable(),
    settingType: z.enum(['school', 'nursery', 'college']).nullable(),
    phase: z.enum(PHASES).nullable(),
    urn: z.string().nullable(),
    ukprn: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Organisation');

export const CreateOrgBody = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('trust'), name, urn, ukprn }).strict(),
    z
      .object({
        kind: z.literal('setting'),
        name,
        settingType: z.enum(['school', 'nursery', 'college']),
        trustId: z.string().min(1).max(64).nullable().optional(),
        phase: z.enum(PHASES).nullable().optional().openapi({ description: 'Default phase for the setting’s staff' }),
        urn,
        ukprn,
      })
      .strict(),
  ])
  .openapi('NewOrganisation');

export const UpdateOrgBody = z
  .object({ name: name.optional(), phase: z.enum(PHASES).nullable().optional(), urn, ukprn, settingType: z.enum(['school', 'nursery', 'college']).optional() })
  .strict()
  .openapi('OrganisationChanges');

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['staff', 'leader', 'panel', 'admin']),
    orgId: z.string().nullable(),
    hasPassword: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');

export const StaffSchema = z
  .object({
    id: z.string(),
    settingId: z.string(),
    userId: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    jobRole: z.enum(ROLES),
    phase: z.enum(PHASES),
    groups: z.array(z.string()),
    shareWithLeader: z.boolean().openapi({ description: 'The person lets their leader see their individual answers' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Staff');

export const InviteSchema = z
  .object({
    userId: z.string(),
    token: z.string().openapi({ description: 'Shown once; only its hash is stored. Single use.' }),
    url: z.string().openapi({ description: 'A link to the page where the person sets their password' }),
    expiresAt: z.string(),
    emailed: z.boolean().optional().openapi({ description: 'Whether the invite was emailed; absent when this server sends no email' }),
  })
  .openapi('Invite');

const group = z.string().trim().min(1).max(60);

export const CreateStaffBody = z
  .object({
    name,
    email: EmailSchema.nullable().optional(),
    jobRole: z.enum(ROLES),
    phase: z.enum(PHASES).optional().openapi({ description: 'Defaults to the setting’s phase' }),
    groups: z.array(group).max(20).optional(),
    invite: z.boolean().optional().openapi({ description: 'Also create an account and return a one-time invite (needs an email)' }),
  })
  .strict()
  .openapi('NewStaff');

export const UpdateStaffBody = z
  .object({ name: name.optional(), email: EmailSchema.nullable().optional(), jobRole: z.enum(ROLES).optional(), phase: z.enum(PHASES).optional(), groups: z.array(group).max(20).optional() })
  .strict()
  .openapi('StaffChanges');

export const StaffCreatedSchema = z.object({ staff: StaffSchema, invite: InviteSchema.optional() }).openapi('StaffCreated');

export const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    valid: z.boolean(),
    rows: z.number().int().openapi({ description: 'Data rows read (header excluded); at most `maxRows`' }),
    checked: z.number().int().openapi({ description: 'Rows that passed every check; equal to `rows` when the file is valid' }),
    createdCount: z.number().int().openapi({ description: 'Rows created: `rows` when imported, 0 on a dry run or when any row has an error' }),
    maxRows: z.number().int().openapi({ description: 'The most data rows one import takes (20,000)' }),
    ignoredColumns: z.array(z.string()).openapi({ description: 'Header cells that are not one of the columns; their values are not read (so an export re-imports)' }),
    created: z.array(StaffSchema).openapi({ description: 'Empty on a dry run or when any row has an error' }),
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  })
  .openapi('StaffImportReport');

export const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional().openapi({ description: 'true: check every row and report, create nothing' }),
});

export const SignInBody = z.object({ email: EmailSchema, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }).strict().openapi('SignIn');
export const PasswordResetBody = z.object({ email: EmailSchema }).strict().openapi('PasswordResetRequest');
export const AcceptInviteBody = z
  .object({ token: z.string().min(20).max(100), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
  .strict()
  .openapi('AcceptInvite');
export const SessionSchema = z.object({ user: UserSchema, expiresAt: z.string() }).openapi('Session');

export const NewLeaderBody = z.object({ email: EmailSchema, name }).strict().openapi('NewLeader');
export const NewAccountBody = z.object({ email: EmailSchema, name, role: z.enum(['panel', 'admin']) }).strict().openapi('NewAccount');
export const AccountCreatedSchema = z.object({ user: UserSchema, invite: InviteSchema }).openapi('AccountCreated');

export const ApiKeySchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the key, to tell keys apart' }),
    scopes: z.array(z.enum(SCOPES)),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');
export const CreateKeyBody = z.object({ name, scopes: z.array(z.enum(SCOPES)).min(1) }).strict().openapi('NewApiKey');
export const CreatedKeySchema = z
  .object({ apiKey: ApiKeySchema, key: z.string().openapi({ description: 'The key itself: shown once, never again' }) })
  .openapi('ApiKeyCreated');

export const MeSchema = z
  .object({ user: UserSchema, staff: StaffSchema.nullable(), org: OrgSchema.nullable() })
  .openapi('Me');
export const UpdateMeBody = z
  .object({
    name: name.optional(),
    shareWithLeader: z.boolean().optional().openapi({ description: 'Let your leader see your individual answers' }),
  })
  .strict()
  .openapi('MyChanges');
