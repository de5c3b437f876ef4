/**
 * @module
 * The catalog subgraph (DESIGN.md §6): data products as registered, with their domains, teams and
 * ports, and ranked search. `DataProduct @key(fields: "iri")` starts here; the lineage, feedback
 * and insights subgraphs extend it.
 */
import type { Catalog } from '@quanta/core';
import { catalogResolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

/**
 * The catalog subgraph over the catalog's use cases.
 *
 * @example buildSubgraphSchema([catalogSubgraph(catalog)])
 */
export function catalogSubgraph(catalog: Catalog) {
  return { name: 'catalog', typeDefs, resolvers: catalogResolvers(catalog) } as const;
}
export { typeDefs as catalogTypeDefs } from './schema.js';
