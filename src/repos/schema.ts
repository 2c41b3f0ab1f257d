// Kysely table types, written by hand to match the SQL files in migrations/ (the single schema source).
import type { Generated } from 'kysely';
import type {
  XapiStatementsTable,
  WebhookEndpointsTable,
  WebhookOutboxTable,
  WebhookAttemptsTable,
  ExternalIdentitiesTable,
  OidcConnectionsTable,
  LtiPlatformsTable,
  LoginStatesTable,
  UsedNoncesTable,
  SigningKeysTable,
  MailRemindersTable,
} from './schema-integrations.js';

export type * from './schema-integrations.js';

export interface EvidenceSetsTable {
  id: string;
  version: number;
  status: 'draft' | 'published' | 'superseded';
  based_on: string | null;
  body: string;
  created_at: string;
  published_at: string | null;
  superseded_at: string | null;
  /** 0002_evidence: the last panel aggregation report (JSON) of a draft; null until aggregated. */
  aggregation: string | null;
}

export interface JudgementsTable {
  id: string;
  evidence_set_id: string;
  expert: string;
  weight: Generated<number>;
  body: string;
  submitted_at: string;
}

export interface RecommendationsTable {
  id: string;
  created_at: string;
  evidence_set_id: string;
  input_hash: string;
  request: string;
  response: string;
}

// Accounts and tenancy (migration 0003_accounts.sql).
export type OrgKind = 'trust' | 'setting';
export type SettingType = 'school' | 'nursery' | 'college';
export type UserRole = 'staff' | 'leader' | 'panel' | 'admin';

