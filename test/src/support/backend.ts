import { join } from 'node:path';
import type { KnowledgeGraph } from '@quanta/core';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { Neo4jKnowledgeGraph } from '@quanta/graph-neo4j';
import neo4j from 'neo4j-driver';

/**
 * The graph backend the end-to-end suites run against: embedded by default, Neo4j when the suite
 * config sets QUANTA_E2E_GRAPH=neo4j (scripts/with-neo4j.sh provides NEO4J_URI).
 */
export function backendEnv(): Record<string, string> {
  if (process.env.QUANTA_E2E_GRAPH !== 'neo4j') return {};
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('QUANTA_E2E_GRAPH=neo4j needs NEO4J_URI (scripts/with-neo4j.sh sets it)');
  return { QUANTA_GRAPH: 'neo4j', NEO4J_URI: uri };
}

/**
 * Empties the backend before a fresh server starts: a Neo4j database is shared by the suites run
 * one after another, while an embedded store is a new temporary directory anyway.
 */
export async function resetBackend(): Promise<void> {
  const env = backendEnv();
  if (!env.NEO4J_URI) return;
  const driver = neo4j.driver(env.NEO4J_URI);
  const session = driver.session();
  try {
    // An auto-commit query: batched deletes (IN TRANSACTIONS) are refused inside explicit transactions.
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

/**
 * The graph a stopped server left, opened directly: what a fault suite reads to check what a
 * `kill -9` kept (the embedded file in its data directory, or the suite's Neo4j).
 */
export async function openServerGraph(dataDir: string): Promise<KnowledgeGraph> {
  const env = backendEnv();
  if (env.NEO4J_URI) return Neo4jKnowledgeGraph.connect({ uri: env.NEO4J_URI });
  return SqliteKnowledgeGraph.open({ file: join(dataDir, 'graph.sqlite') });
}
