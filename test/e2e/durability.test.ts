import { afterAll, describe, expect, it } from 'vitest';
import { call, productPath, startQuanta, type QuantaProcess } from '../src/index.js';

const product = (i: number) => ({
  id: `https://e2e.example/products/durable-${i}`,
  name: `durable-${i}`,
  title: `Durable listener product ${i}`,
  domain: 'listener',
  owner: { team: 'listener-insights' },
});

describe('a 2xx means durable', () => {
  const started: QuantaProcess[] = [];
  afterAll(async () => {
    for (const p of started) await p.stop().catch(() => undefined);
    started[0]?.cleanup();
  });

  it('keeps every acknowledged registration after kill -9, and search finds them after restart', async () => {
    const first = await startQuanta();
    started.push(first);
    const acknowledged: string[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await call(first.url, 'PUT', '/api/v1/products', product(i));
      if (res.status === 201) acknowledged.push(product(i).id);
    }
    expect(acknowledged).toHaveLength(50);
    await first.kill9();

    const second = await first.restart();
    started.push(second);
    for (const iri of acknowledged) expect((await call(second.url, 'GET', productPath(iri))).status).toBe(200);
    const search = await call(second.url, 'GET', '/api/v1/search?q=durable&limit=100');
    expect(search.body.total).toBe(50);
  });
});
