import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domainIri, portIri, teamIri } from '@quanta/model';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import { saveInput, testDescriptor } from './fixtures.js';
import { batchCases } from './knowledge-graph-batch-cases.js';
import { conceptCases } from './knowledge-graph-concept-cases.js';
import { counterCases } from './knowledge-graph-counter-cases.js';
import { integrityCases } from './knowledge-graph-integrity-cases.js';
import { lineageCases } from './knowledge-graph-lineage-cases.js';
import { identityCases } from './knowledge-graph-identity-cases.js';
import { outboxCases } from './knowledge-graph-outbox-cases.js';
import { signalCases } from './knowledge-graph-signal-cases.js';
import { insightCases } from './knowledge-graph-insight-cases.js';

/** How the contract suite gets a graph to test. */
export interface KnowledgeGraphTarget {
  /** A fresh, empty graph. */
  open(): Promise<KnowledgeGraph>;
  /** Reopens the storage the last `open` used, after closing it; omit for backends without local storage. */
  reopen?(): Promise<KnowledgeGraph>;
}

/**
 * The KnowledgeGraph contract: every adapter runs this suite (DESIGN.md §11).
 * @example runKnowledgeGraphContract('SqliteKnowledgeGraph', { open: async () => SqliteKnowledgeGraph.open(tmp()) });
 */
