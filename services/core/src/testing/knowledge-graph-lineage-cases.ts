import { expect, it } from 'vitest';
import { ConflictError, datasetFieldIri, datasetIri, jobIri, portIri, teamIri } from '@quanta/model';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import type { LineageRecord } from '../ports/lineage-graph.js';
import { lineageRecord, type OpenLineageDatasetView } from '../projections/lineage-record.js';
import { saveInput, testDescriptor } from './fixtures.js';

const NS = 'postgres://db.test:5432';
const RUN = '0176a8c2-fe01-7439-87e6-56a1a1b4029f';
const OTHER_RUN = '1a2b3c4d-0000-4000-8000-000000000001';
const facet = { _producer: 'https://test.example/producer', _schemaURL: 'https://test.example/facet.json' };

/** A dataset in an event, with a schema facet when `fields` are given. */
export function lineageDataset(name: string, fields?: readonly string[], extra: Record<string, unknown> = {}): OpenLineageDatasetView {
  return {
    namespace: NS,
    name,
    facets: { ...(fields && { schema: { ...facet, fields: fields.map((f) => ({ name: f, type: 'VARCHAR' })) } }), ...extra },
  };
}

/** A run event of job `job` (namespace `etl`), as the validator would hand it over. */
export function runEvent(
  eventType: string,
  eventTime: string,
  options: { runId?: string; job?: string; inputs?: OpenLineageDatasetView[]; outputs?: OpenLineageDatasetView[]; jobFacets?: Record<string, unknown> } = {},
): LineageRecord {
  return lineageRecord('run', {
    eventType,
    eventTime,
    run: { runId: options.runId ?? RUN },
    job: { namespace: 'etl', name: options.job ?? 'build_orders', ...(options.jobFacets && { facets: options.jobFacets }) },
    inputs: options.inputs ?? [],
    outputs: options.outputs ?? [],
  });
}

const stored = { ok: true, outcome: 'stored', afterTerminal: false };

/**
 * The lineage half of the KnowledgeGraph contract (ADR 0008): idempotent event storage, run state
 * by eventTime, facets merged by eventTime, column lineage, order independence, and product-level
 * lineage and usage through port bindings.
 */
