/**
 * @module
 * The insights subgraph (DESIGN.md §6): likely-duplicate groups with their canonical and
 * evidence, and retirement flags, on DataProduct and across the mesh.
 */
import type { Catalog } from '@quanta/core';
import { insightsResolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

/** The insights subgraph over the catalog's duplicate and retirement use cases. */
export function insightsSubgraph(catalog: Catalog) {
  return { name: 'insights', typeDefs, resolvers: insightsResolvers(catalog) } as const;
}
export { typeDefs as insightsTypeDefs } from './schema.js';
