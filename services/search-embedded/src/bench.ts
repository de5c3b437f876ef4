/**
 * Micro-benchmark of the embedded search index at catalog scale. Build, then run
 * `node --expose-gc dist/bench.js [products=100000] [queries=3000]` from the package folder.
 * Prints build time, memory, single-upsert cost and search latency percentiles for a realistic
 * query mix (see bench/query-mix.ts). Figures, not assertions: the budget is in the task brief.
 */
import type { SearchDocument } from '@quanta/core';
import { makeQueries } from './bench/query-mix.js';
import { createRandom } from './bench/random.js';
import { formatMs, memoryMb, percentiles } from './bench/stats.js';
import { CorpusGenerator } from './bench/synthetic-corpus.js';
import { EmbeddedSearchIndex } from './embedded-search-index.js';

const products = Number(process.argv[2] ?? 100_000);
const queryCount = Number(process.argv[3] ?? 3_000);
const random = createRandom(20260101);
const corpus = new CorpusGenerator(random);

const baseline = memoryMb();
const documents: SearchDocument[] = Array.from({ length: products }, (_, i) => corpus.product(i));
const withDocuments = memoryMb();
console.log(`corpus: ${products} products, ${corpus.vocabulary.length} vocabulary words`);

const index = new EmbeddedSearchIndex();
let started = performance.now();
await index.upsert(documents);
console.log(`bulk build: ${((performance.now() - started) / 1000).toFixed(2)} s`);
const built = memoryMb();
console.log(`memory: heap ${built.heap} MB, rss ${built.rss} MB (baseline heap ${baseline.heap} MB, rss ${baseline.rss} MB)`);
console.log(`  stored documents alone: heap +${withDocuments.heap - baseline.heap} MB; index structures: heap +${built.heap - withDocuments.heap} MB`);

const queries = makeQueries(random, corpus, queryCount);
for (const query of queries.slice(0, 300)) await index.search(query.request);
const timings = new Map<string, number[]>([['all', []]]);
let totalHits = 0;
for (const query of queries) {
  started = performance.now();
  const result = await index.search(query.request);
  const elapsed = performance.now() - started;
  totalHits += result.total;
  for (const trait of ['all', ...query.traits]) {
    const samples = timings.get(trait) ?? [];
    samples.push(elapsed);
    timings.set(trait, samples);
  }
}
console.log(`search (${queryCount} queries, mean total ${Math.round(totalHits / queryCount)} matches):`);
for (const [trait, samples] of timings) console.log(`  ${trait.padEnd(8)} n=${String(samples.length).padStart(4)}  ${formatMs(percentiles(samples))}`);

const upsertTimings = async (docs: SearchDocument[]): Promise<number[]> => {
  const samples: number[] = [];
  for (const document of docs) {
    const at = performance.now();
    await index.upsert([document]);
    samples.push(performance.now() - at);
  }
  return samples;
};
const fresh = Array.from({ length: 2_000 }, (_, i) => corpus.product(products + i));
console.log(`upsert, new product:      ${formatMs(percentiles(await upsertTimings(fresh)))}`);
const replacements = documents.slice(0, 30_000).map((d) => ({ ...d, title: `${d.title} v2`, revision: 2 }));
console.log(`upsert, replace (30k, includes a compaction): ${formatMs(percentiles(await upsertTimings(replacements)))}`);
const after = memoryMb();
console.log(`memory after upserts: heap ${after.heap} MB, rss ${after.rss} MB`);
