/**
 * @module
 * The semantic layer (ADR 0006): `JsonLdSemanticLayer` reads descriptors and their semantic models
 * as RDF through a pinned document loader, checks the global SHACL policies, extracts concepts and
 * exports products as DCAT/DPROD JSON-LD or Turtle; `WorkerPoolSemanticLayer` runs it on worker
 * threads (ADR 0007). Both are adapters of core's `SemanticLayer` port; the RDF helpers they are
 * built from stay inside the package.
 */
export { JsonLdSemanticLayer, type SemanticLayerOptions } from './jsonld-semantic-layer.js';
export { WorkerPoolSemanticLayer, type WorkerPoolOptions } from './worker-pool-semantic-layer.js';