export interface OrgsTable {
  id: string;
  kind: OrgKind;
  parent_id: string | null;
  name: string;
  setting_type: SettingType | null;
  phase: string | null;
  urn: string | null;
  ukprn: string | null;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  org_id: string | null;
  password_hash: string | null;
  created_at: string;
  /** 0004_privacy: when the owner first set a password; null while only invited. */
  activated_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface InvitesTable {
  token_hash: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  /** JSON array of scope strings. */
  scopes: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface StaffTable {
  id: string;
  setting_id: string;
  user_id: string | null;
  name: string;
  email: string | null;
  job_role: string;
  phase: string;
  /** JSON array of group names. */
  groups: Generated<string>;
  share_with_leader: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AssessmentsTable {
  id: string;
  staff_id: string;
  /** JSON: responses, direct confidence ratings and planning preferences as given. */
  answers: string;
  created_at: string;
}

export interface PathwaysTable {
  id: string;
  staff_id: string;
  assessment_id: string | null;
  cause: 'assessment' | 'checkin';
  /** JSON RecommendationRequest the engine ran on. */
  request: string;
  /** JSON RecommendationResponse for rows written before migration 0012; '' when re-derived from the inputs. */
  response: string;
  algorithm_version: string;
  catalogue_version: string;
  evidence_set_id: string;
  input_hash: string;
  created_at: string;
  /** JSON engine inputs beyond the request (a check-in's profile and input-hash extra); NULL when none. */
  derivation: string | null;
  /** Comma-separated module ids in step order, and the plan's minutes (the compact plan). */
  module_ids: string | null;
  total_minutes: number | null;
  /** JSON exploration report of the response, when it explores. */
  exploration: string | null;
}

/** What coverage counts of each person, from their latest pathway (migration 0012). */
export interface StaffCoverageTable {
  staff_id: string;
  pathway_id: string;
  /** Comma-separated ids of the areas at a secure level (coverage.ts SECURE_CONFIDENCE). */
  secure_areas: string;
}

/** One short row a person, stored together per setting, that coverage reads (migration 0014; kept by triggers). */
export interface CoveragePeopleTable {
  setting_id: string;
  staff_id: string;
  job_role: string;
  phase: string;
  /** Comma-separated secure area ids, or null before a first self-assessment. */
  secure_areas: string | null;
  /** Comma-separated ids of completed modules. */
  done: Generated<string>;
}

export interface AssignmentsTable {
  id: string;
  setting_id: string;
  target_kind: 'person' | 'role' | 'phase' | 'group' | 'everyone';
  target_value: string | null;
  target_staff_id: string | null;
  kind: 'personalised' | 'modules';
  /** JSON array of module ids (kind 'modules'). */
  module_ids: Generated<string>;
  due_date: string | null;
  assigned_by: string | null;
  created_at: string;
}

export interface ProgressTable {
  staff_id: string;
  module_id: string;
  status: 'started' | 'completed';
  source: string;
  started_at: string;
  completed_at: string | null;
}

export interface CheckinsTable {
  id: string;
  staff_id: string;
  module_id: string;
  /** JSON map areaId → rating 1..5. */
  ratings: string;
  pathway_id: string | null;
  created_at: string;
}

export interface ModuleObservationsTable {
  id: string;
  module_id: string;
  area_id: string;
  relevance: number;
  level_fit: number;
  headroom: number;
  before: number;
  after: number;
  /** YYYY-MM only. */
  observed_month: string;
  /** 'checkin' or 'xapi' (migration 0008). */
  channel: Generated<string>;
}

/** Migration 0008: a person and module whose observations are stored, so each counts once. */
export interface ObservationContributionsTable {
  staff_id: string;
  module_id: string;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at: string;
  expires_at: string;
}

/** 0004_privacy: security-relevant events, ids and times only. */
export interface AuditLogTable {
  id: string;
  at: string;
  action: string;
  actor_kind: 'user' | 'key' | 'admin-token' | 'cli';
  actor_id: string | null;
  org_id: string | null;
  subject_user_id: string | null;
  subject_staff_id: string | null;
  target_id: string | null;
  detail: string | null;
}

export interface ReadinessProbeTable {
  id: number;
}

// A setting's or trust's own catalogue versions, session bookings and session plans (0005_local_catalogues.sql).
export interface LocalCataloguesTable {
  org_id: string;
  version: number;
  body: string;
  created_by: string | null;
  created_at: string;
}

export interface SessionAttendeesTable {
  org_id: string;
  session_id: string;
  staff_id: string;
  attended_at: string | null;
  created_at: string;
}

export interface SessionPlansTable {
  id: string;
  org_id: string;
  status: 'proposed' | 'accepted';
  request: string;
  body: string;
  created_at: string;
  accepted_at: string | null;
}

/** 0009_setting_closures: days a setting is closed (first and last day inclusive, YYYY-MM-DD). */
export interface SettingClosuresTable {
  id: string;
  setting_id: string;
  label: string;
  starts_on: string;
  ends_on: string;
  created_by: string | null;
  created_at: string;
}

export interface DB {
  evidence_sets: EvidenceSetsTable;
  judgements: JudgementsTable;
  recommendations: RecommendationsTable;
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  invites: InvitesTable;
  api_keys: ApiKeysTable;
  staff: StaffTable;
  assessments: AssessmentsTable;
  pathways: PathwaysTable;
  staff_coverage: StaffCoverageTable;
  coverage_people: CoveragePeopleTable;
  assignments: AssignmentsTable;
  progress: ProgressTable;
  checkins: CheckinsTable;
  module_observations: ModuleObservationsTable;
  observation_contributions: ObservationContributionsTable;
  idempotency_keys: IdempotencyKeysTable;
  xapi_statements: XapiStatementsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_outbox: WebhookOutboxTable;
  webhook_attempts: WebhookAttemptsTable;
  external_identities: ExternalIdentitiesTable;
  oidc_connections: OidcConnectionsTable;
  lti_platforms: LtiPlatformsTable;
  login_states: LoginStatesTable;
  used_nonces: UsedNoncesTable;
  signing_keys: SigningKeysTable;
  mail_reminders: MailRemindersTable;
  audit_log: AuditLogTable;
  readiness_probe: ReadinessProbeTable;
  recompute_jobs: RecomputeJobsTable;
  pathway_plans: PathwayPlansTable;
  local_catalogues: LocalCataloguesTable;
  session_attendees: SessionAttendeesTable;
  session_plans: SessionPlansTable;
  setting_closures: SettingClosuresTable;
}

/** 0007_recompute: a re-plan of every stored pathway under one evidence set, chunk by chunk. */
export interface RecomputeJobsTable {
  id: string;
  evidence_set_id: string;
  status: 'running' | 'completed';
  total: number;
  done: Generated<number>;
  cursor: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  /** 0016: the run that wrote the last chunk (null before the first). */
  runner: Generated<string | null>;
}

/** 0007_recompute: a person's latest pathway re-planned under a newer set (module ids in step order, comma-separated). */
export interface PathwayPlansTable {
  staff_id: string;
  pathway_id: string;
  job_id: string;
  evidence_set_id: string;
  algorithm_version: string;
  input_hash: string;
  module_ids: string;
  total_minutes: number;
  created_at: string;
}
