import { createCatalog, FeedbackProjection, manualClock } from '@quanta/core';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { type Identity, SYSTEM } from '@quanta/model';
import { DEFAULT_RANKING_PARAMS } from '@quanta/ranking';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';

// Rating manipulation through the API (research/perf-reliability.md §3.5 R1, R2; ranking.md §B.3):
// ten products with the same words, each its own team's; three of them used by real consumers.
const BASE = 'https://quanta.example/manipulation';
const WORDS = 'Sea ice concentration per grid cell and day, from passive microwave radiometers.';
const iri = (i: number) => `${BASE}/ice-${i}`;

describe('rating manipulation', () => {
  let app: ReturnType<typeof createApp>;
  let catalog: ReturnType<typeof createCatalog>;
  const send = (method: string, path: string, body?: unknown) =>
    app.request(path, { method, ...(body !== undefined && { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) });
  const order = async () => ((await (await send('GET', `/api/v1/search?q=${encodeURIComponent('sea ice concentration')}&limit=20`)).json()) as { hits: { product: { iri: string } }[] }).hits.map((h) => h.product.iri);

  beforeAll(async () => {
    const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
    const clock = manualClock(Date.now());
    // No exploration slot: the order must move only by the feedback under test.
    const feedback = new FeedbackProjection(graph, clock, { ...DEFAULT_RANKING_PARAMS, explore: { ...DEFAULT_RANKING_PARAMS.explore, epsilon: 0 } });
    catalog = createCatalog({ graph, search: new EmbeddedSearchIndex(), clock, semantics: JsonLdSemanticLayer.create(), feedback });
    app = createApp({ catalog, logger: pino({ level: 'silent' }), maxBodyBytes: 65_536, authenticate: () => SYSTEM });
    for (let i = 0; i < 10; i++) {
      const body = {
        id: iri(i),
        name: `ice-${i}`,
        description: WORDS,
        domain: 'ocean',
        owner: { team: `team-${i}` },
        classification: { confidentiality: 'internal' },
        outputPorts: [{ name: 'grid', kind: 'table', fields: [{ name: 'cell', type: 'string' }], slos: [{ metric: 'freshness', objective: '<= 1 d', target: 0.99, window: '28d' }] }],
      };
      expect((await send('PUT', '/api/v1/products', body)).status).toBe(201);
    }
    const uses = [0, 1, 2].flatMap((p) => ['fisheries', 'shipping', 'climate'].map((consumer, c) => ({ product: iri(p), consumer, count: 3, id: `use-${p}-${c}` })));
    expect((await send('POST', '/api/v1/usage', uses)).status).toBe(201);
    await feedback.rebuild();
  });

  it('counts 1,000 ratings from one principal on one product as one rating (R1)', { timeout: 60_000 }, async () => {
    const statuses = new Set<number>();
    for (let n = 0; n < 1_000; n++) statuses.add((await send('PUT', `/api/v1/products/${encodeURIComponent(iri(1))}/ratings/fisheries`, { stars: (n % 5) + 1 })).status);
    expect([...statuses].sort()).toEqual([200, 201]);
    const report = await catalog.usageReport({ owner: 'team-1', windowDays: 28 }, SYSTEM);
    // The last one counts: stars 5 (n = 999), once.
    expect(report.products[0]?.satisfaction).toMatchObject({ ratings: 1, meanStars: 5 });
  });

  it('lets 50 new accounts with no recorded use move a product by no position (R2)', async () => {
    const before = await order();
    const target = before.at(-1) as string; // the last of the ten: the one a ring would push up
    expect(before).toHaveLength(10);
    for (let n = 0; n < 50; n++) expect((await send('PUT', `/api/v1/products/${encodeURIComponent(target)}/ratings/sock-puppet-${n}`, { stars: 5 })).status).toBe(201);
    const after = await order();
    expect(after.indexOf(target)).toBe(before.indexOf(target));
    expect(after).toEqual(before);
    // The same votes from consumers that did use it would lift it: the bound is verified use, not a freeze.
    const used = ['fisheries', 'shipping', 'climate'].map((consumer, c) => ({ product: target, consumer, count: 5, id: `real-${c}` }));
    expect((await send('POST', '/api/v1/usage', used)).status).toBe(201);
    for (const consumer of ['fisheries', 'shipping', 'climate']) expect((await send('PUT', `/api/v1/products/${encodeURIComponent(target)}/ratings/${consumer}`, { stars: 5 })).status).toBe(201);
    expect((await order()).indexOf(target)).toBeLessThan(before.indexOf(target));
  });
});

describe('serial voting: flagged, voided and restored by an admin, with an audit trail (R3)', () => {
  const admin: Identity = { subject: 'token:tok_admin', kind: 'service', admin: true, teams: [] };
  const owner: Identity = { subject: 'token:tok_owner', kind: 'service', admin: false, teams: ['ice-team'], consumer: 'urn:quanta:team:ice-team' };
  let app: ReturnType<typeof createApp>;
  let clock: ReturnType<typeof manualClock>;
  const send = (method: string, path: string, body?: unknown, as = admin) =>
    app.request(path, { method, headers: { 'x-as': as === admin ? 'admin' : 'owner', 'Content-Type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  // Each product's rating factor: time moves on between the reads, and with it the other factors.
  const scores = async () =>
    new Map(
      ((await (await send('GET', `/api/v1/search?q=${encodeURIComponent('sea ice concentration')}&limit=20`)).json()) as { hits: { product: { iri: string }; factors: { name: string; value: number }[] }[] }).hits.map((h) => [
        h.product.iri,
        h.factors.find((f) => f.name === 'rating')?.value ?? 1,
      ]),
    );
  const ring = Array.from({ length: 8 }, (_, i) => `${BASE}/ring-${i}`);

  beforeAll(async () => {
    const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
    clock = manualClock(Date.parse('2026-11-02T09:00:00Z'));
    const feedback = new FeedbackProjection(graph, clock, { ...DEFAULT_RANKING_PARAMS, explore: { ...DEFAULT_RANKING_PARAMS.explore, epsilon: 0 } });
    const catalog = createCatalog({ graph, search: new EmbeddedSearchIndex(), clock, semantics: JsonLdSemanticLayer.create(), feedback });
    app = createApp({ catalog, logger: pino({ level: 'silent' }), maxBodyBytes: 65_536, authenticate: (r) => (r.headers.get('x-as') === 'owner' ? owner : admin) });
    for (const [i, id] of ring.entries()) {
      const body = { id, name: `ring-${i}`, description: WORDS, domain: 'ocean', owner: { team: 'ice-team' }, classification: { confidentiality: 'internal' }, outputPorts: [{ name: 'grid', kind: 'table' }] };
      expect((await send('PUT', '/api/v1/products', body)).status).toBe(201);
    }
    // The ring did use every product: its votes are verified, which is what makes serial voting work.
    expect((await send('POST', '/api/v1/usage', ring.map((product, i) => ({ product, consumer: 'ring', count: 1, id: `ring-use-${i}` })))).status).toBe(201);
    await feedback.rebuild();
  });

  it('flags eight ratings of one team\'s products in eight minutes, voids them out of ranking, and restores them', async () => {
    const neutral = await scores();
    for (const product of ring) {
      expect((await send('PUT', `/api/v1/products/${encodeURIComponent(product)}/ratings/ring`, { stars: 5 })).status).toBe(201);
      clock.advance(60_000);
    }
    const boosted = await scores();
    for (const product of ring) expect(neutral.get(product)).toBe(1);
    for (const product of ring) expect(boosted.get(product)).toBeGreaterThan(1);

    const flagged = (await (await send('GET', '/api/v1/admin/rating-bursts')).json()) as { bursts: { consumer: string; owner: string; ratings: unknown[]; voided: boolean }[] };
    expect(flagged.bursts).toEqual([expect.objectContaining({ consumer: 'urn:quanta:team:ring', owner: 'ice-team', voided: false })]);
    expect(flagged.bursts[0]?.ratings).toHaveLength(8);
    // Only admins see who rated what, and only admins judge it, before anything is read.
    expect((await send('GET', '/api/v1/admin/rating-bursts', undefined, owner)).status).toBe(403);
    expect((await send('POST', '/api/v1/admin/rating-reviews', { consumer: 'ring', owner: 'ice-team', verdict: 'void', reason: 'own team' }, owner)).status).toBe(403);

    const voided = await send('POST', '/api/v1/admin/rating-reviews', { consumer: 'ring', owner: 'ice-team', verdict: 'void', reason: 'serial voting: eight 5-star ratings in eight minutes' });
    expect(voided.status).toBe(201);
    expect(await voided.json()).toMatchObject({ kind: 'ratings-voided', consumer: 'urn:quanta:team:ring', owner: 'ice-team', products: [...ring].sort(), actor: 'token:tok_admin' });
    const after = await scores();
    for (const product of ring) expect(after.get(product)).toBe(1);
    // Voiding again finds nothing left to void.
    expect((await send('POST', '/api/v1/admin/rating-reviews', { consumer: 'ring', owner: 'ice-team', verdict: 'void', reason: 'again' })).status).toBe(404);

    expect((await send('POST', '/api/v1/admin/rating-reviews', { consumer: 'ring', owner: 'ice-team', verdict: 'restore', reason: 'the team confirmed these were real reviews' })).status).toBe(201);
    const restored = await scores();
    // Back as before, less the few minutes the votes aged meanwhile.
    for (const product of ring) expect(restored.get(product)).toBeCloseTo(boosted.get(product) as number, 4);
    const audit = (await (await send('GET', '/api/v1/admin/rating-bursts')).json()) as { bursts: { voided: boolean }[]; reviews: { kind: string; reason: string; actor: string }[] };
    expect(audit.bursts[0]?.voided).toBe(false);
    expect(audit.reviews.map((r) => [r.kind, r.reason, r.actor])).toEqual([
      ['ratings-voided', 'serial voting: eight 5-star ratings in eight minutes', 'token:tok_admin'],
      ['ratings-restored', 'the team confirmed these were real reviews', 'token:tok_admin'],
    ]);
  });

  it('flags more than five in ten minutes only: five at once, or six spread over twelve minutes, are not a burst', async () => {
    for (const product of ring.slice(0, 5)) expect((await send('PUT', `/api/v1/products/${encodeURIComponent(product)}/ratings/five`, { stars: 4 })).status).toBe(201);
    for (const product of ring.slice(0, 6)) {
      expect((await send('PUT', `/api/v1/products/${encodeURIComponent(product)}/ratings/spread`, { stars: 4 })).status).toBe(201);
      clock.advance(150_000);
    }
    const report = (await (await send('GET', '/api/v1/admin/rating-bursts')).json()) as { bursts: { consumer: string }[] };
    expect(report.bursts.map((b) => b.consumer)).toEqual(['urn:quanta:team:ring']);
  });
});
