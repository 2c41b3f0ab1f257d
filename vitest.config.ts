// One test run: unit, domain, content, HTTP and the contract suite on Node and in workerd.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { WRANGLER_SEND_METRICS: 'false' },
  },
});
