import { type Catalog, createCatalog, systemClock } from '@quanta/core';
import { testDescriptor } from '@quanta/core/testing';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { parseOrThrow, SYSTEM, TokenInputSchema } from '@quanta/model';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_RULES, requirementOf } from './access.js';
import { createApp } from './app.js';

describe('the access table', () => {
  it('lets only its public rows through without a token, by exact path', () => {
    expect(requirementOf('GET', '/healthz')).toBe('public');
    expect(requirementOf('HEAD', '/readyz')).toBe('public');
    expect(requirementOf('GET', '/api/v1/problems/not-found')).toBe('public');
    // A trailing slash, a prefix or a suffix is not the public route: it needs a token.
    expect(requirementOf('GET', '/healthz/')).toBe('reader');
    expect(requirementOf('GET', '/healthz/../api/v1/search')).toBe('reader');
    expect(requirementOf('GET', '/api/v1;x=/healthz')).toBe('reader');
    expect(requirementOf('GET', '/api/v1/openapi.json;')).toBe('reader');
    expect(requirementOf('POST', '/healthz')).toBe('admin');
  });

  it('asks owners, signal senders and admins for writes, and an admin for any write it does not list', () => {
    expect(requirementOf('PUT', '/api/v1/products')).toBe('owner');
    expect(requirementOf('PUT', '/api/v1/products/')).toBe('owner');
    expect(requirementOf('DELETE', '/api/v1/products/https%3A%2F%2Fx.example%2Fp')).toBe('owner');
    expect(requirementOf('PUT', '/api/v1/products/p/ratings/sales')).toBe('signals');
    expect(requirementOf('POST', '/api/v1/usage')).toBe('signals');
    expect(requirementOf('DELETE', '/api/v1/admin/tokens/tok_x')).toBe('admin');
    expect(requirementOf('POST', '/api/v1/products;x')).toBe('admin');
    expect(requirementOf('PATCH', '/api/v1/products/p')).toBe('admin');
    expect(requirementOf('GET', '/api/v1/search')).toBe('reader');
  });

  it('has a row for every route that writes, so none falls back by accident', () => {
    const catalog = createCatalog({ graph: SqliteKnowledgeGraph.open({ file: ':memory:' }), search: new EmbeddedSearchIndex(), clock: systemClock, semantics: JsonLdSemanticLayer.create() });
    const app = createApp({ catalog, logger: pino({ level: 'silent' }), maxBodyBytes: 1 });
    const writes = app.routes.filter((r) => !['GET', 'HEAD', 'ALL'].includes(r.method)).map((r) => `${r.method} ${r.path.replace(/\/$/, '') || '/'}`);
    const rows = new Set(ACCESS_RULES.map((r) => `${r.method} ${r.path}`));
    expect(writes.length).toBeGreaterThan(10);
    expect(writes.filter((w) => !rows.has(w))).toEqual([]);
  });
});

