import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@quanta/api';
import { createCatalog, SearchProjector, systemClock, type Catalog } from '@quanta/core';
import { testDocument } from '@quanta/core/testing';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { SYSTEM } from '@quanta/model';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compliantDescriptor, FailingSearchIndex } from '../src/index.js';

const BASE = 'https://faults.example/products';
const BURST = 1000;

/**
 * The search engine down during registrations (research/perf-reliability.md F4, issue 10): on the
 * embedded graph and engine, with a search port that fails on demand between them and the API.
 */
describe('the search engine down for a burst of registrations', () => {
  let dir: string;
  let graph: SqliteKnowledgeGraph;
  let engine: EmbeddedSearchIndex;
  let search: FailingSearchIndex;
  let projector: SearchProjector;
  let catalog: Catalog;
  let app: ReturnType<typeof createApp>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'quanta-faults-'));
    graph = SqliteKnowledgeGraph.open({ file: join(dir, 'graph.db') });
    engine = new EmbeddedSearchIndex();
    search = new FailingSearchIndex(engine);
    // Short backoff so the suite does not wait out production's 10 s ceiling.
    projector = new SearchProjector(graph, search, systemClock, { retryMinMs: 20, retryMaxMs: 300 });
    catalog = createCatalog({ graph, search, clock: systemClock, semantics: JsonLdSemanticLayer.create(), projector });
    projector.start(100);
    app = createApp({ catalog, logger: pino({ level: 'silent' }), maxBodyBytes: 1 << 20, authenticate: () => SYSTEM });
  });
  afterEach(async () => {
    await projector.stop();
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const register = (name: string, extra: Record<string, unknown> = {}) =>
    app.request('/api/v1/products', { method: 'PUT', body: JSON.stringify(compliantDescriptor(BASE, name, extra)), headers: { 'Content-Type': 'application/json' } });
  const json = async (path: string, init?: RequestInit) => {
    const res = await app.request(path, init);
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };
  /** The first hit of a search for the product's exact name: itself, when it is searchable. */
  const firstHit = async (name: string) => (await catalog.search({ q: name, filters: {}, offset: 0, limit: 1, searched: false })).hits[0];

  it('acknowledges every registration, answers search 503 with Retry-After, and makes every product searchable once the engine is back', async () => {
    const names = Array.from({ length: BURST }, (_, k) => `burst-${String(k).padStart(4, '0')}`);
    expect((await register('before-the-outage')).status).toBe(201);
    expect((await firstHit('before-the-outage'))?.product.iri).toBe(`${BASE}/before-the-outage`);

    search.down = true;
    const statuses: number[] = [];
    for (let k = 0; k < names.length; k += 8) {
      const batch = await Promise.all(names.slice(k, k + 8).map((n) => register(n)));
      statuses.push(...batch.map((r) => r.status));
    }
    // An update while the engine is down: the index must end on the newest revision.
    expect((await register('before-the-outage', { description: 'Updated while the search engine was down; the index must show this revision.' })).status).toBe(200);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);

    const refused = await json('/api/v1/search?q=burst');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body.type).toBe('/api/v1/problems/unavailable');

    const degraded = await json('/readyz');
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ status: 'degraded', graph: 'up', search: { status: 'unreachable', pending: BURST + 1, projector: 'retrying' } });
    expect(degraded.body.search.lagSeconds).toBeGreaterThan(0);
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toMatch(new RegExp(`^quanta_search_outbox_pending ${BURST + 1}$`, 'm'));
    expect(metrics).toMatch(/^quanta_search_projector_failing 1$/m);
    expect(search.refused).toBeGreaterThan(1); // the projector kept trying

    search.down = false;
    expect(await projector.drained(60_000)).toBe(true);
    const ready = await json('/readyz');
    expect(ready.body).toMatchObject({ status: 'ready', search: { status: 'up', pending: 0, lagSeconds: 0, projector: 'ok' } });

    for (const name of names) expect((await firstHit(name))?.product.iri, name).toBe(`${BASE}/${name}`);
    expect((await firstHit('before-the-outage'))?.product.revision).toBe(2);
    const report = (await json('/api/v1/admin/reconcile?dryRun=true', { method: 'POST' })).body;
    expect(report).toMatchObject({ products: BURST + 1, documents: BURST + 1, missing: 0, stale: 0, orphaned: 0, pending: 0, repaired: false });
    expect(await (await app.request('/metrics')).text()).toMatch(/^quanta_search_projection_lag_seconds_count [1-9]\d*$/m);
  });

  it('finds and repairs missing, stale and orphaned documents', async () => {
    for (const name of ['kept', 'lost', 'outdated']) expect((await register(name)).status).toBe(201);
    // Damage the index behind the projector's back, as a restored old snapshot or a shared engine would.
    await engine.remove([`${BASE}/lost`]);
    search.down = true;
    expect((await register('outdated', { description: 'A second revision the index never received: the reconciler must find it stale.' })).status).toBe(200);
    await graph.completeProjections([{ iri: `${BASE}/outdated`, revision: 2 }]); // the outbox entry is lost too
    search.down = false;
    await engine.upsert([testDocument('stray', { iri: 'https://faults.example/products/stray' })]);
    // An index ahead of the graph (the graph restored from an older backup): its upserts would be refused.
    await engine.upsert([testDocument('kept', { iri: `${BASE}/kept`, revision: 9, title: 'a revision the graph never had' })]);

    const found = (await json('/api/v1/admin/reconcile', { method: 'POST' })).body;
    expect(found).toMatchObject({ products: 3, missing: 1, stale: 2, orphaned: 1, repaired: true });
    expect(found.examples.missing).toEqual([`${BASE}/lost`]);
    expect([...found.examples.stale].sort()).toEqual([`${BASE}/kept`, `${BASE}/outdated`]);
    expect(found.examples.orphaned).toEqual(['https://faults.example/products/stray']);
    expect(await projector.drained(10_000)).toBe(true);
    const after = (await json('/api/v1/admin/reconcile?dryRun=true', { method: 'POST' })).body;
    expect(after).toMatchObject({ products: 3, documents: 3, missing: 0, stale: 0, orphaned: 0 });
    expect((await firstHit('lost'))?.product.iri).toBe(`${BASE}/lost`);
    expect((await firstHit('outdated'))?.product.revision).toBe(2);
    expect((await firstHit('kept'))?.product).toMatchObject({ revision: 1, title: 'kept' });
    expect((await json('/api/v1/admin/reconcile?dryRun=maybe', { method: 'POST' })).status).toBe(400);
  });
});
