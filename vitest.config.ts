import { defineConfig } from 'vitest/config';

// One run over every package: unit and contract tests beside the code, and the cross-package
// suites in test/ (which bring their own config: real server processes, longer timeouts).
export default defineConfig({
  test: {
    projects: ['ontologies', 'services/*', 'ingest', 'test'],
  },
});
