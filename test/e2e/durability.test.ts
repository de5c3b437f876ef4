import { afterAll, describe, expect, it } from 'vitest';
import { call, productPath, startQuanta, type QuantaProcess } from '../src/index.js';

const WRITERS = 6;
const product = (writer: number, n: number) => ({
  id: `https://e2e.example/products/durable-${writer}`,
  name: `durable-${writer}`,
  title: `Durable listener product ${writer}`,
  description: `revision written as update ${n}`,
  domain: 'listener',
  owner: { team: 'listener-insights' },
  outputPorts: [{ name: 'table', kind: 'table' }],
});

describe('a 2xx means durable', () => {
  const started: QuantaProcess[] = [];
  afterAll(async () => {
    for (const p of started) await p.stop().catch(() => undefined);
    started[0]?.cleanup();
  });

  it('keeps every acknowledged revision when killed -9 in the middle of concurrent writes', async () => {
    const first = await startQuanta();
    started.push(first);
    // Each writer updates its own product as fast as it can; we kill the server mid-flight.
    const acknowledged = new Map<number, { revision: number; description: string }>();
    let killed = false;
    const writer = async (w: number) => {
      for (let n = 1; !killed; n++) {
        try {
          const res = await call(first.url, 'PUT', '/api/v1/products', product(w, n));
          if (res.status === 200 || res.status === 201) acknowledged.set(w, { revision: res.body.revision, description: product(w, n).description });
        } catch {
          return; // connection refused or reset: the server is gone
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    // Kill once every writer has had a few updates acknowledged: then writes are surely in flight.
    const deadline = Date.now() + 30_000;
    while (![...Array(WRITERS).keys()].every((w) => (acknowledged.get(w)?.revision ?? 0) >= 3) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
    }
    await first.kill9();
    killed = true;
    await Promise.all(writers);
    expect(acknowledged.size).toBe(WRITERS);

    const second = await first.restart();
    started.push(second);
    for (const [w, ack] of acknowledged) {
      const iri = product(w, 0).id;
      const history = (await call(second.url, 'GET', `${productPath(iri)}/revisions`)).body.revisions as { revision: number }[];
      // every acknowledged revision is there, and the history has no gaps
      expect(history.length).toBeGreaterThanOrEqual(ack.revision);
      expect(history.map((r) => r.revision)).toEqual(history.map((_, i) => i + 1));
      const stored = (await call(second.url, 'GET', `${productPath(iri)}/revisions/${ack.revision}`)).body;
      expect(stored.descriptor.description).toBe(ack.description);
    }
    const search = await call(second.url, 'GET', '/api/v1/search?q=durable&limit=100');
    expect(search.body.total).toBe(WRITERS);
  });
});
