// A real OpenID provider for tests (the oidc-provider package) on 127.0.0.1: one confidential client, accounts the
// test defines, and an interaction handler that signs in whichever account the test chose and grants consent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface TestAccount {
  readonly email: string;
  readonly emailVerified: boolean;
  readonly name: string;
}

export interface TestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Accounts by subject. */
  readonly accounts: Map<string, TestAccount>;
  /** The subject the next interaction signs in. */
  next: string;
  close(): Promise<void>;
}

export async function startProvider(redirectUri: string): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const state = { next: '' };
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', use: 'sig', alg: 'RS256' };
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'send-pathways';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const a = accounts.get(sub);
      return a ? { accountId: sub, claims: async () => ({ sub, email: a.email, email_verified: a.emailVerified, name: a.name }) } : undefined;
    },
  });
  provider.proxy = false;
  // The provider needs the issuer (the server's port), so requests are wired up once it exists.
  server.on('request', async (req, res) => {
    try {
      if (req.url?.startsWith('/interaction/')) {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') return await provider.interactionFinished(req, res, { login: { accountId: state.next } }, { mergeWithLastSubmission: false });
        const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
        grant.addOIDCScope('openid email profile');
        return await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
      }
      return provider.callback()(req, res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    get next() {
      return state.next;
    },
    set next(v: string) {
      state.next = v;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Follows the provider's redirects with its cookies until it sends the browser back to `redirectUri`. */
export async function followToCallback(authorizeUrl: string, redirectUri: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizeUrl;
  for (let i = 0; i < 12; i++) {
    if (url.startsWith(redirectUri)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!, v.join('='));
    }
    const next = res.headers.get('location');
    if (!next) throw new Error(`the provider stopped at ${url} with ${res.status}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(next, url).toString();
  }
  throw new Error('too many redirects');
}
