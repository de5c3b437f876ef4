import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, compliantDescriptor, productPath, ROOT, startQuanta, type QuantaProcess } from '../src/index.js';

const MARQUEZ_EVENTS = join(ROOT, '..', 'shared', 'fixtures', 'marquez', 'api', 'src', 'test', 'resources');
const APPLES = join(MARQUEZ_EVENTS, 'apples');
const marquezEvent = (file: string) => JSON.parse(readFileSync(join(MARQUEZ_EVENTS, 'open_lineage', file), 'utf8')) as Record<string, unknown>;
const apples = readdirSync(APPLES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(APPLES, f), 'utf8')) as { run: { runId: string }; job: { namespace: string; name: string } });
const ORDERS = 20;

/** A seeded shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const NAMESPACES = ['backyard', 'cupboard', 'grandmas.kitchen', 'laurents-orchard'];
const RUN_IDS = [...new Set(apples.map((e) => e.run.runId))];

/**
 * Copy `k` of the apples events: its own namespaces and run ids, so many copies share one server
 * without touching (the same events, the same shapes, other names), and `back` maps a text about
 * the copy to the names of the original.
 */
function copyOf(k: number) {
  const names: [string, string][] = [
    ...NAMESPACES.map((ns): [string, string] => [ns, `${ns}.copy${k}`]),
    ...RUN_IDS.map((id): [string, string] => [id, `${k.toString(16).padStart(8, '0')}${id.slice(8)}`]),
  ];
  const rename = (text: string) => names.reduce((t, [from, to]) => t.replaceAll(`"${from}`, `"${to}`).replaceAll(`:${from}`, `:${to}`), text);
  return {
    events: (order: readonly (typeof apples)[number][]) => order.map((e) => JSON.parse(rename(JSON.stringify(e))) as (typeof apples)[number]),
    runId: (id: string) => names.find(([from]) => from === id)?.[1] as string,
    node: (id: string) => rename(`"${id}`).slice(1),
    back: (text: string) => names.reduce((t, [from, to]) => t.replaceAll(to, from), text),
  };
}

/** Everything the server knows about copy `k` of the apples graph, with arrays sorted so equal graphs print equal. */
async function snapshot(base: string, copy: ReturnType<typeof copyOf>) {
  const sortDeep = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortDeep).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortDeep(x)]));
    return v;
  };
  const graph = await call(base, 'GET', `/api/v1/lineage?nodeId=${encodeURIComponent(copy.node('dataset:laurents-orchard:red.delicious'))}&depth=10`);
  expect(graph.status).toBe(200);
  // Arrival times differ between orders by design; everything derived from the events must not.
  const withoutArrival = (run: { events: { receivedAt?: string }[] }) => ({ ...run, events: run.events.map(({ receivedAt: _, ...e }) => e) });
  const runs = await Promise.all(RUN_IDS.map(async (id) => withoutArrival((await call(base, 'GET', `/api/v1/lineage/runs/${copy.runId(id)}`)).body)));
  // Mapped back after sorting: the copies' names sort alike, so equal graphs print equal.
  return copy.back(JSON.stringify(sortDeep({ graph: graph.body, runs })));
}

