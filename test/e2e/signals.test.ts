import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, compliantDescriptor, productPath, startQuanta, type QuantaProcess } from '../src/index.js';

// Signals over HTTP (issue 6, ADR 0010): stored once however often sent, all or nothing, and a
// clear problem for anything that names no registered product or declared SLO.
const BASE = 'https://e2e.example/signals';
const PRODUCT = `${BASE}/plays`;
const CONSUMER = `${BASE}/charts`;

describe('signals: usage, ratings and SLO checks', () => {
  let q: QuantaProcess;
  beforeAll(async () => {
    q = await startQuanta();
    for (const name of ['plays', 'charts']) expect((await call(q.url, 'PUT', '/api/v1/products', compliantDescriptor(BASE, name))).status).toBe(201);
  });
  afterAll(async () => {
    await q.stop();
    q.cleanup();
  });

  it('stores usage reports once, from a team or a product, one or many at a time', async () => {
    const reports = [
      { product: PRODUCT, consumer: 'analytics', at: '2026-03-01T10:00:00Z', count: 40 },
      { product: PRODUCT, consumer: CONSUMER, port: 'table', at: '2026-03-01T11:00:00+01:00' },
    ];
    const first = await call(q.url, 'POST', '/api/v1/usage', reports);
    expect([first.status, first.body]).toEqual([201, { stored: 2, duplicates: 0 }]);
    const again = await call(q.url, 'POST', '/api/v1/usage', reports[1] as object);
    expect([again.status, again.body]).toEqual([200, { stored: 0, duplicates: 1 }]);
    // The same instant written with another offset is the same report.
    const sameInstant = await call(q.url, 'POST', '/api/v1/usage', { ...reports[0], at: '2026-03-01T12:00:00+02:00' });
    expect(sameInstant.body).toEqual({ stored: 0, duplicates: 1 });
  });

  it('refuses usage of an unknown product whole, storing none of the call', async () => {
    const mixed = [
      { product: PRODUCT, consumer: 'finance', at: '2026-03-02T10:00:00Z' },
      { product: `${BASE}/nowhere`, consumer: 'finance', at: '2026-03-02T10:00:00Z' },
    ];
    const res = await call(q.url, 'POST', '/api/v1/usage', mixed);
    expect([res.status, res.headers.get('content-type'), res.body.type]).toEqual([404, 'application/problem+json', '/api/v1/problems/not-found']);
    expect((await call(q.url, 'POST', '/api/v1/usage', mixed[0] as object)).body).toEqual({ stored: 1, duplicates: 0 });
  });

  it('keeps one current rating per consumer', async () => {
    const path = `${productPath(PRODUCT)}/ratings/analytics`;
    expect(await call(q.url, 'PUT', path, { stars: 2 })).toMatchObject({ status: 201, body: { outcome: 'stored' } });
    expect(await call(q.url, 'PUT', path, { stars: 2 })).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(await call(q.url, 'PUT', path, { stars: 5, comment: 'fresh again' })).toMatchObject({ status: 200, body: { outcome: 'updated' } });
    const byProduct = await call(q.url, 'PUT', `${productPath(PRODUCT)}/ratings/${encodeURIComponent(CONSUMER)}`, { stars: 4 });
    expect(byProduct.body).toEqual({ outcome: 'stored' });
  });

  it('stores SLO checks against declared SLOs once, and names a check that matches none', async () => {
    const checks = [
      { metric: 'freshness', passed: true, at: '2026-03-01T00:00:00Z' },
      { port: 'table', metric: 'freshness', passed: false, value: 7200, at: '2026-03-02T00:00:00Z' },
    ];
    const path = `${productPath(PRODUCT)}/slo-checks`;
    expect((await call(q.url, 'POST', path, checks)).body).toEqual({ stored: 2, duplicates: 0 });
    expect((await call(q.url, 'POST', path, checks)).body).toEqual({ stored: 0, duplicates: 2 });
    const undeclared = await call(q.url, 'POST', path, [checks[0], { metric: 'completeness', passed: true, at: '2026-03-03T00:00:00Z' }]);
    expect([undeclared.status, undeclared.body.errors?.[0]?.pointer]).toEqual([422, '/1/metric']);
  });

  it('answers bad signals with a clear problem', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['PUT', `${productPath(PRODUCT)}/ratings/analytics`, { stars: 6 }, 422, '/stars'],
      ['PUT', `${productPath(PRODUCT)}/ratings/Not%20A%20Team`, { stars: 3 }, 400, '/path/consumer'],
      ['PUT', `${productPath(`${BASE}/nowhere`)}/ratings/analytics`, { stars: 3 }, 404, ''],
      ['POST', '/api/v1/usage', { product: PRODUCT, consumer: 'analytics', at: '2026-03-01T10:00:00' }, 422, '/at'],
      ['POST', '/api/v1/usage', [], 422, ''],
      ['POST', `${productPath(PRODUCT)}/slo-checks`, { metric: 'freshness', passed: 'yes', at: '2026-03-01T00:00:00Z' }, 422, '/passed'],
    ];
    for (const [method, path, body, status, pointer] of cases) {
      const res = await call(q.url, method, path, body as object);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, status, 'application/problem+json']);
      if (pointer) expect(res.body.errors?.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
  });

  it('moves a product in search order within a second of its signals, and says why', async () => {
    // Twins: the same words, so text relevance alone cannot tell them apart.
    const twin = (name: string) => compliantDescriptor(BASE, name, { description: 'Hourly rainfall per listener city, joined with play counts for the weather dashboards.' });
    for (const name of ['rain-a', 'rain-b']) expect((await call(q.url, 'PUT', '/api/v1/products', twin(name))).status).toBe(201);
    const order = async () => (await call(q.url, 'GET', '/api/v1/search?q=hourly%20rainfall&limit=5')).body.hits as { product: { name: string }; factors: { name: string; value: number; reason: string }[] }[];
    const now = new Date().toISOString();
    const users = ['ops', 'growth', 'finance', 'editorial', 'mobile', 'web'];
    // rain-b: six consuming teams, five of them rating it well; rain-a: failing its freshness SLO.
    await call(q.url, 'POST', '/api/v1/usage', users.map((consumer) => ({ product: `${BASE}/rain-b`, consumer, at: now })));
    for (const team of users.slice(0, 5)) await call(q.url, 'PUT', `${productPath(`${BASE}/rain-b`)}/ratings/${team}`, { stars: 5 });
    const failing = Array.from({ length: 30 }, (_, i) => ({ metric: 'freshness', passed: false, at: new Date(Date.now() - i * 3_600_000).toISOString() }));
    await call(q.url, 'POST', `${productPath(`${BASE}/rain-a`)}/slo-checks`, failing);

    const hits = await order();
    expect(hits.map((h) => h.product.name).slice(0, 2)).toEqual(['rain-b', 'rain-a']);
    const [b, a] = hits;
    const factor = (h: typeof b, name: string) => h?.factors.find((f) => f.name === name);
    expect(factor(b, 'usage')?.value).toBeGreaterThan(1);
    expect(factor(b, 'usage')?.reason).toMatch(/^used by 6 consuming teams\/products/);
    expect(factor(b, 'rating')?.reason).toMatch(/from 5 verified ratings/);
    expect(factor(a, 'slo')?.value).toBeLessThan(1);
    expect(factor(a, 'slo')?.reason).toMatch(/^'table\/freshness' burned/);
  });
});
