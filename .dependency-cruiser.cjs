/**
 * DESIGN.md §3 dependency rules, checked by the test command. Paths are resolved through the
 * workspace symlinks, so `@quanta/core` shows up as `services/core/...`.
 */
const pkg = (name) => `^services/${name}/`;
const ADAPTERS = '^(services/(?:graph|search)-[^/]+|services/semantics)/';
const DRIVERS = '^services/(api|subgraph-[^/]+)/';
const TESTS = '\\.test\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No cycles (rule 5).', from: {}, to: { circular: true } },
    {
      name: 'ontologies-are-data',
      comment: 'ontologies is the foundation: it depends on no other package (rule 1).',
      severity: 'error',
      from: { path: '^ontologies/' },
      to: { path: '^(services|ingest|web|test)/' },
    },
    {
      name: 'model-is-the-bottom',
      comment: 'model may only use ontologies (rule 1).',
      severity: 'error',
      from: { path: pkg('model') },
      to: { path: '^(services|ingest|web|test)/', pathNot: pkg('model') },
    },
    {
      name: 'core-points-down',
      comment: 'core uses model and the pure ranking and openlineage packages only (rule 1).',
      severity: 'error',
      from: { path: pkg('core') },
      to: { path: '^(services|ingest|web|test)/', pathNot: [pkg('core'), pkg('model'), pkg('ranking'), pkg('openlineage')] },
    },
    {
      name: 'ranking-is-pure',
      severity: 'error',
      from: { path: pkg('ranking') },
      to: { path: '^(services|ingest|web|test)/', pathNot: [pkg('ranking'), pkg('model')] },
    },
    {
      name: 'openlineage-is-pure',
      comment: 'The OpenLineage spec knowledge depends on model only, so core can use it (rule 1).',
      severity: 'error',
      from: { path: pkg('openlineage') },
      to: { path: '^(services|ingest|web|test)/', pathNot: [pkg('openlineage'), pkg('model')] },
    },
    {
      name: 'adapters-use-core-and-model-only',
      comment: 'Adapters never depend on each other, on config, or on drivers (rule 2); their tests may use core/testing.',
      severity: 'error',
      from: { path: ADAPTERS },
      to: { path: '^(services|ingest|web|test)/', pathNot: [pkg('core'), pkg('model'), '^$1/'] },
    },
    {
      name: 'drivers-get-ports-through-createApp',
      comment: 'Drivers never pick adapters or read config (rule 3); only their tests may wire real adapters.',
      severity: 'error',
      from: { path: DRIVERS, pathNot: TESTS },
      to: { path: [ADAPTERS, pkg('config'), pkg('server')] },
    },
    {
      name: 'config-only-in-composition-roots',
      severity: 'error',
      from: { pathNot: [pkg('server'), pkg('config'), '^services/gateway/'] },
      to: { path: pkg('config') },
    },
    {
      name: 'ingest-and-web-over-http-only',
      comment: 'ingest and web reach the system over HTTP/GraphQL; they may import model (rule 4).',
      severity: 'error',
      from: { path: '^(ingest|web)/' },
      to: { path: '^services/', pathNot: pkg('model') },
    },
    {
      name: 'nothing-depends-on-test',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-deep-imports',
      comment: "Other packages are used through their exports (dist), never their sources (rule 5).",
      severity: 'error',
      from: { path: '^(services/[^/]+|ingest|test|web)/' },
      to: { path: '^(services/[^/]+|ingest|web)/src/', pathNot: '^$1/src/' },
    },
  ],
  options: {
    // Follow sources only: a workspace package resolves to its dist/ through `exports`, which is
    // recorded as a dependency (so the rules see it) but not cruised further.
    doNotFollow: { path: ['node_modules', '(^|/)dist/'] },
    exclude: { path: '(^|/)(\\.cache|\\.turbo|\\.next)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
    combinedDependencies: true,
    preserveSymlinks: false,
  },
};
