import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUCCESSOR_NOTE } from '@quanta/ranking';
import { call, compliantDescriptor, productPath, startQuanta, type QuantaProcess } from '../src/index.js';

// Each feedback factor of research/ranking.md §B.3 moves a product the right way through the HTTP
// API, with the sentence users read; the clamp and the relevance gate bound them; and the
// anti-gaming rules of §B.8 hold. Every case registers twins (same words, so text relevance cannot
// tell them apart) owned by a team of their own, then signals one twin and searches.
const BASE = 'https://e2e.example/factors';

interface Hit {
  product: { id: string; name: string };
  relevance: number;
  multiplier: number;
  score: number;
  factors: { name: string; value: number; reason: string }[];
  notes: string[];
}

describe('ranking factors through the API', () => {
  let q: QuantaProcess;
  beforeAll(async () => {
    // Impressions written and scores rebuilt every second, so the new-product factor's fade shows.
    q = await startQuanta({ env: { QUANTA_IMPRESSION_FLUSH_SECONDS: '1', QUANTA_FEEDBACK_REFRESH_SECONDS: '1' } });
  });
  afterAll(async () => {
    await q.stop();
    q.cleanup();
  });

  /** Registers `names` with one shared description (the twins' words) for team `team`. */
  async function twins(team: string, names: readonly string[], words: string, extra: Record<string, unknown> = {}) {
    for (const name of names) {
      const body = compliantDescriptor(BASE, name, { description: words, owner: { team }, ...extra });
      expect((await call(q.url, 'PUT', '/api/v1/products', body)).status).toBe(201);
    }
  }
  const id = (name: string) => `${BASE}/${name}`;
  const search = async (query: string, limit = 10) => (await call(q.url, 'GET', `/api/v1/search?q=${encodeURIComponent(query)}&limit=${limit}`)).body.hits as Hit[];
  const hitOf = async (query: string, name: string) => (await search(query)).find((h) => h.product.name === name) as Hit;
  const factor = (hit: Hit, name: string) => hit.factors.find((f) => f.name === name);
  const names = (hits: Hit[]) => hits.map((h) => h.product.name);
  const now = () => new Date().toISOString();
  const use = (product: string, consumers: readonly string[], extra: Record<string, unknown> = {}) =>
    call(q.url, 'POST', '/api/v1/usage', consumers.map((consumer) => ({ product: id(product), consumer, at: now(), ...extra })));
  const rate = (product: string, consumer: string, stars: number) => call(q.url, 'PUT', `${productPath(id(product))}/ratings/${encodeURIComponent(consumer)}`, { stars });

  it('usage lifts the product more teams use, and a million reads by one consumer count once', async () => {
    await twins('usage-owners', ['tide-a', 'tide-b', 'tide-c'], 'Tide gauge readings per harbour and quarter hour, for the coastal flooding forecasts.');
    expect((await use('tide-b', ['harbours', 'shipping', 'insurance'])).status).toBe(201);
    // One bot team reading tide-c a million times, and its owner reading it: one consumer, and none.
    expect((await use('tide-c', ['crawler'], { count: 1_000_000 })).status).toBe(201);
    expect((await use('tide-c', ['usage-owners'], { count: 500 })).status).toBe(201);
    const hits = await search('tide gauge readings harbour');
    expect(names(hits).slice(0, 3)).toEqual(['tide-b', 'tide-c', 'tide-a']);
    const [b, c, a] = hits as [Hit, Hit, Hit];
    expect(factor(b, 'usage')?.reason).toMatch(/^used by 3 consuming teams\/products \(≈3\.0 active, 30-day half-life\)$/);
    expect(factor(c, 'usage')?.reason).toMatch(/^used by 1 consuming team\/products/);
    expect(factor(a, 'usage')).toEqual({ name: 'usage', value: 1, reason: 'no recorded consumers yet' });
    expect(factor(b, 'usage')!.value).toBeGreaterThan(factor(c, 'usage')!.value);
    // Saturating: below 1 + β however many teams.
    expect(factor(b, 'usage')!.value).toBeLessThan(1.25);
    // Whoever types a name gets that product first, however its twins are used.
    const named = await search('Tide A');
    expect(named[0]?.product.name).toBe('tide-a');
    expect(named[0]?.notes).toContain('exact name match: ranked first');
  });

  it('good verified ratings lift a product, poor ones sink it', async () => {
    await twins('rating-owners', ['kelp-a', 'kelp-b', 'kelp-c'], 'Kelp forest canopy cover per survey transect, measured from drone imagery each spring.');
    const raters = ['divers', 'marine-lab', 'fisheries', 'parks', 'schools'];
    for (const p of ['kelp-b', 'kelp-c']) await use(p, raters);
    for (const team of raters) {
      expect((await rate('kelp-b', team, 5)).status).toBe(201);
      expect((await rate('kelp-c', team, 1)).status).toBe(201);
    }
    // The catalog mean comes from the full rebuild, every second here: one that ran between two of
    // the votes above would show a mean of 5 (kelp-b's alone). Wait for one that read all ten.
    const catalogMean = (hit: Hit | undefined) => /catalog mean (\d\.\d\d)/.exec(hit ? (factor(hit, 'rating')?.reason ?? '') : '')?.[1];
    let hits: Hit[] = [];
    await expect
      .poll(async () => catalogMean((hits = await search('kelp forest canopy transect'))[0]), { timeout: 15_000 })
      .toBe('3.00');
    // kelp-c's usage lifts it as much as kelp-b's: only the ratings tell them apart.
    expect(names(hits).slice(0, 3)).toEqual(['kelp-b', 'kelp-a', 'kelp-c']);
    const [b, , c] = hits as [Hit, Hit, Hit];
    expect(factor(b, 'rating')!.value).toBeGreaterThan(1);
    expect(factor(c, 'rating')!.value).toBeLessThan(1);
    // Five votes against five pseudo-votes at the catalog mean: shrunk halfway.
    const stars = (hit: Hit) => Number(/^(\d\.\d\d)★ adjusted from 5 verified ratings \(catalog mean \d\.\d\d\)$/.exec(factor(hit, 'rating')!.reason)?.[1]);
    expect(stars(b)).toBeGreaterThan(3.5);
    expect(stars(b)).toBeLessThan(5);
    expect(stars(c)).toBeLessThan(2.5);
    expect(stars(c)).toBeGreaterThan(1);
  });

  it('a failing SLO sinks a product, and a met one keeps it neutral', async () => {
    await twins('slo-owners', ['surf-a', 'surf-b'], 'Surf forecast swell height and period per beach, refreshed every three hours from buoys.');
    const checks = (passed: boolean) => Array.from({ length: 20 }, (_, i) => ({ metric: 'freshness', passed, at: new Date(Date.now() - i * 3_600_000).toISOString() }));
    expect((await call(q.url, 'POST', `${productPath(id('surf-a'))}/slo-checks`, checks(false))).status).toBe(201);
    expect((await call(q.url, 'POST', `${productPath(id('surf-b'))}/slo-checks`, checks(true))).status).toBe(201);
    const [b, a] = (await search('surf forecast swell buoys')) as [Hit, Hit];
    expect([b.product.name, a.product.name]).toEqual(['surf-b', 'surf-a']);
    expect(factor(a, 'slo')?.value).toBeLessThan(1);
    expect(factor(a, 'slo')?.reason).toMatch(/^'table\/freshness' burned \d+\.\d× its error budget/);
    expect(factor(b, 'slo')).toMatchObject({ value: 1 });
  });

  it('a deprecated product sinks below its live twin, and says so', async () => {
    await twins('life-owners', ['reef-a'], 'Coral reef bleaching alerts per reef cell, from sea surface temperature anomalies.');
    await twins('life-owners', ['reef-b'], 'Coral reef bleaching alerts per reef cell, from sea surface temperature anomalies.', { status: 'deprecated' });
    const [a, b] = (await search('coral reef bleaching alerts')) as [Hit, Hit];
    expect([a.product.name, b.product.name]).toEqual(['reef-a', 'reef-b']);
    expect(factor(b, 'lifecycle')).toEqual({ name: 'lifecycle', value: 0.25, reason: 'deprecated by its owner' });
  });

  it('a deprecated product that names its successor ranks below it, however well its words match', async () => {
    // The old product's description matches the query word for word, its successor's only partly,
    // and a third product sits between them on text alone.
    await twins('succession-owners', ['glacier-v2'], 'Glacier ice thickness per stake.');
    await twins('succession-owners', ['glacier-notes'], 'Glacier field notes and stake upkeep, per stake and season.');
    await twins('succession-owners', ['glacier-v1'], 'Glacier melt per stake: ice thickness and retreat, each spring and autumn survey.', {
      status: 'deprecated',
      links: { successor: id('glacier-v2') },
    });
    const text = await search('glacier melt ice thickness retreat spring autumn');
    const order = names(text).filter((n) => n.startsWith('glacier-'));
    expect(order.indexOf('glacier-v1')).toBe(order.indexOf('glacier-v2') + 1);
    const old = text.find((h) => h.product.name === 'glacier-v1') as Hit;
    expect(old.notes).toContain(SUCCESSOR_NOTE);
    // Its score is still its own, higher than the successor's: only its place moved.
    expect(old.score).toBeGreaterThan((text.find((h) => h.product.name === 'glacier-v2') as Hit).score);
    // Whoever names the old product still finds it first.
    expect(names(await search('glacier-v1'))[0]).toBe('glacier-v1');
  });

  it('a new product gets an exploration boost that fades as searchers see it, three per team at most', async () => {
    const query = 'sand dune migration lidar';
    await twins('new-owners', ['dune-a', 'dune-b', 'dune-c'], 'Sand dune migration per coastal segment, from yearly lidar surveys of the shoreline.');
    const dune = await hitOf(query, 'dune-a');
    expect(factor(dune, 'new')?.reason).toBe('new product (0 days old), shown to few searchers so far');
    const before = factor(dune, 'new')!.value;
    expect(before).toBeGreaterThan(1.45);
    // 40 searches show the three in the top three: at least 40 × 1/3 expected examinations each.
    for (let i = 0; i < 40; i++) await search(query);
    await expect.poll(async () => factor(await hitOf(query, 'dune-a'), 'new')?.value, { timeout: 10_000, interval: 500 }).toBeLessThan(before - 0.05);
    // A fourth product of the team: still only three of them explore at once.
    await twins('new-owners', ['dune-d'], 'Sand dune migration per coastal segment, from yearly lidar surveys of the shoreline.');
    expect((await search(query)).filter((h) => factor(h, 'new'))).toHaveLength(3);
  });

  it('bounds the combined feedback, and never lifts a weak text match', async () => {
    await twins('clamp-owners', ['delta-a', 'delta-b'], 'River delta sediment load per distributary channel, sampled monthly by the hydrology team.');
    const users = ['ports', 'dredging', 'farming', 'ecology', 'planning', 'fisheries-delta', 'tourism', 'navy', 'water-board', 'climate'];
    await use('delta-b', users);
    for (const team of users) await rate('delta-b', team, 5);
    const b = await hitOf('river delta sediment distributary', 'delta-b');
    const raw = b.factors.reduce((m, f) => m * f.value, 1);
    expect(raw).toBeGreaterThan(2);
    expect(b.multiplier).toBe(2);
    expect(b.notes).toContain(`combined feedback ×${raw.toFixed(2)} bounded to [0.25, 2]`);
    // delta-b says "hydrology" once in its description; a product named for the query matches far better.
    await twins('registry-owners', ['hydrology-station-registry'], 'Registry of hydrology stations: location, operator and instruments of every gauging station.');
    const hits = await search('hydrology station registry');
    const weak = hits.find((h) => h.product.name === 'delta-b') as Hit;
    expect(hits[0]?.product.name).toBe('hydrology-station-registry');
    expect(weak.relevance).toBeLessThan(0.6 * hits[0]!.relevance);
    expect(weak.multiplier).toBe(1);
    expect(weak.notes).toContain('boosts not applied: weak text match for this query');
    // So its ×2 earns it nothing over its unsignalled twin.
    const twin = hits.find((h) => h.product.name === 'delta-a') as Hit;
    expect(weak.score).toBe(twin.score);
  });

  it('counts one current vote per consumer, no vote without use, and flags a burst', async () => {
    await twins('gaming-owners', ['fjord-a', 'fjord-b'], 'Fjord water temperature profiles per station and depth, logged hourly by moored sensors.');
    await use('fjord-a', ['salmon-farms']);
    for (let i = 0; i < 5; i++) await rate('fjord-a', 'salmon-farms', 5);
    const a = await hitOf('fjord water temperature profiles', 'fjord-a');
    expect(factor(a, 'rating')?.reason).toMatch(/adjusted from 1 verified rating /);
    // Twelve sock puppets who never used fjord-b: their votes carry no weight, and the burst shows.
    const puppets = Array.from({ length: 12 }, (_, i) => `puppet-${i}`);
    for (const p of puppets) await rate('fjord-b', p, 5);
    const b = await hitOf('fjord water temperature profiles', 'fjord-b');
    expect(factor(b, 'rating')?.value).toBe(1);
    expect(factor(b, 'rating')?.reason).toMatch(/^no verified ratings yet \(catalog mean \d\.\d\d\); 12 ratings from consumers with no recorded use not counted; burst of 12 ratings within 24 h flagged for review$/);
  });
});
