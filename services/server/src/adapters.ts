import { join } from 'node:path';
import type { KnowledgeGraph, SearchIndex } from '@quanta/core';
import type { QuantaConfig } from '@quanta/config';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { Neo4jKnowledgeGraph } from '@quanta/graph-neo4j';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';

/** Thrown at start-up when the configuration names a backend this build does not include. */
export class UnsupportedBackendError extends Error {
  override readonly name = 'UnsupportedBackendError';
}

/**
 * Picks the KnowledgeGraph adapter the configuration names: the only place that knows about
 * concrete graph backends (DESIGN.md §3, rule 3).
 */
export async function openGraph(config: QuantaConfig): Promise<KnowledgeGraph> {
  const graph = config.graph;
  switch (graph.backend) {
    case 'embedded':
      return SqliteKnowledgeGraph.open({ file: join(config.dataDir, 'graph.sqlite') });
    case 'neo4j':
      return Neo4jKnowledgeGraph.connect({ uri: graph.uri, user: graph.user, password: graph.password, database: graph.database });
  }
}

/** Picks the SearchIndex adapter the configuration names. */
export function openSearch(config: QuantaConfig): SearchIndex {
  switch (config.search.backend) {
    case 'embedded':
      return new EmbeddedSearchIndex();
    case 'meilisearch':
      throw new UnsupportedBackendError('QUANTA_SEARCH=meilisearch: the Meilisearch adapter is not part of this build yet (issue 10); use embedded');
  }
}
