import { defineConfig } from 'vitest/config';

/** Real-browser tests: one file at a time (two cores), generous timeouts. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
