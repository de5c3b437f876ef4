import { createCatalog, systemClock, type KnowledgeGraph } from '@quanta/core';
import { testDescriptor } from '@quanta/core/testing';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { SYSTEM } from '@quanta/model';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { describe, expect, it } from 'vitest';

/**
 * The real embedded graph, with a hook that runs once, right after the first read of a product:
 * the moment another writer can slip in between a use case's read and its save.
 */
function graphWithInterleaving(interleave: () => Promise<void>): KnowledgeGraph {
  const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
  let armed = false;
  return Object.assign(Object.create(graph) as KnowledgeGraph, {
    arm: () => void (armed = true),
    getProduct: async (iri: string) => {
      const product = await graph.getProduct(iri);
      if (armed) {
        armed = false;
        await interleave();
      }
      return product;
    },
  });
}

describe('concurrent writes through the catalog', () => {
  it('retires the latest revision, never overwriting an update that landed after its read', async () => {
    // The hook needs the catalog the graph is wired into: filled in just below.
    const late: { catalog?: ReturnType<typeof createCatalog> } = {};
    const graph = graphWithInterleaving(async () => {
      await late.catalog?.register(testDescriptor('racy', { description: 'updated meanwhile', status: 'active' }), SYSTEM);
    });
    const catalog = createCatalog({ graph, search: new EmbeddedSearchIndex(), clock: systemClock, semantics: JsonLdSemanticLayer.create() });
    late.catalog = catalog;
    await catalog.register(testDescriptor('racy', { description: 'first' }), SYSTEM);

    (graph as unknown as { arm: () => void }).arm();
    const retired = await catalog.retire(testDescriptor('racy').id, SYSTEM);

    expect(retired.product.revision).toBe(3);
    expect(retired.product.descriptor).toMatchObject({ status: 'retired', description: 'updated meanwhile' });
    expect((await catalog.revisions(testDescriptor('racy').id)).map((r) => r.status)).toEqual(['active', 'active', 'retired']);
  });
});
