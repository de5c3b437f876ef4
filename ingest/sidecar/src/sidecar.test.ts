import { describe, expect, it, vi } from 'vitest';
import { SignalOutbox } from './outbox.js';
import { advance, closedPort, DESCRIPTOR, pause, settledWithin, sidecarHarness, useFakeClock, waitFor, waitsExactly } from './testing/harness.js';
import type { Received } from './testing/fake-quanta.js';
import type { SidecarEvent } from './types.js';

const CHECKS_PATH = `/api/v1/products/${encodeURIComponent(DESCRIPTOR.id)}/slo-checks`;
const isUsage = (r: Received) => r.path === '/api/v1/usage';
const unknownProduct = (events: SidecarEvent[]) => events.filter((e) => e.type === 'unknown-product') as Extract<SidecarEvent, { type: 'unknown-product' }>[];
const reads = (usage: Map<string, { consumer: string; port?: string; count: number }>, consumer: string, port?: string) =>
  [...usage.values()].filter((u) => u.consumer === consumer && u.port === port).reduce((n, u) => n + u.count, 0);

describe('reporting usage and SLO checks', () => {
  const h = sidecarHarness();

  it('sends nothing before registration, then every use and check buffered meanwhile', async () => {
    const fake = await h.fake();
    fake.script((r) => r.method === 'PUT', { status: 503 }, { status: 503 }, { status: 502 });
    const { sidecar } = h.start({
      server: fake.url,
      usageEveryMs: 20,
      sloChecks: { everyMs: 20, run: async () => [{ metric: 'freshness', passed: true, value: 1.5 }] },
    });
    for (let i = 0; i < 5; i++) sidecar.recordUse('analytics', { port: 'readings' });
    expect(sidecar.recordUse('ops', { count: 3 })).toBe(true);
    await sidecar.registered;
    await fake.until(() => reads(fake.usage, 'analytics', 'readings') === 5 && fake.to('POST', CHECKS_PATH).length > 0);
    const lastPut = fake.requests.findLastIndex((r) => r.method === 'PUT');
    const firstPost = fake.requests.findIndex((r) => r.method === 'POST');
    expect(fake.requests[lastPut]?.path).toBe('/api/v1/products');
    expect(lastPut).toBe(3); // three refusals to store, then stored
    expect(firstPost).toBeGreaterThan(lastPut);
    expect(reads(fake.usage, 'ops')).toBe(3);
    expect([...fake.usage.values()][0]).toMatchObject({ product: DESCRIPTOR.id, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
    const [checks] = fake.to('POST', CHECKS_PATH);
    expect(checks?.json).toEqual(expect.arrayContaining([{ metric: 'freshness', passed: true, value: 1.5, at: expect.stringMatching(/Z$/) }]));
  });

  it('resends a report whose answer was lost with the same id, so Quanta counts it once', async () => {
    const fake = await h.fake();
    fake.script(isUsage, { status: 503, storeFirst: true }, 'reset', { status: 500 });
    const { sidecar, events } = h.start({ server: fake.url, usageEveryMs: 20 });
    await sidecar.registered;
    for (let i = 0; i < 10; i++) sidecar.recordUse('analytics');
    await fake.until(() => fake.requests.filter(isUsage).length === 4);
    const bodies = fake.requests.filter(isUsage).map((r) => r.json as { id: string }[]);
    expect(new Set(bodies.map((b) => b[0]?.id)).size).toBe(1);
    expect(reads(fake.usage, 'analytics')).toBe(10);
    expect(events.filter((e) => e.type === 'retrying' && e.what === 'usage').map((e) => e.type === 'retrying' && e.attempt)).toEqual([1, 2, 3]);
    await waitFor(() => events.some((e) => e.type === 'sent' && e.what === 'usage'));
    expect(events).toContainEqual({ type: 'sent', what: 'usage', count: 1, stored: 0 }); // Quanta already had it
  });

  it('drops a batch whose refusal names no item, without retrying it, and goes on with the next', async () => {
    const fake = await h.fake();
    fake.script(isUsage, { status: 422, body: { detail: 'Invalid usage report', errors: [{ pointer: '', message: 'expected an array' }] } });
    const { sidecar, events } = h.start({ server: fake.url, usageEveryMs: 20 });
    await sidecar.registered;
    sidecar.recordUse('analytics');
    await waitFor(() => events.some((e) => e.type === 'refused'));
    expect(events).toContainEqual({ type: 'refused', what: 'usage', status: 422, detail: 'Invalid usage report (expected an array)', dropped: 1 });
    sidecar.recordUse('ops');
    await fake.until(() => reads(fake.usage, 'ops') === 1);
    await pause(100);
    expect(fake.requests.filter(isUsage)).toHaveLength(2);
    expect(reads(fake.usage, 'analytics')).toBe(0);
  });

  it('drops only the SLO checks Quanta refuses (a metric the product does not declare), and delivers the others', async () => {
    const fake = await h.fake();
    const run = async () => [
      { port: 'readings', metric: 'freshness', passed: true, value: 1 },
      { port: 'readings', metric: 'latency', passed: false },
      { port: 'readings', metric: 'availability', passed: true },
    ];
    useFakeClock(); // one run of the checks, when the test says
    const { sidecar, events } = h.start({ server: fake.url, sloChecks: { everyMs: 60_000, run } });
    await sidecar.registered;
    await advance(60_000);
    await fake.until(() => fake.checks.length === 2);
    expect(fake.checks.map((c) => c.metric)).toEqual(['freshness', 'availability']);
    const [refused, resent, ...more] = fake.to('POST', CHECKS_PATH);
    expect(more).toEqual([]);
    expect((refused?.json as unknown[]).length).toBe(3);
    expect((resent?.json as { metric: string }[]).map((c) => c.metric)).toEqual(['freshness', 'availability']);
    const dropped = events.filter((e) => e.type === 'dropped');
    expect(dropped).toEqual([
      { type: 'dropped', what: 'slo-checks', count: 1, reason: 'invalid', detail: expect.stringMatching(/^Quanta refused the latency check at .*Z: metric: the product declares no SLO on metric "latency"$/) },
    ]);
    expect(events.filter((e) => e.type === 'refused')).toEqual([]);
  });

  it('registers again when Quanta answers 404 for the product, and then delivers', async () => {
    const fake = await h.fake();
    fake.script((r) => r.path === CHECKS_PATH, { status: 404, body: { detail: `no data product ${DESCRIPTOR.id}` } });
    const { sidecar, events } = h.start({ server: fake.url, sloChecks: { everyMs: 20, run: async () => [{ metric: 'availability', passed: false }] } });
    await sidecar.registered;
    await fake.until(() => fake.to('POST', CHECKS_PATH).length >= 2);
    expect(fake.to('PUT', '/api/v1/products')).toHaveLength(2);
    expect(events).toContainEqual({ type: 'unknown-product', iri: DESCRIPTOR.id, delayMs: expect.any(Number) });
    const [lost, delivered] = fake.to('POST', CHECKS_PATH);
    expect(delivered?.body.startsWith(lost!.body.slice(0, -1))).toBe(true); // the lost check is sent again, first
  });

  it('backs off, longer each time, when registering again does not cure the 404', async () => {
    const fake = await h.fake();
    const notFound = { status: 404, body: { detail: 'no such route behind this proxy' } } as const;
    fake.script((r) => r.path === CHECKS_PATH, ...Array.from({ length: 1_000 }, () => notFound));
    useFakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999); // no jitter: each wait is its ceiling
    const { sidecar, events } = h.start({ server: fake.url, retry: { minMs: 50, maxMs: 400 }, sloChecks: { everyMs: 10, run: async () => [{ metric: 'freshness', passed: true }] } });
    await sidecar.registered;
    await advance(10); // the first run of the checks, whose POST meets the 404
    const puts = () => fake.to('PUT', '/api/v1/products').length;
    for (const [i, ceiling] of [100, 200, 400, 400].entries()) {
      await waitFor(() => unknownProduct(events).length === i + 1);
      expect(unknownProduct(events)[i]?.delayMs).toBe(ceiling);
      await waitsExactly(ceiling, puts); // no registration before the wait is over: no tight loop
    }
    expect(puts()).toBe(5);
  });

  it('logs a failing SLO check run, drops an invalid result, and runs the checks again', async () => {
    const fake = await h.fake();
    let runs = 0;
    const run = async () => {
      runs += 1;
      if (runs === 1) throw new Error('the probe broke');
      return [{ metric: 'freshness', passed: true, value: Number.NaN }, { metric: 'freshness', passed: runs % 2 === 0, value: runs }];
    };
    const { sidecar, events } = h.start({ server: fake.url, sloChecks: { everyMs: 15, run } });
    await sidecar.registered;
    await fake.until(() => fake.to('POST', CHECKS_PATH).length >= 2);
    expect(events).toContainEqual({ type: 'check-failed', detail: 'the probe broke' });
    expect(events).toContainEqual({ type: 'dropped', what: 'slo-checks', count: 1, reason: 'invalid', detail: 'value: Invalid input: expected number, received NaN (metric freshness)' });
    const sent = fake.to('POST', CHECKS_PATH).flatMap((r) => r.json as { value: number }[]);
    expect(sent.every((c) => Number.isFinite(c.value))).toBe(true);
    expect(sent[0]).toMatchObject({ metric: 'freshness', passed: true, value: 2 });
  });

  it('holds at most maxBuffered while Quanta is down, dropping the oldest and saying how many', async () => {
    const port = await closedPort();
    const { sidecar, events } = h.start({ server: `http://127.0.0.1:${port}`, maxBuffered: 3, usageEveryMs: 20 });
    for (const team of ['t1', 't2', 't3', 't4', 't5']) sidecar.recordUse(team);
    expect(sidecar.recordUse('Not A Team')).toBe(false);
    await waitFor(() => events.some((e) => e.type === 'dropped' && e.reason === 'buffer-full'));
    expect(events).toContainEqual({ type: 'dropped', what: 'usage', count: 2, reason: 'buffer-full' });
    expect(events).toContainEqual(expect.objectContaining({ type: 'dropped', what: 'usage', count: 1, reason: 'invalid' }));
    const fake = await h.fake(port);
    await sidecar.registered;
    await fake.until(() => fake.usage.size === 3);
    expect([...fake.usage.values()].map((u) => u.consumer)).toEqual(['t3', 't4', 't5']);
  });

  it('stop() sends what is buffered once, then takes nothing more', async () => {
    const fake = await h.fake();
    const { sidecar } = h.start({ server: fake.url, usageEveryMs: 60_000 });
    await sidecar.registered;
    sidecar.recordUse('analytics', { count: 7 });
    await sidecar.stop();
    expect(fake.requests.filter(isUsage)).toHaveLength(1);
    expect(reads(fake.usage, 'analytics')).toBe(7);
    expect(sidecar.recordUse('analytics')).toBe(false);
    await sidecar.stop(); // a second stop is harmless
  });

  it('stop() returns at stopTimeoutMs when Quanta hangs, and says what it could not send', async () => {
    const fake = await h.fake();
    fake.script(isUsage, 'hang');
    useFakeClock();
    const { sidecar, events } = h.start({ server: fake.url, usageEveryMs: 60_000, stopTimeoutMs: 300 });
    await sidecar.registered;
    sidecar.recordUse('analytics');
    const stopped = sidecar.stop();
    await fake.until(() => fake.requests.filter(isUsage).length === 1); // the call that hangs is in flight
    await advance(299);
    expect(await settledWithin(stopped, 40)).toBe('pending'); // it gives the call its time...
    await advance(1);
    expect(await settledWithin(stopped, 2_000)).toBe('settled'); // ...and not a moment more
    expect(fake.requests.filter(isUsage)).toHaveLength(1);
    expect(events).toContainEqual({ type: 'dropped', what: 'usage', count: 1, reason: 'unsent-at-stop' });
  });
});

describe('nothing the sidecar does in the background escapes as a rejection', () => {
  const h = sidecarHarness(); // fails a test on any unhandled rejection

  it('survives a log that throws, and SLO checks that throw at once or reject', async () => {
    const fake = await h.fake();
    let runs = 0;
    const run = (): Promise<{ metric: string; passed: boolean }[]> => {
      runs += 1;
      if (runs % 3 === 1) throw new Error('thrown at once');
      if (runs % 3 === 2) return Promise.reject(new Error('rejected'));
      return Promise.resolve([{ metric: 'freshness', passed: true }]);
    };
    const log = () => {
      throw new Error('the log is broken');
    };
    const { sidecar } = h.start({ server: fake.url, log, usageEveryMs: 10, sloChecks: { everyMs: 10, run } });
    expect(await sidecar.registered).toMatchObject({ outcome: 'created' });
    sidecar.recordUse('analytics');
    expect(sidecar.recordUse('Not A Team')).toBe(false); // logged, to a log that throws
    await fake.until(() => fake.checks.length >= 2 && reads(fake.usage, 'analytics') === 1);
    expect(runs).toBeGreaterThanOrEqual(6);
  });

  it('logs an SLO check run that throws at once, and one that rejects', async () => {
    const fake = await h.fake();
    const runs = [() => { throw new Error('thrown at once'); }, () => Promise.reject(new Error('rejected')), () => Promise.resolve([])];
    const { sidecar, events } = h.start({ server: fake.url, sloChecks: { everyMs: 10, run: () => (runs.shift() ?? runs[0]!)() } });
    await sidecar.registered;
    await waitFor(() => events.filter((e) => e.type === 'check-failed').length === 2);
    expect(events.filter((e) => e.type === 'check-failed')).toEqual([
      { type: 'check-failed', detail: 'thrown at once' },
      { type: 'check-failed', detail: 'rejected' },
    ]);
  });

  it('logs a flush that fails (a bug), and sends on the next tick', async () => {
    vi.spyOn(SignalOutbox.prototype, 'flush').mockRejectedValueOnce(new Error('a bug in the outbox'));
    const fake = await h.fake();
    const { sidecar, events } = h.start({ server: fake.url, usageEveryMs: 10 });
    await sidecar.registered;
    sidecar.recordUse('analytics');
    await fake.until(() => reads(fake.usage, 'analytics') === 1);
    expect(events).toContainEqual({ type: 'error', where: 'flush', detail: 'a bug in the outbox' });
  });

  it('refuses a maxBuffered beyond a million at start', () => {
    expect(() => h.start({ server: 'http://127.0.0.1:1', maxBuffered: 1_000_001 })).toThrow(RangeError);
    expect(() => h.start({ server: 'http://127.0.0.1:1', maxBuffered: 1_000_000 })).not.toThrow();
  });
});
