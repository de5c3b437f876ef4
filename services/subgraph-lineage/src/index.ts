/**
 * @module
 * The lineage subgraph (DESIGN.md §6): OpenLineage datasets, jobs and runs, and `upstream` /
 * `downstream` on DataProduct.
 */
import type { Catalog } from '@quanta/core';
import { lineageResolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

/** The lineage subgraph over the catalog's lineage use cases. */
export function lineageSubgraph(catalog: Catalog) {
  return { name: 'lineage', typeDefs, resolvers: lineageResolvers(catalog) } as const;
}
export { typeDefs as lineageTypeDefs } from './schema.js';
