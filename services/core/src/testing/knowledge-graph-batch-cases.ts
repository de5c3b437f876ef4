import { expect, it } from 'vitest';
import { ConflictError, type Descriptor, portIri } from '@quanta/model';
import type { BatchItemResult, KnowledgeGraph } from '../ports/knowledge-graph.js';
import { saveInput, testDescriptor } from './fixtures.js';

const outcomes = (results: readonly BatchItemResult[]) => results.map((r) => (r.ok ? r.saved.outcome : 'refused'));

/**
 * The bulk half of the KnowledgeGraph contract: a batch behaves like saving its items one after
 * another, except that it is one transaction and a refused item is refused alone.
 */
export function batchCases(graph: () => KnowledgeGraph): void {
  it('saves a batch of new products, results in input order, upstream references within the batch resolved', async () => {
    const downstream = testDescriptor('down', { inputPorts: [{ product: testDescriptor('up').id }] });
    const results = await graph().saveProducts([saveInput(downstream), saveInput(testDescriptor('up')), saveInput(testDescriptor('other'))]);
    expect(outcomes(results)).toEqual(['created', 'created', 'created']);
    expect(results.map((r) => (r.ok ? r.saved.product.iri : undefined))).toEqual([downstream.id, testDescriptor('up').id, testDescriptor('other').id]);
    expect(await graph().countProducts()).toBe(3);
    expect(await graph().getNode(testDescriptor('up').id)).toMatchObject({ kind: 'DataProduct', stub: false });
    const up = await graph().traverse(downstream.id, { direction: 'out', types: ['consumes'], depth: 1, maxNodes: 10 });
    expect(up.edges).toEqual([{ from: downstream.id, type: 'consumes', to: testDescriptor('up').id }]);
    expect(await graph().saveProducts([])).toEqual([]);
  });

  it('refuses items alone: a stale revision, a stolen port, a port claimed twice in the batch; the rest is saved', async () => {
    const owner = testDescriptor('owner', { outputPorts: [{ name: 'stream', kind: 'stream' }] });
    await graph().saveProduct(saveInput(owner));
    await graph().saveProduct(saveInput(testDescriptor('stale')));
    const squatter: Descriptor = { ...testDescriptor('squatter'), id: portIri(owner.id, 'stream') };
    const first = testDescriptor('first', { outputPorts: [{ name: 'table', kind: 'table' }] });
    const second: Descriptor = { ...testDescriptor('second'), id: portIri(first.id, 'table') };
    const results = await graph().saveProducts([
      saveInput(testDescriptor('owner', { outputPorts: [{ name: 'stream', kind: 'stream' }] })),
      { ...saveInput(testDescriptor('stale', { description: 'late' })), expectedRevision: 0 },
      saveInput(squatter),
      saveInput(first),
      saveInput(second),
      saveInput(testDescriptor('fresh')),
    ]);
    expect(outcomes(results)).toEqual(['unchanged', 'refused', 'refused', 'created', 'refused', 'created']);
    for (const r of results) if (!r.ok) expect(r.error).toBeInstanceOf(ConflictError);
    expect((await graph().getProduct(testDescriptor('stale').id))?.descriptor.description).toBe('Test product stale.');
    expect(await graph().getNode(portIri(owner.id, 'stream'))).toMatchObject({ kind: 'OutputPort' });
    expect(await graph().getNode(portIri(first.id, 'table'))).toMatchObject({ kind: 'OutputPort' });
    expect(await graph().getProduct(squatter.id)).toBeUndefined();
    expect(await graph().listRevisions(second.id)).toEqual([]);
    expect(await graph().countProducts()).toBe(4);
  });

  it('refuses a batch that names a product twice, storing nothing', async () => {
    const twice = [saveInput(testDescriptor('twice')), saveInput(testDescriptor('other')), saveInput(testDescriptor('twice', { description: 'again' }))];
    await expect(graph().saveProducts(twice)).rejects.toThrow(/twice/);
    expect(await graph().countProducts()).toBe(0);
  });

  it('updates products in bulk: new revisions, replaced ports, unchanged items left alone', async () => {
    const a = testDescriptor('a', { outputPorts: [{ name: 'table', kind: 'table' }] });
    await graph().saveProducts([saveInput(a), saveInput(testDescriptor('b'))]);
    const results = await graph().saveProducts([
      saveInput(testDescriptor('a', { outputPorts: [{ name: 'stream', kind: 'stream' }] }), '2026-02-01T00:00:00.000Z'),
      saveInput(testDescriptor('b')),
    ]);
    expect(outcomes(results)).toEqual(['updated', 'unchanged']);
    expect(results[0]?.ok && results[0].saved.product).toMatchObject({ revision: 2, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(await graph().getNode(portIri(a.id, 'table'))).toBeUndefined();
    expect(await graph().getNode(portIri(a.id, 'stream'))).toMatchObject({ kind: 'OutputPort', stub: false });
    expect((await graph().listRevisions(testDescriptor('b').id)).map((r) => r.revision)).toEqual([1]);
  });

  it('keeps the stub a later item references when the item that wanted to own it is refused', async () => {
    const outer = testDescriptor('outer', { outputPorts: [{ name: 'p', kind: 'table' }] });
    // Another product already owns the IRI outer's port would get, so outer is refused.
    await graph().saveProduct(saveInput({ ...testDescriptor('inner'), id: portIri(outer.id, 'p') }));
    const down = testDescriptor('down', { inputPorts: [{ product: outer.id }] });
    const results = await graph().saveProducts([saveInput(outer), saveInput(down)]);
    expect(outcomes(results)).toEqual(['refused', 'created']);
    expect(await graph().getNode(outer.id)).toMatchObject({ kind: 'DataProduct', stub: true });
    const up = await graph().traverse(down.id, { direction: 'out', types: ['consumes'], depth: 1, maxNodes: 10 });
    expect(up.edges).toEqual([{ from: down.id, type: 'consumes', to: outer.id }]);
  });
}
