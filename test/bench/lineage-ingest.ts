/**
 * Benchmark (not a test): OpenLineage ingest and lineage traversal (issue 5).
 *
 *   npm run bench:lineage -- [single=10000] [batched=100000] [nodes=1000000] [inFlight=4]
 *
 * 1. Single events: `single` events POSTed one per request to /api/v1/lineage of a real server
 *    process, `inFlight` clients at a time (producers such as dbt-ol send one request per event).
 * 2. Batches: `batched` events POSTed to /api/v1/lineage/batch, 200 per request, 2 in flight.
 * 3. Traversal: a fresh embedded graph filled in process with events until it holds `nodes`
 *    lineage nodes (jobs, runs, datasets, fields), then 1,000 5-hop traversals of reads and writes
 *    both ways from random datasets, through the KnowledgeGraph port as the API calls it
 *    (`nodes=0` skips this part).
 * Budget (2-core machine): ≥ 800 events/s single, ≥ 3,000 events/s batched, traversal p95 ≤ 10 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineageRecord } from '@quanta/core';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { datasetIri } from '@quanta/model';
import { startQuanta } from '../src/index.js';
import { lineageEvents } from './lineage-events.js';
import { f1, pct, progressBar } from './measure.js';

const single = Number(process.argv[2] ?? 10_000);
const batched = Number(process.argv[3] ?? 100_000);
const targetNodes = Number(process.argv[4] ?? 1_000_000);
const inFlight = Number(process.argv[5] ?? 4);
const BATCH = 200;
const NODES_PER_EVENT = 8;

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
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

async function overHttp() {
  const q = await startQuanta();
  try {
    const gen = lineageEvents(1);
    const events = Array.from({ length: single + batched }, (_, i) => gen.event(i));
    const singleRate = await drive('single events', single, inFlight, (i) => post(`${q.url}/api/v1/lineage`, events[i]));
    const batches = Math.ceil(batched / BATCH);
    const batchRate = await drive('batched events', batches, 2, (b) => post(`${q.url}/api/v1/lineage/batch`, events.slice(single + b * BATCH, Math.min(single + batched, single + (b + 1) * BATCH))), BATCH);
    console.log(`single events  ${f1(singleRate)} events/s (one POST /api/v1/lineage each, ${inFlight} in flight)`);
    console.log(`batched events ${f1(batchRate)} events/s (${BATCH} per POST /api/v1/lineage/batch, 2 in flight)`);
  } finally {
    await q.stop();
    q.cleanup();
  }
}

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
    const latencies: number[] = [];
    let reached = 0;
    for (let i = 0; i < 1000; i++) {
      const d = gen.dataset(random(events));
      const t = performance.now();
      const result = await graph.traverse(datasetIri(d.namespace, d.name), { direction: 'both', types: ['reads', 'writes'], depth: 5, maxNodes: 1000 });
      latencies.push(performance.now() - t);
      reached += result.nodes.length;
    }
    console.log(`lineage graph  ${events} events, ~${(events * NODES_PER_EVENT).toLocaleString('en')} nodes, loaded in process at ${f1(loadRate)} events/s`);
    console.log(`5-hop traversal (reads/writes, both ways, cap 1000) p50 ${f1(pct(latencies, 50))} ms, p95 ${f1(pct(latencies, 95))} ms, p99 ${f1(pct(latencies, 99))} ms; ${f1(reached / 1000)} nodes on average`);
  } finally {
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Quanta lineage benchmark — node ${process.version}`);
await overHttp();
if (targetNodes > 0) await traversals();
