// App-level behaviour on Node that the contract suite does not cover: logging, 500s without internals.
import { describe, expect, it } from 'vitest';
import { registerBenchBaseline } from '../../scripts/lib/bench-baseline.js';
import { makeNodeApp } from '../helpers/node-app.js';

describe('request logging', () => {
  it('writes one JSON line per request with method, path, status, ms and request id, and no body', async () => {
    const lines: string[] = [];
    const { app, close } = makeNodeApp({}, lines);
    const res = await app.request('/v1/recommendations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'abc' },
      body: JSON.stringify({ role: 'teacher', phase: 'primary', responses: [] }),
    });
    expect(res.status).toBe(200);
    const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ method: 'POST', path: '/v1/recommendations', status: 200, requestId: 'abc' });
    expect(typeof requestLines[0].ms).toBe('number');
    expect(lines.join('\n')).not.toContain('teacher');
    await close();
  });
});

describe('unexpected errors', () => {
  it('answer 500 problem+json without stack or message internals, and log the cause', async () => {
    const lines: string[] = [];
    const { app, close } = makeNodeApp({}, lines);
    app.get('/boom', () => {
      throw new Error('secret database detail');
    });
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const text = await res.text();
    expect(text).not.toContain('secret');
    expect(text).not.toContain('at ');
    expect(lines.some((l) => l.includes('secret database detail'))).toBe(true);
    await close();
  });
});

describe('the benchmark baseline route', () => {
  const body = JSON.stringify({ role: 'teacher', phase: 'primary', responses: [] });
  const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body };

  it('is not in the product app', async () => {
    const { app, close } = makeNodeApp();
    expect((await app.request('/v1/bench/baseline', post)).status).toBe(404);
    await close();
  });

  it('answers in the benchmark server with the bytes of the recommendation it stands in for', async () => {
    const { app, close } = makeNodeApp();
    registerBenchBaseline(app);
    const real = await app.request('/v1/recommendations', post);
    const baseline = await app.request('/v1/bench/baseline', post);
    expect(baseline.status).toBe(200);
    expect((await baseline.text()).length).toBe((await real.text()).length);
    await close();
  });
});
