import { defineConfig } from 'vitest/config';

// Cross-package suites start real server processes: give them time, and run files one at a time
// on this 2-core machine so timings and ports never fight.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
