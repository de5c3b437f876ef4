import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type KnowledgeGraph, manualClock } from '@quanta/core';
import { saveInput, testDescriptor } from '@quanta/core/testing';
import { subgraphHarness, type SubgraphHarness } from '@quanta/gateway/testing';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { catalogSubgraph } from './index.js';

// The catalog subgraph in process, as the gateway asks it: `_entities` for DataProduct
// representations, answered in order, null for an unknown IRI, with one batched graph read.
describe('catalog subgraph', () => {
  const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
  let batches = 0;
  const counted: KnowledgeGraph = Object.create(graph, {
    getProducts: { value: (iris: readonly string[]) => ((batches += 1), graph.getProducts(iris)) },
  });
  const catalog = createCatalog({ graph: counted, search: new EmbeddedSearchIndex(), clock: manualClock(Date.parse('2026-06-01T00:00:00Z')), semantics: JsonLdSemanticLayer.create() });
  const orders = testDescriptor('orders', { description: 'Every order.', tags: ['sales'], concepts: ['https://ontology.example/Order'], links: { documentation: 'https://docs.example/orders' } });
  const payments = testDescriptor('payments', {
    semanticModel: {
      '@context': { ex: 'https://ontology.example/', owl: 'http://www.w3.org/2002/07/owl#', rdfs: 'http://www.w3.org/2000/01/rdf-schema#' },
      '@graph': [
        { '@id': 'ex:Payment', '@type': 'owl:Class', 'rdfs:label': 'Payment' },
        { '@id': 'ex:Payee', '@type': 'owl:Class' },
        { '@id': 'ex:paidTo', '@type': 'owl:ObjectProperty', 'rdfs:domain': { '@id': 'ex:Payment' }, 'rdfs:range': { '@id': 'ex:Payee' } },
        { '@id': 'ex:amount', '@type': 'owl:DatatypeProperty', 'rdfs:domain': { '@id': 'ex:Payment' } },
      ],
    },
  });
  const invoices = testDescriptor('invoices', { inputPorts: [{ product: `${orders.id}#table` }, { product: `${orders.id}-not-yet` }] });
  let subgraph: SubgraphHarness;

  beforeAll(async () => {
    await graph.saveProduct(saveInput(orders));
    await graph.saveProduct(saveInput(invoices));
    await graph.saveProduct(saveInput(payments));
    subgraph = await subgraphHarness(catalogSubgraph(catalog));
  });
  afterAll(async () => {
    await subgraph.stop();
    await graph.close();
  });

  it('resolves DataProduct representations in order, null for an unknown one, in two graph reads whatever their number', async () => {
    batches = 0;
    const result = await subgraph.entities('name description tags links { name iri } inputProducts { iri }', [invoices.id, `${orders.id}-gone`, orders.id]);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { name: 'invoices', description: 'Test product invoices.', tags: [], links: [], inputProducts: [{ iri: orders.id }] },
      null,
      { name: 'orders', description: 'Every order.', tags: ['sales'], links: [{ name: 'documentation', iri: 'https://docs.example/orders' }], inputProducts: [] },
    ]);
    // One read for the representations, one for the products their input ports name.
    expect(batches).toBe(2);
  });

  it('publishes its SDL with the DataProduct key for composition', async () => {
    const result = await subgraph.run('{ _service { sdl } }');
    expect((result.data?._service as { sdl: string }).sdl).toMatch(/type DataProduct\s+@key\(fields: "iri"\)/);
  });

  it('answers "which products speak about this concept", null for a concept nobody mentions, an error for a non-IRI', async () => {
    const about = await subgraph.run('query($iri: ID!) { concept(iri: $iri) { concept { iri } equivalents { iri } products { iri } truncated } }', {
      iri: 'https://ontology.example/Order',
    });
    expect(about.errors).toBeUndefined();
    expect(about.data?.concept).toEqual({ concept: { iri: 'https://ontology.example/Order' }, equivalents: [], products: [{ iri: orders.id }], truncated: false });
    const unknown = await subgraph.run('{ concept(iri: "https://ontology.example/Nobody") { truncated } }');
    expect(unknown.data?.concept).toBeNull();
    const bad = await subgraph.run('{ concept(iri: "Order") { truncated } }');
    expect(bad.errors?.[0]?.message).toBe('iri must be an absolute IRI, got "Order"');
  });

  it('lists a product\'s revisions newest first', async () => {
    const result = await subgraph.entities('revisions { revision status recordedBy }', [orders.id]);
    expect(result.data?._entities).toEqual([{ revisions: [{ revision: 1, status: 'active', recordedBy: expect.any(String) }] }]);
  });

  it("draws a product's semantic model as entities, attributes and relations; empty without a model", async () => {
    const fields = 'semanticModel { entities { label comment attributes { label range } matches { relation } } relations { label from to } }';
    const result = await subgraph.entities(fields, [payments.id, orders.id]);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        semanticModel: {
          entities: [
            { label: 'Payee', comment: null, attributes: [], matches: [] },
            { label: 'Payment', comment: null, attributes: [{ label: 'amount', range: null }], matches: [] },
          ],
          relations: [{ label: 'paidTo', from: 'https://ontology.example/Payment', to: 'https://ontology.example/Payee' }],
        },
      },
      { semanticModel: { entities: [], relations: [] } },
    ]);
  });

  it('refuses an out-of-range page size with the domain error', async () => {
    const result = await subgraph.run('{ products(first: 0) { items { iri } } }');
    expect(result.errors?.[0]?.message).toBe('first must be an integer from 1 to 100, got 0');
  });
});
