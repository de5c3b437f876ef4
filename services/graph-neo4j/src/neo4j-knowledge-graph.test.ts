import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runKnowledgeGraphContract, saveInput, testDescriptor } from '@quanta/core/testing';
import { ConflictError } from '@quanta/model';
import { Neo4jKnowledgeGraph } from './neo4j-knowledge-graph.js';

// A real server only: the test command starts Neo4j and sets NEO4J_URI (auth disabled).
const uri = process.env.NEO4J_URI;
if (!uri) console.warn('Neo4jKnowledgeGraph tests skipped: NEO4J_URI is unset (the test command starts Neo4j and sets it).');

let admin: Driver | undefined;

/** Test support, kept out of the adapter: empties the database before each graph is opened. */
async function wipe(): Promise<void> {
  admin ??= neo4j.driver(uri as string);
  const session = admin.session();
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

async function open(): Promise<Neo4jKnowledgeGraph> {
  await wipe();
  return Neo4jKnowledgeGraph.connect({ uri: uri as string });
}

afterAll(async () => {
  await admin?.close();
});

describe.skipIf(!uri)('Neo4jKnowledgeGraph on a real server', () => {
  runKnowledgeGraphContract('Neo4jKnowledgeGraph', { open });

  describe('concurrent saves of one product', () => {
    let graph: Neo4jKnowledgeGraph;
    beforeEach(async () => {
      graph = await open();
      return () => graph.close();
    });

    it('stores every one of 100 parallel unconditional saves, as revisions 1..100', async () => {
      const saves = Array.from({ length: 100 }, (_, i) => graph.saveProduct(saveInput(testDescriptor('hot', { description: `v${i}` }))));
      const outcomes = await Promise.all(saves);
      expect(outcomes.filter((o) => o.outcome === 'created')).toHaveLength(1);
      expect(outcomes.map((o) => o.product.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      const history = await graph.listRevisions(testDescriptor('hot').id);
      expect(history.map((r) => r.revision)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(new Set(history.map((r) => r.hash)).size).toBe(100);
      expect((await graph.getProduct(testDescriptor('hot').id))?.revision).toBe(100);
    }, 60_000);

    it('lets exactly one of 100 parallel compare-and-set saves from one revision win', async () => {
      await graph.saveProduct(saveInput(testDescriptor('cas', { description: 'base' })));
      const saves = Array.from({ length: 100 }, (_, i) =>
        graph.saveProduct({ ...saveInput(testDescriptor('cas', { description: `c${i}` })), expectedRevision: 1 }),
      );
      const settled = await Promise.allSettled(saves);
      const won = settled.filter((s) => s.status === 'fulfilled');
      const lost = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(99);
      expect(lost.every((e) => e instanceof ConflictError)).toBe(true);
      expect((await graph.listRevisions(testDescriptor('cas').id)).map((r) => r.revision)).toEqual([1, 2]);
    }, 60_000);
  });
});
