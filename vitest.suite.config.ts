import { defineConfig } from 'vitest/config';

// The whole suite in one run (scripts/test.sh), so it ends with one summary: unit and contract
// tests beside the code in every package, and the cross-package suites in test/ (which bring their
// own config: real server processes, longer timeouts). Named so a package's own `vitest run`
// does not pick it up.
//
// The end-to-end suites run twice: on the embedded graph, and on Neo4j when scripts/with-neo4j.sh
// has started one (NEO4J_URI). Files run one at a time: the Neo4j runs share one database.
const neo4j = process.env.NEO4J_URI;
if (!neo4j) console.warn('NEO4J_URI is not set: the end-to-end suite runs on the embedded graph only (scripts/with-neo4j.sh starts Neo4j)');

export default defineConfig({
  test: {
    fileParallelism: false,
    projects: [
      'ontologies',
      'services/*',
      // ingest's config keeps its run to its own src/: the sidecar below it is a workspace of its own.
      'ingest',
      'ingest/sidecar',
      // The UI's pure parts (grouping hits, links); the pages themselves are tested in a browser.
      { resolve: { alias: { '@': new URL('./web/src', import.meta.url).pathname } }, test: { name: 'web', root: './web', include: ['src/**/*.test.ts'] } },
      { extends: './test/vitest.config.ts', test: { name: 'e2e (embedded graph)', root: './test' } },
      ...(neo4j
        ? [
            {
              extends: './test/vitest.config.ts',
              test: {
                name: 'e2e (neo4j graph)',
                root: './test',
                env: { QUANTA_E2E_GRAPH: 'neo4j' },
                // Suites of the clients (the CLI, the standards' importers, the sidecar) run on the
                // embedded graph only: what they send is the same whatever graph answers, and the
                // registrations, exports and lineage they exercise run on Neo4j in the suites above.
                // Their two minutes go to the suite's 30-minute budget instead.
                exclude: ['e2e/cli.test.ts', 'e2e/import.test.ts', 'e2e/sidecar.test.ts', '**/node_modules/**'],
              },
            },
          ]
        : []),
      // The discovery UI in Debian's chromium (issue 9): a real server with its UI and the demo mesh.
      { test: { name: 'browser', root: './test', include: ['browser/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 } },
      // The ranking simulation (research/ranking.md §C.2): seeded and CPU-bound, about 10 s on 2 cores.
      { test: { name: 'simulation', root: './test', include: ['simulation/**/*.test.ts'], testTimeout: 300_000 } },
      // Judged queries over the demo mesh (research/ranking.md §C.1): the real API in process, twice.
      { test: { name: 'judged', root: './test', include: ['judged/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      // Faults of the search engine in process (issue 10): a search port that fails on demand.
      { test: { name: 'faults', root: './test', include: ['faults/**/*.test.ts'], testTimeout: 120_000 } },
      // Property-based fuzzing (issue 12): 10,000 cases per target, in process.
      { test: { name: 'fuzz', root: './test', include: ['fuzz/**/*.test.ts'], testTimeout: 600_000 } },
      // The generated mesh with known duplicates (research/ranking.md §B.5): pure and in process, a few seconds.
      { test: { name: 'insights', root: './test', include: ['insights/**/*.test.ts'], testTimeout: 60_000 } },
    ],
  },
});
