/**
 * Benchmark (not a test): duplicate detection (issue 7, research/ranking.md §B.4–B.5) over a
 * generated mesh with known duplicates, on the embedded graph in this process.
 *
 *   npm run bench:insights -w @quanta/test -- [products=100000] [incremental=500]
 *
 * Budget (2-core machine): a full run over 100k products ≤ 60 s; keeping it current costs
 * ≤ 100 ms per registration. The mesh loads through `saveProducts` (its business glossary through
 * a real registration, since the glossary is read from semantic analysis); then the full run is
 * timed as the server runs it at start and on its schedule, and `incremental` new products (copies
 * of existing ones, so they land in groups) are saved and brought into the groups one at a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalog, FeedbackProjection, InsightsProjection, systemClock } from '@quanta/core';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { SYSTEM, type Descriptor } from '@quanta/model';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { generateMesh } from '../insights/generated-mesh.js';
import { meshGlossary } from '../insights/mesh-glossary.js';
import { f1, pct, progressBar } from './measure.js';
import { toSaveInput } from './save-input.js';

const size = Number(process.argv[2] ?? 100_000);
const incremental = Number(process.argv[3] ?? 500);
const BATCH = 1000;
const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
const rssMiB = () => process.memoryUsage().rss / 2 ** 20;
const seconds = (from: number) => (performance.now() - from) / 1000;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'quanta-bench-insights-'));
  const graph = SqliteKnowledgeGraph.open({ file: join(dir, 'graph.db') });
  try {
    const started = performance.now();
    const mesh = generateMesh({ products: size + incremental, seed: 11 });
    const later = new Set(mesh.duplicates.slice(-incremental).map((d) => d.b));
    const first = mesh.descriptors.filter((d) => !later.has(d.id));
    console.log(`generated ${mesh.descriptors.length} products (${mesh.duplicates.length} known duplicates) in ${f1(seconds(started))} s`);

    const catalog = createCatalog({ graph, search: new EmbeddedSearchIndex(), clock: systemClock, semantics: JsonLdSemanticLayer.create() });
    await catalog.register(meshGlossary(), SYSTEM);
    const bar = progressBar('bulk load', first.length);
    for (let from = 0; from < first.length; from += BATCH) {
      const results = await graph.saveProducts(first.slice(from, from + BATCH).map(toSaveInput));
      if (results.some((r) => !r.ok)) throw new Error('bulk load failed');
      bar.update(Math.min(first.length, from + BATCH));
    }
    bar.stop();

    const feedback = new FeedbackProjection(graph, systemClock);
    const insights = new InsightsProjection(graph, systemClock, feedback);
    feedback.balanceWith(insights);
    let t = performance.now();
    await feedback.rebuild();
    const feedbackSeconds = seconds(t);
    t = performance.now();
    await insights.rebuild();
    const fullSeconds = seconds(t);
    const likely = insights.allPairs.filter((p) => p.band === 'likely');
    const known = new Set(mesh.duplicates.filter((d) => !later.has(d.b)).map((d) => key(d.a, d.b)));
    const hits = likely.filter((p) => known.has(key(p.a, p.b))).length;
    const groups = insights.duplicateGroups.length;

    // Registrations after the full run: each new copy saved, then brought into the groups.
    const refreshMs: number[] = [];
    const fresh = mesh.descriptors.filter((d) => later.has(d.id));
    for (const d of fresh) {
      const { product } = await graph.saveProduct(toSaveInput(d as Descriptor));
      t = performance.now();
      await insights.refresh(product);
      refreshMs.push(performance.now() - t);
    }
    const joined = fresh.filter((d) => insights.duplicateOf(d.id) !== undefined || insights.duplicateGroups.some((g) => g.canonical === d.id)).length;

    console.log(
      [
        '',
        `duplicate detection over ${size} products (embedded graph, one process)`,
        `  feedback scores (prerequisite)     ${f1(feedbackSeconds)} s`,
        `  full run                           ${f1(fullSeconds)} s   (budget ≤ 60 s)`,
        `    pairs kept                       ${insights.allPairs.length} (${likely.length} likely, in ${groups} groups)`,
        `    precision / recall (likely)      ${f1((100 * hits) / Math.max(1, likely.length))}% / ${f1((100 * hits) / known.size)}%`,
        `  per registration, ${fresh.length} new copies   p50 ${f1(pct(refreshMs, 50))} ms, p95 ${f1(pct(refreshMs, 95))} ms, max ${f1(Math.max(...refreshMs))} ms   (budget ≤ 100 ms)`,
        `    joined a group                   ${joined} of ${fresh.length}`,
        `  RSS                                ${Math.round(rssMiB())} MiB`,
      ].join('\n'),
    );
  } finally {
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
