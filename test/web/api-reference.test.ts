// The API reference: /openapi.json carries the recorded examples on their operations, and /docs shows each
// operation's parameters, schemas and examples, offline.
import { afterAll, describe, expect, it } from 'vitest';
import recorded from '../../src/http/openapi-examples.json';
import { makeNodeApp } from '../helpers/node-app.js';

const { app, close } = makeNodeApp();
afterAll(close);

type Doc = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { example?: unknown }> }; responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>> };

describe('API reference', () => {
  it('every recorded example sits on an operation the document has', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as Doc;
    for (const [key, example] of Object.entries(recorded as Record<string, { request?: unknown; responses?: Record<string, { type?: string }> }>)) {
      const [method, template] = key.split(' ') as [string, string];
      const op = doc.paths[template]?.[method.toLowerCase()];
      expect(op, key).toBeDefined();
      if (example.request !== undefined) expect(op!.requestBody?.content['application/json']?.example, key).toEqual(example.request);
      for (const [status, response] of Object.entries(example.responses ?? {})) {
        expect(op!.responses[status]?.content?.[response.type ?? 'application/json']?.example, `${key} ${status}`).toBeDefined();
      }
    }
    const recommend = doc.paths['/v1/recommendations']!.post!;
    expect(recommend.requestBody!.content['application/json']!.example).toMatchObject({ role: expect.any(String) });
    expect(recommend.responses['200']!.content!['application/json']!.example).toMatchObject({ pathway: { steps: expect.any(Array) } });
  });

  it('has an example for every JSON request body and every success response with a body', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as Doc;
    const missing: string[] = [];
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${template}`;
        const body = op.requestBody?.content['application/json'];
        if (body && body.example === undefined) missing.push(`${key}: request`);
        for (const [status, response] of Object.entries(op.responses)) {
          if (!status.startsWith('2')) continue;
          for (const [type, media] of Object.entries(response.content ?? {})) if (media.example === undefined) missing.push(`${key}: ${status} ${type}`);
        }
      }
    }
    expect(missing, 'run `npm run openapi:examples` after adding a test that calls these').toEqual([]);
  });

  it('documents 405 with Allow and 429 with Retry-After, as the service answers them', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>> };
    const responses = doc.paths['/v1/recommendations']!.post!.responses;
    expect(Object.keys(responses['429']!.headers ?? {})).toEqual(['Retry-After']);
    expect(Object.keys(responses['405']!.headers ?? {})).toEqual(['Allow']);
    const res = await app.request('/v1/recommendations', { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toMatch(/POST/);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('/docs shows parameters, schemas and examples', async () => {
    const html = await (await app.request('/docs')).text();
    const recommend = html.slice(html.indexOf('id="op-post-v1-recommendations"'), html.indexOf('id="op-post-v1-recommendations-replay"'));
    expect(recommend).toContain('Credentials optional: apiKey (scope recommendations:write).');
    expect(recommend).toContain('Example request');
    expect(recommend).toContain('Example 200 response');
    expect(recommend).toContain('Schema of the 200 response');
    const staff = html.slice(html.indexOf('id="op-get-v1-orgs-orgid-staff"'));
    expect(staff).toMatch(/<h4>Parameters<\/h4>[\s\S]*<code>orgId<\/code>/);
  });
});
