import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { lineageRecord } from '@quanta/core';
import { runKnowledgeGraphContract, saveInput, testDescriptor } from '@quanta/core/testing';
import { ConflictError, datasetFieldIri, datasetIri, jobIri } from '@quanta/model';
import { Neo4jKnowledgeGraph } from './neo4j-knowledge-graph.js';

// A real server only: the test command starts Neo4j and sets NEO4J_URI (auth disabled).
const uri = process.env.NEO4J_URI;
if (!uri) console.warn('Neo4jKnowledgeGraph tests skipped: NEO4J_URI is unset (the test command starts Neo4j and sets it).');

// A real server on a shared 2-core machine: the first test creates the constraints and indexes,
// and a busy CI run stretches each round trip; 5 s is a unit-test budget, not a database's.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let admin: Driver | undefined;

/** Test support, kept out of the adapter: empties the database before each graph is opened. */
async function wipe(): Promise<void> {
  admin ??= neo4j.driver(uri as string);
  const session = admin.session();
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

async function open(): Promise<Neo4jKnowledgeGraph> {
  await wipe();
  return Neo4jKnowledgeGraph.connect({ uri: uri as string });
}

/** Test support: runs one read query as the admin and returns its first column. */
async function count(query: string): Promise<number> {
  admin ??= neo4j.driver(uri as string);
  const session = admin.session();
  try {
    return neo4j.integer.toNumber((await session.run(query)).records[0]?.get(0));
  } finally {
    await session.close();
  }
}

/** A run event of job `etl/job` writing one dataset with a schema facet of one field. */
const writeEvent = (runId: string, eventType: string, eventTime: string, field: string, job = 'job') =>
  lineageRecord('run', {
    eventType,
    eventTime,
    run: { runId },
    job: { namespace: 'etl', name: job },
    outputs: [{ namespace: 'pg', name: 'orders', facets: { schema: { fields: [{ name: field }] } } }],
  });

afterAll(async () => {
  await admin?.close();
});

describe.skipIf(!uri)('Neo4jKnowledgeGraph on a real server', () => {
  runKnowledgeGraphContract('Neo4jKnowledgeGraph', { open });

  describe('concurrent saves of one product', () => {
    let graph: Neo4jKnowledgeGraph;
    beforeEach(async () => {
      graph = await open();
      return () => graph.close();
    });

    it('stores every one of 100 parallel unconditional saves, as revisions 1..100', async () => {
      const saves = Array.from({ length: 100 }, (_, i) => graph.saveProduct(saveInput(testDescriptor('hot', { description: `v${i}` }))));
      const outcomes = await Promise.all(saves);
      expect(outcomes.filter((o) => o.outcome === 'created')).toHaveLength(1);
      expect(outcomes.map((o) => o.product.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      const history = await graph.listRevisions(testDescriptor('hot').id);
      expect(history.map((r) => r.revision)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(new Set(history.map((r) => r.hash)).size).toBe(100);
      expect((await graph.getProduct(testDescriptor('hot').id))?.revision).toBe(100);
    }, 60_000);

    it('lets exactly one of 100 parallel compare-and-set saves from one revision win', async () => {
      await graph.saveProduct(saveInput(testDescriptor('cas', { description: 'base' })));
      const saves = Array.from({ length: 100 }, (_, i) =>
        graph.saveProduct({ ...saveInput(testDescriptor('cas', { description: `c${i}` })), expectedRevision: 1 }),
      );
      const settled = await Promise.allSettled(saves);
      const won = settled.filter((s) => s.status === 'fulfilled');
      const lost = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(99);
      expect(lost.every((e) => e instanceof ConflictError)).toBe(true);
      expect((await graph.listRevisions(testDescriptor('cas').id)).map((r) => r.revision)).toEqual([1, 2]);
    }, 60_000);
  });

  describe('search outbox under concurrent completion', () => {
    let graph: Neo4jKnowledgeGraph;
    beforeEach(async () => {
      graph = await open();
      return () => graph.close();
    });
    const d = testDescriptor('raced');
    const [t1, t2] = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'];

    /** Runs `meanwhile` in an admin transaction that holds the entry's write lock while `work` waits for it, then commits. */
    async function whileLocked<T>(work: () => Promise<T>, meanwhile: string): Promise<T> {
      admin ??= neo4j.driver(uri as string);
      const session = admin.session();
      try {
        const tx = await session.beginTransaction();
        await tx.run('MATCH (o:SearchOutbox {iri: $iri}) SET o._lock = true REMOVE o._lock', { iri: d.id });
        const pending = work();
        await new Promise((resolve) => setTimeout(resolve, 500));
        await tx.run(meanwhile, { iri: d.id });
        await tx.commit();
        return await pending;
      } finally {
        await session.close();
      }
    }

    it('keeps the entry of a save that waited while a completion deleted the entry it was moving up', async () => {
      await graph.saveProduct(saveInput(d, t1));
      const saved = await whileLocked(() => graph.saveProduct(saveInput(testDescriptor('raced', { description: 'v2' }), t2)), 'MATCH (o:SearchOutbox {iri: $iri}) DELETE o');
      expect(saved.outcome).toBe('updated');
      expect(await graph.pendingProjections(10)).toEqual([{ iri: d.id, revision: 2, enqueuedAt: t2 }]);
    });

    it('keeps the entry of a repair that waited while a completion deleted it', async () => {
      await graph.saveProduct(saveInput(d, t1));
      await whileLocked(() => graph.enqueueProjections([{ iri: d.id, revision: 1 }], t2), 'MATCH (o:SearchOutbox {iri: $iri}) DELETE o');
      expect(await graph.pendingProjections(10)).toEqual([{ iri: d.id, revision: 1, enqueuedAt: t2 }]);
    });

    it('completes nothing when a save moved the entry up while the completion waited', async () => {
      await graph.saveProduct(saveInput(d, t1));
      const removed = await whileLocked(() => graph.completeProjections([{ iri: d.id, revision: 1 }]), 'MATCH (o:SearchOutbox {iri: $iri}) SET o.revision = 2');
      expect(removed).toBe(0);
      expect(await graph.pendingProjections(10)).toEqual([{ iri: d.id, revision: 2, enqueuedAt: t1 }]);
    });
  });

  describe('lineage saves', () => {
    let graph: Neo4jKnowledgeGraph;
    beforeEach(async () => {
      graph = await open();
      return () => graph.close();
    });

    it('loses no facet or use update when 20 runs write one dataset at once', async () => {
      const runId = (i: number) => `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`;
      const at = (i: number) => `2026-03-01T10:${String(i).padStart(2, '0')}:00Z`;
      const saves = Array.from({ length: 20 }, (_, i) => graph.saveLineage([writeEvent(runId(i), 'COMPLETE', at(i), `f${i}`)]));
      expect((await Promise.all(saves)).flat().every((r) => r.ok && r.outcome === 'stored')).toBe(true);
      const [job, dataset] = await graph.lineageNodes([jobIri('etl', 'job'), datasetIri('pg', 'orders')]);
      expect(job?.outputs).toEqual([{ dataset: datasetIri('pg', 'orders'), firstSeen: '2026-03-01T10:00:00.000000000Z', lastSeen: '2026-03-01T10:19:00.000000000Z' }]);
      expect(job?.latestRun).toMatchObject({ runId: runId(19), state: 'COMPLETE' });
      expect(dataset?.facets.schema).toEqual({ fields: [{ name: 'f19' }] });
      expect(dataset?.updatedAt).toBe('2026-03-01T10:19:00.000000000Z');
      const fields = await graph.traverse(datasetIri('pg', 'orders'), { direction: 'out', types: ['hasField'], depth: 1, maxNodes: 100 });
      expect(fields.nodes.filter((n) => n.kind === 'DatasetField').map((n) => n.label)).toEqual(['f19']);
    }, 60_000);

    it('leaves no lock placeholder behind for refused records, and a later record of the call still creates their nodes', async () => {
      const runId = '00000000-0000-4000-8000-000000000001';
      await graph.saveLineage([writeEvent(runId, 'START', '2026-03-01T10:00:00Z', 'a')]);
      const hijack = lineageRecord('run', { eventType: 'COMPLETE', eventTime: '2026-03-01T10:01:00Z', run: { runId }, job: { namespace: 'etl', name: 'thief' }, outputs: [{ namespace: 'pg', name: 'loot' }] });
      const later = lineageRecord('job', { eventTime: '2026-03-01T10:02:00Z', job: { namespace: 'etl', name: 'other' }, inputs: [{ namespace: 'pg', name: 'loot' }] });
      const [refused, stored] = await graph.saveLineage([hijack, later]);
      expect(refused?.ok === false && refused.error).toBeInstanceOf(ConflictError);
      expect(stored).toEqual({ ok: true, outcome: 'stored', afterTerminal: false });
      expect(await graph.getNode(jobIri('etl', 'thief'))).toBeUndefined();
      expect(await graph.getNode(datasetIri('pg', 'loot'))).toMatchObject({ kind: 'Dataset', stub: false });
      expect(await count('MATCH (n:Node) WHERE n.kind IS NULL RETURN count(n)')).toBe(0);
      expect(await count('MATCH (r:Run) WHERE r.job IS NULL RETURN count(r)')).toBe(0);
      expect(await graph.getRun(runId)).toMatchObject({ job: jobIri('etl', 'job'), state: 'START' });
    });

    it('drops orphans while concurrent saves connect to them, without a failed save or a lost edge', async () => {
      // Dataset A's schema drops and re-adds field f while dataset B's column lineage moves between
      // A.f and A.g: each save may drop a field another is about to connect (DROP_ORPHANS).
      const at = (i: number) => `2026-03-01T1${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}:00Z`;
      const event = (job: string, i: number, facets: Record<string, unknown>, name: string) =>
        lineageRecord('run', { eventType: 'COMPLETE', eventTime: at(i), run: { runId: `00000000-0000-4000-8000-${job}${String(i).padStart(11, '0')}` }, job: { namespace: 'etl', name: job }, outputs: [{ namespace: 'pg', name, facets }] });
      const schema = (i: number) => ({ schema: { fields: i % 2 === 0 ? [{ name: 'f' }, { name: 'g' }] : [{ name: 'g' }] } });
      const lineage = (i: number) => ({ columnLineage: { fields: { out: { inputFields: [{ namespace: 'pg', name: 'A', field: i % 3 === 0 ? 'f' : 'g' }] } } } });
      for (let round = 0; round < 6; round++) {
        const saves = Array.from({ length: 40 }, (_, k) => round * 40 + k).flatMap((i) => [
          graph.saveLineage([event('a', i, schema(i), 'A')]),
          graph.saveLineage([event('b', i, lineage(i), 'B')]),
        ]);
        expect((await Promise.all(saves)).flat().every((r) => r.ok && r.outcome === 'stored')).toBe(true);
      }
      // The latest values (event 239): A has g alone, and B's out derives from A.g.
      const field = (dataset: string, name: string) => datasetFieldIri('pg', dataset, name);
      expect(await graph.getNode(field('A', 'f'))).toBeUndefined();
      const fromB = await graph.traverse(field('B', 'out'), { direction: 'out', types: ['derivedFrom'], depth: 1, maxNodes: 10 });
      expect(fromB.edges).toEqual([{ from: field('B', 'out'), type: 'derivedFrom', to: field('A', 'g') }]);
      expect(await count("MATCH (n:Node) WHERE (n.kind = 'DatasetField' OR (n.kind = 'Dataset' AND n.stub)) AND NOT (n)--() RETURN count(n)")).toBe(0);
    }, 120_000);

    it('reruns a save whose field a concurrent save deleted while it waited for the field’s lock, losing no edge', async () => {
      // Neo4j lets a write to a node deleted meanwhile pass without an error; the save must notice
      // (its edges to the field would match nothing) and run again. The admin transaction plays
      // the dropping save (DROP_ORPHANS): it locks the field, then deletes it once B's save waits.
      const event = (job: string, runId: string, outputs: Parameters<typeof lineageRecord>[1]['outputs']) =>
        lineageRecord('run', { eventType: 'COMPLETE', eventTime: `2026-03-01T10:00:0${runId.slice(-1)}Z`, run: { runId }, job: { namespace: 'etl', name: job }, outputs });
      const fromA = (field: string) => [{ namespace: 'pg', name: 'B', facets: { columnLineage: { fields: { out: { inputFields: [{ namespace: 'pg', name: 'A', field }] } } } } }];
      await graph.saveLineage([
        event('a', '00000000-0000-4000-8000-000000000001', [{ namespace: 'pg', name: 'A', facets: { schema: { fields: [{ name: 'f' }, { name: 'g' }] } } }]),
        event('b', '00000000-0000-4000-8000-000000000002', fromA('g')),
      ]);
      const f = datasetFieldIri('pg', 'A', 'f');
      admin ??= neo4j.driver(uri as string);
      const session = admin.session();
      try {
        const dropper = await session.beginTransaction();
        await dropper.run('MATCH (n:Node {iri: $f}) SET n._lock = true REMOVE n._lock', { f });
        const saved = graph.saveLineage([event('b', '00000000-0000-4000-8000-000000000003', fromA('f'))]);
        await new Promise((resolve) => setTimeout(resolve, 500));
        await dropper.run('MATCH (n:Node {iri: $f}) DETACH DELETE n', { f });
        await dropper.commit();
        expect(await saved).toEqual([{ ok: true, outcome: 'stored', afterTerminal: false }]);
      } finally {
        await session.close();
      }
      const out = datasetFieldIri('pg', 'B', 'out');
      const derived = await graph.traverse(out, { direction: 'out', types: ['derivedFrom'], depth: 1, maxNodes: 10 });
      expect(derived.edges).toEqual([{ from: out, type: 'derivedFrom', to: f }]);
      expect(await graph.getNode(f)).toMatchObject({ kind: 'DatasetField', label: 'f' });
    });

    it('folds the summary of a run stored before run summaries existed from its events, once', async () => {
      const runId = '00000000-0000-4000-8000-000000000009';
      await graph.saveLineage([writeEvent(runId, 'START', '2026-03-01T10:00:00Z', 'a'), writeEvent(runId, 'COMPLETE', '2026-03-01T10:05:00Z', 'a')]);
      // What a data directory from before summaries holds: a Run with its state but no summary.
      await count(`MATCH (r:Run {runId: '${runId}'}) REMOVE r.lastType, r.endType RETURN 1`);
      const late = writeEvent(runId, 'RUNNING', '2026-03-01T10:06:00Z', 'a');
      expect(await graph.saveLineage([late])).toEqual([{ ok: true, outcome: 'stored', afterTerminal: true }]);
      expect(await count(`MATCH (r:Run {runId: '${runId}'}) WHERE r.lastType = 'RUNNING' AND r.endType = 'COMPLETE' RETURN count(r)`)).toBe(1);
      expect(await graph.getRun(runId)).toMatchObject({ state: 'COMPLETE', endedAt: '2026-03-01T10:05:00.000000000Z' });
    });
  });
});
