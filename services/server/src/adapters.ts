import { join } from 'node:path';
import type { KnowledgeGraph, SearchIndex, SemanticLayer } from '@quanta/core';
import type { QuantaConfig } from '@quanta/config';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { Neo4jKnowledgeGraph } from '@quanta/graph-neo4j';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { MeilisearchSearchIndex } from '@quanta/search-meilisearch';
import { JsonLdSemanticLayer, WorkerPoolSemanticLayer } from '@quanta/semantics';

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

/**
 * How this server backs up its graph (F6): the embedded one, online, to
 * `<data dir>/backups/graph-<time>.sqlite`; Neo4j has its own tools, so none here.
 */
export function graphBackup(graph: KnowledgeGraph, config: QuantaConfig): (() => Promise<{ file: string; bytes: number }>) | undefined {
  if (!(graph instanceof SqliteKnowledgeGraph)) return undefined;
  return async () => {
    const file = join(config.dataDir, 'backups', `graph-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
    return { file, ...(await graph.backupTo(file)) };
  };
}

/**
 * Picks the SearchIndex adapter the configuration names. Meilisearch is connected lazily: a server
 * starts while it is down (search answers 503, registrations fill the outbox) and its index and
 * settings are applied by the first call that reaches it.
 */
export async function openSearch(config: QuantaConfig): Promise<SearchIndex> {
  const search = config.search;
  switch (search.backend) {
    case 'embedded':
      return new EmbeddedSearchIndex();
    case 'meilisearch':
      return MeilisearchSearchIndex.connect({ url: search.url, index: search.index, ...(search.apiKey !== undefined && { apiKey: search.apiKey }) });
  }
}

/**
 * The semantic layer: on worker threads unless the configuration asks for none (ADR 0007). Pure
 * and local either way (pinned contexts, shapes from ontologies/). `close` ends the threads.
 */
export function openSemantics(config: QuantaConfig): { readonly layer: SemanticLayer; close(): Promise<void> } {
  if (config.semanticThreads === 0) return { layer: JsonLdSemanticLayer.create(), close: async () => {} };
  const pool = WorkerPoolSemanticLayer.create({ threads: config.semanticThreads });
  return { layer: pool, close: () => pool.close() };
}
