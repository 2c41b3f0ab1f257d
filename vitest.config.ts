// One test run: unit, domain, content, HTTP and the contract suite on Node and in workerd.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two test files at a time even on two cores: most of a browser or workerd test is waiting on Chromium or workerd,
    // which run in their own processes, so one file at a time left the machine half idle.
    maxWorkers: 2,
    env: { WRANGLER_SEND_METRICS: 'false' },
  },
});
