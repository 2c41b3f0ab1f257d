-- Integrations with a school's own systems: stored xAPI statements, signed webhooks through an outbox with a
-- delivery log, external identities for single sign-on and LTI, OIDC connections, LTI platforms, one-time login
-- states and used nonces, and the service's own signing key for LTI.

-- xAPI statements as stored (with `stored`, `authority` and `version` set here), one per statement id.
CREATE TABLE xapi_statements (
  id TEXT PRIMARY KEY,
  setting_id TEXT NOT NULL REFERENCES orgs (id),
  staff_id TEXT REFERENCES staff (id) ON DELETE CASCADE,
  verb_id TEXT NOT NULL,
  object_id TEXT NOT NULL,
  -- The statement's own timestamp (normalised to UTC), or `stored` when it had none.
  timestamp TEXT NOT NULL,
  stored TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX xapi_statements_by_setting ON xapi_statements (setting_id, stored);
CREATE INDEX xapi_statements_by_staff ON xapi_statements (staff_id);

-- Webhook endpoints an organisation subscribes; the secret signs (Standard Webhooks, HMAC-SHA256). During a rotation
-- the previous secret also signs until previous_expires_at.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- JSON array of event types.
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_expires_at TEXT,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  disabled_at TEXT
);
CREATE INDEX webhook_endpoints_by_org ON webhook_endpoints (org_id);
CREATE INDEX webhook_endpoints_by_creator ON webhook_endpoints (created_by);

-- The outbox: one message per event and endpoint, written in the same unit as the change it reports. The id is the
-- `webhook-id`, the same on every retry.
CREATE TABLE webhook_outbox (
  id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  -- Set while a worker holds the message, so two workers never send it at once.
  locked_until TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (status, next_attempt_at);
CREATE INDEX webhook_outbox_by_endpoint ON webhook_outbox (endpoint_id, id);

-- The delivery log: every attempt with the receiver's status code or the network error.
CREATE TABLE webhook_attempts (
  id TEXT PRIMARY KEY,
  message_id TEXT NOT NULL REFERENCES webhook_outbox (id) ON DELETE CASCADE,
  attempted_at TEXT NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_by_message ON webhook_attempts (message_id, id);

-- A person's identity at an OpenID provider or an LTI platform (issuer + subject), linked to one account.
CREATE TABLE external_identities (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('oidc', 'lti')),
  created_at TEXT NOT NULL,
  last_used_at TEXT NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX external_identities_by_user ON external_identities (user_id);

-- A setting or trust's OpenID Connect tenant (Microsoft Entra ID, Google Workspace or any provider with discovery).
CREATE TABLE oidc_connections (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret TEXT,
  -- JSON array of lower-case email domains whose verified addresses may sign in.
  domains TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX oidc_connections_by_org ON oidc_connections (org_id);

-- LTI 1.3 platforms registered by an admin, within one organisation.
CREATE TABLE lti_platforms (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  -- JSON array of deployment ids.
  deployment_ids TEXT NOT NULL,
  jwks_url TEXT NOT NULL,
  auth_login_url TEXT NOT NULL,
  auth_token_url TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (issuer, client_id)
);
CREATE INDEX lti_platforms_by_org ON lti_platforms (org_id);

-- One-time login states (OIDC sign-in and LTI login initiation): nonce and PKCE verifier, expiring in minutes.
CREATE TABLE login_states (
  state TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('oidc', 'lti')),
  ref_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  code_verifier TEXT,
  return_to TEXT,
  expires_at TEXT NOT NULL
);
CREATE INDEX login_states_expiry ON login_states (expires_at);

-- Nonces already used in an id_token, so a replayed token is refused.
CREATE TABLE used_nonces (
  issuer TEXT NOT NULL,
  nonce TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  PRIMARY KEY (issuer, nonce)
);
CREATE INDEX used_nonces_expiry ON used_nonces (expires_at);

-- The service's own signing keys (RS256) published at /.well-known/jwks.json.
CREATE TABLE signing_keys (
  kid TEXT PRIMARY KEY,
  private_jwk TEXT NOT NULL,
  public_jwk TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Due-date reminder emails sent: one per assignment and person.
CREATE TABLE mail_reminders (
  assignment_id TEXT NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  sent_at TEXT NOT NULL,
  PRIMARY KEY (assignment_id, staff_id)
);
CREATE INDEX mail_reminders_by_staff ON mail_reminders (staff_id);
