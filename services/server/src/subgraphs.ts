import type { Catalog } from '@quanta/core';
import type { SubgraphModule, SubgraphSdl } from '@quanta/gateway';
import { catalogSubgraph, catalogTypeDefs } from '@quanta/subgraph-catalog';
import { feedbackSubgraph, feedbackTypeDefs } from '@quanta/subgraph-feedback';
import { insightsSubgraph, insightsTypeDefs } from '@quanta/subgraph-insights';
import { lineageSubgraph, lineageTypeDefs } from '@quanta/subgraph-lineage';

/** The subgraphs the supergraph is composed of, by the names the committed SDL gives them. */
export const SUBGRAPH_NAMES = ['catalog', 'lineage', 'feedback', 'insights'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Every subgraph's SDL, for composition. */
export const SUBGRAPH_SDLS: readonly SubgraphSdl[] = [
  { name: 'catalog', typeDefs: catalogTypeDefs },
  { name: 'lineage', typeDefs: lineageTypeDefs },
  { name: 'feedback', typeDefs: feedbackTypeDefs },
  { name: 'insights', typeDefs: insightsTypeDefs },
];

/** One subgraph over the catalog's use cases. */
export function subgraphModule(name: SubgraphName, catalog: Catalog): SubgraphModule {
  switch (name) {
    case 'catalog':
      return catalogSubgraph(catalog);
    case 'lineage':
      return lineageSubgraph(catalog);
    case 'feedback':
      return feedbackSubgraph(catalog);
    case 'insights':
      return insightsSubgraph(catalog);
  }
}
