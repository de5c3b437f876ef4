import { expect, it } from 'vitest';
import { NotFoundError, portIri } from '@quanta/model';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import { saveInput, testDescriptor } from './fixtures.js';

/**
 * The counter half of the KnowledgeGraph contract. Usage and impression counts are read-modify-
 * write hot spots: under read-committed isolation (Neo4j's default) a naive read-then-set loses
 * updates, so the contract hammers one counter from 100 callers at once (perf-reliability.md F8).
 */
export function counterCases(graph: () => KnowledgeGraph): void {
  it('adds to named counters of a node and reads them back, independent per node and name', async () => {
    const a = testDescriptor('a', { outputPorts: [{ name: 'table', kind: 'table' }] });
    await graph().saveProduct(saveInput(a));
    await graph().saveProduct(saveInput(testDescriptor('b')));
    expect(await graph().readCounters(a.id)).toEqual({});
    expect(await graph().addToCounter(a.id, 'usage', 1)).toBe(1);
    expect(await graph().addToCounter(a.id, 'usage', 2)).toBe(3);
    expect(await graph().addToCounter(a.id, 'impressions', 0.5)).toBeCloseTo(0.5);
    expect(await graph().addToCounter(a.id, 'usage', -1)).toBe(2);
    expect(await graph().addToCounter(portIri(a.id, 'table'), 'usage', 7)).toBe(7);
    expect(await graph().readCounters(a.id)).toEqual({ usage: 2, impressions: 0.5 });
    expect(await graph().readCounters(testDescriptor('b').id)).toEqual({});
  });

  it('keeps a node’s counters across new revisions; a dropped port takes its counters with it', async () => {
    const v1 = testDescriptor('kept', { outputPorts: [{ name: 'table', kind: 'table' }] });
    await graph().saveProduct(saveInput(v1));
    await graph().addToCounter(v1.id, 'usage', 5);
    await graph().addToCounter(portIri(v1.id, 'table'), 'usage', 3);
    await graph().saveProduct(saveInput(testDescriptor('kept', { description: 'v2', outputPorts: [{ name: 'stream', kind: 'stream' }] })));
    expect(await graph().readCounters(v1.id)).toEqual({ usage: 5 });
    expect(await graph().readCounters(portIri(v1.id, 'table'))).toEqual({});
    // A port of the same name registered again starts from zero, not from its predecessor's count.
    await graph().saveProduct(saveInput(v1));
    expect(await graph().addToCounter(portIri(v1.id, 'table'), 'usage', 1)).toBe(1);
  });

  it('refuses a counter on an unknown node or a non-finite delta, storing nothing', async () => {
    const d = testDescriptor('known');
    await expect(graph().addToCounter(d.id, 'usage', 1)).rejects.toBeInstanceOf(NotFoundError);
    await graph().saveProduct(saveInput(d));
    expect(await graph().readCounters(d.id)).toEqual({});
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(graph().addToCounter(d.id, 'usage', bad)).rejects.toBeInstanceOf(RangeError);
    }
    expect(await graph().readCounters(d.id)).toEqual({});
  });

  it('adds many increments in one call, skipping unknown nodes, and refuses the whole call for one bad delta', async () => {
    const a = testDescriptor('many-a', { outputPorts: [{ name: 'table', kind: 'table' }] });
    const b = testDescriptor('many-b');
    await graph().saveProduct(saveInput(a));
    await graph().saveProduct(saveInput(b));
    await graph().addToCounter(a.id, 'examinations', 1);
    const written = await graph().addToCounters([
      { iri: a.id, name: 'examinations', delta: 0.5 },
      { iri: b.id, name: 'examinations', delta: 1 / 3 },
      { iri: testDescriptor('never-registered').id, name: 'examinations', delta: 1 },
      // The same counter twice in one call: both land.
      { iri: a.id, name: 'examinations', delta: 0.25 },
      { iri: portIri(a.id, 'table'), name: 'usage', delta: 2 },
    ]);
    expect(written).toBe(4);
    expect(await graph().readCounters(a.id)).toEqual({ examinations: 1.75 });
    expect((await graph().readCounters(b.id)).examinations).toBeCloseTo(1 / 3);
    expect(await graph().readCounters(portIri(a.id, 'table'))).toEqual({ usage: 2 });
    expect(await graph().addToCounters([])).toBe(0);
    await expect(graph().addToCounters([{ iri: b.id, name: 'examinations', delta: 1 }, { iri: a.id, name: 'examinations', delta: Number.NaN }])).rejects.toBeInstanceOf(RangeError);
    expect(await graph().readCounters(a.id)).toEqual({ examinations: 1.75 });
    expect((await graph().readCounters(b.id)).examinations).toBeCloseTo(1 / 3);
  });

  it('loses no update when 100 callers add to one counter at once', async () => {
    const d = testDescriptor('hot');
    await graph().saveProduct(saveInput(d));
    const results = await Promise.all(Array.from({ length: 100 }, () => graph().addToCounter(d.id, 'usage', 1)));
    expect(await graph().readCounters(d.id)).toEqual({ usage: 100 });
    // Each caller saw its own increment land: the returned values are exactly 1..100.
    expect([...results].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  }, 60_000);

  it('loses no update when 20 callers add to the same counters in batches at once', async () => {
    const ds = ['batch-x', 'batch-y', 'batch-z'].map((n) => testDescriptor(n));
    for (const d of ds) await graph().saveProduct(saveInput(d));
    // Each batch names the counters in a different order: a backend that locked in input order could deadlock.
    await Promise.all(Array.from({ length: 20 }, (_, k) => graph().addToCounters((k % 2 ? [...ds].reverse() : ds).map((d) => ({ iri: d.id, name: 'examinations', delta: 1 })))));
    for (const d of ds) expect(await graph().readCounters(d.id)).toEqual({ examinations: 20 });
  }, 60_000);
}
