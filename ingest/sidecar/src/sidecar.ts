import { DEFAULT_RETRY } from './backoff.js';
import { createSender } from './http.js';
import { stderrLog } from './log.js';
import { type FlushResult, SignalOutbox } from './outbox.js';
import { registerUntilSettled } from './registration.js';
import type { Registration, Sidecar, SidecarEvent, SidecarOptions, SloCheck } from './types.js';
import { invalidUse } from './usage.js';

const DEFAULTS = { usageEveryMs: 10_000, maxBuffered: 10_000, requestTimeoutMs: 10_000, stopTimeoutMs: 5_000 } as const;

/**
 * Registers a data product's descriptor with Quanta and reports its usage and SLO checks, for as
 * long as the product runs. Call it once at start-up; it returns at once and works in the
 * background. While Quanta is unreachable it retries with backoff, and it buffers signals
 * (bounded) until the product is registered. Its timers never keep the process alive, and nothing
 * it does in the background throws or rejects.
 *
 * @example
 * const sidecar = startSidecar({ server: 'http://127.0.0.1:4000', descriptor: 'descriptor.yaml' });
 * sidecar.recordUse('analytics', { port: 'readings' });
 * await sidecar.stop();
 * @throws RangeError when an interval, limit or the retry policy is not a positive number
 */
export function startSidecar(options: SidecarOptions): Sidecar {
  const settings = checked(options);
  const log = guarded(options.log ?? stderrLog);
  const stopping = new AbortController(); // stop() was called: start nothing new
  const abandon = new AbortController(); // stop() ran out of time: drop the calls in flight
  const serverError = invalidServer(options.server);
  const send = createSender(serverError ? 'http://invalid' : options.server, options.token, settings.requestTimeoutMs);
  const outbox = new SignalOutbox({ send, log, retry: settings.retry, capacity: settings.maxBuffered });
  const timers = new Set<NodeJS.Timeout>();
  let iri: string | undefined; // set once registered: nothing is sent before
  let refused = false;
  let flushing: Promise<void> | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let checking = false;

  const every = (ms: number, task: () => unknown) => timers.add(setInterval(task, ms).unref());
  const clearTimers = () => {
    for (const timer of timers) clearInterval(timer);
    clearTimeout(retryTimer);
  };

  const register = async (): Promise<Registration> => {
    const result: Registration = serverError
      ? { outcome: 'refused', detail: serverError }
      : await registerUntilSettled(options.descriptor, { send, log, retry: settings.retry, stopping: stopping.signal, abandon: abandon.signal });
    if (result.outcome === 'refused') {
      refused = true;
      clearTimers();
      const left = outbox.clear();
      const { outcome: _refused, ...why } = result;
      log({ type: 'refused', what: 'registration', ...why, dropped: left.usage + left['slo-checks'] });
    } else if (result.outcome !== 'stopped') {
      iri = result.iri;
      log({ type: 'registered', ...result });
      void flush();
    }
    return result;
  };

  const afterFlush = (result: FlushResult) => {
    if (stopping.signal.aborted) return;
    if (result.kind === 'retry') {
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        void flush();
      }, result.delayMs).unref();
    } else if (result.kind === 'unknown-product' && iri) {
      log({ type: 'unknown-product', iri, delayMs: result.delayMs });
      iri = undefined;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        void register();
      }, result.delayMs).unref();
    }
  };

  /** One flush at a time; a tick during a backoff waits for the retry timer unless `force`d. */
  const flush = (force = false): Promise<void> => {
    outbox.reportDrops();
    if (!iri || refused || (retryTimer && !force)) return Promise.resolve();
    flushing ??= outbox
      .flush(iri, abandon.signal)
      .then(afterFlush)
      .finally(() => (flushing = undefined));
    return flushing;
  };

  const runChecks = async (run: () => Promise<readonly SloCheck[]>) => {
    if (checking || refused || stopping.signal.aborted) return; // a slow check is not stacked up
    checking = true;
    try {
      const at = new Date().toISOString();
      const checks = await run();
      if (stopping.signal.aborted) return;
      outbox.addChecks(checks, at);
      void flush();
    } catch (e) {
      log({ type: 'check-failed', detail: e instanceof Error ? e.message : String(e) });
    } finally {
      checking = false;
    }
  };

  const registered = register();
  every(settings.usageEveryMs, () => flush());
  const { sloChecks } = options;
  if (sloChecks) every(sloChecks.everyMs, () => runChecks(sloChecks.run));

  let stopped: Promise<void> | undefined;
  const stop = async () => {
    stopping.abort();
    clearTimers();
    const deadline = setTimeout(() => abandon.abort(), settings.stopTimeoutMs).unref();
    try {
      await registered; // an attempt in flight may still succeed, within the deadline
      await flushing;
      if (iri) await flush(true);
      const left = outbox.clear();
      for (const what of ['usage', 'slo-checks'] as const) {
        if (left[what] > 0) log({ type: 'dropped', what, count: left[what], reason: 'unsent-at-stop' });
      }
    } catch {
      // stop() never rejects: a product calls it on its way out, often without a catch.
    } finally {
      clearTimeout(deadline);
      abandon.abort();
    }
  };

  return {
    registered,
    recordUse(consumer, use = {}) {
      if (refused || stopping.signal.aborted) return false;
      const count = use.count ?? 1;
      const invalid = invalidUse(consumer, use.port, count);
      if (invalid) {
        log({ type: 'dropped', what: 'usage', count: 1, reason: 'invalid', detail: invalid });
        return false;
      }
      outbox.recordUse(consumer, use.port, count, new Date().toISOString());
      return true;
    },
    stop: () => (stopped ??= stop()),
  };
}

/** The product's log, kept from breaking the sidecar when it throws. */
function guarded(log: (event: SidecarEvent) => void): (event: SidecarEvent) => void {
  return (event) => {
    try {
      log(event);
    } catch {
      // A log that throws must not stop registration or lose signals.
    }
  };
}

/** Why `server` is not a base URL to call, or undefined. A typo in a URL is refused, not thrown. */
function invalidServer(server: string): string | undefined {
  try {
    const url = new URL(server);
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `server ${server} is not an http(s) URL`;
  } catch {
    return `server ${JSON.stringify(server)} is not a URL`;
  }
}

/** The settings with their defaults, checked: a zero interval would spin. */
function checked(options: SidecarOptions) {
  const settings = {
    usageEveryMs: options.usageEveryMs ?? DEFAULTS.usageEveryMs,
    maxBuffered: options.maxBuffered ?? DEFAULTS.maxBuffered,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    stopTimeoutMs: options.stopTimeoutMs ?? DEFAULTS.stopTimeoutMs,
    retry: options.retry ?? DEFAULT_RETRY,
  };
  const numbers = { ...settings, 'retry.minMs': settings.retry.minMs, 'retry.maxMs': settings.retry.maxMs, 'sloChecks.everyMs': options.sloChecks?.everyMs ?? 1 };
  for (const [name, value] of Object.entries(numbers)) {
    if (typeof value === 'number' && !(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number, not ${value}`);
  }
  if (!Number.isInteger(settings.maxBuffered)) throw new RangeError(`maxBuffered must be an integer, not ${settings.maxBuffered}`);
  return settings;
}
