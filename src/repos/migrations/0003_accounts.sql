-- Accounts and tenancy: trusts and settings, users and sessions, invites, platform API keys, staff,
-- self-assessments and pathways, assignments, progress, check-ins, de-identified module observations, idempotency.

-- A trust (kind 'trust', parent_id NULL) or a setting (kind 'setting', parent_id = its trust, or NULL if standalone).
CREATE TABLE orgs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('trust', 'setting')),
  parent_id TEXT REFERENCES orgs (id),
  name TEXT NOT NULL,
  setting_type TEXT CHECK (setting_type IN ('school', 'nursery', 'college')),
  phase TEXT,
  urn TEXT,
  ukprn TEXT,
  created_at TEXT NOT NULL,
  CHECK ((kind = 'trust' AND parent_id IS NULL AND setting_type IS NULL) OR (kind = 'setting' AND setting_type IS NOT NULL))
);
CREATE INDEX orgs_by_parent ON orgs (parent_id);
CREATE UNIQUE INDEX orgs_urn ON orgs (urn) WHERE urn IS NOT NULL;
CREATE UNIQUE INDEX orgs_ukprn ON orgs (ukprn) WHERE ukprn IS NOT NULL;

-- A person who can sign in. org_id: the setting (staff, setting leader) or trust (trust leader); NULL for panel/admin.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('staff', 'leader', 'panel', 'admin')),
  org_id TEXT REFERENCES orgs (id),
  -- 'pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>'; NULL until an invite is accepted.
  password_hash TEXT,
  created_at TEXT NOT NULL,
  CHECK ((role IN ('staff', 'leader')) = (org_id IS NOT NULL))
);
CREATE INDEX users_by_org ON users (org_id);

-- Sessions: only the SHA-256 of the cookie value is stored.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Single-use invites that let a user set a password; only the SHA-256 of the token is stored.
CREATE TABLE invites (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX invites_by_user ON invites (user_id);
CREATE INDEX invites_by_creator ON invites (created_by);

-- Platform API keys: SHA-256 of the key, a visible prefix, JSON array of scopes, per organisation.
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX api_keys_by_org ON api_keys (org_id);
CREATE INDEX api_keys_by_creator ON api_keys (created_by);

-- A member of staff in a setting; user_id links the account once an invite is accepted.
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  setting_id TEXT NOT NULL REFERENCES orgs (id),
  user_id TEXT UNIQUE REFERENCES users (id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  email TEXT,
  job_role TEXT NOT NULL,
  phase TEXT NOT NULL,
  -- JSON array of named groups, e.g. ["ks1", "year-3-team"].
  groups TEXT NOT NULL DEFAULT '[]',
  -- 1 when the person lets their leader see their individual answers.
  share_with_leader INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX staff_by_setting ON staff (setting_id, id);
CREATE UNIQUE INDEX staff_email_per_setting ON staff (setting_id, email) WHERE email IS NOT NULL;

-- Each self-assessment, kept as history: the answers and planning preferences as given.
CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  answers TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX assessments_by_staff ON assessments (staff_id, id);

-- Each recommended pathway (from an assessment or a check-in re-plan), with the engine request and provenance.
CREATE TABLE pathways (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  assessment_id TEXT REFERENCES assessments (id) ON DELETE CASCADE,
  cause TEXT NOT NULL CHECK (cause IN ('assessment', 'checkin')),
  request TEXT NOT NULL,
  response TEXT NOT NULL,
  algorithm_version TEXT NOT NULL,
  catalogue_version TEXT NOT NULL,
  evidence_set_id TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX pathways_by_staff ON pathways (staff_id, id);

-- A leader's assignment to a person, a role, a phase, a named group or everyone in a setting.
CREATE TABLE assignments (
  id TEXT PRIMARY KEY,
  setting_id TEXT NOT NULL REFERENCES orgs (id),
  target_kind TEXT NOT NULL CHECK (target_kind IN ('person', 'role', 'phase', 'group', 'everyone')),
  target_value TEXT,
  target_staff_id TEXT REFERENCES staff (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('personalised', 'modules')),
  module_ids TEXT NOT NULL DEFAULT '[]',
  due_date TEXT,
  assigned_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX assignments_by_setting ON assignments (setting_id, id);
CREATE INDEX assignments_by_staff ON assignments (target_staff_id);
CREATE INDEX assignments_by_assigner ON assignments (assigned_by);

-- Module progress per person: started, then completed.
CREATE TABLE progress (
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  module_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('started', 'completed')),
  source TEXT NOT NULL,
  started_at TEXT NOT NULL,
  completed_at TEXT,
  PRIMARY KEY (staff_id, module_id)
);

-- A check-in re-rating after a module.
CREATE TABLE checkins (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  module_id TEXT NOT NULL,
  ratings TEXT NOT NULL,
  pathway_id TEXT REFERENCES pathways (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX checkins_by_staff ON checkins (staff_id, id);

-- De-identified before/after observations for population learning: no person, setting or exact time.
CREATE TABLE module_observations (
  id TEXT PRIMARY KEY,
  module_id TEXT NOT NULL,
  area_id TEXT NOT NULL,
  relevance REAL NOT NULL,
  level_fit REAL NOT NULL,
  headroom REAL NOT NULL,
  before REAL NOT NULL,
  after REAL NOT NULL,
  observed_month TEXT NOT NULL
-- WITHOUT ROWID: rows are stored in random-id order, so insertion order cannot be matched to check-ins.
) WITHOUT ROWID;
CREATE INDEX module_observations_by_module ON module_observations (module_id, area_id);

-- Idempotency-Key records per credential: request hash, then the stored response to replay.
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER,
  content_type TEXT,
  body TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
