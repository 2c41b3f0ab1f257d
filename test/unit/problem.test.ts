// problem+json bodies: stable types, field paths a person can read, no internals.
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/content/problems.js';
import { problemBody, zodFieldErrors } from '../../src/http/problem.js';

describe('problem bodies', () => {
  it('carries type, title, status, detail, request id and field errors', () => {
    const p = problemBody('validation', 'Bad fields', {
      requestId: 'req-1',
      errors: [{ path: 'role', message: 'Unknown role' }],
      instance: '/v1/recommendations',
      origin: 'https://training.school.example',
    });
    expect(p).toEqual({
      type: 'https://training.school.example/problems/validation',
      title: 'Validation failed',
      status: 422,
      detail: 'Bad fields',
      instance: '/v1/recommendations',
      requestId: 'req-1',
      errors: [{ path: 'role', message: 'Unknown role' }],
    });
  });

  it('omits an empty errors list', () => {
    expect(problemBody('not-found', 'x')).not.toHaveProperty('errors');
  });

  it('formats zod paths with indexes in brackets', () => {
    expect(formatPath(['responses', 0, 'itemId'])).toBe('responses[0].itemId');
    expect(formatPath(['confidence', 'slcn'])).toBe('confidence.slcn');
    expect(formatPath([], '(body)')).toBe('(body)');
    expect(zodFieldErrors([{ path: [], message: 'm' }])).toEqual([{ path: '(body)', message: 'm' }]);
    expect(zodFieldErrors([{ path: ['a', 2], message: 'm' }])).toEqual([{ path: 'a[2]', message: 'm' }]);
  });
});
