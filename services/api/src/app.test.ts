import { validate, compileErrors } from '@readme/openapi-parser';
import { createCatalog, systemClock } from '@quanta/core';
import { testDescriptor } from '@quanta/core/testing';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { SYSTEM } from '@quanta/model';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { PROBLEMS } from './problems.js';

let app: ReturnType<typeof createApp>;
beforeEach(() => {
  const catalog = createCatalog({ graph: SqliteKnowledgeGraph.open({ file: ':memory:' }), search: new EmbeddedSearchIndex(), clock: systemClock, semantics: JsonLdSemanticLayer.create() });
  app = createApp({ catalog, logger: pino({ level: 'silent' }), maxBodyBytes: 4096, version: 'test', authenticate: () => SYSTEM });
});

const put = (body: string, type = 'application/json') => app.request('/api/v1/products', { method: 'PUT', body, headers: { 'Content-Type': type } });
const problemOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()) as { type: string; status: number; detail: string; errors?: { pointer: string; message: string }[] };
};

describe('createApp', () => {
  it('serves a valid OpenAPI 3.1 document that names every problem type', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { openapi: string; info: { description: string } };
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    for (const kind of Object.keys(PROBLEMS)) expect(doc.info.description).toContain(kind);
  });

  it('documents each problem type at its own type URI', async () => {
    const res = await put('{');
    const { type } = await problemOf(res);
    const doc = await (await app.request(type)).json();
    expect(doc).toMatchObject({ type, status: 400, title: PROBLEMS['malformed-body'].title });
    expect((await app.request('/api/v1/problems/constructor')).status).toBe(404);
  });

  it('answers 405 with Allow for a known path and a wrong method', async () => {
    const res = await app.request('/api/v1/products', { method: 'PATCH' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, PUT');
    expect((await problemOf(res)).type).toBe('/api/v1/problems/method-not-allowed');
  });

  it('answers 404 problem+json for unknown paths', async () => {
    const res = await app.request('/api/v2/nothing');
    expect(res.status).toBe(404);
    expect((await problemOf(res)).detail).toMatch(/openapi\.json/);
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    expect((await app.request('/healthz', { headers: { 'X-Request-Id': 'abc-123' } })).headers.get('x-request-id')).toBe('abc-123');
    const replaced = (await app.request('/healthz', { headers: { 'X-Request-Id': 'bad id\u0001' } })).headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over the limit before parsing it, even without Content-Length', async () => {
    const big = JSON.stringify(testDescriptor('big', { description: 'x'.repeat(8000) }));
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const res = await app.request('/api/v1/products', {
      method: 'PUT',
      body: stream,
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('records the caller identity from the one identity middleware on each revision', async () => {
    const catalog = createCatalog({ graph: SqliteKnowledgeGraph.open({ file: ':memory:' }), search: new EmbeddedSearchIndex(), clock: systemClock, semantics: JsonLdSemanticLayer.create() });
    const named = createApp({
      catalog,
      logger: pino({ level: 'silent' }),
      maxBodyBytes: 4096,
      authenticate: () => ({ subject: 'ci-bot', kind: 'service', admin: false, teams: ['testers'] }),
    });
    const res = await named.request('/api/v1/products', { method: 'PUT', body: JSON.stringify(testDescriptor('who')), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { product: { recordedBy: string } }).product.recordedBy).toBe('ci-bot');
  });

  it('answers 501 naming the tool to use when this deployment takes no backups itself (Neo4j)', async () => {
    const res = await app.request('/api/v1/admin/backup', { method: 'POST' });
    expect(res.status).toBe(501);
    expect(await problemOf(res)).toMatchObject({ type: '/api/v1/problems/not-implemented', detail: expect.stringContaining('neo4j-admin database dump') });
  });

  it('answers 406 when Accept rules JSON out, and JSON for browsers and wildcards', async () => {
    const path = `/api/v1/products/${encodeURIComponent('https://x.example/p')}`;
    const refused = await app.request(path, { headers: { Accept: 'text/csv' } });
    expect(refused.status).toBe(406);
    expect((await problemOf(refused)).type).toBe('/api/v1/problems/not-acceptable');
    expect((await app.request(path, { headers: { Accept: 'application/json;q=0, text/csv' } })).status).toBe(406);
    expect((await app.request(path, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } })).status).toBe(404);
  });

  it('turns a non-IRI path segment into 400, and an unknown IRI into 404', async () => {
    expect((await problemOf(await app.request('/api/v1/products/not-an-iri'))).type).toBe('/api/v1/problems/invalid-parameter');
    const res = await app.request(`/api/v1/products/${encodeURIComponent('https://x.example/p')}`);
    expect(res.status).toBe(404);
  });

  it('answers /readyz 503 while draining, and keeps serving the requests it gets meanwhile', async () => {
    let draining = false;
    const catalog = createCatalog({ graph: SqliteKnowledgeGraph.open({ file: ':memory:' }), search: new EmbeddedSearchIndex(), clock: systemClock, semantics: JsonLdSemanticLayer.create() });
    const stopping = createApp({ catalog, logger: pino({ level: 'silent' }), maxBodyBytes: 4096, authenticate: () => SYSTEM, draining: () => draining });
    expect((await stopping.request('/readyz')).status).toBe(200);
    draining = true;
    const res = await stopping.request('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await problemOf(res)).toMatchObject({ detail: expect.stringMatching(/shutting down/) });
    expect((await stopping.request('/healthz')).status).toBe(200);
    expect((await stopping.request('/api/v1/search?q=x')).status).toBe(200);
  });

  it('reports readiness and exposes Prometheus metrics by route pattern', async () => {
    expect(await (await app.request('/readyz')).json()).toEqual({ status: 'ready', graph: 'up', search: { status: 'up', pending: 0, lagSeconds: 0, projector: 'ok' } });
    await app.request(`/api/v1/products/${encodeURIComponent('https://x.example/p')}`);
    const text = await (await app.request('/metrics')).text();
    expect(text).toMatch(/quanta_http_requests_total\{method="GET",route="\/api\/v1\/products\/:iri",status="404"\} 1/);
    expect(text).not.toContain('x.example');
    expect(text).toMatch(/^quanta_search_outbox_pending 0$/m);
    expect(text).toMatch(/^quanta_search_index_lag_seconds 0$/m);
  });
});
