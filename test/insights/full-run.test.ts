import { describe, expect, it } from 'vitest';
import { FeedbackProjection, InsightsProjection, type KnowledgeGraph, manualClock } from '@quanta/core';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import type { Descriptor } from '@quanta/model';
import { toSaveInput } from '../bench/save-input.js';
import { generateMesh } from './generated-mesh.js';

// How the server runs duplicate detection around registrations: a burst of them (a bulk load) is
// one full run, a product registered while that run reads the graph is not lost, the first run
// can be waited for, and a closing server stops a run in progress.

/** A mesh of 1,200 products in an in-memory graph, and one renamed copy held back from it. */
async function meshWithHeldCopy() {
  const mesh = generateMesh({ products: 1_200, seed: 3 });
  const pair = mesh.duplicates.find((d) => d.kind === 'renamed-copy');
  if (!pair) throw new Error('the generated mesh has no renamed copy');
  const original = mesh.descriptors.find((d) => d.id === pair.a) as Descriptor;
  // Sorted before every other IRI: a full run that has read its first page has passed it.
  const copy = { ...(mesh.descriptors.find((d) => d.id === pair.b) as Descriptor), id: 'https://a.example/first/renamed-copy', name: 'renamed-copy' };
  const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
  const rest = mesh.descriptors.filter((d) => d.id !== pair.b);
  for (let i = 0; i < rest.length; i += 500) await graph.saveProducts(rest.slice(i, i + 500).map(toSaveInput));
  return { graph, original, copy, iris: rest.map((d) => d.id) };
}

function projection(graph: KnowledgeGraph) {
  const clock = manualClock(Date.parse('2026-06-01T00:00:00Z'));
  const feedback = new FeedbackProjection(graph, clock);
  const insights = new InsightsProjection(graph, clock, feedback);
  feedback.balanceWith(insights);
  return insights;
}

describe('duplicate detection around registrations', () => {
  it('turns a burst into one full run, and brings in a product registered while that run read the graph', async () => {
    const { graph, original, copy, iris } = await meshWithHeldCopy();
    let reads = 0;
    // The graph as the projection sees it: on the full run's second read of its second page, the copy registers.
    const watched: KnowledgeGraph = Object.create(graph, {
      listProducts: {
        value: async (...args: Parameters<KnowledgeGraph['listProducts']>) => {
          const page = await graph.listProducts(...args);
          if (args[1]?.after !== undefined && ++reads === 3) {
            await graph.saveProduct(toSaveInput(copy));
            insights.enqueue(copy.id);
          }
          return page;
        },
      },
    });
    const insights = projection(watched);
    for (const iri of iris) insights.enqueue(iri);
    await insights.settled();
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(insights.products().next().done).toBe(false);
    expect(insights.factsOf(original.id)).toBeDefined();
    // Found although the run that read the mesh had passed its place.
    expect(insights.duplicateOf(copy.id)?.canonical ?? insights.duplicateOf(original.id)?.canonical).toBeDefined();
    expect(insights.pairsOf(copy.id).map((p) => (p.a === copy.id ? p.b : p.a))).toContain(original.id);
    graph.close();
  }, 120_000);

  it('keeps serving the groups it holds, their canonicals named, while a later full run reads the graph', async () => {
    const { graph } = await meshWithHeldCopy();
    const hook: { during?: () => void } = {};
    const watched: KnowledgeGraph = Object.create(graph, {
      listProducts: {
        value: async (...args: Parameters<KnowledgeGraph['listProducts']>) => {
          hook.during?.();
          return graph.listProducts(...args);
        },
      },
    });
    const insights = projection(watched);
    await insights.rebuild();
    const group = insights.duplicateGroups[0];
    const member = group?.members.find((m) => m !== group.canonical);
    if (!group || !member) throw new Error('the generated mesh formed no duplicate group');
    const name = insights.factsOf(group.canonical)?.name;
    expect(name).toBeDefined();
    const seen: (string | undefined)[][] = [];
    hook.during = () => seen.push([insights.duplicateOf(member)?.name, insights.factsOf(group.canonical)?.name]);
    await insights.rebuild();
    // Every page of both passes: the second pass reads the products whose facts it rewrites.
    expect(seen.length).toBeGreaterThan(4);
    expect(seen.filter(([a, b]) => a !== name || b !== name)).toEqual([]);
    graph.close();
  }, 120_000);

  it('stores no decisions when another process stores them, and groups all the same', async () => {
    const { graph } = await meshWithHeldCopy();
    const reader = projection(graph);
    reader.storesDecisions = false;
    await reader.rebuild();
    expect(reader.duplicateGroups.length).toBeGreaterThan(0);
    expect(await graph.readInsightEvents()).toEqual([]);
    expect(await graph.readNudges()).toEqual([]);
    const writer = projection(graph);
    await writer.rebuild();
    expect((await graph.readInsightEvents()).length).toBeGreaterThan(0);
    graph.close();
  }, 120_000);

  it('lets a reader wait for the first full run, and stops a run in progress when asked', async () => {
    const { graph } = await meshWithHeldCopy();
    const first = projection(graph);
    void first.rebuild();
    await first.settled();
    expect([...first.products()].length).toBe(1_199);

    const stopped = projection(graph);
    const run = stopped.rebuild();
    await stopped.stop();
    await expect(run).rejects.toThrow(/stopped/);
    expect([...stopped.products()].length).toBeLessThan(1_199);
    // Stopped for good: a later run does nothing.
    await stopped.rebuild();
    expect([...stopped.products()].length).toBeLessThan(1_199);
    graph.close();
  }, 120_000);
});
