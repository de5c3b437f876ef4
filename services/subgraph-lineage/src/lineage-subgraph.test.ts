import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type KnowledgeGraph, manualClock } from '@quanta/core';
import { saveInput, testDescriptor } from '@quanta/core/testing';
import { subgraphHarness, type SubgraphHarness } from '@quanta/gateway/testing';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { lineageSubgraph } from './index.js';

// The lineage subgraph in process: `upstream` and `downstream` on DataProduct representations,
// one hop read for all of them at once, further hops walked.
describe('lineage subgraph', () => {
  const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
  let hops = 0;
  const counted: KnowledgeGraph = Object.create(graph, {
    productLinks: { value: (iris: readonly string[], direction: 'upstream' | 'downstream') => ((hops += 1), graph.productLinks(iris, direction)) },
  });
  const catalog = createCatalog({ graph: counted, search: new EmbeddedSearchIndex(), clock: manualClock(Date.parse('2026-06-01T00:00:00Z')), semantics: JsonLdSemanticLayer.create() });
  const orders = testDescriptor('orders');
  const invoices = testDescriptor('invoices', { inputPorts: [{ product: orders.id }] });
  // Also reads a product that has not registered yet: lineage knows it only as a name.
  const dunning = testDescriptor('dunning', { inputPorts: [{ product: invoices.id }, { product: `${orders.id}-not-yet` }] });
  let subgraph: SubgraphHarness;

  beforeAll(async () => {
    for (const d of [orders, invoices, dunning]) await graph.saveProduct(saveInput(d));
    subgraph = await subgraphHarness(lineageSubgraph(catalog));
  });
  afterAll(async () => {
    await subgraph.stop();
    await graph.close();
  });

  it('answers one hop for many products with one read per direction', async () => {
    hops = 0;
    const result = await subgraph.entities('upstream { iri } downstream { iri }', [orders.id, invoices.id, dunning.id]);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { upstream: [], downstream: [{ iri: invoices.id }] },
      { upstream: [{ iri: orders.id }], downstream: [{ iri: dunning.id }] },
      // The product that has not registered is left out, rather than nulling `dunning`.
      { upstream: [{ iri: invoices.id }], downstream: [] },
    ]);
    expect(hops).toBe(2);
    expect((await subgraph.entities('lineageLinks { upstream { iri } via }', [dunning.id])).data?._entities).toEqual([{ lineageLinks: [{ upstream: { iri: invoices.id }, via: 'declared' }] }]);
  });

  it('walks further hops a level at a time, for every product asked at once, and refuses a depth out of range', async () => {
    hops = 0;
    const walked = await subgraph.entities('upstream(depth: 3) { iri }', [dunning.id, invoices.id]);
    expect(walked.data?._entities).toEqual([{ upstream: [{ iri: invoices.id }, { iri: orders.id }] }, { upstream: [{ iri: orders.id }] }]);
    // Three levels at most, each one read for both walks.
    expect(hops).toBeLessThanOrEqual(3);
    const refused = await subgraph.entities('upstream(depth: 11) { iri }', [dunning.id]);
    expect(refused.errors?.[0]?.message).toBe('depth must be an integer from 1 to 10, got 11');
  });
});
