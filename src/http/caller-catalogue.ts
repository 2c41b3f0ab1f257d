// Which catalogue the caller of a request plans with: the API key's organisation, or the signed-in person's setting
// or trust (their own modules and sessions merged into the shipped catalogue by src/services/local-content.ts).
import type { Context } from 'hono';
import type { Content } from '../domain/types.js';
import { catalogueForOrg, type CatalogueInUse } from '../services/local-content.js';
import type { AppEnv } from './env.js';
import { currentUser } from './routes/web/web-user.js';
import { serviceDeps } from './service-deps.js';

type C = Context<AppEnv>;

/** The organisation the caller plans for: an API key's org, or the signed-in person's setting or trust. */
async function callerOrgId(c: C): Promise<string | null> {
  const p = c.get('principal');
  if (p === null) return null; // the API looked and found no credential
  if (p) return p.kind !== 'admin-token' && p.orgId ? p.orgId : null;
  return currentUser(c)?.orgId ?? null;
}

/** The catalogue a caller's recommendations use: `base` plus their setting's and trust's own modules and sessions. */
export async function catalogueForCaller(c: C, base: Content): Promise<CatalogueInUse> {
  const orgId = await callerOrgId(c);
  if (!orgId) return { content: base, layers: [] };
  return catalogueForOrg(serviceDeps(c), base, orgId);
}
