// An OpenID Connect relying party (OpenID Connect Core 1.0, Discovery 1.0; PKCE per RFC 7636): discovery, the
// authorization request with state, nonce and an S256 code challenge, the code exchange, and id_token checks
// (signature from the provider's JWKS, iss, aud, azp, exp, nonce). Runtime-neutral: fetch, Web Crypto and jose.
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { base64url, randomToken } from '../repos/crypto.js';
import { outboundUrlProblem, type OutboundPolicy } from './outbound-url.js';

export interface ProviderMetadata {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
}

export class OidcError extends Error {}

/** Throws OidcError when `url` may not be called under `policy` (private address, by form or by DNS). */
async function callable(url: string, policy: OutboundPolicy): Promise<void> {
  const bad = await outboundUrlProblem(url, policy);
  if (bad) throw new OidcError(bad.replace(/\.$/, ''));
}

const discovered = new Map<string, { at: number; meta: ProviderMetadata }>();
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
const DISCOVERY_TTL_MS = 3_600_000;

/** The provider's metadata from `<issuer>/.well-known/openid-configuration` (cached an hour); its issuer must match. */
export async function discover(issuer: string, policy: OutboundPolicy): Promise<ProviderMetadata> {
  const hit = discovered.get(issuer);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.meta;
  await callable(issuer, policy);
  let meta: ProviderMetadata;
  try {
    const res = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000), redirect: 'manual' });
    // `manual` (workerd has no `error`): a redirect is an answer that is not ok, refused like any other.
    if (!res.ok) throw new OidcError(`discovery answered ${res.status}`);
    meta = (await res.json()) as ProviderMetadata;
  } catch (e) {
    throw e instanceof OidcError ? e : new OidcError(`discovery failed: ${String(e)}`);
  }
  if (meta.issuer !== issuer) throw new OidcError(`discovery names issuer ${meta.issuer}, not ${issuer}`);
  for (const k of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) if (typeof meta[k] !== 'string') throw new OidcError(`discovery lacks ${k}`);
  discovered.set(issuer, { at: Date.now(), meta });
  return meta;
}

/** The provider's metadata if discovery already read it (no network), else undefined. */
export function cachedMetadata(issuer: string): ProviderMetadata | undefined {
  return discovered.get(issuer)?.meta;
}

/** A fresh state, nonce and PKCE verifier, and the S256 challenge for the verifier. */
export async function newLoginSecrets(): Promise<{ state: string; nonce: string; verifier: string; challenge: string }> {
  const verifier = randomToken(32);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  return { state: randomToken(24), nonce: randomToken(24), verifier, challenge };
}

export function authorizationUrl(meta: ProviderMetadata, p: { clientId: string; redirectUri: string; state: string; nonce: string; challenge: string; loginHint?: string | undefined }): string {
  const u = new URL(meta.authorization_endpoint);
  const q = { response_type: 'code', client_id: p.clientId, redirect_uri: p.redirectUri, scope: 'openid email profile', state: p.state, nonce: p.nonce, code_challenge: p.challenge, code_challenge_method: 'S256' };
  for (const [k, v] of Object.entries(q)) u.searchParams.set(k, v);
  if (p.loginHint) u.searchParams.set('login_hint', p.loginHint);
  return u.toString();
}

/** Exchanges the code (client_secret_basic when there is a secret; PKCE always) and returns the id_token. */
export async function exchangeCode(meta: ProviderMetadata, p: { clientId: string; clientSecret: string | null; code: string; redirectUri: string; verifier: string }, policy: OutboundPolicy): Promise<string> {
  await callable(meta.token_endpoint, policy);
  const body = new URLSearchParams({ grant_type: 'authorization_code', code: p.code, redirect_uri: p.redirectUri, code_verifier: p.verifier });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (p.clientSecret) headers.authorization = `Basic ${btoa(`${encodeURIComponent(p.clientId)}:${encodeURIComponent(p.clientSecret)}`)}`;
  else body.set('client_id', p.clientId);
  const res = await fetch(meta.token_endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000), redirect: 'manual' });
  const json = (await res.json().catch(() => ({}))) as { id_token?: string; error?: string; error_description?: string };
  if (!res.ok || !json.id_token) throw new OidcError(`the token endpoint refused the code (${json.error ?? res.status}${json.error_description ? `: ${json.error_description}` : ''})`);
  return json.id_token;
}

/** Verifies the id_token's signature (provider JWKS), iss, aud, azp, exp and nonce; returns its claims. */
export async function verifyIdToken(meta: ProviderMetadata, idToken: string, p: { clientId: string; nonce: string }, policy: OutboundPolicy): Promise<JWTPayload> {
  await callable(meta.jwks_uri, policy);
  let keys = keySets.get(meta.jwks_uri);
  if (!keys) keySets.set(meta.jwks_uri, (keys = createRemoteJWKSet(new URL(meta.jwks_uri))));
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keys, { issuer: meta.issuer, audience: p.clientId, clockTolerance: 60 }));
  } catch (e) {
    throw new OidcError(`the id_token is not valid: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== p.clientId) throw new OidcError('the id_token was issued to another client (azp)');
  if (payload.nonce !== p.nonce) throw new OidcError('the id_token nonce does not match this sign-in');
  return payload;
}