export function runKnowledgeGraphContract(name: string, target: KnowledgeGraphTarget): void {
  describe(`KnowledgeGraph contract: ${name}`, () => {
    let graph: KnowledgeGraph;
    beforeEach(async () => {
      graph = await target.open();
    });
    afterEach(async () => {
      await graph.close();
    });

    it('creates a product at revision 1 and reads it back whole', async () => {
      const d = testDescriptor('orders', { tags: ['sales'], version: '1.0.0' });
      const saved = await graph.saveProduct(saveInput(d));
      expect(saved.outcome).toBe('created');
      expect(saved.product.revision).toBe(1);
      const read = await graph.getProduct(d.id);
      expect(read?.descriptor).toEqual(d);
      expect(read?.recordedBy).toBe('tester');
      expect(read?.createdAt).toBe('2026-01-01T00:00:00.000Z');
      expect(await graph.getProduct(`${d.id}-missing`)).toBeUndefined();
    });

    it('reads many products in one call, in the order asked, undefined for unknown ones', async () => {
      const a = testDescriptor('orders');
      const b = testDescriptor('invoices');
      await graph.saveProduct(saveInput(a));
      await graph.saveProduct(saveInput(b));
      await graph.saveProduct(saveInput({ ...b, description: 'Second revision.' }, '2026-01-02T00:00:00.000Z'));
      const read = await graph.getProducts([b.id, `${a.id}-missing`, a.id, b.id]);
      expect(read.map((p) => p?.iri)).toEqual([b.id, undefined, a.id, b.id]);
      expect(read[0]).toEqual(await graph.getProduct(b.id));
      expect(read[0]?.revision).toBe(2);
      expect(await graph.getProducts([])).toEqual([]);
    });

    it('is idempotent: the same descriptor again is unchanged and adds no revision', async () => {
      const d = testDescriptor('orders');
      await graph.saveProduct(saveInput(d));
      const again = await graph.saveProduct(saveInput(d, '2026-01-02T00:00:00.000Z'));
      expect(again.outcome).toBe('unchanged');
      expect(again.product.revision).toBe(1);
      expect(await graph.listRevisions(d.id)).toHaveLength(1);
    });

    it('appends a revision per change and keeps every old one readable', async () => {
      const v1 = testDescriptor('orders', { description: 'first' });
      const v2 = testDescriptor('orders', { description: 'second' });
      await graph.saveProduct(saveInput(v1));
      const updated = await graph.saveProduct(saveInput(v2, '2026-02-01T00:00:00.000Z', 'someone-else'));
      expect(updated.outcome).toBe('updated');
      expect(updated.product.revision).toBe(2);
      expect(updated.product.createdAt).toBe('2026-01-01T00:00:00.000Z');
      expect((await graph.getRevision(v1.id, 1))?.descriptor.description).toBe('first');
      expect((await graph.getRevision(v1.id, 2))?.descriptor.description).toBe('second');
      expect(await graph.getRevision(v1.id, 3)).toBeUndefined();
      const history = await graph.listRevisions(v1.id);
      expect(history.map((r) => [r.revision, r.recordedBy])).toEqual([
        [1, 'tester'],
        [2, 'someone-else'],
      ]);
    });

    it('links a product to its domain, team and ports, and replaces ports on update', async () => {
      const two = testDescriptor('orders', {
        outputPorts: [
          { name: 'table', kind: 'table' },
          { name: 'stream', kind: 'stream' },
        ],
      });
      await graph.saveProduct(saveInput(two));
      const out = await graph.traverse(two.id, { direction: 'out', depth: 1, maxNodes: 100 });
      expect(out.edges).toEqual(
        expect.arrayContaining([
          { from: two.id, type: 'inDomain', to: domainIri('testing') },
          { from: two.id, type: 'ownedBy', to: teamIri('testers') },
          { from: two.id, type: 'hasOutputPort', to: portIri(two.id, 'stream') },
        ]),
      );
      await graph.saveProduct(saveInput(testDescriptor('orders', { outputPorts: [{ name: 'table', kind: 'table' }] })));
      expect(await graph.getNode(portIri(two.id, 'stream'))).toBeUndefined();
      expect(await graph.getNode(portIri(two.id, 'table'))).toMatchObject({ kind: 'OutputPort', stub: false });
      const ports = await graph.traverse(two.id, { direction: 'out', types: ['hasOutputPort'], depth: 1, maxNodes: 100 });
      expect(ports.edges).toHaveLength(1);
    });

    it('creates stubs for upstream products not yet registered, and fills them in on registration', async () => {
      const upstreamIri = testDescriptor('customers').id;
      const downstream = testDescriptor('orders', { inputPorts: [{ product: `${upstreamIri}#table` }] });
      await graph.saveProduct(saveInput(downstream));
      expect(await graph.getNode(upstreamIri)).toMatchObject({ kind: 'DataProduct', stub: true });
      await graph.saveProduct(saveInput(testDescriptor('customers')));
      expect(await graph.getNode(upstreamIri)).toMatchObject({ kind: 'DataProduct', stub: false, label: 'customers' });
      const up = await graph.traverse(downstream.id, { direction: 'out', types: ['consumes'], depth: 1, maxNodes: 10 });
      expect(up.edges).toEqual([{ from: downstream.id, type: 'consumes', to: upstreamIri }]);
    });

    it('lists products in IRI order with filters, keyset pages and counts', async () => {
      for (const [n, domain, team, status] of [
        ['c', 'sales', 'red', 'active'],
        ['a', 'sales', 'blue', 'draft'],
        ['b', 'hr', 'red', 'active'],
        ['d', 'sales', 'red', 'active'],
      ] as const) {
        await graph.saveProduct(saveInput(testDescriptor(n, { domain, owner: { team }, status })));
      }
      const first = await graph.listProducts({}, { limit: 3 });
      expect(first.items.map((p) => p.descriptor.name)).toEqual(['a', 'b', 'c']);
      expect(first.next).toBeDefined();
      const second = await graph.listProducts({}, { limit: 3, after: first.next });
      expect(second.items.map((p) => p.descriptor.name)).toEqual(['d']);
      expect(second.next).toBeUndefined();
      const filtered = await graph.listProducts({ domain: 'sales', owner: 'red', status: 'active' }, { limit: 10 });
      expect(filtered.items.map((p) => p.descriptor.name)).toEqual(['c', 'd']);
      expect(await graph.countProducts()).toBe(4);
      expect(await graph.countProducts({ domain: 'sales' })).toBe(3);
      expect(await graph.countProducts({ status: 'draft' })).toBe(1);
    });

    it('traverses multiple hops in either direction, bounded by depth and size', async () => {
      // chain: d consumes c consumes b consumes a
      const names = ['a', 'b', 'c', 'd'];
      for (const [i, n] of names.entries()) {
        const upstream = i > 0 ? [{ product: testDescriptor(names[i - 1] as string).id }] : [];
        await graph.saveProduct(saveInput(testDescriptor(n, { inputPorts: upstream })));
      }
      const iri = (n: string) => testDescriptor(n).id;
      const consumes = ['consumes'] as const;
      const up = await graph.traverse(iri('d'), { direction: 'out', types: consumes, depth: 10, maxNodes: 100 });
      expect(up.nodes.map((n) => n.iri).sort()).toEqual(names.map(iri).sort());
      expect(up.truncated).toBe(false);
      const two = await graph.traverse(iri('d'), { direction: 'out', types: consumes, depth: 2, maxNodes: 100 });
      expect(two.nodes.map((n) => n.iri).sort()).toEqual([iri('b'), iri('c'), iri('d')].sort());
      const down = await graph.traverse(iri('a'), { direction: 'in', types: consumes, depth: 10, maxNodes: 100 });
      expect(down.nodes).toHaveLength(4);
      const capped = await graph.traverse(iri('a'), { direction: 'in', types: consumes, depth: 10, maxNodes: 2 });
      expect(capped.nodes).toHaveLength(2);
      expect(capped.truncated).toBe(true);
      const both = await graph.traverse(iri('b'), { direction: 'both', types: consumes, depth: 1, maxNodes: 100 });
      expect(both.nodes.map((n) => n.iri).sort()).toEqual([iri('a'), iri('b'), iri('c')].sort());
      expect(await graph.traverse('https://test.example/none', { direction: 'both', depth: 3, maxNodes: 10 })).toEqual({
        nodes: [],
        edges: [],
        truncated: false,
      });
    });

    it('shares domain and team nodes between products (multi-hop through a domain)', async () => {
      await graph.saveProduct(saveInput(testDescriptor('x', { domain: 'shared' })));
      await graph.saveProduct(saveInput(testDescriptor('y', { domain: 'shared' })));
      const siblings = await graph.traverse(testDescriptor('x').id, { direction: 'both', types: ['inDomain'], depth: 2, maxNodes: 100 });
      expect(siblings.nodes.map((n) => n.iri)).toContain(testDescriptor('y').id);
    });

    it("refuses edges that start at a node the product does not own, and stores nothing", async () => {
      const d = testDescriptor('orders');
      const input = saveInput(d);
      const bad = {
        ...input,
        graph: { ...input.graph, edges: [...input.graph.edges, { from: 'https://test.example/someone-else', type: 'consumes' as const, to: d.id }] },
      };
      await expect(graph.saveProduct(bad)).rejects.toThrow();
      expect(await graph.getProduct(d.id)).toBeUndefined();
      expect(await graph.getNode(d.id)).toBeUndefined();
      expect(await graph.countProducts()).toBe(0);
    });

    integrityCases(() => graph);
    counterCases(() => graph);
    batchCases(() => graph);
    conceptCases(() => graph);
    lineageCases(() => graph);
    signalCases(() => graph);
    insightCases(() => graph);
    const reopenStorage = target.reopen?.bind(target);
    // The reopened graph replaces the closed one, so afterEach closes it.
    const reopened =
      reopenStorage &&
      (async () => {
        await graph.close();
        return (graph = await reopenStorage());
      });
    outboxCases(() => graph, reopened);
    identityCases(() => graph, reopened);

    it('answers ping', async () => {
      await expect(graph.ping()).resolves.toBeUndefined();
    });

    if (target.reopen) {
      const reopen = target.reopen.bind(target);
      it('keeps everything it acknowledged across a reopen', async () => {
        const d = testDescriptor('durable');
        await graph.saveProduct(saveInput(d));
        await graph.saveProduct(saveInput(testDescriptor('durable', { description: 'v2' })));
        await graph.addToCounter(d.id, 'usage', 3);
        await graph.close();
        graph = await reopen();
        expect((await graph.getProduct(d.id))?.revision).toBe(2);
        expect(await graph.listRevisions(d.id)).toHaveLength(2);
        expect(await graph.readCounters(d.id)).toEqual({ usage: 3 });
      });
    }
  });
}
