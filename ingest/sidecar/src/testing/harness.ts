import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { startSidecar } from '../sidecar.js';
import type { Sidecar, SidecarEvent, SidecarOptions } from '../types.js';
import { FakeQuanta } from './fake-quanta.js';

/** A descriptor as a product would pass it; the sidecar needs its `id`, the fake its SLOs. */
export const DESCRIPTOR = {
  id: 'https://tides.example/products/coast/test-gauge',
  name: 'test-gauge',
  domain: 'coast',
  owner: { team: 'coast-ops' },
  outputPorts: [{ name: 'readings', slos: [{ metric: 'freshness' }, { metric: 'availability' }] }],
} as const;

/** Quick retries, so a test sees several in a few hundred milliseconds. */
export const FAST = { minMs: 10, maxMs: 80 } as const;

// Taken before any test fakes the clock: waiting for sockets happens in real time.
const realSetTimeout = globalThis.setTimeout;

/** Resolves after `ms` of real time, even under a faked clock. */
export const pause = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));

/** Resolves once `condition` holds, polling in real time; rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 4_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await pause(5);
  }
}

/** How `promise` settled within `ms` of real time: `'settled'`, or `'pending'` when it had not. */
export async function settledWithin(promise: Promise<unknown>, ms: number): Promise<'settled' | 'pending'> {
  return Promise.race([promise.then(() => 'settled' as const), pause(ms).then(() => 'pending' as const)]);
}

/**
 * Fakes the clock the sidecar waits on (setTimeout, setInterval, Date) and leaves I/O, setImmediate
 * and performance real: sockets still work, and a test moves time on with {@link advance} rather
 * than racing the scheduler of a busy machine. The harness restores real timers after each test.
 */
export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/** Moves the faked clock on by `ms`, running the timers that fall due. */
export const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/**
 * Checks that the next attempt (`attempts()` going up) waits exactly `ms` of faked time: none
 * just before, one at `ms`. A premature attempt would reach the socket within the real pause.
 */
export async function waitsExactly(ms: number, attempts: () => number): Promise<void> {
  const before = attempts();
  await advance(ms - 1);
  await pause(40);
  expect(attempts(), `an attempt came before ${ms} ms`).toBe(before);
  await advance(1);
  await waitFor(() => attempts() > before);
}

/** A loopback port where nothing listens (until a test starts something there). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Per-test set-up for sidecar suites: sidecars and fakes started through it are stopped after
 * each test, and a test fails when anything rejected unhandled while it ran (a sidecar must
 * never crash its product that way).
 */
export function sidecarHarness() {
  const sidecars: Sidecar[] = [];
  const fakes: FakeQuanta[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    await Promise.all(sidecars.splice(0).map((s) => s.stop()));
    await Promise.all(fakes.splice(0).map((f) => f.close()));
    await pause(20); // let a stray rejection surface
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
  return {
    /** Starts a fake Quanta, closed after the test. */
    fake: async (port?: number) => {
      const fake = await FakeQuanta.start(port);
      fakes.push(fake);
      return fake;
    },
    /** Starts a sidecar with fast retries whose events land in `events`, stopped after the test. */
    start: (options: Partial<SidecarOptions> & Pick<SidecarOptions, 'server'>) => {
      const events: SidecarEvent[] = [];
      const sidecar = startSidecar({ descriptor: DESCRIPTOR, retry: FAST, log: (e) => events.push(e), ...options });
      sidecars.push(sidecar);
      return { sidecar, events };
    },
  };
}
