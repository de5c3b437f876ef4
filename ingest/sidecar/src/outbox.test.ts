import { describe, expect, it } from 'vitest';
import { createSender } from './http.js';
import { itemFaults, SignalOutbox } from './outbox.js';
import { FAST, sidecarHarness } from './testing/harness.js';
import type { SidecarEvent } from './types.js';

const PRODUCT = 'https://tides.example/products/coast/test-gauge';
const AT = '2026-03-01T10:00:00.000Z';

describe('itemFaults', () => {
  it('reads which items of a batch a refusal names, and what is wrong with each', () => {
    const errors = [
      { pointer: '/3/consumer', message: 'must be a team slug' },
      { pointer: '/0', message: 'unknown field: extra' },
      { pointer: '/3/count', message: 'too big' },
      { pointer: '/a~1b~0c/x', message: 'not an index' },
      { pointer: '/01/port', message: 'not an index either' },
      { pointer: '/7/port', message: 'beyond the batch' },
      { pointer: '', message: 'the body' },
    ];
    expect([...itemFaults(errors, 5)]).toEqual([
      [0, ['unknown field: extra']],
      [3, ['consumer: must be a team slug', 'count: too big']],
    ]);
    expect(itemFaults([{ pointer: '', message: 'expected an array' }], 5).size).toBe(0);
  });
});

describe('SignalOutbox', () => {
  const h = sidecarHarness();

  it('drops only the reports Quanta names in a 422, and sends the others again', async () => {
    const fake = await h.fake();
    const events: SidecarEvent[] = [];
    const outbox = new SignalOutbox({ send: createSender(fake.url, undefined, 5_000), log: (e) => events.push(e), retry: FAST, capacity: 100 });
    // A consumer the sidecar would refuse before buffering, as if Quanta's rules had moved on since.
    for (const consumer of ['analytics', 'foo:bar', 'coast-ops', 'https://tides.example/a b', 'ops']) outbox.recordUse(consumer, 'readings', 1, AT);
    expect(await outbox.flush(PRODUCT, new AbortController().signal)).toEqual({ kind: 'done' });
    expect([...fake.usage.values()].map((u) => u.consumer)).toEqual(['analytics', 'coast-ops', 'ops']);
    const [refused, resent, ...more] = fake.to('POST', '/api/v1/usage');
    expect(more).toEqual([]);
    expect((refused?.json as unknown[]).length).toBe(5);
    expect((resent?.json as { consumer: string }[]).map((u) => u.consumer)).toEqual(['analytics', 'coast-ops', 'ops']);
    const why = 'consumer: must be a team slug (lowercase, e.g. analytics) or the IRI of a data product';
    expect(events.filter((e) => e.type !== 'sent')).toEqual([
      { type: 'dropped', what: 'usage', count: 1, reason: 'invalid', detail: `Quanta refused the use by "foo:bar" of port readings: ${why}` },
      { type: 'dropped', what: 'usage', count: 1, reason: 'invalid', detail: `Quanta refused the use by "https://tides.example/a b" of port readings: ${why}` },
    ]);
    expect(events).toContainEqual({ type: 'sent', what: 'usage', count: 3, stored: 3 });
  });

  it('drops the whole batch when the refusal names no item', async () => {
    const fake = await h.fake();
    fake.script((r) => r.path === '/api/v1/usage', { status: 422, body: { detail: 'Invalid usage report', errors: [{ pointer: '', message: 'too many' }] } });
    const events: SidecarEvent[] = [];
    const outbox = new SignalOutbox({ send: createSender(fake.url, undefined, 5_000), log: (e) => events.push(e), retry: FAST, capacity: 100 });
    for (const consumer of ['analytics', 'ops']) outbox.recordUse(consumer, undefined, 1, AT);
    expect(await outbox.flush(PRODUCT, new AbortController().signal)).toEqual({ kind: 'done' });
    expect(fake.usage.size).toBe(0);
    expect(events).toEqual([{ type: 'refused', what: 'usage', status: 422, detail: 'Invalid usage report (too many)', dropped: 2 }]);
  });

  it('retries a 401 on signals at the long end of the backoff', async () => {
    const fake = await h.fake();
    fake.script((r) => r.path === '/api/v1/usage', { status: 401, body: { detail: 'no token' } });
    const events: SidecarEvent[] = [];
    const outbox = new SignalOutbox({ send: createSender(fake.url, undefined, 5_000), log: (e) => events.push(e), retry: { minMs: 10, maxMs: 45_000 }, capacity: 100 });
    outbox.recordUse('analytics', undefined, 1, AT);
    expect(await outbox.flush(PRODUCT, new AbortController().signal)).toEqual({ kind: 'retry', delayMs: 45_000 });
    expect(events).toEqual([{ type: 'retrying', what: 'usage', attempt: 1, delayMs: 45_000, reason: '401 no token (check the token)' }]);
    expect(await outbox.flush(PRODUCT, new AbortController().signal)).toEqual({ kind: 'done' }); // nothing was lost
    expect(fake.usage.size).toBe(1);
  });

  it('takes a run of checks far larger than a spread call could, within its bound', () => {
    const events: SidecarEvent[] = [];
    const outbox = new SignalOutbox({ send: async () => ({ kind: 'transient', reason: 'unused' }), log: (e) => events.push(e), retry: FAST, capacity: 100_000 });
    outbox.addChecks(Array.from({ length: 150_000 }, () => ({ metric: 'freshness', passed: true })), AT);
    outbox.reportDrops();
    expect(events).toEqual([{ type: 'dropped', what: 'slo-checks', count: 50_000, reason: 'buffer-full' }]);
  });
});
