import { afterAll, describe, expect, it } from 'vitest';
import { authorization, call, compliantDescriptor, productPath, type QuantaProcess, startQuanta } from '../src/index.js';

const BASE = 'https://shutdown.example/products';
const WRITERS = 40;

/**
 * Graceful shutdown (issue 12): SIGTERM while registrations are in flight. The server stops taking
 * new connections and finishes the requests it holds; every 2xx it sent is in the graph after a
 * restart (DESIGN.md §9.1), and a request it did not finish got no 2xx.
 */
describe('SIGTERM with registrations in flight', () => {
  const started: QuantaProcess[] = [];
  afterAll(async () => {
    for (const q of started.reverse()) {
      await q.stop();
      q.cleanup();
    }
  });

  it('drains what it holds: answers after the signal, and loses no acknowledged write', async () => {
    // Room for all the writers at once: this is about draining, not about shedding load (F7).
    const q = await startQuanta({ env: { QUANTA_MAX_IN_FLIGHT: String(2 * WRITERS) } });
    started.push(q);
    const sent = Array.from({ length: WRITERS }, (_, k) => {
      const name = `drained-${String(k).padStart(2, '0')}`;
      return fetch(new URL('/api/v1/products', q.url), { method: 'PUT', body: JSON.stringify(compliantDescriptor(BASE, name)), headers: { ...authorization(q.url), 'Content-Type': 'application/json' } }).then(
        (res) => ({ name, status: res.status, at: Date.now() }),
        () => ({ name, status: 0, at: Date.now() }),
      );
    });
    // The first answers show the writers are in the server's hands; then the signal.
    await Promise.race(sent);
    const signalledAt = Date.now();
    const stopping = q.stop();
    const results = await Promise.all(sent);
    await stopping;

    const acknowledged = results.filter((r) => r.status >= 200 && r.status < 300);
    // Draining, not dropping: requests the server held when the signal came were still answered.
    expect(results.filter((r) => r.status === 201 && r.at > signalledAt).length).toBeGreaterThan(0);
    // Nothing else than an answer or a refused connection: no 5xx from a half-closed server.
    for (const r of results) expect([0, 201]).toContain(r.status);

    const again = await q.restart();
    started.push(again);
    for (const r of acknowledged) {
      expect((await call(again.url, 'GET', productPath(`${BASE}/${r.name}`))).status, r.name).toBe(200);
    }
  });
});
