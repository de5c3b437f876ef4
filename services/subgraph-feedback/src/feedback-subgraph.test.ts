import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, FeedbackProjection, manualClock } from '@quanta/core';
import { saveInput, testDescriptor } from '@quanta/core/testing';
import { subgraphHarness, type SubgraphHarness } from '@quanta/gateway/testing';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { SYSTEM } from '@quanta/model';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { feedbackSubgraph } from './index.js';

// The feedback subgraph in process: what the projection knows of a product (score, factors,
// ratings, usage, SLO status), and the mutations that record signals, checked like REST input.
describe('feedback subgraph', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  const clock = manualClock(now);
  const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
  const feedback = new FeedbackProjection(graph, clock);
  const catalog = createCatalog({ graph, search: new EmbeddedSearchIndex(), clock, semantics: JsonLdSemanticLayer.create(), feedback });
  const slos = [{ metric: 'freshness', objective: 'hourly', target: 0.9 }];
  const orders = testDescriptor('orders', { outputPorts: [{ name: 'table', kind: 'table', fields: [{ name: 'id', type: 'string' }], slos }] });
  const quiet = testDescriptor('quiet');
  const strict = testDescriptor('strict', { outputPorts: [{ name: 'table', kind: 'table', fields: [{ name: 'id', type: 'string' }], slos: [{ metric: 'uniqueness', objective: 'no duplicate id', target: 1 }] }] });
  let subgraph: SubgraphHarness;

  beforeAll(async () => {
    await graph.saveProduct(saveInput(orders));
    await graph.saveProduct(saveInput(quiet));
    await graph.saveProduct(saveInput(strict));
    await catalog.recordSloChecks(strict.id, [{ metric: 'uniqueness', passed: false, at: new Date(now - 3_600_000).toISOString() }], () => '', SYSTEM);
    await catalog.recordUsage(['sales', 'finance', 'support'].map((team) => ({ product: orders.id, consumer: `urn:quanta:team:${team}`, count: 1, at: new Date(now - 86_400_000).toISOString() })), SYSTEM);
    await catalog.recordSloChecks(orders.id, [{ metric: 'freshness', passed: false, at: new Date(now - 3_600_000).toISOString() }], () => '', SYSTEM);
    await feedback.rebuild();
    subgraph = await subgraphHarness(feedbackSubgraph(catalog));
  });
  afterAll(async () => {
    await subgraph.stop();
    await graph.close();
  });

  it('rates through a mutation, and shows score, factors, ratings, usage and SLO status', async () => {
    const rated = await subgraph.run(`mutation { rate(product: "${orders.id}", consumer: "sales", stars: 5, comment: "Exactly right.") { outcome } }`);
    expect(rated).toEqual({ data: { rate: { outcome: 'stored' } } });
    const result = await subgraph.entities(
      'feedbackScore factors { name value } ratings { consumer stars verified } usage { consumers activeConsumers } sloStatus { guarantee target burn met checks failed }',
      [orders.id, quiet.id],
    );
    expect(result.errors).toBeUndefined();
    const [o, q] = result.data?._entities as {
      feedbackScore: number;
      factors: { name: string; value: number }[];
      ratings: unknown[];
      usage: { consumers: number; activeConsumers: number };
      sloStatus: { guarantee: string; target: number; burn: number; met: boolean; checks: number; failed: number }[];
    }[];
    // Registered in January: past the new-product exploration.
    expect(o?.factors.map((f) => f.name)).toEqual(['usage', 'rating', 'slo']);
    expect(o?.feedbackScore).toBeCloseTo(o!.factors.reduce((m, f) => m * f.value, 1), 10);
    expect(o?.ratings).toEqual([{ consumer: 'urn:quanta:team:sales', stars: 5, verified: true }]);
    expect(o?.usage.consumers).toBe(3);
    expect(o?.usage.activeConsumers).toBeGreaterThan(2.9);
    // One failure (an hour old, so weighed a little under 1) against a 10% budget and 10 pseudo-checks at budget: ≈ (1 + 1) / 11 / 0.1.
    expect(o?.sloStatus).toEqual([{ guarantee: 'table/freshness', target: 0.9, burn: expect.closeTo(2 / 11 / 0.1, 2), met: false, checks: 1, failed: 1 }]);
    expect(o?.factors.find((f) => f.name === 'slo')?.value).toBeLessThan(1);
    expect(q?.usage).toEqual({ consumers: 0, activeConsumers: 0 });
    expect(q?.ratings).toEqual([]);
  });

  it('answers a failed 100% target with no burn (no budget to burn), not with an error', async () => {
    const result = await subgraph.entities('sloStatus { target burn met failed }', [strict.id]);
    expect(result).toEqual({ data: { _entities: [{ sloStatus: [{ target: 1, burn: null, met: false, failed: 1 }] }] } });
  });

  it('checks mutation input with the REST schemas: a sixth star is refused and nothing is stored', async () => {
    const refused = await subgraph.run(`mutation { rate(product: "${quiet.id}", consumer: "sales", stars: 6) { outcome } }`);
    expect(refused.errors?.[0]?.message).toMatch(/stars/);
    expect((await subgraph.entities('ratings { stars }', [quiet.id])).data?._entities).toEqual([{ ratings: [] }]);
    const usage = await subgraph.run(`mutation { recordUsage(reports: [{ product: "${quiet.id}", consumer: "Not A Team" }]) { stored } }`);
    expect(usage.errors?.[0]?.message).toMatch(/consumer/);
  });
});
