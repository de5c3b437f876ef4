import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compliantDescriptor } from '../src/index.js';
import { hostileString, RUNS } from './arbitraries.js';
import { inProcessApi } from './in-process-api.js';

/** Queries: any Unicode, hostile strings, search syntax pieces in random order. */
const queries = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  hostileString,
  fc.array(fc.constantFrom('"', '-', '*', ':', 'AND', 'OR', 'NOT', '(', ')', 'owner:', 'domain:', 'listener', 'é', '🎧', '\\', '~', '^2'), { maxLength: 30 }).map((parts) => parts.join(' ')),
);

describe('fuzzing the search query parser through the API (issue 12)', () => {
  let api: Awaited<ReturnType<typeof inProcessApi>>;
  beforeAll(async () => {
    api = await inProcessApi();
    for (const name of ['listener-sessions', 'radio-plays', 'artist-royalties']) {
      const res = await api.app.request('/api/v1/products', { method: 'PUT', body: JSON.stringify(compliantDescriptor('https://fuzz.example/products', name)), headers: { 'Content-Type': 'application/json' } });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => api?.close());

  it('searches an index that holds the products (else the property would prove little)', async () => {
    await api.catalog.projector.drained();
    const res = await api.app.request('/api/v1/search?q=listener');
    expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);
  });

  it(`answers any query with results or a problem, never a 5xx (${RUNS} cases)`, async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(queries, fc.integer({ min: -5, max: 200 }), async (q, limit) => {
        // URLSearchParams encodes a lone surrogate as U+FFFD, as a browser would; encodeURIComponent throws.
        const res = await api.app.request(`/api/v1/search?${new URLSearchParams({ q, limit: String(limit) }).toString()}`);
        expect(res.status).toBeLessThan(500);
        if (res.status === 200) {
          answered += 1;
          const body = (await res.json()) as { total: number; hits: unknown[] };
          expect(body.hits.length).toBeLessThanOrEqual(Math.max(0, limit));
        } else {
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        }
      }),
      { numRuns: RUNS },
    );
    expect(answered).toBeGreaterThan(RUNS / 4);
  });
});
