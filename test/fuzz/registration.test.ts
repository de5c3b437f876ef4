import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compliantDescriptor } from '../src/index.js';
import { hostileString, mutationsOf, RUNS } from './arbitraries.js';
import { inProcessApi } from './in-process-api.js';

const TARGET = compliantDescriptor('https://fuzz.example/products', 'target');

/** A registration body: a mutated descriptor as JSON or YAML, or a hostile string under some content type. */
const requests = fc.oneof(
  { weight: 6, arbitrary: mutationsOf(TARGET).map((doc) => ({ body: JSON.stringify(doc) ?? 'null', type: 'application/json' })) },
  { weight: 2, arbitrary: mutationsOf(TARGET).map((doc) => ({ body: stringify(doc) ?? '', type: 'application/yaml' })) },
  { weight: 1, arbitrary: fc.record({ body: hostileString, type: fc.constantFrom('application/json', 'application/yaml', 'application/ld+json', 'text/plain', 'application/xml') }) },
);

describe('fuzzing registration through the API (issue 12)', () => {
  let api: Awaited<ReturnType<typeof inProcessApi>>;
  beforeAll(async () => {
    api = await inProcessApi();
  });
  afterAll(() => api?.close());

  /** What a refused registration must leave as it found: most refusals are updates of TARGET. */
  const snapshot = async () => ({
    products: await api.graph.countProducts(),
    revisions: (await api.graph.listRevisions(TARGET.id as string)).length,
    target: (await api.graph.getProduct(TARGET.id as string))?.revision,
    outbox: (await api.graph.outboxStatus()).pending,
  });

  it(`answers every body with a 2xx or a problem, never a 5xx, and a refused one changes nothing (${RUNS} cases)`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requests, async ({ body, type }) => {
        const before = await snapshot();
        const res = await api.app.request('/api/v1/products', { method: 'PUT', body, headers: { 'Content-Type': type } });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          const problem = (await res.json()) as { title: string; detail: string };
          expect(problem.title.length).toBeGreaterThan(0);
          // No trace: the products, the target's revisions and the search outbox are as they were.
          expect(await snapshot()).toEqual(before);
        } else {
          expect([200, 201]).toContain(res.status);
        }
      }),
      { numRuns: RUNS },
    );
    // Both sides were reached: stored registrations and each kind of refusal.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    expect((statuses.get(422) ?? 0) + (statuses.get(400) ?? 0)).toBeGreaterThan(RUNS / 10);
    expect(statuses.get(415) ?? 0).toBeGreaterThan(0);
    // What was accepted is indexed too: the projector drains, and search holds every product.
    await api.catalog.projector.drained();
    expect((await api.graph.outboxStatus()).pending).toBe(0);
  });
});
