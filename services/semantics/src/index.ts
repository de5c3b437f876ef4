/**
 * @module
 * The semantic layer (ADR 0006): `JsonLdSemanticLayer` reads descriptors and their semantic models
 * as RDF through a pinned document loader, checks the global SHACL policies, extracts concepts and
 * exports products as DCAT/DPROD JSON-LD or Turtle. The RDF helpers it is built from are exported
 * too, for tools and tests that need the same reading of RDF.
 */
export { JsonLdSemanticLayer, type SemanticLayerOptions } from './jsonld-semantic-layer.js';
export { createPinnedLoader, refusedContext, type LoaderOptions, type PinnedLoader } from './pinned-loader.js';
export { MAX_CONTEXT_DEPTH, assertSafeContexts, type ContextGuardOptions } from './context-guard.js';
export { compactQuads, expandSafe, jsonLdToQuads, type JsonLdReadOptions } from './jsonld-io.js';
export { canonicalNQuads, graphHash, isIsomorphic } from './canonical.js';
export { TURTLE_PREFIXES, parseTurtle, writeTurtle, type TurtleSource } from './turtle.js';
export { conceptTypings, fieldIri, projectProduct, type ProductProjection } from './projection.js';
export { readSemanticModel } from './semantic-model.js';
export { extractConcepts, type ConceptExtraction } from './concepts.js';
