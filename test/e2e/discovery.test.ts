import { spawnSync } from 'node:child_process';
import { createClient } from '@quanta/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CLI, call, compliantDescriptor, productPath, startQuanta, type QuantaProcess } from '../src/index.js';

const BASE = 'https://e2e.example/products';
const descriptor = (name: string, extra: Record<string, unknown> = {}) => compliantDescriptor(BASE, name, extra);

describe('discovery port and search, end to end against the running server', () => {
  let q: QuantaProcess;
  beforeAll(async () => {
    q = await startQuanta();
  });
  afterAll(async () => {
    await q.stop();
    q.cleanup();
  });

  it('registers from JSON (201), is idempotent (200 unchanged), and versions changes (200 updated)', async () => {
    const first = await call(q.url, 'PUT', '/api/v1/products', descriptor('listener-profiles'));
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(productPath(`${BASE}/listener-profiles`));
    expect(first.body).toMatchObject({ outcome: 'created', revision: 1, findings: [] });
    const again = await call(q.url, 'PUT', '/api/v1/products', descriptor('listener-profiles'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: 'unchanged', revision: 1 });
    const changed = await call(q.url, 'PUT', '/api/v1/products', descriptor('listener-profiles', { tags: ['profiles'] }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ outcome: 'updated', revision: 2 });
  });

  it('registers from YAML', async () => {
    const res = await call(q.url, 'PUT', '/api/v1/products', stringify(descriptor('listener-demographics', { tags: ['demographics'] })), 'application/yaml');
    expect(res.status).toBe(201);
    expect(res.body.product.descriptor.tags).toEqual(['demographics']);
  });

  it('reads the product, its history and every old revision', async () => {
    const iri = `${BASE}/listener-profiles`;
    const current = await call(q.url, 'GET', productPath(iri));
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ iri, revision: 2, recordedBy: expect.stringMatching(/^token:tok_/), descriptor: { tags: ['profiles'], status: 'active' } });
    expect(current.headers.get('etag')).toBe(`"${current.body.hash}"`);
    const history = await call(q.url, 'GET', `${productPath(iri)}/revisions`);
    expect(history.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    const old = await call(q.url, 'GET', `${productPath(iri)}/revisions/1`);
    expect(old.body.descriptor.tags).toBeUndefined();
  });

  it('validates without storing', async () => {
    const res = await call(q.url, 'POST', '/api/v1/products/validate', descriptor('only-validated'));
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(true);
    expect((await call(q.url, 'GET', productPath(`${BASE}/only-validated`))).status).toBe(404);
  });

  it('lists with filters and follows cursors to the end', async () => {
    for (const n of ['artist-profiles', 'artist-payments', 'emerging-artists']) {
      await call(q.url, 'PUT', '/api/v1/products', descriptor(n, { domain: 'artist', owner: { team: 'artist-relations' } }));
    }
    const artists = await call(q.url, 'GET', '/api/v1/products?domain=artist');
    expect(artists.body.total).toBe(3);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(q.url, 'GET', `/api/v1/products?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((p: { name: string }) => p.name));
      cursor = page.body.next;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await call(q.url, 'GET', '/api/v1/products?owner=artist-relations&status=active')).body.total).toBe(3);
  });

  it('searches with typos, explains every hit, and counts facets', async () => {
    const res = await call(q.url, 'GET', '/api/v1/search?q=listner');
    expect(res.status).toBe(200);
    expect(res.body.hits.slice(0, 2).map((h: { product: { name: string } }) => h.product.name).sort()).toEqual(['listener-demographics', 'listener-profiles']);
    for (const hit of res.body.hits) {
      expect(hit.relevance).toBeGreaterThan(0);
      expect(hit.relevance).toBeLessThanOrEqual(1);
      // No signals yet: usage and rating are neutral, and the SLO factor says whether guarantees are declared.
      const factors = hit.factors as { name: string; value: number; reason: string }[];
      expect(factors.map((f) => f.name).slice(0, 3)).toEqual(['usage', 'rating', 'slo']);
      expect(factors.slice(0, 2).map((f) => [f.value, f.reason])).toEqual([
        [1, 'no recorded consumers yet'],
        [1, expect.stringMatching(/^no verified ratings yet \(catalog mean \d\.\d\d\)$/)],
      ]);
      expect(factors.every((f) => f.reason.length > 0)).toBe(true);
      expect(hit.multiplier).toBeCloseTo(Math.min(2, Math.max(0.25, factors.reduce((m, f) => m * f.value, 1))));
      expect(hit.score).toBeCloseTo(hit.relevance ** 2 * hit.multiplier);
    }
    expect(res.body.facets.domain).toContainEqual({ value: 'listener', count: 2 });
    const filtered = await call(q.url, 'GET', '/api/v1/search?q=profiles&domain=artist');
    expect(filtered.body.hits.map((h: { product: { name: string } }) => h.product.name)).toEqual(['artist-profiles']);
  });

  it('retires: the product stays readable with its history but leaves default search', async () => {
    const iri = `${BASE}/emerging-artists`;
    const res = await call(q.url, 'DELETE', productPath(iri));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'updated', revision: 2, product: { descriptor: { status: 'retired' } } });
    expect((await call(q.url, 'GET', productPath(iri))).body.descriptor.status).toBe('retired');
    const search = await call(q.url, 'GET', '/api/v1/search?q=emerging');
    expect(search.body.total).toBe(0);
    const retired = await call(q.url, 'GET', '/api/v1/search?q=emerging&status=retired');
    expect(retired.body.hits[0].product.iri).toBe(iri);
    expect((await call(q.url, 'DELETE', productPath(iri))).body.outcome).toBe('unchanged');
    // a CI re-run of the descriptor without a status keeps the product retired
    const rerun = await call(q.url, 'PUT', '/api/v1/products', descriptor('emerging-artists', { domain: 'artist', owner: { team: 'artist-relations' } }));
    expect(rerun.body).toMatchObject({ outcome: 'unchanged', product: { descriptor: { status: 'retired' } } });
    const revived = await call(q.url, 'PUT', '/api/v1/products', descriptor('emerging-artists', { domain: 'artist', owner: { team: 'artist-relations' }, status: 'active' }));
    expect(revived.body).toMatchObject({ outcome: 'updated', revision: 3, product: { descriptor: { status: 'active' } } });
    await call(q.url, 'DELETE', productPath(iri));
    expect((await call(q.url, 'DELETE', productPath(`${BASE}/never-registered`))).status).toBe(404);
  });

  it('rebuilds the search index from the graph on demand', async () => {
    const res = await call(q.url, 'POST', '/api/v1/admin/reindex');
    expect(res.status).toBe(200);
    expect(res.body.documents).toBe(5);
    expect((await call(q.url, 'GET', '/api/v1/search?q=listener')).body.total).toBeGreaterThanOrEqual(2);
  });

  it('streams the rebuild\'s progress to the CLI\'s client, and `quanta reconcile` finds nothing to repair', async () => {
    const seen: [number, number][] = [];
    const report = await createClient(q.url, { token: q.adminToken }).reindex((done, total) => seen.push([done, total]));
    expect(report).toMatchObject({ documents: 5, failed: 0 });
    expect(seen.at(-1)).toEqual([5, 5]);
    const cli = spawnSync(process.execPath, [CLI, 'reconcile', '--dry-run', '--url', q.url], { encoding: 'utf8', env: { ...process.env, QUANTA_TOKEN: q.adminToken ?? '' } });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/^5 products, 5 documents: 0 missing, 0 stale, 0 orphaned/);
    expect(cli.status).toBe(0);
  });

  it('serves the default JSON-LD context at the IRI descriptors name', async () => {
    const res = await fetch(new URL('/ns/context.jsonld', q.url));
    expect(res.headers.get('content-type')).toBe('application/ld+json');
    expect(((await res.json()) as { '@context': { id: string } })['@context'].id).toBe('@id');
  });

  it('serves health, readiness, metrics and the OpenAPI document', async () => {
    expect((await call(q.url, 'GET', '/healthz')).body.status).toBe('ok');
    expect((await call(q.url, 'GET', '/readyz')).body.status).toBe('ready');
    expect((await call(q.url, 'GET', '/api/v1/openapi.json')).body.openapi).toBe('3.1.0');
    const metrics = await fetch(new URL('/metrics', q.url));
    expect(await metrics.text()).toContain('quanta_http_requests_total');
  });
});
