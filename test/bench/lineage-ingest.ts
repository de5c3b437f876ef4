/**
 * Benchmark (not a test): OpenLineage ingest and lineage traversal (issue 5).
 *
 *   npm run bench:lineage -- [single=10000] [batched=100000] [nodes=1000000] [inFlight=4] [growth=20000]
 *
 * Ingest runs against a real server process, with the traffic producers send day after day: runs
 * (START and COMPLETE) of a known pipeline of 2,000 jobs, laid down first and not timed.
 * 1. Single events: `single` events POSTed one per request to /api/v1/lineage, `inFlight` clients
 *    at a time (producers such as dbt-ol and Airflow send one request per event).
 * 2. Batches: `batched` events POSTed to /api/v1/lineage/batch, 200 per request, 2 in flight.
 * 3. Growth: `growth` events in batches where every event is the first run of a new job writing a
 *    new dataset with five fields, the graph's worst case (reported, not budgeted).
 * 4. Traversal: a fresh embedded graph filled in process with growth events until it holds `nodes`
 *    lineage nodes (jobs, runs, datasets, fields), then 1,000 5-hop traversals of reads and writes
 *    both ways from random datasets, through the KnowledgeGraph port as the API calls it, and
 *    1,000 whole answers of GET /api/v1/lineage (the catalog's lineageAround: the traversal plus
 *    every node's facets, uses and latest run), in process (`nodes=0` skips this part).
 * Budget (2-core machine): ≥ 800 events/s single, ≥ 3,000 events/s batched, traversal p95 ≤ 10 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalog, lineageRecord, systemClock } from '@quanta/core';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { datasetIri } from '@quanta/model';
import { authorization, startQuanta } from '../src/index.js';
import { lineageEvents, steadyEvents } from './lineage-events.js';
import { f1, pct, progressBar } from './measure.js';

const single = Number(process.argv[2] ?? 10_000);
const batched = Number(process.argv[3] ?? 100_000);
const targetNodes = Number(process.argv[4] ?? 1_000_000);
const inFlight = Number(process.argv[5] ?? 4);
const growth = Number(process.argv[6] ?? 20_000);
const BATCH = 200;
const JOBS = 2000;
const NODES_PER_EVENT = 8;

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { ...authorization(url), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/** Runs `count` jobs with `inFlight` at a time; returns jobs per second. */
async function drive(label: string, count: number, inFlight: number, job: (i: number) => Promise<void>, unit = 1): Promise<number> {
  const bar = progressBar(label, count * unit);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const i = next++;
        await job(i);
        done++;
        if (done % 50 === 0) bar.update(done * unit);
      }
    }),
  );
  bar.update(count * unit);
  return bar.stop();
}

/** POSTs events `from`..`to` of `event` in batches of {@link BATCH}, 2 in flight; returns events per second. */
function postBatches(url: string, label: string, from: number, to: number, event: (i: number) => unknown): Promise<number> {
  const batches = Math.ceil((to - from) / BATCH);
  const slice = (b: number) => Array.from({ length: Math.min(BATCH, to - from - b * BATCH) }, (_, k) => event(from + b * BATCH + k));
  return drive(label, batches, 2, (b) => post(`${url}/api/v1/lineage/batch`, slice(b)), BATCH);
}

async function overHttp() {
  const q = await startQuanta();
  try {
    const steady = steadyEvents(JOBS);
    await postBatches(q.url, `laying down ${JOBS} jobs (not timed)`, 0, JOBS, steady.first);
    const events = Array.from({ length: single }, (_, i) => steady.event(i));
    const lines: string[] = [];
    if (single > 0) {
      const rate = await drive('single events', single, inFlight, (i) => post(`${q.url}/api/v1/lineage`, events[i]));
      lines.push(`single events  ${f1(rate)} events/s (runs of ${JOBS} known jobs; one POST /api/v1/lineage each, ${inFlight} in flight)`);
    }
    if (batched > 0) {
      const rate = await postBatches(q.url, 'batched events', single, single + batched, steady.event);
      lines.push(`batched events ${f1(rate)} events/s (runs of ${JOBS} known jobs; ${BATCH} per POST /api/v1/lineage/batch, 2 in flight)`);
    }
    if (growth > 0) {
      const rate = await postBatches(q.url, 'graph growth', 0, growth, lineageEvents(3).event);
      lines.push(`graph growth   ${f1(rate)} events/s (each a new job, run, dataset and 5 fields; batches of ${BATCH})`);
    }
    for (const line of lines) console.log(line);
  } finally {
    await q.stop();
    q.cleanup();
  }
}

/** Runs `probe` 1,000 times; its latencies and the average size it reports. */
async function timed(probe: () => Promise<number>): Promise<{ latencies: number[]; size: number }> {
  const latencies: number[] = [];
  let size = 0;
  for (let i = 0; i < 1000; i++) {
    const t = performance.now();
    size += await probe();
    latencies.push(performance.now() - t);
  }
  return { latencies, size: size / 1000 };
}

const answerFigures = ({ latencies, size }: { latencies: number[]; size: number }) =>
  `p50 ${f1(pct(latencies, 50))} ms, p95 ${f1(pct(latencies, 95))} ms, p99 ${f1(pct(latencies, 99))} ms; ${f1(size)} nodes on average`;

async function traversals() {
  const dir = mkdtempSync(join(tmpdir(), 'quanta-bench-lineage-'));
  const graph = SqliteKnowledgeGraph.open({ file: join(dir, 'graph.db') });
  try {
    const gen = lineageEvents(2);
    const events = Math.ceil(targetNodes / NODES_PER_EVENT);
    const bar = progressBar('loading the lineage graph', events);
    for (let from = 0; from < events; from += 1000) {
      const records = Array.from({ length: Math.min(1000, events - from) }, (_, k) => lineageRecord('run', gen.event(from + k)));
      const results = await graph.saveLineage(records);
      if (results.some((r) => !r.ok)) throw new Error('a generated event was refused');
      bar.update(from + records.length);
    }
    const loadRate = bar.stop();
    const random = (n: number) => Math.floor(Math.random() * n);
    const start = () => {
      const d = gen.dataset(random(events));
      return datasetIri(d.namespace, d.name);
    };
    const traversal = await timed(async () => (await graph.traverse(start(), { direction: 'both', types: ['reads', 'writes'], depth: 5, maxNodes: 1000 })).nodes.length);
    const catalog = createCatalog({ graph, search: new EmbeddedSearchIndex(), clock: systemClock, semantics: JsonLdSemanticLayer.create() });
    const answer = await timed(async () => (await catalog.lineageAround(start(), 5)).nodes.length);
    console.log(`lineage graph  ${events} events, ~${(events * NODES_PER_EVENT).toLocaleString('en')} nodes, loaded in process at ${f1(loadRate)} events/s`);
    console.log(`5-hop traversal (reads/writes, both ways, cap 1000) ${answerFigures(traversal)}`);
    console.log(`5-hop lineage answer (GET /api/v1/lineage's lineageAround, in process) ${answerFigures(answer)}`);
  } finally {
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Quanta lineage benchmark — node ${process.version}`);
await overHttp();
if (targetNodes > 0) await traversals();
