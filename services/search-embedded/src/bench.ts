/**
 * Micro-benchmark of the embedded search index at catalog scale. Build, then run
 * `node --expose-gc dist/bench.js [products=100000] [queries=3000]` from the package folder.
 * Prints build time, memory, single-upsert cost and search latency percentiles for a realistic
 * query mix (see bench/query-mix.ts), without and then with synonym groups in force. Figures, not
 * assertions: the budget is in the task brief.
 */
import type { SearchDocument, SynonymGroup } from '@quanta/core';
import { type BenchQuery, makeQueries } from './bench/query-mix.js';
import { createRandom } from './bench/random.js';
import { formatMs, memoryMb, percentiles } from './bench/stats.js';
import { CorpusGenerator } from './bench/synthetic-corpus.js';
import { EmbeddedSearchIndex } from './embedded-search-index.js';

const products = Number(process.argv[2] ?? 100_000);
const queryCount = Number(process.argv[3] ?? 3_000);
const random = createRandom(20260101);
const corpus = new CorpusGenerator(random);

const baseline = memoryMb();
const documents = Array.from({ length: products }, (_, i) => corpus.product(i));
console.log(`corpus: ${products} products, ${corpus.vocabulary.length} vocabulary words, ${memoryMb().heap - baseline.heap} MB as objects`);
const index = await measureBuild(documents);
const queries = makeQueries(random, corpus, queryCount);
await measureSearch(index, queries);
await index.setSynonyms(benchSynonyms(corpus.vocabulary));
console.log('with 250 synonym groups in force:');
await measureSearch(index, queries);
await index.setSynonyms([]);
await measureUpserts(index, documents);

/**
 * Synonyms that queries of the mix keep meeting: 200 groups joining two of the 400 most frequent
 * words (a query word then also scans its synonym's postings) and 50 joining a frequent word to a
 * phrase of two others (the phrase's postings are intersected at query time).
 */
function benchSynonyms(vocabulary: readonly string[]): SynonymGroup[] {
  const word = (rank: number): string => vocabulary[rank] ?? 'word';
  const pairs = Array.from({ length: 200 }, (_, i) => [word(i), word(i + 200)]);
  const phrases = Array.from({ length: 50 }, (_, i) => [word(400 + i), `${word(2 * i)} ${word(2 * i + 1)}`]);
  return [...pairs, ...phrases];
}

/** Bulk-loads the corpus, printing the time it takes and the memory it holds. */
async function measureBuild(docs: readonly SearchDocument[]): Promise<EmbeddedSearchIndex> {
  const before = memoryMb();
  const built = new EmbeddedSearchIndex();
  const started = performance.now();
  await built.upsert(docs);
  console.log(`bulk build: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  const after = memoryMb();
  console.log(`memory: heap ${after.heap} MB + typed arrays ${after.buffers} MB, rss ${after.rss} MB`);
  console.log(`  index structures: +${after.heap + after.buffers - before.heap - before.buffers} MB over the stored documents`);
  return built;
}

/** Runs the query mix after a warm-up, printing latency percentiles per query trait. */
async function measureSearch(target: EmbeddedSearchIndex, queries: readonly BenchQuery[]): Promise<void> {
  for (const query of queries.slice(0, 300)) await target.search(query.request);
  const timings = new Map<string, number[]>([['all', []]]);
  for (const query of queries) {
    const started = performance.now();
    const result = await target.search(query.request);
    const elapsed = performance.now() - started;
    for (const trait of ['all', ...query.traits, matchSizeClass(result.total)]) {
      const samples = timings.get(trait) ?? [];
      samples.push(elapsed);
      timings.set(trait, samples);
    }
  }
  console.log(`search (${queries.length} queries):`);
  for (const [trait, samples] of timings) console.log(`  ${trait.padEnd(10)} n=${String(samples.length).padStart(4)}  ${formatMs(percentiles(samples))}`);
}

/** Buckets queries by how much of the catalog they match: the main driver of a query's cost. */
function matchSizeClass(total: number): string {
  if (total >= products / 2) return 'match>50%';
  return total >= products / 10 ? 'match>10%' : 'match<10%';
}

/** Times single-document upserts: new products, then replacements enough to trigger a compaction. */
async function measureUpserts(target: EmbeddedSearchIndex, docs: readonly SearchDocument[]): Promise<void> {
  const time = async (batch: readonly SearchDocument[]): Promise<string> => {
    const samples: number[] = [];
    for (const document of batch) {
      const started = performance.now();
      await target.upsert([document]);
      samples.push(performance.now() - started);
    }
    return formatMs(percentiles(samples));
  };
  console.log(`upsert, new product: ${await time(Array.from({ length: 2_000 }, (_, i) => corpus.product(products + i)))}`);
  const replacements = docs.slice(0, 30_000).map((d) => ({ ...d, title: `${d.title} v2`, revision: 2 }));
  console.log(`upsert, replacing (30k, one compaction among them): ${await time(replacements)}`);
  const after = memoryMb();
  console.log(`memory after upserts: heap ${after.heap} MB + typed arrays ${after.buffers} MB, rss ${after.rss} MB`);
}
