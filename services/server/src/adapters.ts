import { join } from 'node:path';
import type { KnowledgeGraph, SearchIndex } from '@quanta/core';
import type { QuantaConfig } from '@quanta/config';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';

/** Thrown at start-up when the configuration names a backend this build does not include. */
export class UnsupportedBackendError extends Error {
  override readonly name = 'UnsupportedBackendError';
}

/**
 * Picks the KnowledgeGraph adapter the configuration names: the only place that knows about
 * concrete graph backends (DESIGN.md §3, rule 3).
 */
export function openGraph(config: QuantaConfig): KnowledgeGraph {
  switch (config.graph.backend) {
    case 'embedded':
      return SqliteKnowledgeGraph.open({ file: join(config.dataDir, 'graph.sqlite') });
    case 'neo4j':
      throw new UnsupportedBackendError('QUANTA_GRAPH=neo4j: the Neo4j adapter is not part of this build yet (issue 3); use embedded');
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
