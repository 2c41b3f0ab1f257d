// App-level behaviour on Node that the contract suite does not cover: logging, 500s without internals.
import { describe, expect, it } from 'vitest';
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
