import { createServer } from 'node:net';
import { afterEach, beforeEach, expect } from 'vitest';
import { startSidecar } from '../sidecar.js';
import type { Sidecar, SidecarEvent, SidecarOptions } from '../types.js';
import { FakeQuanta } from './fake-quanta.js';

/** A descriptor as a product would pass it; only `id` matters to the sidecar. */
export const DESCRIPTOR = {
  id: 'https://tides.example/products/coast/test-gauge',
  name: 'test-gauge',
  domain: 'coast',
  owner: { team: 'coast-ops' },
} as const;

/** Quick retries, so a test sees several in a few hundred milliseconds. */
export const FAST = { minMs: 10, maxMs: 80 } as const;

/** Resolves after `ms`. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `condition` holds, polling; rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 4_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await pause(5);
  }
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
