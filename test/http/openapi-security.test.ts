// The OpenAPI document says who may call each operation, and the service agrees: every operation is called with
// an API key lacking the scope its requirement names (403 naming the scope), with a key holding every scope, with
// the ADMIN_TOKEN and with no credentials, and each answer is checked against what the operation's `security` says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../../src/http/auth/principal.js';
import { makeNodeApp } from '../helpers/node-app.js';

const ADMIN = 'openapi-security-admin-token-0123456789';
const { app, close } = makeNodeApp({ adminToken: ADMIN });
afterAll(close);

type Requirement = Record<string, string[]>;
type Operation = { security?: Requirement[]; requestBody?: { content: Record<string, unknown> } };
type Doc = { security?: Requirement[]; paths: Record<string, Record<string, Operation>> };

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const admin = bearer(ADMIN);
let doc: Doc;
let settingId: string;
const keys = new Map<string, Record<string, string>>();

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await app.request(path, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, path).toBe(201);
  return (await res.json()) as T;
}

beforeAll(async () => {
  doc = (await (await app.request('/openapi.json')).json()) as Doc;
  const trustId = (await post<{ id: string }>('/v1/orgs', { kind: 'trust', name: 'Scope trust' })).id;
  settingId = (await post<{ id: string }>('/v1/orgs', { kind: 'setting', name: 'Scope school', settingType: 'school', trustId, phase: 'primary' })).id;
  const keyWith = async (scopes: string[]) => bearer((await post<{ key: string }>(`/v1/orgs/${settingId}/keys`, { name: `key ${scopes.length}`, scopes })).key);
  keys.set('all', await keyWith([...SCOPES]));
  for (const scope of SCOPES) keys.set(scope, await keyWith(SCOPES.filter((s) => s !== scope)));
});

/** Calls an operation with placeholder ids (the key's own setting for orgId) and an empty body of its media type. */
async function call(method: string, template: string, op: Operation, headers: Record<string, string>) {
  const path = template.replace('{orgId}', settingId).replace(/\{[^}]+\}/g, 'missing');
  const type = Object.keys(op.requestBody?.content ?? {})[0];
  const body = type === undefined ? undefined : type.includes('json') ? '{}' : '';
  const init: RequestInit = { method: method.toUpperCase(), headers: { ...headers, 'x-experience-api-version': '1.0.3', ...(type ? { 'content-type': type } : {}) }, body };
  const res = await app.request(path, init);
  const text = await res.text();
  return { status: res.status, detail: res.headers.get('content-type')?.includes('json') && text ? ((JSON.parse(text) as { detail?: string }).detail ?? '') : '' };
}

/** True when the answer is the access check refusing (401, or 403 for the role or scope), not the route's own rule. */
const refused = (r: { status: number; detail: string }) => r.status === 401 || (r.status === 403 && /needs one of these roles|lacks the scope|signed-in people|ADMIN_TOKEN/.test(r.detail));

function operations(): [string, string, Operation][] {
  return Object.entries(doc.paths).flatMap(([template, ops]) => Object.entries(ops).map(([method, op]) => [method, template, op] as [string, string, Operation]));
}

describe('OpenAPI security requirements', () => {
  it('names a scope on every API-key requirement whose route needs one, and only scopes keys can hold', () => {
    const named = operations().flatMap(([, , op]) => (op.security ?? doc.security ?? []).flatMap((r) => r.apiKey ?? []));
    expect(named.length).toBeGreaterThan(20);
    for (const scope of named) expect(SCOPES).toContain(scope);
  });

  it('every operation answers each kind of caller as its security requirement says', async () => {
    const wrong: string[] = [];
    for (const [method, template, op] of operations()) {
      const security = op.security ?? doc.security ?? [];
      const name = `${method.toUpperCase()} ${template}`;
      const isPublic = security.some((r) => Object.keys(r).length === 0) || security.length === 0;
      const keyReq = security.find((r) => 'apiKey' in r)?.apiKey;
      const full = await call(method, template, op, keys.get('all')!);
      if (keyReq) {
        if (refused(full)) wrong.push(`${name}: a key with every scope was refused (${full.status} ${full.detail})`);
        for (const scope of keyReq) {
          const lacking = await call(method, template, op, keys.get(scope)!);
          if (lacking.status !== 403 || !lacking.detail.includes(`lacks the scope \`${scope}\``)) wrong.push(`${name}: a key without ${scope} got ${lacking.status} ${lacking.detail}`);
        }
      } else if (!isPublic && !(full.status === 403 && refused(full))) wrong.push(`${name}: API keys are not listed, but a key got ${full.status}`);
      const token = await call(method, template, op, admin);
      const tokenListed = security.some((r) => 'adminToken' in r);
      if (tokenListed && refused(token)) wrong.push(`${name}: adminToken is listed, but the token was refused (${token.status})`);
      if (!tokenListed && !isPublic && !refused(token)) wrong.push(`${name}: adminToken is not listed, but the token got ${token.status}`);
      if (!isPublic) {
        const none = await call(method, template, op, {});
        if (none.status !== 401) wrong.push(`${name}: needs credentials, but none got ${none.status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
