-- Account safety and privacy: an email is unique within one organisation (so one organisation can never block or
-- probe another's staff), accounts remember when their owner first set a password (so no one else may re-invite
-- them), an audit log of security-relevant events, and a table the readiness probe writes to.

-- users is rebuilt to drop the service-wide UNIQUE on email. Dropping the old table fires its foreign-key actions
-- (sessions and invites cascade, staff.user_id and the *_by columns become NULL), so those links are kept aside
-- first and put back after the new table takes the name. This works inside the one transaction D1 and the Node
-- runner give a migration, with foreign keys enforced throughout.
CREATE TABLE keep_sessions AS SELECT * FROM sessions;
CREATE TABLE keep_invites AS SELECT * FROM invites;
CREATE TABLE keep_staff_users AS SELECT id, user_id FROM staff WHERE user_id IS NOT NULL;
CREATE TABLE keep_key_creators AS SELECT id, created_by FROM api_keys WHERE created_by IS NOT NULL;
CREATE TABLE keep_assigners AS SELECT id, assigned_by FROM assignments WHERE assigned_by IS NOT NULL;

CREATE TABLE users_next (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('staff', 'leader', 'panel', 'admin')),
  org_id TEXT REFERENCES orgs (id),
  -- 'pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>'; NULL until an invite is accepted or after an admin reset.
  password_hash TEXT,
  created_at TEXT NOT NULL,
  -- When the owner first set a password. Once set, only the owner (or an audited admin reset) may change it.
  activated_at TEXT,
  CHECK ((role IN ('staff', 'leader')) = (org_id IS NOT NULL))
);
INSERT INTO users_next (id, email, name, role, org_id, password_hash, created_at, activated_at)
  SELECT id, email, name, role, org_id, password_hash, created_at, CASE WHEN password_hash IS NULL THEN NULL ELSE created_at END FROM users;
DROP TABLE users;
ALTER TABLE users_next RENAME TO users;
CREATE INDEX users_by_org ON users (org_id);
-- One account per email within an organisation; panel and admin accounts (no organisation) are unique among themselves.
CREATE UNIQUE INDEX users_email_per_org ON users (org_id, email) WHERE org_id IS NOT NULL;
CREATE UNIQUE INDEX users_email_without_org ON users (email) WHERE org_id IS NULL;
CREATE INDEX users_by_email ON users (email);

INSERT INTO sessions SELECT * FROM keep_sessions WHERE token_hash NOT IN (SELECT token_hash FROM sessions);
INSERT INTO invites SELECT * FROM keep_invites WHERE token_hash NOT IN (SELECT token_hash FROM invites);
UPDATE staff SET user_id = (SELECT k.user_id FROM keep_staff_users k WHERE k.id = staff.id) WHERE id IN (SELECT id FROM keep_staff_users);
UPDATE api_keys SET created_by = (SELECT k.created_by FROM keep_key_creators k WHERE k.id = api_keys.id) WHERE id IN (SELECT id FROM keep_key_creators);
UPDATE assignments SET assigned_by = (SELECT k.assigned_by FROM keep_assigners k WHERE k.id = assignments.id) WHERE id IN (SELECT id FROM keep_assigners);
DROP TABLE keep_sessions;
DROP TABLE keep_invites;
DROP TABLE keep_staff_users;
DROP TABLE keep_key_creators;
DROP TABLE keep_assigners;

-- Security-relevant events: who (ids only), what, to whom, when. Never answers, names, emails or secrets.
-- A person's erasure deletes the events about them and blanks them as the actor; the erasure event itself keeps
-- the erased ids (random, linked to nothing once the person is gone) so an erasure can be re-applied after a restore.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  -- 'user', 'key', 'admin-token' or 'cli'; actor_id is the user or key id (NULL for the token and the CLI).
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  org_id TEXT,
  subject_user_id TEXT,
  subject_staff_id TEXT,
  -- Another id the event is about (an API key, an invite's expiry), never personal data.
  target_id TEXT,
  -- A role granted, or the scopes of a key: short enumerated values only.
  detail TEXT
);
CREATE INDEX audit_log_by_subject_user ON audit_log (subject_user_id);
CREATE INDEX audit_log_by_subject_staff ON audit_log (subject_staff_id);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id);
CREATE INDEX audit_log_by_org ON audit_log (org_id, id);

-- The readiness probe's write target: /readyz deletes nothing from it, but the delete needs a write lock.
CREATE TABLE readiness_probe (id INTEGER PRIMARY KEY);