describe('lineage: OpenLineage events in, dataset, job and product lineage out', () => {
  let q: QuantaProcess;
  beforeAll(async () => {
    q = await startQuanta();
  });
  afterAll(async () => {
    await q.stop();
    q.cleanup();
  });

  it('stores each event once however often it is sent, and answers in Marquez’s shape', async () => {
    for (const event of apples) {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await call(q.url, 'POST', '/api/v1/lineage', event)).status);
      expect(statuses).toEqual([201, 200, 200]);
    }
    for (const id of new Set(apples.map((e) => e.run.runId))) {
      const run = await call(q.url, 'GET', `/api/v1/lineage/runs/${id}`);
      expect(run.body.events).toHaveLength(apples.filter((e) => e.run.runId === id).length);
    }
    const graph = await call(q.url, 'GET', `/api/v1/lineage?nodeId=${encodeURIComponent('job:grandmas.kitchen:gather_apples')}&depth=1`);
    expect(graph.status).toBe(200);
    const job = graph.body.graph.find((n: { id: string }) => n.id === 'job:grandmas.kitchen:gather_apples');
    expect(job).toMatchObject({ type: 'JOB', data: { namespace: 'grandmas.kitchen', name: 'gather_apples' } });
    expect(job.inEdges).toContainEqual({ origin: 'dataset:laurents-orchard:red.delicious', destination: 'job:grandmas.kitchen:gather_apples' });
    expect(job.outEdges).toContainEqual({ origin: 'job:grandmas.kitchen:gather_apples', destination: 'dataset:grandmas.kitchen:apples' });
  });

  it('stores and flags events ten years in the past or the future, ordering the run by eventTime (B7)', async () => {
    const runId = '5f0c2b1e-7a3d-4c8e-9b6f-0d1e2a3b4c5d';
    const year = 365.25 * 24 * 3600_000;
    const at = (offset: number) => new Date(Date.now() + offset).toISOString();
    const send = (eventType: string, eventTime: string) =>
      call(q.url, 'POST', '/api/v1/lineage', { eventType, eventTime, run: { runId }, job: { namespace: 'skew', name: 'clocks' }, producer: 'https://e2e.example/skew', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent' });
    // The COMPLETE arrives first, from a clock ten years fast; then a START from ten years ago (plus a day).
    const complete = await send('COMPLETE', at(10 * year));
    const start = await send('START', at(-10 * year - 24 * 3600_000));
    const now = await send('RUNNING', at(0));
    expect([complete.status, complete.body]).toEqual([201, { outcome: 'stored', afterTerminal: false, timeSkew: 'future' }]);
    expect([start.status, start.body]).toEqual([201, { outcome: 'stored', afterTerminal: false, timeSkew: 'past' }]);
    expect([now.status, now.body]).toEqual([201, { outcome: 'stored', afterTerminal: false }]);
    const run = (await call(q.url, 'GET', `/api/v1/lineage/runs/${runId}`)).body as { state: string; startedAt: string; endedAt: string; events: { eventType: string; timeSkew?: string; receivedAt: string }[] };
    // Ordered by eventTime, not arrival: the run started at the old START and ended at the future COMPLETE.
    expect(run.state).toBe('COMPLETE');
    expect(run.events.map((e) => [e.eventType, e.timeSkew])).toEqual([
      ['START', 'past'],
      ['RUNNING', undefined],
      ['COMPLETE', 'future'],
    ]);
    expect(Date.parse(run.startedAt)).toBeLessThan(Date.parse(run.endedAt));
    for (const e of run.events) expect(Math.abs(Date.parse(e.receivedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('merges static dataset and job events, keeping custom facets whole', async () => {
    expect((await call(q.url, 'POST', '/api/v1/lineage', marquezEvent('event_dataset_event.json'))).status).toBe(201);
    expect((await call(q.url, 'POST', '/api/v1/lineage', marquezEvent('event_job_event.json'))).status).toBe(201);
    const custom = { _producer: 'https://daff.example/producer', _schemaURL: 'https://daff.example/facets/Freshness.json', hours: 3 };
    const withCustom = { ...marquezEvent('event_dataset_event.json'), eventTime: '2021-01-01T00:00:00Z', dataset: { namespace: 'my-dataset-namespace', name: 'my-dataset-name', facets: { daffFreshness: custom } } };
    expect((await call(q.url, 'POST', '/api/v1/lineage', withCustom)).status).toBe(201);

    const dataset = await call(q.url, 'GET', `/api/v1/lineage?nodeId=${encodeURIComponent('dataset:my-dataset-namespace:my-dataset-name')}&depth=1`);
    expect(dataset.body.graph).toHaveLength(1);
    expect(dataset.body.graph[0].data.fields).toEqual([{ name: 'col_a', type: 'VARCHAR', tags: [], description: 'string' }]);
    expect(dataset.body.graph[0].data.facets.daffFreshness).toEqual(custom);

    const job = await call(q.url, 'GET', `/api/v1/lineage?nodeId=${encodeURIComponent('job:my-scheduler-namespace:myjob')}&depth=1`);
    const node = job.body.graph.find((n: { id: string }) => n.id === 'job:my-scheduler-namespace:myjob');
    expect(node.data.inputs).toEqual([{ namespace: 'my-datasource-namespace', name: 'instance.schema.input-1' }]);
    expect(node.data.outputs).toEqual([{ namespace: 'my-datasource-namespace', name: 'instance.schema.output-1' }]);
    expect(node.data.latestRun).toBeNull();
    const output = job.body.graph.find((n: { id: string }) => n.id === 'dataset:my-datasource-namespace:instance.schema.output-1');
    expect(output.data.description).toBe('output documentation');
  });

  it('refuses a bad event with the failing path named, and bad lineage queries with a clear problem', async () => {
    const [first] = apples;
    const bad = await call(q.url, 'POST', '/api/v1/lineage', { ...first, run: { runId: 'not-a-uuid' } });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/run/runId');
    const hijack = await call(q.url, 'POST', '/api/v1/lineage', { ...first, eventTime: '2030-01-01T00:00:00Z', job: { namespace: 'elsewhere', name: 'thief' } });
    expect(hijack.status).toBe(409);
    expect((await call(q.url, 'GET', `/api/v1/lineage?nodeId=${encodeURIComponent('job:elsewhere:thief')}`)).status).toBe(404);
    const surrogate = await call(q.url, 'POST', '/api/v1/lineage', `{"eventTime":"2030-01-01T00:00:00Z","producer":"https://x.example","run":{"runId":"9c0d0c2e-1111-4222-8333-444455556677"},"job":{"namespace":"n","name":"bad\\ud800"}}`);
    expect([surrogate.status, surrogate.body.errors?.[0]?.pointer]).toEqual([422, '/job/name']);
    for (const [query, status] of [
      ['', 400],
      ['?nodeId=nonsense', 400],
      [`?nodeId=${encodeURIComponent('dataset:laurents-orchard:red.delicious')}&depth=11`, 400],
      [`?nodeId=${encodeURIComponent('dataset:nowhere:nothing')}`, 404],
    ] as const) {
      const res = await call(q.url, 'GET', `/api/v1/lineage${query}`);
      expect([query, res.status, res.headers.get('content-type')]).toEqual([query, status, expect.stringMatching(/problem\+json/)]);
    }
  });

  it('reports a batch by item: stored, duplicate, and each failure by index', async () => {
    const [first, second] = apples;
    const fresh = { ...first, run: { runId: '9c0d0c2e-1111-4222-8333-444455556666' }, eventTime: '2021-01-01T00:00:00Z' };
    const res = await call(q.url, 'POST', '/api/v1/lineage/batch', [fresh, second, { eventTime: 'yesterday' }, fresh]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'partial_success', summary: { received: 4, successful: 3, failed: 1, stored: 1, duplicates: 2 } });
    expect(res.body.failed_events).toEqual([expect.objectContaining({ index: 2, retriable: false, type: 'validation-failed' })]);
    const notArray = await call(q.url, 'POST', '/api/v1/lineage/batch', first);
    expect([notArray.status, notArray.body.type]).toEqual([422, '/api/v1/problems/validation-failed']);
    const tooMany = await call(q.url, 'POST', '/api/v1/lineage/batch', Array.from({ length: 1001 }, () => 1));
    expect([tooMany.status, tooMany.body.detail]).toEqual([422, expect.stringMatching(/at most 1000 events/)]);
  });

  it('links products through the datasets their ports expose', async () => {
    const base = 'https://lineage.e2e.example/products';
    const port = (namespace: string, name: string) => ({ outputPorts: [{ name: 'table', kind: 'table', lineage: [{ namespace, name }], slos: [{ metric: 'freshness', objective: '<= 1 d', target: 0.99, window: '28d' }] }] });
    const orchard = compliantDescriptor(base, 'orchard-apples', port('laurents-orchard', 'red.delicious'));
    const kitchen = compliantDescriptor(base, 'kitchen-apples', port('grandmas.kitchen', 'apples'));
    for (const d of [orchard, kitchen]) expect((await call(q.url, 'PUT', '/api/v1/products', d)).status).toBe(201);
    const up = await call(q.url, 'GET', `${productPath(String(kitchen.id))}/lineage?direction=upstream`);
    expect(up.status).toBe(200);
    expect(up.body.links).toContainEqual(expect.objectContaining({ from: orchard.id, to: kitchen.id, via: 'job', job: 'job:grandmas.kitchen:gather_apples' }));
    const down = await call(q.url, 'GET', `${productPath(String(orchard.id))}/lineage?direction=downstream&depth=1`);
    expect(down.body.products.map((p: { iri: string }) => p.iri)).toEqual(expect.arrayContaining([orchard.id, kitchen.id]));
    expect((await call(q.url, 'GET', `${productPath(`${base}/missing`)}/lineage`)).status).toBe(404);
  });
});

describe(`lineage: the Marquez apples events replayed in ${ORDERS} random orders build one graph`, () => {
  it('gives the same graph and runs for every order', async () => {
    // One server, one copy of the events per order: each copy builds its own part of the graph.
    const q = await startQuanta();
    const snapshots: string[] = [];
    try {
      for (let seed = 1; seed <= ORDERS; seed++) {
        const copy = copyOf(seed);
        for (const event of copy.events(shuffled(apples, seed))) expect((await call(q.url, 'POST', '/api/v1/lineage', event)).status).toBe(201);
        snapshots.push(await snapshot(q.url, copy));
      }
    } finally {
      await q.stop();
      q.cleanup();
    }
    expect(snapshots[0]).toContain('gather_apples');
    expect(snapshots[0]).not.toContain('.copy');
    expect(snapshots[0]).toMatch(/"state":"COMPLETE"/);
    for (const [i, s] of snapshots.entries()) expect([i + 1, s]).toEqual([i + 1, snapshots[0]]);
  }, 300_000);
});
