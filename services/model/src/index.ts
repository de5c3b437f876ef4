/**
 * @module
 * Quanta's domain model: the descriptor schema, IRIs, product and search types, identities and
 * domain errors. Isomorphic and free of I/O, so the web UI and the CLI may import it too.
 */
export * from './descriptor.js';
export * from './entity-model.js';
export * from './errors.js';
export * from './identity.js';
export * from './insights.js';
export * from './mesh-report.js';
export * from './iri.js';
export * from './product.js';
export * from './search.js';
export * from './semantics.js';
export * from './signals.js';
export * from './usage-report.js';
export * from './validate.js';
export * from './screen-input.js';
