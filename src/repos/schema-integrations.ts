// Kysely table types for the integrations (xAPI, webhooks, single sign-on, LTI, email), matching
// migrations/0006_integrations.sql.

export interface XapiStatementsTable {
  id: string;
  setting_id: string;
  staff_id: string | null;
  verb_id: string;
  object_id: string;
  timestamp: string;
  stored: string;
  body: string;
  /** The id of the statement that voided this one; null (or absent on insert) while it stands. */
  voided_by?: string | null;
}

export interface WebhookEndpointsTable {
  id: string;
  org_id: string;
  url: string;
  description: string;
  events: string;
  secret: string;
  previous_secret: string | null;
  previous_expires_at: string | null;
  created_by: string | null;
  created_at: string;
  disabled_at: string | null;
  /** 'webhook' (signed per Standard Webhooks) or 'lrs' (xAPI statements forwarded with Basic auth); 'webhook' when absent on insert. */
  kind?: 'webhook' | 'lrs';
  /** For an LRS: `key:secret` for HTTP Basic auth. */
  basic_auth?: string | null;
}

export interface WebhookOutboxTable {
  id: string;
  endpoint_id: string;
  event_type: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface WebhookAttemptsTable {
  id: string;
  message_id: string;
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface ExternalIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  kind: 'oidc' | 'lti';
  created_at: string;
  last_used_at: string;
}

export interface OidcConnectionsTable {
  id: string;
  org_id: string;
  issuer: string;
  client_id: string;
  client_secret: string | null;
  domains: string;
  created_at: string;
}

export interface LtiPlatformsTable {
  id: string;
  org_id: string;
  issuer: string;
  client_id: string;
  deployment_ids: string;
  jwks_url: string;
  auth_login_url: string;
  auth_token_url: string | null;
  created_at: string;
}

export interface LoginStatesTable {
  state: string;
  kind: 'oidc' | 'lti';
  ref_id: string;
  nonce: string;
  code_verifier: string | null;
  return_to: string | null;
  expires_at: string;
}

export interface UsedNoncesTable {
  issuer: string;
  nonce: string;
  expires_at: string;
}

export interface SigningKeysTable {
  kid: string;
  private_jwk: string;
  public_jwk: string;
  created_at: string;
}

export interface MailRemindersTable {
  assignment_id: string;
  staff_id: string;
  sent_at: string;
}
