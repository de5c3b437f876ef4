/**
 * @module
 * The feedback subgraph (DESIGN.md §6): feedback score, factors, ratings, usage and SLO status on
 * DataProduct; mutations to rate and to report usage.
 */
import type { Catalog } from '@quanta/core';
import { feedbackResolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

/** The feedback subgraph over the catalog's signal use cases. */
export function feedbackSubgraph(catalog: Catalog) {
  return { name: 'feedback', typeDefs, resolvers: feedbackResolvers(catalog) } as const;
}
export { typeDefs as feedbackTypeDefs } from './schema.js';
