import { it, expect } from 'vitest';
import { ConflictError, type Descriptor, domainIri, portIri } from '@quanta/model';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import { saveInput, testDescriptor } from './fixtures.js';

/**
 * The integrity half of the KnowledgeGraph contract: compare-and-set, ownership of nodes, and
 * replacement of a product's relations. These are the rules an adapter most easily gets subtly
 * wrong (a Cypher `MERGE … SET` that re-stubs an upstream, a `SET owner` that steals a port).
 */
export function integrityCases(graph: () => KnowledgeGraph): void {
    it('saves only over the revision the caller read (compare-and-set)', async () => {
      const d = testDescriptor('cas');
      await expect(graph().saveProduct({ ...saveInput(d), expectedRevision: 1 })).rejects.toBeInstanceOf(ConflictError);
      await graph().saveProduct({ ...saveInput(d), expectedRevision: 0 });
      await expect(graph().saveProduct({ ...saveInput(d), expectedRevision: 0 })).rejects.toBeInstanceOf(ConflictError);
      const v2 = testDescriptor('cas', { description: 'v2' });
      await expect(graph().saveProduct({ ...saveInput(v2), expectedRevision: 1 })).resolves.toMatchObject({ outcome: 'updated' });
      await expect(graph().saveProduct({ ...saveInput(testDescriptor('cas', { description: 'lost' })), expectedRevision: 1 })).rejects.toBeInstanceOf(ConflictError);
      expect((await graph().getProduct(d.id))?.descriptor.description).toBe('v2');
      await graph().saveProduct(saveInput(testDescriptor('cas', { description: 'v2' })));
      expect(await graph().listRevisions(d.id)).toHaveLength(2);
    });

    it("refuses to take over another product's port, a shared node or a concept, storing nothing", async () => {
      const owner = testDescriptor('owner', { outputPorts: [{ name: 'stream', kind: 'stream' }] });
      await graph().saveProduct(saveInput(owner));
      const squatter = testDescriptor('squatter');
      const asPort: Descriptor = { ...squatter, id: portIri(owner.id, 'stream') };
      await expect(graph().saveProduct(saveInput(asPort))).rejects.toBeInstanceOf(ConflictError);
      const asDomain: Descriptor = { ...squatter, id: domainIri('testing') };
      await expect(graph().saveProduct(saveInput(asDomain))).rejects.toBeInstanceOf(ConflictError);
      const concept = 'https://test.example/ontology/Listener';
      await graph().saveProduct(saveInput(testDescriptor('speaker', { concepts: [concept] })));
      await expect(graph().saveProduct(saveInput({ ...squatter, id: concept }))).rejects.toBeInstanceOf(ConflictError);
      // a product whose port would land on an existing product
      const inner: Descriptor = { ...testDescriptor('inner'), id: portIri(testDescriptor('outer').id, 'p') };
      await graph().saveProduct(saveInput(inner));
      await expect(graph().saveProduct(saveInput(testDescriptor('outer', { outputPorts: [{ name: 'p', kind: 'table' }] })))).rejects.toBeInstanceOf(ConflictError);
      expect(await graph().getNode(portIri(owner.id, 'stream'))).toMatchObject({ kind: 'OutputPort', stub: false });
      expect(await graph().getNode(domainIri('testing'))).toMatchObject({ kind: 'Domain' });
      expect(await graph().getProduct(testDescriptor('outer').id)).toBeUndefined();
      expect(await graph().countProducts()).toBe(3);
    });

    it('replaces every outgoing relation on update, and filters follow the latest revision', async () => {
      const upstream = testDescriptor('upstream').id;
      await graph().saveProduct(saveInput(testDescriptor('mover', { domain: 'old', inputPorts: [{ product: upstream }], concepts: ['https://test.example/c/A'] })));
      await graph().saveProduct(saveInput(testDescriptor('mover', { domain: 'new' })));
      const out = await graph().traverse(testDescriptor('mover').id, { direction: 'out', depth: 1, maxNodes: 100 });
      const targets = out.edges.map((e) => `${e.type} ${e.to}`);
      expect(targets).toContain(`inDomain ${domainIri('new')}`);
      expect(targets).not.toContain(`inDomain ${domainIri('old')}`);
      expect(targets.some((t) => t.startsWith('consumes') || t.startsWith('about'))).toBe(false);
      expect(await graph().countProducts({ domain: 'old' })).toBe(0);
      expect((await graph().listProducts({ domain: 'new' }, { limit: 10 })).items).toHaveLength(1);
    });

    it('never turns a registered upstream back into a stub when a downstream points at it', async () => {
      await graph().saveProduct(saveInput(testDescriptor('up')));
      await graph().saveProduct(saveInput(testDescriptor('down', { inputPorts: [{ product: testDescriptor('up').id }] })));
      expect(await graph().getNode(testDescriptor('up').id)).toMatchObject({ stub: false, label: 'up' });
    });

    it('numbers revisions without gaps even when a value comes back (A → B → A is revision 3)', async () => {
      for (const description of ['A', 'B', 'A']) await graph().saveProduct(saveInput(testDescriptor('flip', { description })));
      expect((await graph().listRevisions(testDescriptor('flip').id)).map((r) => r.revision)).toEqual([1, 2, 3]);
      expect(await graph().listRevisions('https://test.example/unknown')).toEqual([]);
    });

    it('hands out no cursor when exactly `limit` products remain', async () => {
      for (const n of ['a', 'b']) await graph().saveProduct(saveInput(testDescriptor(n)));
      expect((await graph().listProducts({}, { limit: 2 })).next).toBeUndefined();
    });
}
