/**
 * Benchmark (not a test): the same generated 100k-product lineage graph registered into each
 * KnowledgeGraph adapter, then 5-hop product-to-product lineage traversals over it.
 *
 *   npm run bench:graph -- [size=100000] [concurrency=8] [batch=1000]
 *
 * The embedded graph always runs; Neo4j runs when NEO4J_URI is set (`npm run bench:graph` starts
 * a real Neo4j 5.26 for it through scripts/with-neo4j.sh). Per backend:
 * - bulk registration of the whole catalog through `saveProducts`, `batch` products per transaction;
 * - single registrations: 5,000 updates through `saveProduct`, one transaction each with
 *   `concurrency` in flight, as the API calls it;
 * - 1,000 5-hop traversals upstream and 1,000 downstream over `consumes`.
 * Both backends must return the same traversals; the run fails if they differ.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnowledgeGraph, SaveProductInput, TraverseOptions } from '@quanta/core';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { Neo4jKnowledgeGraph } from '@quanta/graph-neo4j';
import { lineageCatalog } from './lineage-catalog.js';
import { f1, pct, progressBar } from './measure.js';
import { toSaveInput } from './save-input.js';

const size = Number(process.argv[2] ?? 100_000);
const concurrency = Number(process.argv[3] ?? 8);
const batchSize = Number(process.argv[4] ?? 1000);
const TRAVERSALS = 1000;
const SINGLE_UPDATES = 5000;
const FIVE_HOPS: Omit<TraverseOptions, 'direction'> = { types: ['consumes'], depth: 5, maxNodes: 1000 };

const pad = (label: string) => label.padEnd(21);

interface Backend {
  readonly name: string;
  open(): Promise<KnowledgeGraph>;
  dispose(): void;
}

function backends(): Backend[] {
  const dir = mkdtempSync(join(tmpdir(), 'quanta-bench-graph-'));
  const list: Backend[] = [
    { name: 'embedded (SQLite)', open: async () => SqliteKnowledgeGraph.open({ file: join(dir, 'graph.db') }), dispose: () => rmSync(dir, { recursive: true, force: true }) },
  ];
  const uri = process.env.NEO4J_URI;
  if (uri) list.push({ name: 'Neo4j 5.26', open: () => Neo4jKnowledgeGraph.connect({ uri }), dispose: () => undefined });
  else console.log('Neo4j skipped: NEO4J_URI is unset (run `npm run bench:graph`, which starts one).');
  return list;
}

/** Saves every input in batches of `batchSize`, one transaction each; returns products per second. */
async function registerInBatches(graph: KnowledgeGraph, inputs: readonly SaveProductInput[]): Promise<number> {
  const bar = progressBar('bulk registration', inputs.length);
  for (let from = 0; from < inputs.length; from += batchSize) {
    const results = await graph.saveProducts(inputs.slice(from, from + batchSize));
    const wrong = results.find((r) => !r.ok || r.saved.outcome !== 'created');
    if (wrong) throw new Error(`bulk registration did not create every product: ${JSON.stringify(wrong)}`);
    bar.update(Math.min(inputs.length, from + batchSize));
  }
  return bar.stop();
}