describe('authorization over real tokens (ADR 0017)', () => {
  let catalog: Catalog;
  let app: ReturnType<typeof createApp>;
  const secrets: Record<string, string> = {};
  const token = async (name: string, input: Record<string, string>) => {
    secrets[name] = (await catalog.tokens.create(parseOrThrow(TokenInputSchema, { name, ...input }, 'token'), SYSTEM)).secret;
  };
  const send = (path: string, init: RequestInit & { as?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.as) headers.set('Authorization', `Bearer ${secrets[init.as]}`);
    if (init.body !== undefined) headers.set('Content-Type', 'application/json');
    return app.request(path, { ...init, headers });
  };
  const product = testDescriptor('owned');
  const productPath = `/api/v1/products/${encodeURIComponent(product.id)}`;

  beforeAll(async () => {
    catalog = createCatalog({ graph: SqliteKnowledgeGraph.open({ file: ':memory:' }), search: new EmbeddedSearchIndex(), clock: systemClock, semantics: JsonLdSemanticLayer.create() });
    app = createApp({ catalog, logger: pino({ level: 'silent' }), maxBodyBytes: 1 << 20 });
    await token('testers', { role: 'owner', team: 'testers' });
    await token('sales', { role: 'owner', team: 'sales' });
    await token('analyst', { role: 'consumer', consumer: 'analytics' });
    await token('reader', { role: 'reader' });
    await catalog.register(product, SYSTEM);
  });

  it('answers 401 to a caller without a token everywhere but the public routes', async () => {
    expect((await send('/healthz')).status).toBe(200);
    expect((await send('/api/v1/openapi.json')).status).toBe(200);
    for (const path of ['/api/v1/search?q=x', productPath, '/api/v1/reports/mesh', '/healthz/', '/api/v1;x=/healthz/../products', '/api/v1/%2e%2e/healthz/..%2fapi/v1/products']) {
      const res = await send(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await send('/api/v1/products', { method: 'PUT', body: JSON.stringify(testDescriptor('anon')) })).status).toBe(401);
  });

  it('refuses a reader\'s write with 403 before reading the body', async () => {
    const res = await send('/api/v1/products', { method: 'PUT', body: '{ not json', as: 'reader' });
    expect(res.status).toBe(403);
    expect((await send('/api/v1/admin/reindex', { method: 'POST', as: 'testers' })).status).toBe(403);
    expect((await send(productPath, { as: 'reader' })).status).toBe(200);
  });

  it('lets only the owner team register, change, retire and report SLO checks of its product', async () => {
    const stolen = await send('/api/v1/products', { method: 'PUT', body: JSON.stringify({ ...product, description: 'mine now' }), as: 'sales' });
    expect(stolen.status).toBe(403);
    expect(((await stolen.json()) as { detail: string }).detail).toMatch(/only team testers/);
    // Claiming it for one's own team is changing someone else's product too.
    const moved = { ...product, owner: { ...product.owner, team: 'sales' } };
    expect((await send('/api/v1/products', { method: 'PUT', body: JSON.stringify(moved), as: 'sales' })).status).toBe(403);
    expect((await send(productPath, { method: 'DELETE', as: 'sales' })).status).toBe(403);
    const check = { metric: 'freshness', passed: true, at: new Date().toISOString() };
    expect((await send(`${productPath}/slo-checks`, { method: 'POST', body: JSON.stringify(check), as: 'sales' })).status).toBe(403);
    expect(await catalog.get(product.id)).toMatchObject({ revision: 1, descriptor: { description: product.description, owner: { team: 'testers' }, status: product.status } });

    const updated = await send('/api/v1/products', { method: 'PUT', body: JSON.stringify({ ...product, description: 'better' }), as: 'testers' });
    expect(updated.status).toBe(200);
    expect((await catalog.get(product.id)).revision).toBe(2);
  });

  it('records ratings and usage only as the caller\'s own consumer, or usage the owner observed', async () => {
    const rating = JSON.stringify({ stars: 4 });
    expect((await send(`${productPath}/ratings/sales`, { method: 'PUT', body: rating, as: 'analyst' })).status).toBe(403);
    expect((await send(`${productPath}/ratings/analytics`, { method: 'PUT', body: rating, as: 'reader' })).status).toBe(403);
    expect((await send(`${productPath}/ratings/analytics`, { method: 'PUT', body: rating, as: 'analyst' })).status).toBe(201);
    const use = (consumer: string) => JSON.stringify({ product: product.id, consumer, count: 1, id: `u-${consumer}` });
    expect((await send('/api/v1/usage', { method: 'POST', body: use('urn:quanta:team:sales'), as: 'analyst' })).status).toBe(403);
    expect((await send('/api/v1/usage', { method: 'POST', body: use('urn:quanta:team:analytics'), as: 'analyst' })).status).toBe(201);
    // The owner's serving side counts who read it; another team cannot vouch for it.
    expect((await send('/api/v1/usage', { method: 'POST', body: use('urn:quanta:team:finance'), as: 'testers' })).status).toBe(201);
    expect((await send('/api/v1/usage', { method: 'POST', body: use('urn:quanta:team:support'), as: 'sales' })).status).toBe(403);
    const report = await catalog.usageReport({ owner: 'testers', windowDays: 28 }, SYSTEM);
    // The two accepted reports, and nothing of the refused ones.
    expect(report.products[0]?.reads).toBe(2);
  });

  it('shows a team\'s usage report to that team and admins only', async () => {
    expect((await send('/api/v1/reports/usage?owner=testers', { as: 'sales' })).status).toBe(403);
    expect((await send('/api/v1/reports/usage', { as: 'reader' })).status).toBe(403);
    const own = await send('/api/v1/reports/usage', { as: 'testers' });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { products: { product: { iri: string } }[] }).products.map((p) => p.product.iri)).toEqual([product.id]);
  });
});
