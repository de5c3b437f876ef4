import { expect, it } from 'vitest';
import { ConflictError, type Descriptor, type DescriptorInput, domainIri, portIri } from '@quanta/model';
import type { BatchItemResult, KnowledgeGraph, SaveProductInput } from '../ports/knowledge-graph.js';
import { saveInput, testDescriptor } from './fixtures.js';

/** Day `n` of January 2026, as a revision's `recordedAt` and an outbox entry's `enqueuedAt`. */
const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T00:00:00.000Z`;
const iri = (name: string) => testDescriptor(name).id;
const save = (name: string, at: number, overrides: Partial<DescriptorInput> = {}) => saveInput(testDescriptor(name, overrides), day(at));
const outcomes = (results: readonly BatchItemResult[]) => results.map((r) => (r.ok ? r.saved.outcome : 'refused'));

const ONTOLOGY = 'https://test.example/ontology';
type Pair = readonly [from: string, to: string];

/** A registration whose semantic model declares `pairs` as sameAs between concepts, defining those in `defines`. */
function declaring(name: string, pairs: readonly Pair[], defines: readonly string[] = []): SaveProductInput {
  const base = saveInput(testDescriptor(name));
  const concepts = [...new Set(pairs.flat())].map((c) => ({ iri: c, kind: 'Concept' as const, label: c.split(/[#/]/).at(-1) ?? c, stub: !defines.includes(c) }));
  return {
    ...base,
    graph: {
      ...base.graph,
      referenced: [...base.graph.referenced, ...concepts],
      edges: [...base.graph.edges, ...pairs.map(([from, to]) => ({ from, type: 'sameAs' as const, to }))],
    },
  };
}

/**
 * The search outbox half of the KnowledgeGraph contract (ADR 0014): every created or updated
 * product leaves one entry in the save's own transaction, nothing else does, and the projector's
 * reads (product heads, concept equivalences) see the graph as it is.
 * @param reopen closes the graph and opens its storage again, for backends with local storage
 */
export function outboxCases(graph: () => KnowledgeGraph, reopen?: () => Promise<KnowledgeGraph>): void {
  it('leaves one outbox entry per created or updated product: the new revision, the first change’s time', async () => {
    await graph().saveProduct(save('a', 1));
    expect(await graph().pendingProjections(10)).toEqual([{ iri: iri('a'), revision: 1, enqueuedAt: day(1) }]);
    await graph().saveProduct(save('a', 2, { description: 'second' }));
    await graph().saveProduct(save('b', 3));
    expect(await graph().pendingProjections(10)).toEqual([
      { iri: iri('a'), revision: 2, enqueuedAt: day(1) },
      { iri: iri('b'), revision: 1, enqueuedAt: day(3) },
    ]);
  });

  it('adds no entry for an unchanged save, a stale compare-and-set or a refused ownership', async () => {
    const owner = testDescriptor('owner', { outputPorts: [{ name: 'stream', kind: 'stream' }] });
    await graph().saveProduct(saveInput(owner, day(1)));
    await graph().saveProduct(save('a', 1));
    expect(await graph().completeProjections([{ iri: owner.id, revision: 1 }, { iri: iri('a'), revision: 1 }])).toBe(2);
    await expect(graph().saveProduct(save('a', 2))).resolves.toMatchObject({ outcome: 'unchanged' });
    await expect(graph().saveProduct({ ...save('a', 3, { description: 'late' }), expectedRevision: 0 })).rejects.toBeInstanceOf(ConflictError);
    const squatter: Descriptor = { ...testDescriptor('squatter'), id: portIri(owner.id, 'stream') };
    await expect(graph().saveProduct(saveInput(squatter, day(4)))).rejects.toBeInstanceOf(ConflictError);
    expect(await graph().pendingProjections(10)).toEqual([]);
    expect(await graph().outboxStatus()).toStrictEqual({ pending: 0 });
  });

  it('leaves entries in a batch only for the items it saved', async () => {
    const owner = testDescriptor('owner', { outputPorts: [{ name: 'stream', kind: 'stream' }] });
    await graph().saveProducts([saveInput(owner, day(1)), save('stale', 1), save('same', 1), save('changed', 1)]);
    await graph().completeProjections(['owner', 'stale', 'same', 'changed'].map((n) => ({ iri: iri(n), revision: 1 })));
    const squatter: Descriptor = { ...testDescriptor('squatter'), id: portIri(owner.id, 'stream') };
    const results = await graph().saveProducts([
      { ...save('stale', 2, { description: 'late' }), expectedRevision: 0 },
      save('same', 2),
      save('new', 2),
      saveInput(squatter, day(2)),
      save('changed', 2, { description: 'changed' }),
    ]);
    expect(outcomes(results)).toEqual(['refused', 'unchanged', 'created', 'refused', 'updated']);
    expect(await graph().pendingProjections(10)).toEqual([
      { iri: iri('changed'), revision: 2, enqueuedAt: day(2) },
      { iri: iri('new'), revision: 1, enqueuedAt: day(2) },
    ]);
  });

  it('lists pending entries oldest first, then by IRI, at most as many as asked', async () => {
    for (const [name, at] of [['c', 2], ['b', 3], ['a', 3], ['d', 1]] as const) await graph().saveProduct(save(name, at));
    const order = (entries: readonly { iri: string }[]) => entries.map((e) => e.iri);
    expect(order(await graph().pendingProjections(10))).toEqual(['d', 'c', 'a', 'b'].map(iri));
    expect(order(await graph().pendingProjections(3))).toEqual(['d', 'c', 'a'].map(iri));
  });

  it('enqueues repairs: a new entry at the given time; an existing one keeps its time and the higher revision', async () => {
    await graph().saveProduct(save('a', 1));
    await graph().saveProduct(save('a', 2, { description: 'second' }));
    await graph().saveProduct(save('b', 3));
    await graph().completeProjections([{ iri: iri('a'), revision: 2 }]);
    await graph().enqueueProjections([{ iri: iri('a'), revision: 1 }], day(5));
    await graph().enqueueProjections([{ iri: iri('a'), revision: 2 }, { iri: iri('b'), revision: 1 }], day(6));
    await graph().enqueueProjections([{ iri: iri('a'), revision: 1 }], day(7));
    await graph().enqueueProjections([], day(8));
    expect(await graph().pendingProjections(10)).toEqual([
      { iri: iri('b'), revision: 1, enqueuedAt: day(3) },
      { iri: iri('a'), revision: 2, enqueuedAt: day(5) },
    ]);
  });

  it('completes only entries at or below the projected revision: a newer change stays pending', async () => {
    await graph().saveProduct(save('a', 1));
    await graph().saveProduct(save('b', 1));
    const projected = await graph().pendingProjections(10);
    await graph().saveProduct(save('a', 2, { description: 'changed while projecting' }));
    expect(await graph().completeProjections([...projected, { iri: iri('unknown'), revision: 1 }])).toBe(1);
    expect(await graph().pendingProjections(10)).toEqual([{ iri: iri('a'), revision: 2, enqueuedAt: day(1) }]);
    expect(await graph().completeProjections([])).toBe(0);
    expect(await graph().completeProjections([{ iri: iri('a'), revision: 3 }])).toBe(1);
    expect(await graph().pendingProjections(10)).toEqual([]);
  });

  it('says how many entries wait and since when', async () => {
    expect(await graph().outboxStatus()).toStrictEqual({ pending: 0 });
    await graph().saveProduct(save('a', 3));
    await graph().saveProduct(save('b', 2));
    expect(await graph().outboxStatus()).toStrictEqual({ pending: 2, oldestEnqueuedAt: day(2) });
    await graph().completeProjections([{ iri: iri('b'), revision: 1 }]);
    expect(await graph().outboxStatus()).toStrictEqual({ pending: 1, oldestEnqueuedAt: day(3) });
  });

  if (reopen) {
    it('keeps outbox entries across a reopen', async () => {
      await graph().saveProduct(save('a', 1));
      await graph().saveProduct(save('b', 2));
      await graph().completeProjections([{ iri: iri('b'), revision: 1 }]);
      const reopened = await reopen();
      expect(await reopened.pendingProjections(10)).toEqual([{ iri: iri('a'), revision: 1, enqueuedAt: day(1) }]);
      expect(await reopened.outboxStatus()).toStrictEqual({ pending: 1, oldestEnqueuedAt: day(1) });
    });
  }

  it('pages through every product’s head in IRI order, without stubs', async () => {
    await graph().saveProduct(save('c', 1));
    await graph().saveProduct(save('a', 1, { inputPorts: [{ product: iri('b') }] }));
    await graph().saveProduct(save('d', 1));
    await graph().saveProduct(save('d', 2, { description: 'second' }));
    expect(await graph().getNode(iri('b'))).toMatchObject({ kind: 'DataProduct', stub: true });
    const first = await graph().listProductHeads({ limit: 2 });
    expect(first).toEqual({ items: [{ iri: iri('a'), revision: 1 }, { iri: iri('c'), revision: 1 }], next: iri('c') });
    expect(await graph().listProductHeads({ after: first.next, limit: 2 })).toEqual({ items: [{ iri: iri('d'), revision: 2 }] });
    expect(await graph().listProductHeads({ limit: 3 })).toStrictEqual({ items: [{ iri: iri('a'), revision: 1 }, { iri: iri('c'), revision: 1 }, { iri: iri('d'), revision: 2 }] });
  });

  it('lists each sameAs pair between concepts once, in order, with both concept nodes, up to a limit', async () => {
    const [album, record, listener, audience] = ['Album', 'player#Record', 'Listener', 'Audience'].map((c) => `${ONTOLOGY}/${c}`) as [string, string, string, string];
    const playerListener = `${ONTOLOGY}/player#Listener`;
    await graph().saveProduct(saveInput(testDescriptor('plain'))); // makes the testing domain a node
    await graph().saveProduct(declaring('a', [[playerListener, listener]]));
    await graph().saveProduct(declaring('b', [[playerListener, listener], [playerListener, audience]], [audience]));
    await graph().saveProduct(declaring('c', [[album, record]], [album]));
    // The domain stays a domain whatever a model calls it: its sameAs is not between two concepts.
    await graph().saveProduct(declaring('d', [[domainIri('testing'), listener]]));
    const concept = (c: string, label: string, stub: boolean) => ({ iri: c, kind: 'Concept', label, stub });
    const all = [
      { from: concept(album, 'Album', false), to: concept(record, 'Record', true) },
      { from: concept(playerListener, 'Listener', true), to: concept(audience, 'Audience', false) },
      { from: concept(playerListener, 'Listener', true), to: concept(listener, 'Listener', true) },
    ];
    expect(await graph().conceptEquivalences(10)).toEqual({ pairs: all, truncated: false });
    expect(await graph().conceptEquivalences(3)).toEqual({ pairs: all, truncated: false });
    expect(await graph().conceptEquivalences(2)).toEqual({ pairs: all.slice(0, 2), truncated: true });
  });
}
