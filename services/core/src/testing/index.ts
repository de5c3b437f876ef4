/**
 * @module
 * Contract suites for the ports (run them against every adapter) and test fixtures.
 * Imports vitest: use from test files only.
 */
export { runKnowledgeGraphContract, type KnowledgeGraphTarget } from './knowledge-graph-contract.js';
export { runSearchIndexContract, type SearchIndexTarget } from './search-index-contract.js';
export { runSemanticLayerContract, type SemanticLayerTarget } from './semantic-layer-contract.js';
export { TEST_BASE, saveInput, testDescriptor, testDocument } from './fixtures.js';
