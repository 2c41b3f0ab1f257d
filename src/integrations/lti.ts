// The LTI 1.3 tool side (IMS Security Framework 1.0 and LTI Core 1.3): the tool's RS256 key published as a JWKS,
// the authentication request sent back to the platform after a third-party login initiation, and the checks of a
// resource-link launch id_token (platform signature, iss, aud/azp, nonce, deployment, message type and version).
// Runtime-neutral: jose and Web Crypto.
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { outboundUrlProblem, type OutboundPolicy } from './outbound-url.js';
import type { Kysely } from 'kysely';
import { randomToken } from '../repos/crypto.js';
import { insertSigningKey, signingKeys, type LtiPlatform } from '../repos/lti.js';
import type { DB } from '../repos/schema.js';

export const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export class LtiError extends Error {}

/** The tool's public keys; the first call makes and stores an RS256 key pair. */
export async function toolJwks(db: Kysely<DB>, now: Date): Promise<{ keys: JWK[] }> {
  let keys = await signingKeys(db);
  if (!keys.length) {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomToken(12);
    const pub = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const priv = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
    await insertSigningKey(db, { kid, privateJwk: JSON.stringify(priv), publicJwk: JSON.stringify(pub) }, now);
    keys = await signingKeys(db);
  }
  return { keys: keys.map((k) => JSON.parse(k.publicJwk) as JWK) };
}

export interface LoginInitiation {
  readonly iss: string;
  readonly login_hint: string;
  readonly target_link_uri: string;
  readonly lti_message_hint?: string | undefined;
  readonly lti_deployment_id?: string | undefined;
  readonly client_id?: string | undefined;
}

/** The platform's authorization URL for an `id_token` sent back by form post to `redirectUri`. */
export function authRequestUrl(p: LtiPlatform, init: LoginInitiation, redirectUri: string, state: string, nonce: string): string {
  const u = new URL(p.authLoginUrl);
  const q: Record<string, string> = {
    scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none',
    client_id: p.clientId, redirect_uri: redirectUri, login_hint: init.login_hint, state, nonce,
  };
  if (init.lti_message_hint) q.lti_message_hint = init.lti_message_hint;
  for (const [k, v] of Object.entries(q)) u.searchParams.set(k, v);
  return u.toString();
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** Verifies a resource-link launch for `p` and `nonce`; returns its claims or throws LtiError naming the failed check. */
export async function verifyLaunch(p: LtiPlatform, idToken: string, nonce: string, policy: OutboundPolicy): Promise<JWTPayload> {
  const bad = await outboundUrlProblem(p.jwksUrl, policy);
  if (bad) throw new LtiError(`the platform's JWKS URL cannot be called: ${bad.replace(/\.$/, '')}`);
  let keys = keySets.get(p.jwksUrl);
  if (!keys) keySets.set(p.jwksUrl, (keys = createRemoteJWKSet(new URL(p.jwksUrl))));
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(idToken, keys, { issuer: p.issuer, audience: p.clientId, clockTolerance: 60 }));
  } catch (e) {
    throw new LtiError(`the id_token is not valid: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== p.clientId) throw new LtiError('the id_token was issued to another client (azp)');
  if (claims.nonce !== nonce) throw new LtiError('the id_token nonce does not match this launch');
  const deployment = claims[`${LTI}deployment_id`];
  if (typeof deployment !== 'string' || !p.deploymentIds.includes(deployment)) throw new LtiError(`deployment ${String(deployment)} is not registered for this platform`);
  if (claims[`${LTI}message_type`] !== 'LtiResourceLinkRequest') throw new LtiError(`message type ${String(claims[`${LTI}message_type`])} is not a resource link launch`);
  if (claims[`${LTI}version`] !== '1.3.0') throw new LtiError('the LTI version is not 1.3.0');
  const link = claims[`${LTI}resource_link`] as { id?: unknown } | undefined;
  if (!link || typeof link.id !== 'string') throw new LtiError('the launch has no resource_link id');
  if (typeof claims.sub !== 'string' || !claims.sub) throw new LtiError('the launch has no subject (an anonymous launch cannot open a pathway)');
  return claims;
}
