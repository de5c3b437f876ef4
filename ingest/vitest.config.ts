import { defineConfig } from 'vitest/config';

// ingest's own tests: the sidecar below it is a workspace of its own, with its own run.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
