import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, FeedbackProjection, InsightsProjection, manualClock } from '@quanta/core';
import { saveInput, testDescriptor } from '@quanta/core/testing';
import { subgraphHarness, type SubgraphHarness } from '@quanta/gateway/testing';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { SYSTEM } from '@quanta/model';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { insightsSubgraph } from './index.js';

// The insights subgraph in process: a product's likely-duplicate group with its canonical and
// evidence, and the groups across the mesh. `orders` and `orders-copy` read the same source and
// declare the same columns; `orders` is used, so it is canonical, and its copy, registered months
// ago and never used, is flagged for retirement. `customers` shares neither.
describe('insights subgraph', () => {
  const clock = manualClock(Date.parse('2026-06-01T00:00:00Z'));
  const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
  const feedback = new FeedbackProjection(graph, clock);
  const insights = new InsightsProjection(graph, clock, feedback);
  feedback.balanceWith(insights);
  const catalog = createCatalog({ graph, search: new EmbeddedSearchIndex(), clock, semantics: JsonLdSemanticLayer.create(), feedback, insights });
  const fields = ['order_id', 'customer_id', 'order_total', 'currency', 'placed_at', 'status'].map((name) => ({ name, type: 'string' }));
  const source = { lineage: { namespace: 'postgres://shop', name: 'public.orders' } };
  const orders = testDescriptor('orders', { outputPorts: [{ name: 'table', kind: 'table', fields }], inputPorts: [source], description: 'Every order placed in the shop.' });
  const copy = testDescriptor('orders-copy', { outputPorts: [{ name: 'table', kind: 'table', fields }], inputPorts: [source], description: 'A copy of the shop orders.' });
  const customers = testDescriptor('customers');
  let subgraph: SubgraphHarness;

  beforeAll(async () => {
    for (const d of [orders, copy, customers]) await graph.saveProduct(saveInput(d));
    await catalog.recordUsage([{ product: orders.id, consumer: 'urn:quanta:team:sales', count: 1, at: '2026-05-31T00:00:00.000Z' }], SYSTEM);
    await feedback.rebuild();
    await insights.rebuild();
    subgraph = await subgraphHarness(insightsSubgraph(catalog));
  });
  afterAll(async () => {
    await subgraph.stop();
    await graph.close();
  });

  it("answers each product's group, null where there is none", async () => {
    const result = await subgraph.entities('duplicateGroup { canonical { iri } members { product { iri } canonical } pairs { band evidence { matchedColumns sharedUpstreams } } } flaggedForRetirement', [
      copy.id,
      customers.id,
    ]);
    expect(result.errors).toBeUndefined();
    const [inGroup, alone] = result.data?._entities as { duplicateGroup: { canonical: { iri: string }; members: unknown[]; pairs: { band: string; evidence: { matchedColumns: number; sharedUpstreams: string[] } }[] } | null; flaggedForRetirement: boolean }[];
    expect(inGroup?.duplicateGroup?.canonical).toEqual({ iri: orders.id });
    expect(inGroup?.duplicateGroup?.members).toEqual([
      { product: { iri: orders.id }, canonical: true },
      { product: { iri: copy.id }, canonical: false },
    ]);
    expect(inGroup?.duplicateGroup?.pairs).toEqual([{ band: 'likely', evidence: { matchedColumns: 6, sharedUpstreams: ['dataset:postgres://shop:public.orders'] } }]);
    expect(inGroup?.flaggedForRetirement).toBe(true);
    expect(alone).toEqual({ duplicateGroup: null, flaggedForRetirement: false });
  });

  it('answers the usage report, its products as entities, and refuses a window out of range', async () => {
    const report = await subgraph.run('{ usageReport(windowDays: 7) { windowDays products { product { iri } consumers { total byDomain { domain consumers } } trend { consumers } slo { guarantees { name } } } } }');
    expect(report.errors).toBeUndefined();
    const { windowDays, products } = report.data?.usageReport as { windowDays: number; products: { product: { iri: string }; consumers: { total: number }; trend: unknown[] }[] };
    expect(windowDays).toBe(7);
    expect(products.map((p) => p.product.iri)).toEqual([customers.id, orders.id, copy.id].sort());
    expect(products.find((p) => p.product.iri === orders.id)?.consumers.total).toBe(1);
    expect(products[0]?.trend).toHaveLength(1);
    expect((await subgraph.run('{ usageReport(windowDays: 0) { windowDays } }')).errors?.[0]?.message).toBe('windowDays must be an integer from 1 to 365, got 0');
  });

  it("answers the mesh report: its size, weeks and the balancing loop's health", async () => {
    const report = await subgraph.run('{ meshReport { size { products domains teams } weeks { from } godProducts { product { iri } } loopHealth { duplicateGroups flaggedNow } } }');
    expect(report.errors).toBeUndefined();
    const mesh = report.data?.meshReport as { size: unknown; weeks: unknown[]; godProducts: unknown[]; loopHealth: unknown };
    expect(mesh.size).toEqual({ products: 3, domains: 1, teams: 1 });
    expect(mesh.weeks).toHaveLength(12);
    expect(mesh.godProducts).toEqual([]);
    expect(mesh.loopHealth).toEqual({ duplicateGroups: 1, flaggedNow: 1 });
  });

  it('lists the groups of the mesh, filtered by owner', async () => {
    expect(((await subgraph.run('{ duplicateGroups { members { product { iri } } } }')).data?.duplicateGroups as unknown[]).length).toBe(1);
    expect((await subgraph.run('{ duplicateGroups(owner: "nobody") { averageScore } }')).data?.duplicateGroups).toEqual([]);
  });
});
