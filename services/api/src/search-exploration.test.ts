import { createCatalog, EXAMINATIONS, FeedbackProjection, ImpressionLog, manualClock, type SlotPlacement } from '@quanta/core';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { SYSTEM } from '@quanta/model';
import { DEFAULT_RANKING_PARAMS, SLOT_NOTE } from '@quanta/ranking';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';

// What search feeds back into ranking (research/ranking.md §B.3, §B.7): every page it shows counts
// as impressions (1/position each), and on the first page the exploration slot may move a new,
// little-seen product to position 3, logged with its propensity. ε is 1 here, so the slot is
// always drawn; `random` is seeded.
const BASE = 'https://quanta.example/exploration';
const WORDS = 'Glacier mass balance per glacier and hydrological year, from stake and snow pit surveys.';

let graph: SqliteKnowledgeGraph;
let impressions: ImpressionLog;
let feedback: FeedbackProjection;
let placements: SlotPlacement[];
let app: ReturnType<typeof createApp>;
let catalog: ReturnType<typeof createCatalog>;

beforeEach(async () => {
  graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
  const clock = manualClock(Date.now());
  feedback = new FeedbackProjection(graph, clock, { ...DEFAULT_RANKING_PARAMS, explore: { ...DEFAULT_RANKING_PARAMS.explore, epsilon: 1 } });
  impressions = new ImpressionLog(graph);
  placements = [];
  let seed = 7;
  const random = () => ((seed = (seed * 48_271) % 2_147_483_647) - 1) / 2_147_483_646;
  catalog = createCatalog({
    graph,
    search: new EmbeddedSearchIndex(),
    clock,
    semantics: JsonLdSemanticLayer.create(),
    feedback,
    impressions,
    random,
    onExplorationSlot: (p) => placements.push(p),
  });
  app = createApp({ catalog, logger: pino({ level: 'silent' }), maxBodyBytes: 65_536, version: 'test', authenticate: () => SYSTEM });
  // Six products with the same words: each team's own, so every one may explore.
  for (let i = 1; i <= 6; i++) {
    const body = {
      id: `${BASE}/glacier-${i}`,
      name: `glacier-${i}`,
      description: WORDS,
      domain: 'cryosphere',
      owner: { team: `team-${i}` },
      classification: { confidentiality: 'internal' },
      outputPorts: [
        { name: 'table', kind: 'table', fields: [{ name: 'glacier_id', type: 'string' }], slos: [{ metric: 'freshness', objective: '<= 1 d', target: 0.99, window: '28d' }] },
      ],
    };
    const res = await app.request('/api/v1/products', { method: 'PUT', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(201);
  }
});

interface Hit {
  product: { iri: string };
  notes: string[];
}
const search = async (offset = 0, limit = 4) =>
  ((await (await app.request(`/api/v1/search?q=glacier%20mass%20balance&offset=${offset}&limit=${limit}`)).json()) as { hits: Hit[] }).hits;

describe('search impressions and the exploration slot', () => {
  it('counts each shown hit as 1/position examinations, written when flushed', async () => {
    const shown = [...(await search(0, 4)), ...(await search(4, 2))].map((h) => h.product.iri);
    // The slot reorders within the first page only: paging shows every product once.
    expect(new Set(shown).size).toBe(6);
    expect(await graph.readCounters(shown[0]!)).toEqual({});
    expect(await impressions.flush()).toBe(6);
    const seen = await Promise.all(shown.map(async (iri) => (await graph.readCounters(iri))[EXAMINATIONS]));
    expect(seen).toEqual([1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6]);
    expect(impressions.pendingProducts).toBe(0);
  });

  it('keeps impressions it could not write for the next flush', async () => {
    await search(0, 4);
    await graph.close();
    await expect(impressions.flush()).rejects.toThrow();
    expect(impressions.pendingProducts).toBe(4);
  });

  it('moves a little-seen product into position 3 on the first page, noted and logged', async () => {
    const page = await search(0, 6);
    expect(placements).toHaveLength(1);
    const [placed] = placements as [SlotPlacement];
    expect(placed).toMatchObject({ query: 'glacier mass balance', position: 3, product: page[2]!.product.iri });
    // The pool was every product of the page from position 3 on: four of them.
    expect(placed.propensity).toBeCloseTo(1 / 4);
    expect(page[2]!.notes).toContain(SLOT_NOTE);
    expect(page.filter((h) => h.notes.includes(SLOT_NOTE))).toHaveLength(1);
  });

  it('counts nothing and draws no slot for a search no person asked (a page listing similar products)', async () => {
    const result = await catalog.search({ q: 'glacier mass balance', filters: {}, offset: 0, limit: 6, searched: false });
    expect(result.hits).toHaveLength(6);
    expect(result.hits.some((h) => h.notes.includes(SLOT_NOTE))).toBe(false);
    expect(placements).toHaveLength(0);
    expect(await impressions.flush()).toBe(0);
  });

  it('leaves later pages alone, and products seen n0 times out of the slot', async () => {
    await search(4, 2);
    expect(placements).toHaveLength(0);
    for (let i = 1; i <= 6; i++) await graph.addToCounter(`${BASE}/glacier-${i}`, EXAMINATIONS, DEFAULT_RANKING_PARAMS.explore.n0);
    await feedback.rebuild();
    const page = await search(0, 6);
    expect(placements).toHaveLength(0);
    expect(page.some((h) => h.notes.includes(SLOT_NOTE))).toBe(false);
  });
});
