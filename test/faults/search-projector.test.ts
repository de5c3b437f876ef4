import { SearchProjector, systemClock } from '@quanta/core';
import { saveInput, testDescriptor } from '@quanta/core/testing';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { afterEach, describe, expect, it } from 'vitest';
import { FailingSearchIndex } from '../src/index.js';

/** The projector alone, between a real embedded graph and a search port that fails on demand. */
describe('SearchProjector', () => {
  const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
  const search = new FailingSearchIndex(new EmbeddedSearchIndex());
  let projector: SearchProjector | undefined;
  afterEach(async () => {
    await projector?.stop();
    search.down = false;
    search.losesAnswers = false;
  });

  it('backs off exponentially with jitter up to its ceiling while the engine fails, then drains and recovers', async () => {
    const waits: number[] = [];
    let recoveredAfter = 0;
    // random() = 1 puts each wait at its ceiling, so the doubling is visible.
    projector = new SearchProjector(graph, search, systemClock, { retryMinMs: 10, retryMaxMs: 80, random: () => 0.999_999, onError: (_, __, wait) => waits.push(wait), onRecovered: (n) => (recoveredAfter = n) });
    await graph.saveProduct(saveInput(testDescriptor('backoff')));
    search.down = true;
    projector.wake();
    while (waits.length < 6) await new Promise((r) => setTimeout(r, 5));
    expect(waits.slice(0, 6)).toEqual([10, 20, 40, 80, 80, 80]);
    expect(projector.status).toMatchObject({ failing: true, consecutiveFailures: expect.any(Number) });
    expect(projector.status.lastError).toMatch(/unreachable/);

    search.down = false;
    expect(await projector.drained(5_000)).toBe(true);
    expect(recoveredAfter).toBeGreaterThanOrEqual(6);
    expect(projector.status).toMatchObject({ failing: false, consecutiveFailures: 0, projected: 1 });
    expect(await search.count()).toBe(1);
  });

  it('does not keep a caller waiting while the engine fails, and does once it is healthy', async () => {
    projector = new SearchProjector(graph, search, systemClock, { retryMinMs: 10, retryMaxMs: 20 });
    await graph.saveProduct(saveInput(testDescriptor('waiting')));
    search.down = true;
    // The first call finds out: the drain fails and the answer is false, not a timeout.
    expect(await projector.projectSoon(60_000)).toBe(false);
    expect(projector.status.failing).toBe(true);
    expect(await projector.projectSoon(60_000)).toBe(false);
    search.down = false;
    expect(await projector.drained(5_000)).toBe(true);
    await graph.saveProduct(saveInput({ ...testDescriptor('waiting'), description: 'Second revision.' }, '2026-01-02T00:00:00.000Z'));
    expect(await projector.projectSoon(60_000)).toBe(true);
    const [hit] = (await search.search({ q: 'waiting', filters: {}, offset: 0, limit: 1 })).hits;
    expect(hit?.document.revision).toBe(2);
  });

  it('projects many entries in batches, oldest first, and tells its listeners each batch with its lag', async () => {
    const batches: number[] = [];
    projector = new SearchProjector(graph, search, systemClock, { batchSize: 7 });
    projector.onProjected(({ products, lagsMs }) => {
      batches.push(products.length);
      for (const lag of lagsMs) expect(lag).toBeGreaterThanOrEqual(0);
    });
    await graph.saveProducts(Array.from({ length: 20 }, (_, k) => saveInput(testDescriptor(`batch-${k}`))));
    expect(await projector.drained(5_000)).toBe(true);
    expect(batches).toEqual([7, 7, 6]);
    expect((await graph.outboxStatus()).pending).toBe(0);
  });

  it('repeats a write whose answer was lost until one is answered, without duplicating anything', async () => {
    projector = new SearchProjector(graph, search, systemClock, { retryMinMs: 10, retryMaxMs: 20 });
    expect(await projector.drained(5_000)).toBe(true);
    const before = await search.count();
    await graph.saveProduct(saveInput(testDescriptor('answer-lost')));
    const refused = search.refused;
    search.losesAnswers = true;
    projector.wake();
    while (search.refused < refused + 3) await new Promise((r) => setTimeout(r, 5));
    // The document is in the index already, the entry is not completed: the outbox still holds it.
    expect(await search.count()).toBe(before + 1);
    expect((await graph.pendingProjections(10)).map((e) => e.iri)).toContain(testDescriptor('answer-lost').id);
    search.losesAnswers = false;
    expect(await projector.drained(5_000)).toBe(true);
    expect(await search.count()).toBe(before + 1);
    expect(projector.status.failing).toBe(false);
  });
});