export function lineageCases(graph: () => KnowledgeGraph): void {
  const orders = datasetIri(NS, 'public.orders');
  const raw = datasetIri(NS, 'public.raw_orders');
  const job = jobIri('etl', 'build_orders');

  it('stores a run event once, merges its job and datasets, and refuses a changed copy or a run id under another job', async () => {
    const start = runEvent('START', '2026-03-01T10:00:00Z', { inputs: [lineageDataset('public.raw_orders', ['id', 'amount'])], outputs: [lineageDataset('public.orders')] });
    expect(await graph().saveLineage([start])).toEqual([stored]);
    expect(await graph().saveLineage([start])).toEqual([{ ok: true, outcome: 'duplicate', afterTerminal: false }]);

    const changed = runEvent('START', '2026-03-01T10:00:00Z', { inputs: [lineageDataset('public.raw_orders', ['id'])] });
    const hijack = runEvent('COMPLETE', '2026-03-01T10:05:00Z', { job: 'another_job' });
    const fine = runEvent('COMPLETE', '2026-03-01T10:05:00Z', { outputs: [lineageDataset('public.orders', ['id', 'total'])] });
    const [a, b, c] = await graph().saveLineage([changed, hijack, fine]);
    expect(a?.ok === false && a.error).toBeInstanceOf(ConflictError);
    expect(b?.ok === false && b.error.message).toMatch(/another job/);
    expect(c).toEqual(stored);

    const [jobNode, input, output] = await graph().lineageNodes([job, raw, orders, datasetIri(NS, 'nowhere')]);
    expect(jobNode).toMatchObject({ kind: 'Job', namespace: 'etl', name: 'build_orders', latestRun: { runId: RUN, state: 'COMPLETE' } });
    expect(jobNode?.inputs?.map((u) => [u.dataset, u.firstSeen, u.lastSeen])).toEqual([[raw, '2026-03-01T10:00:00.000000000Z', '2026-03-01T10:00:00.000000000Z']]);
    expect(jobNode?.outputs?.map((u) => [u.dataset, u.lastSeen])).toEqual([[orders, '2026-03-01T10:05:00.000000000Z']]);
    expect(input).toMatchObject({ kind: 'Dataset', namespace: NS, name: 'public.raw_orders' });
    expect((output?.facets.schema as { fields: unknown[] }).fields).toHaveLength(2);
    expect(await graph().getNode(job)).toMatchObject({ kind: 'Job', stub: false });
  });

  it('orders a run by eventTime, not arrival: a late START does not reopen it, an event after the end is flagged', async () => {
    expect(await graph().saveLineage([runEvent('COMPLETE', '2026-03-01T10:05:00+02:00')])).toEqual([stored]);
    expect(await graph().saveLineage([runEvent('START', '2026-03-01T10:00:00+02:00')])).toEqual([stored]);
    expect(await graph().saveLineage([runEvent('RUNNING', '2026-03-01T08:06:00Z')])).toEqual([{ ok: true, outcome: 'stored', afterTerminal: true }]);
    const run = await graph().getRun(RUN.toUpperCase());
    expect(run).toMatchObject({ runId: RUN, job, state: 'COMPLETE', startedAt: '2026-03-01T08:00:00.000000000Z', endedAt: '2026-03-01T08:05:00.000000000Z' });
    expect(run?.events.map((e) => [e.eventType, e.afterTerminal])).toEqual([
      ['START', false],
      ['COMPLETE', false],
      ['RUNNING', true],
    ]);
    // An earlier FAIL arriving last ends the run earlier: the COMPLETE now comes after the end.
    await graph().saveLineage([runEvent('FAIL', '2026-03-01T08:01:00Z')]);
    expect(await graph().getRun(RUN)).toMatchObject({ state: 'FAIL', endedAt: '2026-03-01T08:01:00.000000000Z' });
    expect(await graph().getRun(OTHER_RUN)).toBeUndefined();
  });

  it('keeps each facet from the latest event by eventTime, and derives fields and column lineage from it', async () => {
    const columns = {
      columnLineage: { ...facet, fields: { total: { inputFields: [{ namespace: NS, name: 'public.raw_orders', field: 'amount' }] } } },
    };
    const newer = runEvent('COMPLETE', '2026-03-02T00:00:00Z', { outputs: [lineageDataset('public.orders', ['id', 'total'], columns)] });
    const older = runEvent('COMPLETE', '2026-03-01T00:00:00Z', { runId: OTHER_RUN, outputs: [lineageDataset('public.orders', ['legacy_id'])] });
    await graph().saveLineage([newer]);
    await graph().saveLineage([older]);
    const [node] = await graph().lineageNodes([orders]);
    expect((node?.facets.schema as { fields: { name: string }[] }).fields.map((f) => f.name)).toEqual(['id', 'total']);
    const fields = await graph().traverse(orders, { direction: 'out', types: ['hasField'], depth: 1, maxNodes: 100 });
    expect(fields.nodes.filter((n) => n.kind === 'DatasetField').map((n) => n.label).sort()).toEqual(['id', 'total']);
    const upstream = await graph().traverse(datasetFieldIri(NS, 'public.orders', 'total'), { direction: 'out', types: ['derivedFrom'], depth: 3, maxNodes: 100 });
    expect(upstream.edges).toEqual([{ from: datasetFieldIri(NS, 'public.orders', 'total'), type: 'derivedFrom', to: datasetFieldIri(NS, 'public.raw_orders', 'amount') }]);
    // A deletion marker removes the facet and the fields it gave.
    await graph().saveLineage([runEvent('COMPLETE', '2026-03-03T00:00:00Z', { runId: 'a0000000-0000-4000-8000-000000000003', outputs: [{ namespace: NS, name: 'public.orders', facets: { schema: { ...facet, _deleted: true } } }] })]);
    const [after] = await graph().lineageNodes([orders]);
    expect(after?.facets.schema).toBeUndefined();
    expect(after?.facets.columnLineage).toBeDefined();
    const left = await graph().traverse(orders, { direction: 'out', types: ['hasField'], depth: 1, maxNodes: 100 });
    expect(left.nodes.filter((n) => n.kind === 'DatasetField').map((n) => n.label)).toEqual(['total']);
  });

  it('builds the same graph whatever order the events arrive in', async () => {
    // Each order writes its own copy of the events (its own namespace and run ids), so the copies
    // can be compared in one graph once the copy's names are mapped back.
    const copy = (k: number) => {
      const ns = `${NS}/copy${k}`;
      const ds = (name: string, fields: string[]) => ({ ...lineageDataset(name, fields), namespace: ns });
      const ids = [RUN, OTHER_RUN].map((id) => `${id.slice(0, -1)}${k}`) as [string, string];
      const events = [
        runEvent('START', '2026-03-01T10:00:00Z', { runId: ids[0], job: `build_copy${k}`, inputs: [ds('raw', ['id'])] }),
        runEvent('RUNNING', '2026-03-01T10:01:00Z', { runId: ids[0], job: `build_copy${k}`, outputs: [ds('orders', ['a'])] }),
        runEvent('COMPLETE', '2026-03-01T10:02:00Z', { runId: ids[0], job: `build_copy${k}`, outputs: [ds('orders', ['a', 'b'])] }),
        runEvent('OTHER', '2026-03-01T10:03:00Z', { runId: ids[0], job: `build_copy${k}` }),
        runEvent('START', '2026-03-02T10:00:00Z', { runId: ids[1], job: `report_copy${k}`, inputs: [ds('orders', ['x'])] }),
        runEvent('FAIL', '2026-03-02T10:00:00Z', { runId: ids[1], job: `report_copy${k}` }),
      ];
      const snapshot = async () => {
        const g = graph();
        const nodes = await g.lineageNodes([jobIri('etl', `build_copy${k}`), jobIri('etl', `report_copy${k}`), datasetIri(ns, 'raw'), datasetIri(ns, 'orders')]);
        const reach = await g.traverse(datasetIri(ns, 'raw'), { direction: 'both', depth: 6, maxNodes: 1000 });
        const sorted = <T>(xs: readonly T[]) => xs.map((x) => JSON.stringify(x)).sort();
        // Arrival times differ between orders by design; everything derived from the events must not.
        const runs = [await g.getRun(ids[0]), await g.getRun(ids[1])].map((r) => r && { ...r, events: r.events.map(({ receivedAt: _, ...e }) => e) });
        const text = JSON.stringify({ nodes, runs, nodesReached: sorted(reach.nodes), edges: sorted(reach.edges) });
        return text.replaceAll(`copy${k}`, 'copy').replaceAll(ids[0], 'run-0').replaceAll(ids[1], 'run-1');
      };
      return { events, snapshot };
    };
    const orders = [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [3, 0, 5, 2, 4, 1]];
    const snapshots: string[] = [];
    for (const [k, order] of orders.entries()) {
      const { events, snapshot } = copy(k + 1);
      for (const i of order) expect(await graph().saveLineage([events[i] as LineageRecord])).toMatchObject([{ ok: true, outcome: 'stored' }]);
      snapshots.push(await snapshot());
    }
    expect(snapshots[0]).toContain('"state":"COMPLETE"');
    expect(JSON.parse(snapshots[1] as string)).toEqual(JSON.parse(snapshots[0] as string));
    expect(JSON.parse(snapshots[2] as string)).toEqual(JSON.parse(snapshots[0] as string));
  });

  it('drops the fields and column-lineage stubs only an older facet value named, so arrival order leaves no trace', async () => {
    // Copies of one dataset's history, old value then new and new then old, in two saves or in
    // one (where an adapter that applies a call at once must still drop what the older record
    // named); each copy is named apart, as a fresh graph would be. The newer value either moves
    // the column lineage to another source or has none (a facet an event leaves out stays as it
    // was, so "none" is OpenLineage's `_deleted`).
    const copy = async (k: number, order: readonly number[], options: { oneCall?: boolean; noLineage?: boolean } = {}) => {
      const ns = `${NS}/gc${k}`;
      const lineage = (field: string, from: { name: string; field: string }) => ({
        columnLineage: { ...facet, fields: { [field]: { inputFields: [{ namespace: ns, ...from }] } } },
      });
      const ds = (fields: string[], extra: Record<string, unknown>) => ({ ...lineageDataset('orders', fields, extra), namespace: ns });
      const ids = [`a0000000-0000-4000-8000-0000000000${k}1`, `a0000000-0000-4000-8000-0000000000${k}2`];
      const newer = options.noLineage
        ? { outputs: [ds(['a'], { columnLineage: { ...facet, _deleted: true } })] }
        : { inputs: [{ namespace: ns, name: 'raw' }], outputs: [ds(['a'], lineage('a', { name: 'raw', field: 'id' }))] };
      const events = [
        runEvent('COMPLETE', '2026-03-01T10:00:00Z', { runId: ids[0], job: `gc${k}`, outputs: [ds(['a', 'b'], lineage('total', { name: 'legacy_src', field: 'x' }))] }),
        runEvent('COMPLETE', '2026-03-02T10:00:00Z', { runId: ids[1], job: `gc${k}`, ...newer }),
      ];
      const ordered = order.map((i) => events[i] as LineageRecord);
      if (options.oneCall) expect(await graph().saveLineage(ordered)).toMatchObject([{ outcome: 'stored' }, { outcome: 'stored' }]);
      else for (const e of ordered) expect(await graph().saveLineage([e])).toMatchObject([{ outcome: 'stored' }]);
      const field = (dataset: string, name: string) => datasetFieldIri(ns, dataset, name);
      const iris = [field('orders', 'a'), field('orders', 'b'), field('orders', 'total'), field('legacy_src', 'x'), field('raw', 'id'), datasetIri(ns, 'legacy_src'), datasetIri(ns, 'raw')];
      const nodes = await Promise.all(iris.map((iri) => graph().getNode(iri)));
      return JSON.stringify(nodes).replaceAll(`gc${k}`, 'gc');
    };
    const oldThenNew = await copy(1, [0, 1]);
    expect(await copy(2, [1, 0])).toBe(oldThenNew);
    expect(await copy(3, [0, 1], { oneCall: true })).toBe(oldThenNew);
    expect(await copy(4, [1, 0], { oneCall: true })).toBe(oldThenNew);
    const [a, b, total, x, id, legacy, raw] = JSON.parse(oldThenNew) as (object | null)[];
    expect([a, id, raw].every((n) => n !== null)).toBe(true);
    expect([b, total, x, legacy]).toEqual([null, null, null, null]);

    const withoutLineage = await copy(5, [0, 1], { noLineage: true });
    expect(await copy(6, [1, 0], { noLineage: true })).toBe(withoutLineage);
    expect(await copy(7, [1, 0], { oneCall: true, noLineage: true })).toBe(withoutLineage);
    // Only field a stands: b left the schema, and total, x and the stub legacy_src left with the lineage.
    expect((JSON.parse(withoutLineage) as (object | null)[]).map((n) => n !== null)).toEqual([true, false, false, false, false, false, false]);
  });

  it('binds datasets to products through their ports: job, input-port and declared lineage, in either registration order', async () => {
    const port = (name: string, dataset: string) => ({ name, kind: 'table' as const, lineage: [{ namespace: NS, name: dataset }] });
    await graph().saveLineage([runEvent('COMPLETE', '2026-03-01T10:00:00Z', { inputs: [lineageDataset('public.raw_orders')], outputs: [lineageDataset('public.orders')] })]);
    const source = testDescriptor('raw-orders', { outputPorts: [port('table', 'public.raw_orders')] });
    const mart = testDescriptor('orders', { outputPorts: [port('table', 'public.orders')] });
    const report = testDescriptor('report', { inputPorts: [{ product: mart.id }, { lineage: { namespace: NS, name: 'public.raw_orders' } }] });
    for (const d of [source, mart, report]) await graph().saveProduct(saveInput(d));

    const up = await graph().productLinks([mart.id, report.id], 'upstream');
    expect(new Set(up.map((l) => JSON.stringify([l.from, l.to, l.via, l.job ?? null])))).toEqual(
      new Set([
        JSON.stringify([source.id, mart.id, 'job', job]),
        JSON.stringify([mart.id, report.id, 'declared', null]),
        JSON.stringify([source.id, report.id, 'dataset', null]),
      ]),
    );
    const down = await graph().productLinks([source.id], 'downstream');
    expect(down.map((l) => l.to).sort()).toEqual([mart.id, report.id]);
    expect(await graph().productLinks([report.id], 'downstream')).toEqual([]);
    const [bound] = await graph().lineageNodes([orders]);
    expect(bound?.exposedBy).toEqual([{ product: mart.id, port: portIri(mart.id, 'table') }]);
  });

  it('counts a job reading a product’s dataset as use by the product it writes, else by its owning team, else by the job', async () => {
    const source = testDescriptor('raw-orders', { outputPorts: [{ name: 'table', kind: 'table', lineage: [{ namespace: NS, name: 'public.raw_orders' }] }] });
    const mart = testDescriptor('orders', { outputPorts: [{ name: 'table', kind: 'table', lineage: [{ namespace: NS, name: 'public.orders' }] }] });
    for (const d of [source, mart]) await graph().saveProduct(saveInput(d));
    const ownership = { ownership: { ...facet, owners: [{ name: 'team:finance', type: 'TEAM' }] } };
    await graph().saveLineage([
      runEvent('COMPLETE', '2026-03-01T10:00:00Z', { inputs: [lineageDataset('public.raw_orders')], outputs: [lineageDataset('public.orders')] }),
      runEvent('COMPLETE', '2026-03-05T10:00:00Z', { runId: OTHER_RUN, inputs: [lineageDataset('public.raw_orders')], outputs: [lineageDataset('public.orders')] }),
      runEvent('COMPLETE', '2026-03-02T10:00:00Z', { runId: 'a0000000-0000-4000-8000-000000000004', job: 'audit', inputs: [lineageDataset('public.raw_orders')], jobFacets: ownership }),
      runEvent('COMPLETE', '2026-03-03T10:00:00Z', { runId: 'a0000000-0000-4000-8000-000000000005', job: 'adhoc', inputs: [lineageDataset('public.raw_orders')] }),
    ]);
    const consumers = await graph().lineageConsumers(source.id);
    expect([...consumers].sort((a, b) => a.job.localeCompare(b.job)).map((c) => [c.kind, c.consumer, c.lastUsedAt])).toEqual([
      ['Job', jobIri('etl', 'adhoc'), '2026-03-03T10:00:00.000000000Z'],
      ['Team', teamIri('finance'), '2026-03-02T10:00:00.000000000Z'],
      ['DataProduct', mart.id, '2026-03-05T10:00:00.000000000Z'],
    ]);
    expect(await graph().lineageConsumers(mart.id)).toEqual([]);
  });

  it('loses no update when 20 single-event saves of one run, each with new facets for one dataset, run at once', async () => {
    const at = (i: number) => `2026-03-01T10:${String(i).padStart(2, '0')}:00Z`;
    const type = (i: number) => (i === 0 ? 'START' : i === 19 ? 'COMPLETE' : 'RUNNING');
    const events = Array.from({ length: 20 }, (_, i) => runEvent(type(i), at(i), { outputs: [lineageDataset('public.orders', [`f${i}`])] }));
    const results = await Promise.all(events.map((e) => graph().saveLineage([e])));
    expect(results.flat()).toEqual(events.map(() => stored));

    const run = await graph().getRun(RUN);
    expect(run).toMatchObject({ state: 'COMPLETE', startedAt: '2026-03-01T10:00:00.000000000Z', endedAt: '2026-03-01T10:19:00.000000000Z' });
    expect(run?.events.map((e) => [e.eventType, e.eventTime, e.afterTerminal])).toEqual(events.map((e) => [e.run?.eventType, e.eventTime, false]));
    const [jobNode, dataset] = await graph().lineageNodes([job, orders]);
    expect(jobNode?.latestRun).toMatchObject({ runId: RUN, state: 'COMPLETE', endedAt: '2026-03-01T10:19:00.000000000Z' });
    expect(jobNode?.outputs).toEqual([{ dataset: orders, firstSeen: '2026-03-01T10:00:00.000000000Z', lastSeen: '2026-03-01T10:19:00.000000000Z' }]);
    expect((dataset?.facets.schema as { fields: { name: string }[] }).fields.map((f) => f.name)).toEqual(['f19']);
    expect(dataset?.updatedAt).toBe('2026-03-01T10:19:00.000000000Z');
    const fields = await graph().traverse(orders, { direction: 'out', types: ['hasField'], depth: 1, maxNodes: 100 });
    expect(fields.edges.map((e) => e.to)).toEqual([datasetFieldIri(NS, 'public.orders', 'f19')]);
  });
}
