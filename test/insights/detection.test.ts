import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, FeedbackProjection, InsightsProjection, manualClock } from '@quanta/core';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { SYSTEM, type Descriptor } from '@quanta/model';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { generateMesh, type GeneratedMesh } from './generated-mesh.js';
import { meshGlossary } from './mesh-glossary.js';

// Duplicate detection (research/ranking.md §B.5) measured on a generated mesh whose duplicates
// and look-alikes are known: copies with renamed or extra columns, same-upstream rebuilds and
// semantic twins must come out "likely duplicate"; lineage parents and their aggregates, products
// sharing only generic columns, and different tables of one database must not. Every product
// registers through the catalog, as a data product's CI would, and detection runs as the server
// runs it. The mesh publishes its business glossary (SKOS, mesh-glossary.ts): a semantic twin
// renames every column it can, so only the glossary shows it for what it is.
const PRODUCTS = 2_000;
const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** What the projection holds: its likely pairs, its groups, and any product found in two groups. */
function measure(insights: InsightsProjection) {
  const seen = new Map<string, number>();
  for (const g of insights.duplicateGroups) for (const m of g.members) seen.set(m, (seen.get(m) ?? 0) + 1);
  return {
    likely: insights.allPairs.filter((p) => p.band === 'likely').length,
    groups: insights.duplicateGroups.length,
    inTwoGroups: [...seen].filter(([, n]) => n > 1).map(([m]) => m),
  };
}

describe(`duplicate detection on a generated mesh of ${PRODUCTS} products`, () => {
  let incremental: ReturnType<typeof measure>;
  let mesh: GeneratedMesh;
  let graph: SqliteKnowledgeGraph;
  let insights: InsightsProjection;

  beforeAll(async () => {
    mesh = generateMesh({ products: PRODUCTS, seed: 7 });
    graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
    const clock = manualClock(Date.parse('2026-06-01T00:00:00Z'));
    const semantics = JsonLdSemanticLayer.create();
    const feedback = new FeedbackProjection(graph, clock);
    insights = new InsightsProjection(graph, clock, feedback);
    feedback.balanceWith(insights);
    const catalog = createCatalog({ graph, search: new EmbeddedSearchIndex(), clock, semantics, feedback, insights });
    // The glossary first, as a governance team would publish it; then each product, grouped as it registers.
    await catalog.register(meshGlossary() as Descriptor, SYSTEM);
    await insights.rebuild();
    for (const d of mesh.descriptors) await catalog.register(d as Descriptor, SYSTEM);
    await insights.settled();
    incremental = measure(insights);
    await feedback.rebuild();
    await insights.rebuild();
  }, 300_000);
  afterAll(() => graph?.close());

  it('finds as many as it registers, one product at a time, as a full run finds: no product in two groups', () => {
    const full = measure(insights);
    console.log(`kept up one registration at a time: ${incremental.likely} likely pairs in ${incremental.groups} groups; full run: ${full.likely} in ${full.groups}`);
    for (const m of [incremental, full]) expect(m.inTwoGroups).toEqual([]);
    // Pairs scored as products arrive see an earlier corpus (IDF) than a full run: close, not equal.
    expect(Math.abs(incremental.likely - full.likely)).toBeLessThanOrEqual(full.likely * 0.05);
  });

  it('finds likely duplicates with precision ≥ 0.9 and recall ≥ 0.8, and labels no look-alike', () => {
    const found = new Set(insights.allPairs.filter((p) => p.band === 'likely').map((p) => key(p.a, p.b)));
    const truth = new Map(mesh.duplicates.map((d) => [key(d.a, d.b), d.kind]));
    const hits = [...found].filter((k) => truth.has(k)).length;
    const precision = found.size === 0 ? 0 : hits / found.size;
    const recall = hits / truth.size;
    const byKind = new Map<string, { found: number; all: number }>();
    for (const [k, kind] of truth) {
      const row = byKind.get(kind) ?? { found: 0, all: 0 };
      row.all += 1;
      if (found.has(k)) row.found += 1;
      byKind.set(kind, row);
    }
    const lookAlikes = mesh.nonDuplicates.filter((n) => found.has(key(n.a, n.b)));
    console.log(
      [
        `likely duplicates on ${PRODUCTS} generated products: ${found.size} found, ${hits} of ${truth.size} known`,
        `  precision ${precision.toFixed(3)} (target ≥ 0.9), recall ${recall.toFixed(3)} (target ≥ 0.8)`,
        ...[...byKind].map(([kind, r]) => `  ${kind.padEnd(24)} ${r.found}/${r.all}`),
        `  known look-alikes labelled likely: ${lookAlikes.length} of ${mesh.nonDuplicates.length}`,
      ].join('\n'),
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.8);
    expect(lookAlikes).toEqual([]);
  });

  it('groups each original with its copy and picks one canonical per group', () => {
    const groups = insights.duplicateGroups;
    expect(groups.length).toBeGreaterThan(mesh.duplicates.length * 0.7);
    for (const g of groups) {
      expect(g.members).toContain(g.canonical);
      expect(g.averageScore).toBeGreaterThanOrEqual(0.7);
      for (const m of g.members) if (m !== g.canonical) expect(insights.duplicateOf(m)?.canonical).toBe(g.canonical);
      expect(insights.duplicateOf(g.canonical)).toBeUndefined();
    }
  });
});
