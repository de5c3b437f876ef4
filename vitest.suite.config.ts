import { defineConfig } from 'vitest/config';

// The whole suite in one run (scripts/test.sh), so it ends with one summary: unit and contract
// tests beside the code in every package, and the cross-package suites in test/ (which bring their
// own config: real server processes, longer timeouts). Named so a package's own `vitest run`
// does not pick it up.
export default defineConfig({
  test: {
    projects: ['ontologies', 'services/*', 'ingest', 'test'],
  },
});
