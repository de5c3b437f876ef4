/**
 * @module
 * Test support for subgraph packages: a subgraph served in process, asked as the gateway asks.
 */
export { subgraphHarness, type Answer, type SubgraphHarness } from './subgraph-harness.js';