/** Saves every input with `concurrency` saves in flight, one transaction each; returns saves per second. */
async function registerOneByOne(graph: KnowledgeGraph, inputs: readonly SaveProductInput[]): Promise<number> {
  const bar = progressBar('single registrations', inputs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const input = inputs[next++] as SaveProductInput;
      const { outcome } = await graph.saveProduct(input);
      if (outcome !== 'updated') throw new Error(`${input.revision.iri} was ${outcome}, expected updated`);
      if (++done % 100 === 0) bar.update(done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return bar.stop();
}

interface TraversalFigures {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly meanNodes: number;
  readonly truncated: number;
  /** Nodes reached per start, to compare backends. */
  readonly reached: readonly number[];
}

async function traverseAll(graph: KnowledgeGraph, starts: readonly string[], direction: TraverseOptions['direction']): Promise<TraversalFigures> {
  for (const iri of starts.slice(0, 100)) await graph.traverse(iri, { ...FIVE_HOPS, direction }); // warm-up
  const latencies: number[] = [];
  const reached: number[] = [];
  let truncated = 0;
  for (const iri of starts) {
    const t = performance.now();
    const result = await graph.traverse(iri, { ...FIVE_HOPS, direction });
    latencies.push(performance.now() - t);
    reached.push(result.nodes.length);
    if (result.truncated) truncated++;
  }
  const meanNodes = reached.reduce((a, b) => a + b, 0) / reached.length;
  return { p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), meanNodes, truncated, reached };
}

function describeTraversal(label: string, f: TraversalFigures): string {
  return `${label} p50 ${f1(f.p50)} ms, p95 ${f1(f.p95)} ms, p99 ${f1(f.p99)} ms; ${f1(f.meanNodes)} nodes on average, ${f.truncated} capped at ${FIVE_HOPS.maxNodes}`;
}

async function main() {
  console.log(`Quanta graph benchmark — node ${process.version}, ${size.toLocaleString('en')} products, ${concurrency} saves in flight`);
  const catalog = lineageCatalog(size);
  const inputs = catalog.descriptors.map((raw) => toSaveInput(raw));
  // Updates of products spread over the catalog: a new description, the same lineage.
  const byIri = new Map(catalog.descriptors.map((d) => [d.id, d]));
  const updates = catalog.sample(SINGLE_UPDATES, 'any').map((iri) => {
    const raw = byIri.get(iri);
    return toSaveInput({ ...raw, description: `${raw?.description ?? ''} Updated.` });
  });
  const edges = inputs.reduce((n, i) => n + i.graph.edges.length, 0);
  console.log(`generated ${inputs.length.toLocaleString('en')} products, ${edges.toLocaleString('en')} edges (${catalog.consumesEdges.toLocaleString('en')} product-to-product)`);
  const upstreamStarts = catalog.sample(TRAVERSALS, 'late');
  const downstreamStarts = catalog.sample(TRAVERSALS, 'early');

  const results: { name: string; up: TraversalFigures; down: TraversalFigures }[] = [];
  for (const backend of backends()) {
    const graph = await backend.open();
    try {
      if ((await graph.countProducts()) !== 0) throw new Error(`${backend.name} is not empty: the benchmark needs a fresh store`);
      console.log(`\n== ${backend.name} ==`);
      const bulk = await registerInBatches(graph, inputs);
      console.log(`${pad('bulk registration')}${f1(bulk)} products/s (saveProducts, ${batchSize} per transaction)`);
      const single = await registerOneByOne(graph, updates);
      console.log(`${pad('single registrations')}${f1(single)} /s (${SINGLE_UPDATES.toLocaleString('en')} updates via saveProduct, ${concurrency} in flight)`);
      const up = await traverseAll(graph, upstreamStarts, 'out');
      const down = await traverseAll(graph, downstreamStarts, 'in');
      console.log(describeTraversal(pad('5-hop upstream'), up));
      console.log(describeTraversal(pad('5-hop downstream'), down));
      results.push({ name: backend.name, up, down });
    } finally {
      await graph.close();
      backend.dispose();
    }
  }
  assertSameAnswers(results);
}

/** The backends hold the same graph, so every traversal must reach the same number of nodes. */
function assertSameAnswers(results: readonly { name: string; up: TraversalFigures; down: TraversalFigures }[]): void {
  const [first, ...rest] = results;
  for (const other of rest) {
    for (const key of ['up', 'down'] as const) {
      const a = first?.[key].reached ?? [];
      const b = other[key].reached;
      const differs = a.findIndex((n, i) => n !== b[i]);
      if (differs >= 0) throw new Error(`${other.name} reached ${b[differs]} nodes where ${first?.name} reached ${a[differs]} (${key}stream start #${differs})`);
    }
  }
  if (rest.length > 0) console.log('\nboth backends returned the same traversals');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
